/**
 * Completion benchmark.
 *
 * Keystrokes saved, leave-one-report-out over the bundled corpus: for each report, the
 * phrase index is built from all the others; the report is then “typed” line by line, one
 * unit at a time. At each point the completion engine is asked (through `completePhrases`,
 * as the server asks it, with the lines typed so far as the draft); if one of the top 5 items
 * matches what really comes next and covers at least the next word, the longest such item
 * is accepted (one unit), else the next word is typed (one unit; words and punctuation marks
 * as Intl.Segmenter cuts them). Saved share = 1 − units spent / units of the text.
 * The naive baseline, on the same text and the same index, offers the 5 most frequent
 * corpus continuations (up to clause punctuation) of the last two characters.
 *
 * Latency is measured through the real server over stdio (client round trip), index build
 * time in process.
 *
 *   npm run build && node --import tsx bench/completion.ts
 */
import { fileUri, startServer } from '../test/helpers/lspClient';
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { completePhrases } from '../server/src/engine/completion/complete';
import { hasBit, offsetAfter } from '../server/src/engine/search/suffixArray';
import { buildPhraseIndex, LINE_BREAK, lineBody, rangeOf, type PhraseIndex } from '../server/src/engine/completion/corpusView';
import { parseDraft } from '../server/src/engine/lint/parseDraft';
import { nodePath } from '../server/src/engine/report/structure';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { segmentWords } from '../server/src/engine/text/segment';
import type { CorpusReport, SectionKind } from '../server/src/engine/types';
import { formatTable, mb, ms, percentile, type BenchRow } from './table';

const TOP = 5;
const CLAUSE_STOP = /[，。；：！？,;!?\n\uE000]/;

/** The naive baseline: most frequent continuations (to clause punctuation) of the last two characters. */
function baselineItems(index: PhraseIndex, before: string): string[] {
  const ctx = (LINE_BREAK + before).slice(-2);
  const [lo, hi] = rangeOf(index, ctx);
  const counts = new Map<string, number>();
  for (let i = lo; i < hi; i++) {
    const s = offsetAfter(index.sa[i], ctx.length);
    let j = s;
    while (j < index.text.length && j - s < 40 && !CLAUSE_STOP.test(index.text[j]) && !hasBit(index.noise, j)) j++;
    if (j > s) counts.set(index.text.slice(s, j), (counts.get(index.text.slice(s, j)) ?? 0) + 1);
  }
  return [...counts.entries()]
    // Ties in text order would depend on how the index orders equal suffixes: break them by the text.
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP)
    .map(([t]) => before + t);
}

export interface TypingResult {
  units: number;
  spent: { shuzhi: number; baseline: number };
  accepted: { shuzhi: number; baseline: number };
}

/** Types `report` with `index` as the corpus, for Shuzhi and the baseline, adding to `into`. */
function typeReport(report: CorpusReport, index: PhraseIndex, into: TypingResult): void {
  const typed: string[] = [];
  for (const raw of report.text.split('\n')) {
    const { body } = lineBody(raw.trimEnd());
    if (!body) {
      typed.push(raw);
      continue;
    }
    const draft = typed.join('\n');
    const segs = segmentWords(body).filter((s) => s.text.trim() !== '');
    into.units += segs.length;
    const nextEnd = (pos: number) => segs.find((s) => s.end > pos)?.end ?? body.length;
    // Section kinds of the cursor, from the draft typed so far, as the server reads them.
    const tree = parseDraft(draft + '\n' + body);
    const kinds = new Set<SectionKind>();
    for (const n of nodePath(tree, draft.length + 1)) for (const k of n.kinds) kinds.add(k);

    const run = (offer: (before: string) => string[]): { spent: number; accepted: number } => {
      let pos = 0;
      let spent = 0;
      let accepted = 0;
      while (pos < body.length) {
        if (/\s/.test(body[pos])) {
          pos++;
          continue;
        }
        let best = -1;
        if (pos > 0) for (const full of offer(body.slice(0, pos))) if (full.length > pos && body.startsWith(full)) best = Math.max(best, full.length);
        spent++;
        if (best >= nextEnd(pos)) {
          accepted++;
          pos = best;
        } else pos = nextEnd(pos);
      }
      return { spent, accepted };
    };
    const s = run((before) => {
      const r = completePhrases(index, before, {
        maxItems: DEFAULT_SETTINGS.completion.maxItems,
        minPrefix: DEFAULT_SETTINGS.completion.minPrefix,
        draft,
        sectionKinds: [...kinds],
      });
      return r.items.slice(0, TOP).map((it) => before.slice(0, r.replaceStart) + it.insertText);
    });
    const b = run((before) => baselineItems(index, before));
    into.spent.shuzhi += s.spent;
    into.spent.baseline += b.spent;
    into.accepted.shuzhi += s.accepted;
    into.accepted.baseline += b.accepted;
    typed.push(raw);
  }
}

