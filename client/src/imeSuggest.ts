/**
 * Opens the suggest widget after committed Chinese input. VS Code's quick suggestions fire on
 * typed word characters, but text committed by an input method arrives as one insertion that
 * does not start them, so phrase completion would never appear while typing Chinese. VS Code
 * sends no document changes during IME composition, so a change that inserts Han characters is
 * already the committed text.
 */
import * as vscode from 'vscode';
import { completionEnabled } from './settings';

const DELAY_MS = 50;
/** Longer insertions are pastes or snippet bodies, not what an input method commits. */
const MAX_COMMIT_LENGTH = 16;
const HAN = /\p{Script=Han}/u;

export function registerImeSuggest(context: vscode.ExtensionContext): void {
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || e.document !== editor.document || e.document.languageId !== 'markdown') return;
      if (e.reason !== undefined) return; // undo / redo
      const end = committedHanEnd(e.contentChanges);
      if (!end || !completionEnabled(e.document)) return;
      if (timer) clearTimeout(timer);
      // The selection event for this edit arrives after the change event: check the cursor later.
      timer = setTimeout(() => {
        timer = undefined;
        const now = vscode.window.activeTextEditor;
        if (now !== editor || now.selections.length !== 1) return;
        const sel = now.selection;
        if (!sel.isEmpty || !sel.active.isEqual(end)) return;
        void vscode.commands.executeCommand('editor.action.triggerSuggest');
      }, DELAY_MS);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

/**
 * When the change is one pure insertion of a short single-line text containing Han characters,
 * the position just after it; otherwise undefined.
 */
export function committedHanEnd(changes: readonly vscode.TextDocumentContentChangeEvent[]): vscode.Position | undefined {
  if (changes.length !== 1) return undefined;
  const [c] = changes;
  if (c.rangeLength !== 0 || !c.range.isEmpty) return undefined;
  if (c.text === '' || c.text.length > MAX_COMMIT_LENGTH || /[\r\n]/.test(c.text) || !HAN.test(c.text)) return undefined;
  return c.range.start.translate(0, c.text.length);
}
