/**
 * How completion shows up in the editor: ghost text after committed Chinese input (below), and
 * `shuzhi.suggestPhrases`, which opens the full list of phrases as Ctrl+Space does, for users
 * who look in the command palette (F1).
 *
 * Ghost text (an inline completion) after committed Chinese input.
 *
 * What VS Code 1.139 does by itself (read in its source, and measured in code-server by logging
 * the requests the server receives): its inline completion model starts on `onDidType` (and on
 * paste) and, once started, asks again on every change of the document until a shown ghost text
 * is dismissed. With the native input handling (EditContext, the default) the composition lives
 * in the document: the first composition update is a plain insertion that goes through `type`
 * (so `onDidType` fires), the later ones and the commit are replacements. So VS Code asks on
 * every composition step and on the commit (one request per document version, automatic
 * trigger kind), and shows nothing while composing (ghost text is hidden during composition).
 * Committed text without composition (page.keyboard.insertText) goes through `type` as well.
 *
 * This trigger is therefore a fallback for a commit that reaches an idle inline model (other
 * input paths, other VS Code versions), not the main path. It is harmless: it is not explicit
 * (`explicit: false`), so the request keeps the automatic trigger kind and VS Code reuses a
 * request that is pending or answered for the same document version and cursor (versions whose
 * command takes no argument make it explicit: one more request per commit). Measured with
 * and without it, composing `我们要坚定` (pinyin, then characters, then the commit), typing
 * without composition and composing over a selection gave the same requests: one per document
 * version, none added by this trigger. The 50 ms timer coalesces bursts.
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