/** Leave-one-report-out typing over `reports`. */
export function leaveOneOut(reports: readonly CorpusReport[]): TypingResult {
  const res: TypingResult = { units: 0, spent: { shuzhi: 0, baseline: 0 }, accepted: { shuzhi: 0, baseline: 0 } };
  reports.forEach((report, r) => typeReport(report, buildPhraseIndex(reports.filter((_, i) => i !== r)), res));
  return res;
}

/** Completion latency through the real server: requests at word boundaries of a draft. */
export async function serverLatency(reports: readonly CorpusReport[]): Promise<{ p50: number; p99: number; n: number }> {
  const server = await startServer();
  try {
    const ready = new Promise<void>((resolve) =>
      server.conn.onNotification('shuzhi/corpusStatus', (s: { state: string }) => {
        if (s.state === 'ready') resolve();
      }),
    );
    await Promise.race([ready, new Promise((r) => setTimeout(r, 30_000))]);
    // A draft made of two reports' text; the cursor is put after word boundaries of its lines.
    const text = reports.slice(0, 2).map((r) => r.text).join('\n');
    const uri = fileUri('/tmp/shuzhi-bench-completion.md');
    server.open(uri, text);
    // Let the other features finish their first pass over the draft (lint, indexes) first.
    await server.waitForDiagnostics(uri, () => true, 30_000).catch(() => undefined);
    const lines = text.split('\n');
    const points: Array<{ line: number; character: number }> = [];
    lines.forEach((l, line) => {
      for (const w of segmentWords(l)) if (w.end < l.length && w.end > 0) points.push({ line, character: w.end });
    });
    const step = Math.max(1, Math.floor(points.length / 400));
    const sample = points.filter((_, i) => i % step === 0);
    // Warm-up: the first request builds the index if the corpus manager has not yet.
    for (const p of sample.slice(0, 50)) await server.request('textDocument/completion', { textDocument: { uri }, position: p });
    const times: number[] = [];
    for (const p of sample) {
      const t = performance.now();
      await server.request('textDocument/completion', { textDocument: { uri }, position: p });
      times.push(performance.now() - t);
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
  } finally {
    await server.stop();
  }
}

export async function benchCompletion(): Promise<BenchRow[]> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: DEFAULT_SETTINGS.maxFileSizeMB * 1048576 });
  // Latency first, while this process's heap is small (its pauses count in the round trip).
  const lat = await serverLatency(reports);
  const loo = leaveOneOut(reports);
  const saved = 1 - loo.spent.shuzhi / loo.units;
  const base = 1 - loo.spent.baseline / loo.units;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

  const builds: number[] = [];
  let index: PhraseIndex | undefined;
  for (let i = 0; i < 3; i++) builds.push((index = buildPhraseIndex(reports)).buildMs);
  // The text is the reports' own (shared), so the index adds its arrays only.
  const i = index!;
  const bytes = i.sa.byteLength + i.wordBreaks.byteLength + i.noise.byteLength + i.kindStart.byteLength + i.kindMasks.byteLength + 16 * i.sentStart.length;

  return [
    {
      group: 'completion',
      metric: `units saved, leave-one-report-out (${reports.length} reports, ${loo.units} units, top ${TOP})`,
      value: pct(saved),
      baseline: `${pct(base)} (5 most frequent continuations of the last 2 characters)`,
      target: '≥ 2× baseline',
      ok: saved >= 2 * base,
    },
    { group: 'completion', metric: 'items accepted', value: String(loo.accepted.shuzhi), baseline: String(loo.accepted.baseline) },
    { group: 'completion', metric: `latency p50 (server over stdio, ${lat.n} requests)`, value: ms(lat.p50) },
    { group: 'completion', metric: 'latency p99 (server over stdio)', value: ms(lat.p99), target: '≤ 5 ms', ok: lat.p99 <= 5 },
    { group: 'completion', metric: `phrase index build (bundled, ${index!.text.length} chars)`, value: ms(percentile(builds, 50)) },
    { group: 'completion', metric: 'phrase index size (shared with hover; beyond the corpus text)', value: mb(bytes) },
  ];
}

if (require.main === module) {
  void benchCompletion().then((rows) => process.stdout.write(formatTable(rows) + '\n'));
}
