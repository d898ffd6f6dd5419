/**
 * `shuzhi.findSimilar`: search the corpus for wording close to the selection (or the current
 * paragraph) through `shuzhi/search`, show the hits with previews; accepting inserts the hit at
 * the cursor, the item's button opens the source file read-only at the hit's line.
 */
import * as vscode from 'vscode';
import { openCorpusSource } from '../corpusDocuments';
import { Methods, type SearchHit, type SearchParams } from '../../../server/src/protocol/contract';
import type { CommandDeps } from './deps';

const LIMIT = 30;
/** Long queries are cut: the search ranks by terms, the rest of a long paragraph only adds noise. */
const MAX_QUERY = 200;

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

export function registerFindSimilar(deps: CommandDeps): void {
  deps.context.subscriptions.push(vscode.commands.registerCommand('shuzhi.findSimilar', () => findSimilar(deps)));
}

async function findSimilar({ context, server }: CommandDeps): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const query = editor ? queryText(editor) : '';
  if (!editor || query === '') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select some text, or put the cursor in a paragraph, to find similar wording.'));
    return;
  }
  const params: SearchParams = { query: query.slice(0, MAX_QUERY), limit: LIMIT };
  const hits = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Searching the corpus…') },
    (_p, token) => server.trySend(Methods.search, params, token),
  );
  if (!hits) return;
  if (hits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No similar wording found in the corpus.'));
    return;
  }
  const openButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('go-to-file'),
    tooltip: vscode.l10n.t('Open the source (read-only)'),
  };
  const pick = vscode.window.createQuickPick<HitItem>();
  pick.title = vscode.l10n.t('Similar wording in the corpus');
  pick.placeholder = vscode.l10n.t('Enter inserts the text at the cursor; the button opens the source');
  pick.matchOnDetail = true;
  pick.items = hits.map((hit) => ({ hit, ...itemText(hit), buttons: [openButton] }));
  const anchor = editor.selection.active;
  const target = editor.document;
  await new Promise<void>((resolve) => {
    pick.onDidTriggerItemButton(async (e) => {
      pick.hide();
      await openCorpusSource(context, e.item.hit.source, e.item.hit.line);
    });
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0];
      if (item) {
        // Edit while the list is still open; hiding it then hands the focus back to the editor.
        const ed = vscode.window.visibleTextEditors.includes(editor)
          ? editor
          : await vscode.window.showTextDocument(target, editor.viewColumn);
        if (await ed.edit((b) => b.insert(anchor, item.hit.text))) {
          const end = ed.document.positionAt(ed.document.offsetAt(anchor) + item.hit.text.length);
          ed.selection = new vscode.Selection(end, end);
        }
      }
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve();
    });
    pick.show();
  });
}

/** Label: the passage on one line (the list truncates it); detail: the report and section it comes from. */
function itemText(hit: SearchHit): Pick<vscode.QuickPickItem, 'label' | 'detail'> {
  const oneLine = hit.text.replace(/\s+/g, ' ').trim();
  const title = hit.title.trim() ? `《${hit.title.trim()}》` : '';
  return {
    label: oneLine,
    detail: [title, hit.section.trim()].filter((s) => s !== '').join(' · '),
  };
}

/** The selection, or the paragraph around the cursor (lines up to the nearest blank ones). */
export function queryText(editor: vscode.TextEditor): string {
  const doc = editor.document;
  if (!editor.selection.isEmpty) return doc.getText(editor.selection).trim();
  let first = editor.selection.active.line;
  let last = first;
  if (doc.lineAt(first).isEmptyOrWhitespace) return '';
  while (first > 0 && !doc.lineAt(first - 1).isEmptyOrWhitespace) first--;
  while (last < doc.lineCount - 1 && !doc.lineAt(last + 1).isEmptyOrWhitespace) last++;
  const text = doc.getText(new vscode.Range(first, 0, last, doc.lineAt(last).text.length));
  // Markdown heading markers are not wording.
  return text.replace(/^#{1,6}\s+/gm, '').trim();
}
