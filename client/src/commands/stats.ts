/**
 * `shuzhi.showStats`: the corpus summary from `shuzhi/stats` in a webview — reports by type and
 * by section kind, and the files that were skipped with the reason. A webview rather than an
 * untitled Markdown document, so the summary is not linted as if it were a report.
 */
import * as vscode from 'vscode';
import { Methods, type CorpusStats } from '../../../server/src/protocol/contract';
import type { CommandDeps } from './deps';

let panel: vscode.WebviewPanel | undefined;

export function registerShowStats(deps: CommandDeps): void {
  deps.context.subscriptions.push(vscode.commands.registerCommand('shuzhi.showStats', () => showStats(deps)));
}

async function showStats({ server }: CommandDeps): Promise<void> {
  const stats = await server.trySend(Methods.stats, {});
  if (!stats) return;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('shuzhi.stats', vscode.l10n.t('Corpus statistics'), vscode.ViewColumn.Active, {
      enableScripts: false,
    });
    panel.onDidDispose(() => (panel = undefined));
  } else {
    panel.reveal();
  }
  panel.webview.html = statsHtml(stats, panel.webview.cspSource);
}

/** The page: static HTML, no scripts, a CSP that allows only the webview's own styles. */
export function statsHtml(stats: CorpusStats, cspSource: string): string {
  const t = vscode.l10n.t;
  const table = (head: [string, string], rows: [string, string | number][]) =>
    rows.length === 0
      ? `<p class="none">${esc(t('None'))}</p>`
      : `<table><thead><tr><th>${esc(head[0])}</th><th>${esc(head[1])}</th></tr></thead><tbody>${rows
          .map(([a, b]) => `<tr><td>${esc(String(a))}</td><td>${esc(String(b))}</td></tr>`)
          .join('')}</tbody></table>`;
  const byCount = (o: Record<string, number>) =>
    Object.entries(o).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  const skipped = stats.skipped;
  return `<!DOCTYPE html>
<html lang="${esc(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<title>${esc(t('Corpus statistics'))}</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em; }
  table { border-collapse: collapse; margin-bottom: 1.5em; }
  th, td { text-align: left; padding: 2px 1.5em 2px 0; border-bottom: 1px solid var(--vscode-panel-border); }
  td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
  .skipped td:last-child { text-align: left; }
  .none { opacity: .7; }
</style>
</head>
<body>
<h1>${esc(t('Corpus statistics'))}</h1>
<p>${esc(t('{0} reports in the corpus.', stats.reports))}</p>
<h2>${esc(t('By report type'))}</h2>
${table([t('Type'), t('Reports')], byCount(stats.byType))}
<h2>${esc(t('By section kind'))}</h2>
${table([t('Section kind'), t('Reports')], byCount(stats.byKind))}
<h2>${esc(t('Skipped files ({0})', skipped.length))}</h2>
<div class="skipped">${table([t('File'), t('Reason')], skipped.map((s) => [s.path, s.reason]))}</div>
</body>
</html>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
