/**
 * Commands behind the getting-started walkthrough (`contributes.walkthroughs`, written by
 * client/scripts/updateManifest.ts): `shuzhi.newDraft` opens an empty untitled Markdown draft,
 * `shuzhi.tryCompletion` puts the cursor in the draft and asks for suggestions there,
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
      if (!(await focusDraft(true))) return;
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
