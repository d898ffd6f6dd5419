/**
 * How completion shows up in the editor: ghost text after committed Chinese input (below), and
 * `shuzhi.suggestPhrases`, which opens the full list of phrases as Ctrl+Space does, for users
 * who look in the command palette (F1).
 *
 * Ghost text (an inline completion) after committed Chinese input.
 *
 * What VS Code 1.139 does by itself (read in its source and watched in code-server, see
 * test/e2e/scenarios.ts): the inline completion model starts on `onDidType` and on paste, and
 * while it is active it fetches again on every change of the document. Keyboard input and
 * committed text without composition (page.keyboard.insertText) go through `onDidType`, so VS
 * Code asks the server by itself. An input method's commit does not: during composition the
 * composed text is written into the document (the extension host sees `s`, `si`, `sizhi`, `四个`
 * as replacements) and the commit is one more replacement through the composition path, which
 * fires no `onDidType`; VS Code also hides ghost text while composing. Without this trigger a
 * writer using an input method would see ghost text only after typing an ASCII character.
 *
 * The trigger is not explicit (`explicit: false`): the request keeps the automatic trigger kind,
 * as when typing, and VS Code reuses a request that is pending or answered for the same
 * document version and cursor. So when VS Code already asked, this adds no request; otherwise it
 * adds one. The 50 ms timer coalesces bursts, and composition updates with Han text only cost
 * requests whose answers VS Code hides until the commit: at most one request per document
 * version, the same rate as typing.
 */
import * as vscode from 'vscode';
import { isImeCommit } from './imeCommit';
import { inlineCompletionEnabled } from './settings';

const DELAY_MS = 50;

export function registerImeSuggest(context: vscode.ExtensionContext): void {
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || e.document !== editor.document || e.document.languageId !== 'markdown') return;
      if (e.reason !== undefined) return; // undo / redo
      if (!isImeCommit(e.contentChanges) || !inlineCompletionEnabled(e.document)) return;
      const [change] = e.contentChanges;
      const end = change.range.start.translate(0, change.text.length);
      if (timer) clearTimeout(timer);
      // The selection event for this edit arrives after the change event: check the cursor later.
      timer = setTimeout(() => {
        timer = undefined;
        const now = vscode.window.activeTextEditor;
        if (now !== editor || now.selections.length !== 1) return;
        const sel = now.selection;
        if (!sel.isEmpty || !sel.active.isEqual(end)) return;
        void vscode.commands.executeCommand('editor.action.inlineSuggest.trigger', { explicit: false });
      }, DELAY_MS);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

/** `shuzhi.suggestPhrases`: the list on demand (Trigger Suggest), bound to no key by default. */
export function registerSuggestPhrases(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('shuzhi.suggestPhrases', () => vscode.commands.executeCommand('editor.action.triggerSuggest')));
}
