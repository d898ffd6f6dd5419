/**
 * Corpus commands: `shuzhi.addCorpusFolder` (pick folders, append them to shuzhi.corpusPaths in
 * the settings scope the user chooses), `shuzhi.rebuildIndex` (`shuzhi/rebuild`) and
 * `shuzhi.clearCache` (`shuzhi/clearCache`: removes the corpus snapshots).
 */
import * as vscode from 'vscode';
import { Methods } from '../../../server/src/protocol/contract';
import type { CommandDeps } from './deps';

interface TargetItem extends vscode.QuickPickItem {
  target: vscode.ConfigurationTarget;
  folder?: vscode.WorkspaceFolder;
}

export function registerCorpusCommands(deps: CommandDeps): void {
  deps.context.subscriptions.push(
    vscode.commands.registerCommand('shuzhi.addCorpusFolder', (uri?: vscode.Uri) => addCorpusFolder(uri)),
    vscode.commands.registerCommand('shuzhi.rebuildIndex', () => rebuildIndex(deps)),
    vscode.commands.registerCommand('shuzhi.clearCache', () => clearCache(deps)),
  );
}

async function addCorpusFolder(preset?: vscode.Uri): Promise<void> {
  const folders =
    preset instanceof vscode.Uri
      ? [preset]
      : await vscode.window.showOpenDialog({
          canSelectFiles: false,
          canSelectFolders: true,
          canSelectMany: true,
          openLabel: vscode.l10n.t('Add to corpus'),
          title: vscode.l10n.t('Choose folders of reports to learn from'),
        });
  if (!folders || folders.length === 0) return;
  const target = await pickTarget();
  if (!target) return;
  const config = vscode.workspace.getConfiguration('shuzhi', target.folder?.uri);
  const inspected = config.inspect<string[]>('corpusPaths');
  const current =
    target.target === vscode.ConfigurationTarget.Global
      ? inspected?.globalValue
      : target.target === vscode.ConfigurationTarget.Workspace
        ? inspected?.workspaceValue
        : inspected?.workspaceFolderValue;
  const paths = [...(Array.isArray(current) ? current : [])];
  let added = 0;
  for (const f of folders) {
    if (!paths.includes(f.fsPath)) {
      paths.push(f.fsPath);
      added++;
    }
  }
  if (added === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('These folders are already in the corpus.'));
    return;
  }
  await config.update('corpusPaths', paths, target.target);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Added {0} folder(s) to the corpus; the index is being rebuilt.', added),
  );
}

/** User settings always; workspace (and folder) settings only in a trusted workspace, where they take effect. */
async function pickTarget(): Promise<TargetItem | undefined> {
  const items: TargetItem[] = [
    {
      label: vscode.l10n.t('User settings'),
      detail: vscode.l10n.t('Used in every workspace on this computer.'),
      target: vscode.ConfigurationTarget.Global,
    },
  ];
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (vscode.workspace.isTrusted && folders.length > 0) {
    items.push({
      label: vscode.l10n.t('Workspace settings'),
      detail: vscode.l10n.t('Used only in this workspace.'),
      target: vscode.ConfigurationTarget.Workspace,
    });
    if (folders.length > 1) {
      for (const folder of folders) {
        items.push({
          label: vscode.l10n.t('Folder settings: {0}', folder.name),
          target: vscode.ConfigurationTarget.WorkspaceFolder,
          folder,
        });
      }
    }
  }
  if (items.length === 1) return items[0];
  return vscode.window.showQuickPick(items, { title: vscode.l10n.t('Where should the corpus folder be saved?') });
}

async function rebuildIndex({ server }: CommandDeps): Promise<void> {
  // The server reports progress itself ($/progress); this only waits for the answer.
  const result = await server.trySend(Methods.rebuild, {});
  if (result === undefined) return;
  const reports = result?.reports;
  void vscode.window.showInformationMessage(
    reports === undefined
      ? vscode.l10n.t('The corpus index has been rebuilt.')
      : vscode.l10n.t('The corpus index has been rebuilt: {0} reports.', reports),
  );
}

async function clearCache({ server, output }: CommandDeps): Promise<void> {
  const result = await server.trySend(Methods.clearCache, {});
  if (!result) return;
  const mb = (result.bytes / (1024 * 1024)).toFixed(1);
  const failed = result.failed;
  for (const f of failed) output.appendLine(vscode.l10n.t('Could not remove {0}: {1}', f.path, f.reason));
  if (failed.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Removed {0} cached file(s) ({1} MB); {2} could not be removed, see the output panel.', result.files, mb, failed.length),
    );
    return;
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Corpus cache cleared: {0} file(s), {1} MB. The next start reads the corpus files again.', result.files, mb),
  );
}
