/**
 * Two status bar items: the corpus state (from the server's `shuzhi/corpusStatus`
 * notifications; clicking shows the statistics) and the character count of the active Markdown
 * editor (request `shuzhi/count`, debounced on edits and selection changes), with the warning
 * background once a set limit is passed.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type CorpusStatus, type CountParams, type CountResult } from '../../server/src/protocol/contract';
import { request } from './serverRequests';

const COUNT_DELAY_MS = 300;

export function formatNumber(n: number): string {
  return new Intl.NumberFormat('en-US').format(n);
}

/** Corpus state item. */
export class CorpusStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('shuzhi.corpus', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = vscode.l10n.t('Shuzhi corpus');
    this.item.command = 'shuzhi.showStats';
    this.update({ state: 'indexing', reports: 0, skipped: 0 });
    this.item.show();
  }

  update(status: CorpusStatus): void {
    const t = vscode.l10n.t;
    this.item.backgroundColor = undefined;
    if (status.state === 'indexing') {
      this.item.text = `$(sync~spin) ${t('Indexing the corpus')}`;
      this.item.tooltip = status.message ?? t('Building the corpus index…');
    } else if (status.state === 'error') {
      this.item.text = `$(error) ${t('Corpus: failed to load')}`;
      this.item.tooltip = status.message ?? t('The corpus could not be loaded. Click for details.');
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (status.skipped > 0) {
      this.item.text = `$(warning) ${t('Corpus: {0} files skipped', status.skipped)}`;
      this.item.tooltip = t('{0} reports in the corpus; {1} files were skipped. Click for details.', status.reports, status.skipped);
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(book) ${t('Corpus: {0} reports', status.reports)}`;
      this.item.tooltip = status.message ?? t('{0} reports in the corpus. Click for statistics.', status.reports);
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Character count item; asks the server, which knows the counting rules. */
export class CountStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('shuzhi.count', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(private readonly client: LanguageClient) {
    this.item.name = vscode.l10n.t('Shuzhi character count');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule(COUNT_DELAY_MS);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(COUNT_DELAY_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('shuzhi.length.limit')) this.schedule(0);
      }),
    );
  }

  /** Recounts now (used after the client has started). */
  refresh(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.count(), delay);
  }

  private async count(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown' || !['file', 'untitled'].includes(editor.document.uri.scheme)) {
      this.item.hide();
      return;
    }
    if (!this.client.isRunning()) return;
    this.pending?.cancel();
    const cts = (this.pending = new vscode.CancellationTokenSource());
    const ranges = editor.selections.filter((s) => !s.isEmpty).map((s) => this.client.code2ProtocolConverter.asRange(s));
    const params: CountParams = { uri: editor.document.uri.toString(), ...(ranges.length > 0 ? { ranges } : {}) };
    try {
      const result = await request(this.client, Methods.count, params, cts.token);
      if (!cts.token.isCancellationRequested && result) this.show(result);
    } catch {
      // A failed count leaves the item as it was; the next edit asks again.
    }
  }

  private show(result: CountResult): void {
    const t = vscode.l10n.t;
    const limit = result.limit && result.limit > 0 ? result.limit : undefined;
    const total = formatNumber(result.total);
    let text = limit ? t('Characters {0} / {1}', total, formatNumber(limit)) : t('Characters {0}', total);
    if (result.selection !== undefined && result.selection > 0) text = t('Selected {0}', formatNumber(result.selection)) + ' · ' + text;
    this.item.text = text;
    const over = limit !== undefined && result.total > limit;
    this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = over
      ? t('{0} characters over the limit of {1}.', formatNumber(result.total - limit), formatNumber(limit))
      : t('Character count of this document; selected text is counted separately.');
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
