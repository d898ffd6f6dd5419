/**
 * `shuzhi.insertTemplate`: pick a report type, ask the server for its skeleton
 * (`shuzhi/skeleton`) and insert it as a snippet, so the user tabs through the placeholders.
 */
import * as vscode from 'vscode';
import { focusDraft } from '../draftEditor';
import { Methods, type SkeletonParams } from '../../../server/src/protocol/contract';
import { reportTypeItems } from '../reportTypes';
import type { CommandDeps } from './deps';

export function registerInsertTemplate({ context, server }: CommandDeps): void {
  context.subscriptions.push(vscode.commands.registerCommand('shuzhi.insertTemplate', (type?: string) => insertTemplate(server, type)));
}

async function insertTemplate(server: CommandDeps['server'], presetType?: string): Promise<void> {
  let type = typeof presetType === 'string' ? presetType : undefined;
  if (type === undefined) {
    const picked = await vscode.window.showQuickPick(
      reportTypeItems().map((c) => ({ ...c, description: c.value })),
      { title: vscode.l10n.t('Insert report template'), placeHolder: vscode.l10n.t('Choose the kind of report') },
    );
    if (!picked) return;
    type = picked.value;
  }
  const params: SkeletonParams = { type };
  const result = await server.trySend(Methods.skeleton, params);
  const body = result?.snippet;
  if (!body) {
    if (result !== undefined) void vscode.window.showWarningMessage(vscode.l10n.t('No template is available for this kind of report.'));
    return;
  }
  // Into the draft shown (also when the focus is on the walkthrough beside it); with no
  // Markdown editor to insert into, a new draft is started.
  const editor = await focusDraft(true);
  await editor?.insertSnippet(new vscode.SnippetString(body));
}
