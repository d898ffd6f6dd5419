/**
 * `shuzhi.review` (审校全文): asks the server for the review of the active draft
 * (`shuzhi/review`) and shows it in a quick pick — the share copied from the corpus with its
 * sources first, then the findings grouped by category, most severe first. Picking a finding
 * selects its text in the draft; picking a source (or a finding's source button) opens the
 * corpus file read-only at the passage.
 */
import * as vscode from 'vscode';
import { Methods, type ReviewParams, type ReviewSource } from '../../../server/src/protocol/contract';
import type { CommandDeps } from './deps';

type Item = vscode.QuickPickItem & { range?: vscode.Range; source?: ReviewSource };

const ICON: Record<string, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'lightbulb' };

export function registerReview(deps: CommandDeps): void {
  deps.context.subscriptions.push(vscode.commands.registerCommand('shuzhi.review', () => review(deps)));
}

async function review({ server }: CommandDeps): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report to review it.'));
    return;
  }
  const params: ReviewParams = { uri: editor.document.uri.toString() };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reviewing the draft…') },
    (_p, token) => server.trySend(Methods.review, params, token),
  );
  if (!result) return;
  const openButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Open the source (read-only)') };
  const items: Item[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  if (result.copy) {
    items.push({ label: result.copy.text, kind: vscode.QuickPickItemKind.Separator });
    for (const s of result.copy.sources) items.push({ label: `$(file-text) 《${s.title}》`, description: pct(s.share), source: s });
  }
  for (const c of result.categories) {
    items.push({ label: `${c.name} ${c.count}`, kind: vscode.QuickPickItemKind.Separator });
    for (const it of result.items.filter((i) => i.category === c.name)) {
      const range = new vscode.Range(it.range.start.line, it.range.start.character, it.range.end.line, it.range.end.character);
      items.push({
        label: `$(${ICON[it.severity] ?? 'info'}) ${it.message}`,
        description: vscode.l10n.t('line {0}', range.start.line + 1),
        detail: it.rule,
        range,
        source: it.sources?.[0],
        buttons: it.sources?.length ? [openButton] : undefined,
      });
    }
  }
  if (!result.items.length && !result.copy?.sources.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Review done: nothing found.'));
    return;
  }
  const summary = result.categories.map((c) => `${c.name} ${c.count}`).join(' · ');
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('Review: {0}', [result.copy?.text, summary || vscode.l10n.t('no problems')].filter(Boolean).join(' · '));
  pick.placeholder = vscode.l10n.t('Pick an item to go to its place; sources open read-only');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items;
  const target = editor.document;
  const openSource = async (s: ReviewSource) => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(s.uri));
    const at = new vscode.Position(Math.max(0, Math.min(s.line ?? 0, doc.lineCount - 1)), 0);
    await vscode.window.showTextDocument(doc, { preview: true, selection: new vscode.Range(at, doc.lineAt(at.line).range.end), viewColumn: vscode.ViewColumn.Beside });
  };
  await new Promise<void>((resolve) => {
    pick.onDidTriggerItemButton(async (e) => {
      pick.hide();
      if (e.item.source) await openSource(e.item.source);
    });
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0];
      pick.hide();
      if (item?.range) {
        const ed = await vscode.window.showTextDocument(target, editor.viewColumn);
        ed.selection = new vscode.Selection(item.range.start, item.range.end);
        ed.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      } else if (item?.source) await openSource(item.source);
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve();
    });
    pick.show();
  });
}
