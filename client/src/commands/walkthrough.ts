/**
 * Commands behind the getting-started walkthrough (`contributes.walkthroughs`, written by
 * client/scripts/updateManifest.ts): `shuzhi.newDraft` opens an empty untitled Markdown draft,
 * `shuzhi.tryCompletion` puts the cursor on the draft's last empty line and opens the list there,
 * `shuzhi.showOutline` shows the draft's Outline, `shuzhi.showWalkthrough` opens the walkthrough.
 *
 * The walkthrough runs a `command:toSide:` button in the editor group beside it only while it is
 * wide; once the draft shares the window with it, the button runs with the walkthrough focused.
 * The Outline follows the focused editor, so the draft is focused first.
 */
import * as vscode from 'vscode';
import { focusDraft, openNewDraft } from '../draftEditor';
import type { CommandDeps } from './deps';

/** The walkthrough's id in package.json; VS Code names it `<publisher>.<name>#<id>`. */
export const WALKTHROUGH_ID = 'gettingStarted';

export function registerWalkthroughCommands({ context }: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('shuzhi.newDraft', async () => {
      await openNewDraft();
    }),
    vscode.commands.registerCommand('shuzhi.tryCompletion', async () => {
      const editor = await focusDraft(true);
      if (!editor) return;
      // On an empty line the list always has something to show (section headings numbered to
      // fit the draft), whatever the corpus; the last empty line is where a writer goes on.
      const doc = editor.document;
      let line = -1;
      for (let i = doc.lineCount - 1; i >= 0 && line < 0; i--) if (doc.lineAt(i).isEmptyOrWhitespace) line = i;
      if (line >= 0) {
        const at = doc.lineAt(line).range.end;
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at));
      }
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
    }),
    vscode.commands.registerCommand('shuzhi.showOutline', async () => {
      await focusDraft(false);
      await vscode.commands.executeCommand('outline.focus');
    }),
    vscode.commands.registerCommand('shuzhi.showWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
  );
}
