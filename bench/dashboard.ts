/**
 * Check-up panel speed (issue 15), on a 5,000-character draft made of bundled-corpus paragraphs
 * under the three parts of a duty report:
 * - in process: lint + dashboardData + renderDashboard (the page, as on opening) and
 *   lint + dashboardData + renderDashboardBody (the part swapped in while typing);
 * - through the built server over stdio: the `shuzhi/dashboard` round trip for the page on
 *   opening and, after each edit, for the body — what the extension host waits for.
 * The webview's own paint (in the editor's browser) is not in these figures.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { corpusFigures } from '../server/src/engine/dashboard/corpusFigures';
import { dashboardData } from '../server/src/engine/dashboard/data';
import { renderDashboard, renderDashboardBody } from '../server/src/engine/dashboard/render';
import { kindShareStats } from '../server/src/engine/delivery/kindShare';
import { learnCorpusHeadings } from '../server/src/engine/lint/corpusHeadings';
import { lintText } from '../server/src/engine/lint/lint';
import { Draft } from '../server/src/engine/lint/draft';
import { corpusReady, fileUri, startServer } from '../test/helpers/lspClient';
import { bodyParagraphs, time } from './lint';
import { ms, percentile, type BenchRow } from './table';

const DRAFT_CHARS = 5000;
const RUNS = 21;
const OPEN_TARGET_MS = 300;
const UPDATE_TARGET_MS = 50;

/** About `chars` characters of corpus paragraphs under 一、履职情况 / 二、存在的问题 / 三、下一步打算. */
export function dashboardDraft(paragraphs: readonly string[], chars = DRAFT_CHARS): string {
  const parts: Array<[string, number]> = [
    ['一、履职情况', 0.65],
    ['二、存在的问题', 0.15],
    ['三、下一步打算', 0.2],
  ];
  const out = ['# 某局干部2024年度述职报告', ''];
  let p = 0;
  for (const [heading, share] of parts) {
    out.push(heading, '');
    let n = 0;
    while (n < chars * share) {
      const para = paragraphs[p++ % paragraphs.length].slice(0, Math.ceil(chars * share - n));
      out.push('　　' + para, '');
      n += para.length;
    }
  }
  return out.join('\n');
}

export async function benchDashboard(): Promise<BenchRow[]> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  const draft = dashboardDraft(bodyParagraphs(reports));
  const figures = corpusFigures(reports);
  const corpusStats = kindShareStats(reports);
  const corpusHeadings = learnCorpusHeadings(reports);
  const analyse = (text: string) => {
    const d = new Draft(text);
    const findings = lintText(d, { corpusStats, corpusHeadings });
    return dashboardData(d, { findings, figures });
  };
  // A new text each run, as after an edit: nothing is reused from the run before.
  let k = 0;
  const edited = () => draft + '持续改进工作'.repeat((k++ % 7) + 1);
  const page = await time(() => renderDashboard(analyse(edited()), { locale: 'zh-cn', standalone: false, nonce: 'bench' }), RUNS);
  // While typing, the server has parsed and linted the version already (diagnostics, 200 ms debounce,
  // before the panel's 300 ms): the update is the check-up data and the body. Parse + lint alone beside it.
  const versions = Array.from({ length: 7 }, () => {
    const text = edited();
    const d = new Draft(text);
    return { d, findings: lintText(d, { corpusStats, corpusHeadings }) };
  });
  const body = await time(() => {
    const v = versions[k++ % versions.length];
    renderDashboardBody(dashboardData(v.d, { findings: v.findings, figures }), 'zh-cn');
  }, RUNS);
  const fullUpdate = await time(() => renderDashboardBody(analyse(edited()), 'zh-cn'), RUNS);

  // Through the built server: the page once the corpus is ready, then the body after each edit.
  const server = await startServer();
  const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-bench-dashboard.md'));
  let open = NaN;
  const updates: number[] = [];
  try {
    await corpusReady(server, 60_000);
    server.open(uri, draft);
    let t = performance.now();
    await server.request('shuzhi/dashboard', { uri, locale: 'zh-cn', page: { nonce: 'bench', cspSource: 'https://x' } });
    open = performance.now() - t;
    for (let i = 0; i < RUNS; i++) {
      const text = draft + '一是'.repeat(i + 1);
      server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
      t = performance.now();
      await server.request('shuzhi/dashboard', { uri, locale: 'zh-cn' });
      updates.push(performance.now() - t);
    }
  } finally {
    await server.stop();
  }

  const chars = draft.length.toLocaleString('en-US');
  const pageMed = percentile(page, 50);
  const bodyMed = percentile(body, 50);
  const updMed = percentile(updates, 50);
  return [
    {
      group: 'dashboard',
      metric: `lint + data + page render in process, ${chars}-char draft, median of ${RUNS}`,
      value: ms(pageMed),
      target: `≤ ${OPEN_TARGET_MS} ms to first paint`,
      ok: pageMed <= OPEN_TARGET_MS,
    },
    {
      group: 'dashboard',
      metric: `shuzhi/dashboard page round trip through the server on opening (first request, figures built on the spot)`,
      value: ms(open),
      target: `≤ ${OPEN_TARGET_MS} ms to first paint`,
      ok: open <= OPEN_TARGET_MS,
    },
    {
      group: 'dashboard',
      metric: `data + body render in process after an edit (parse and lint done for the diagnostics), median of ${RUNS}`,
      value: ms(bodyMed),
      baseline: `parse + lint + data + body: ${ms(percentile(fullUpdate, 50))}`,
      target: `≤ ${UPDATE_TARGET_MS} ms`,
      ok: bodyMed <= UPDATE_TARGET_MS,
    },
    {
      group: 'dashboard',
      metric: `shuzhi/dashboard body round trip after an edit (median of ${RUNS}; p95 ${ms(percentile(updates, 95))})`,
      value: ms(updMed),
      target: `≤ ${UPDATE_TARGET_MS} ms`,
      ok: updMed <= UPDATE_TARGET_MS,
    },
  ];
}
