/**
 * Word commands: `shuzhi.exportDocx` (`shuzhi/export` {uri, target}; the server reads the open
 * document, so unsaved edits are exported too) and `shuzhi.importDocx` (`shuzhi/import` {path} →
 * a new untitled Markdown draft).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ResponseError } from 'vscode-languageclient/node';
import { draftEditor } from '../draftEditor';
import { EXPORT_TARGET_EXISTS, Methods, type ImportParams } from '../../../server/src/protocol/contract';
import type { Answer } from '../serverRequests';
import type { CommandDeps } from './deps';

export function registerDocxCommands(deps: CommandDeps): void {
  deps.context.subscriptions.push(
    vscode.commands.registerCommand('shuzhi.exportDocx', (uri?: vscode.Uri) => exportDocx(deps, uri)),
    vscode.commands.registerCommand('shuzhi.importDocx', (uri?: vscode.Uri) => importDocx(deps, uri)),
  );
}

async function exportDocx({ server }: CommandDeps, preset?: vscode.Uri): Promise<void> {
  const doc = preset instanceof vscode.Uri
    ? await vscode.workspace.openTextDocument(preset)
    : draftEditor()?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report to export it to Word.'));
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultDocxUri(doc),
    filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export to Word'),
  });
  if (!target) return;
  const targetPath = target.fsPath.toLowerCase().endsWith('.docx') ? target.fsPath : target.fsPath + '.docx';
  let overwrite = false;
  if (fs.existsSync(targetPath)) {
    if (!(await confirmOverwrite(targetPath))) return;
    overwrite = true;
  }
  const send = (o: boolean) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to Word…') },
      () => server.send(Methods.exportDocx, { uri: doc.uri.toString(), target: targetPath, overwrite: o }),
    );
  let result: Answer<typeof Methods.exportDocx> | undefined;
  try {
    result = await send(overwrite);
  } catch (error) {
    // The file appeared after the dialog closed: ask, then try once more.
    if (error instanceof ResponseError && error.code === EXPORT_TARGET_EXISTS && !overwrite && (await confirmOverwrite(targetPath))) {
      result = await server.trySendWith(() => send(true));
    } else {
      server.report(error);
    }
  }
  if (result === undefined) return;
  const written = result?.path ?? targetPath;
  const reveal = vscode.l10n.t('Show in folder');
  const desktop = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Exported to {0}', written),
    ...(desktop ? [reveal] : []),
  );
  if (answer === reveal) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(written));
}

async function confirmOverwrite(file: string): Promise<boolean> {
  const overwrite = vscode.l10n.t('Overwrite');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('“{0}” already exists. Replace it?', path.basename(file)),
    { modal: true },
    overwrite,
  );
  return answer === overwrite;
}

/** Next to the Markdown file, same name; for an untitled draft, in the first workspace folder. */
function defaultDocxUri(doc: vscode.TextDocument): vscode.Uri | undefined {
  if (doc.uri.scheme === 'file') return vscode.Uri.file(doc.uri.fsPath.replace(/\.(md|markdown)$/i, '') + '.docx');
  const folder = vscode.workspace.workspaceFolders?.[0];
  const firstLine = doc.lineCount > 0 ? doc.lineAt(0).text.replace(/^#+\s*/, '').trim() : '';
  const name = (firstLine.replace(/[\\/:*?"<>|]/g, '').slice(0, 60) || 'report') + '.docx';
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}

async function importDocx({ server }: CommandDeps, preset?: vscode.Uri): Promise<void> {
  const picked = preset instanceof vscode.Uri
    ? [preset]
    : await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Word document')]: ['docx'] },
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('Import from Word'),
      });
  if (!picked || picked.length === 0) return;
  const params: ImportParams = { path: picked[0].fsPath };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing from Word…') },
    () => server.trySend(Methods.importDocx, params),
  );
  if (!result) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(doc);
}
