/**
 * Completion benchmark: both channels, leave-one-report-out over the bundled corpus
 * (bench/typing.ts), each figure beside the naive baseline.
 *
 * - Automatic (ghost text): what appears without being asked — how often, its precision (it
 *   holds at least two characters of what comes next), and the units saved when the writer
 *   accepts only it. Baseline: the most frequent continuation of the last two characters,
 *   always shown.
 * - On demand (the list, top five read at every unit): how often it has items, its precision,
 *   units saved. Baseline: the five most frequent continuations of the last two characters.
 *
 * The model (model.json) was fitted on these same reports' leave-one-report-out points; its
 * cross-fitted (held-out) figures are printed by `npm run fit:completion`.
 * Latency is measured through the real server over stdio for both requests.
 *
 *   npm run build && node --import tsx bench/completion.ts
 */
import { fileUri, startServer } from '../test/helpers/lspClient';
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import type { PhraseCompletion } from '../server/src/engine/completion/complete';
import { buildPhraseIndex, type PhraseIndex } from '../server/src/engine/completion/corpusView';
import { MODEL } from '../server/src/engine/completion/ranking';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { segmentWords } from '../server/src/engine/text/segment';
import type { CorpusReport } from '../server/src/engine/types';
import { formatTable, mb, ms, percentile, type BenchRow } from './table';
import { baselineOffers, completionAt, continuationOf, emptyResult, leaveOneOut, TOP, typeGhostLine, typeLine, type ChannelResult } from './typing';

export interface ChannelFigures {
  ghost: ChannelResult;
  list: ChannelResult;
  baseGhost: ChannelResult;
  baseList: ChannelResult;
  /** Ceilings: a perfect choice among the candidates (the longest exactly right one), general ones only and all. */
  bestGhost: ChannelResult;
  bestAny: ChannelResult;
}

/** Leave-one-report-out typing through both channels and both baselines. */
export function typeCorpus(reports: readonly CorpusReport[], confidence = DEFAULT_SETTINGS.completion.confidence): ChannelFigures {
  const f: ChannelFigures = { ghost: emptyResult(), list: emptyResult(), baseGhost: emptyResult(), baseList: emptyResult(), bestGhost: emptyResult(), bestAny: emptyResult() };
  for (const { index, lines } of leaveOneOut(reports)) {
    for (const line of lines) {
      const memo = new Map<number, PhraseCompletion>();
      const at = (pos: number) => completionAt(index, memo, line, pos);
      typeGhostLine(index, line, new Map([[confidence, f.ghost]]), undefined, memo);
      typeLine(line, (l, pos) => {
        const c = at(pos);
        return c.items.slice(0, TOP).map((it) => continuationOf(c, pos, it.insertText));
      }, f.list);
      const best = (general: boolean) => (l: typeof line, pos: number) => {
        const c = at(pos);
        const rest = l.body.slice(pos);
        const right = c.items.filter((it) => !general || it.general).map((it) => continuationOf(c, pos, it.insertText)).filter((t) => rest.startsWith(t));
        return right.sort((a, b) => b.length - a.length).slice(0, 1);
      };
      typeLine(line, best(true), f.bestGhost);
      typeLine(line, best(false), f.bestAny);
      typeLine(line, (l, pos) => baselineOffers(index, l.body.slice(0, pos), 1), f.baseGhost);
      typeLine(line, (l, pos) => baselineOffers(index, l.body.slice(0, pos), TOP), f.baseList);
    }
  }
  return f;
}

interface Latency {
  p50: number;
  p99: number;
  /** Requests timed, and how many had an answer with items. */
  n: number;
  answered: number;
}

/** Latency of both requests through the real server, at word boundaries of a draft. */
export async function serverLatency(reports: readonly CorpusReport[]): Promise<{ list: Latency; ghost: Latency }> {
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
    const time = async (method: string, extra: object, hasItems: (r: unknown) => boolean): Promise<Latency> => {
      // Warm-up: the first request builds the index if the corpus manager has not yet.
      for (const p of sample.slice(0, 50)) await server.request(method, { textDocument: { uri }, position: p, ...extra });
      const all: number[] = [];
      const answered: number[] = [];
      for (const p of sample) {
        const t = performance.now();
        const r = await server.request(method, { textDocument: { uri }, position: p, ...extra });
        const dt = performance.now() - t;
        all.push(dt);
        if (hasItems(r)) answered.push(dt);
      }
      // Figures over real answers (an empty answer is quick and says nothing of the work).
      const over = answered.length ? answered : all;
      return { p50: percentile(over, 50), p99: percentile(over, 99), n: all.length, answered: answered.length };
    };
    const list = await time('textDocument/completion', {}, (r) => ((r as { items?: unknown[] } | null)?.items?.length ?? 0) > 0);
    const ghost = await time('textDocument/inlineCompletion', { context: { triggerKind: 2 } }, (r) => {
      const items = Array.isArray(r) ? r : (r as { items?: unknown[] } | null)?.items;
      return (items?.length ?? 0) > 0;
    });
    return { list, ghost };
  } finally {
    await server.stop();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const share = (a: number, b: number) => (b ? a / b : 0);

/** Rows for one channel beside its baseline. */
function channelRows(name: string, s: ChannelResult, b: ChannelResult, base: string, targets: { precision?: number; saved?: number; times?: number }): BenchRow[] {
  const saved = 1 - s.spent / s.units;
  const bSaved = 1 - b.spent / b.units;
  const precision = share(s.right, s.shown);
  const rows: BenchRow[] = [
    { group: 'completion', metric: `${name}: appears at (share of ${s.points} points)`, value: pct(share(s.shown, s.points)), baseline: `${pct(share(b.shown, b.points))} (${base})` },
    {
      group: 'completion',
      metric: `${name}: precision (holds ≥ 2 characters of what comes next)`,
      value: pct(precision),
      baseline: pct(share(b.right, b.shown)),
      ...(targets.precision !== undefined ? { target: `≥ ${pct(targets.precision)}`, ok: precision >= targets.precision } : {}),
    },
    {
      group: 'completion',
      metric: `${name}: units saved (${s.units} units; ${s.accepted} accepted)`,
      value: pct(saved),
      baseline: `${pct(bSaved)} (${b.accepted} accepted)`,
      ...(targets.saved !== undefined
        ? { target: `≥ ${pct(targets.saved)}${targets.times ? ` and ≥ ${targets.times}× baseline` : ''}`, ok: saved >= targets.saved && saved >= (targets.times ?? 0) * bSaved }
        : {}),
    },
  ];
  return rows;
}

export async function benchCompletion(): Promise<BenchRow[]> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: DEFAULT_SETTINGS.maxFileSizeMB * 1048576 });
  // Latency first, while this process's heap is small (its pauses count in the round trip).
  const lat = await serverLatency(reports);
  const f = typeCorpus(reports);

  const builds: number[] = [];
  let index: PhraseIndex | undefined;
  for (let i = 0; i < 3; i++) builds.push((index = buildPhraseIndex(reports)).buildMs);
  // The text is the reports' own (shared), so the index adds its arrays only.
  const i = index!;
  const bytes = i.sa.byteLength + i.wordBreaks.byteLength + i.noise.byteLength + i.kindStart.byteLength + i.kindMasks.byteLength + 16 * i.sentStart.length;
  const conf = DEFAULT_SETTINGS.completion.confidence;

  return [
    ...channelRows(`automatic (ghost text, confidence ${conf})`, f.ghost, f.baseGhost, 'most frequent continuation of the last 2 characters, always shown', { precision: 0.5, saved: 0.04 }),
    ...channelRows(`on demand (list, top ${TOP})`, f.list, f.baseList, '5 most frequent continuations of the last 2 characters', { saved: 0.12, times: 2 }),
    { group: 'completion', metric: `completion latency p50 / p99 (server over stdio; ${lat.list.answered} of ${lat.list.n} answers with items)`, value: `${ms(lat.list.p50)} / ${ms(lat.list.p99)}`, target: 'p99 ≤ 5 ms', ok: lat.list.p99 <= 5 },
    { group: 'completion', metric: `inline completion latency p50 / p99 (${lat.ghost.answered} of ${lat.ghost.n} with ghost text)`, value: `${ms(lat.ghost.p50)} / ${ms(lat.ghost.p99)}`, target: 'p99 ≤ 5 ms', ok: lat.ghost.p99 <= 5 },
    { group: 'completion', metric: 'ceiling: units saved with a perfect choice among the general candidates (what ghost text could reach)', value: pct(1 - f.bestGhost.spent / f.bestGhost.units) },
    { group: 'completion', metric: `ceiling: units saved with a perfect choice among all ${DEFAULT_SETTINGS.completion.maxItems} items (what the list could reach)`, value: pct(1 - f.bestAny.spent / f.bestAny.units) },
    { group: 'completion', metric: `model: ${MODEL.features.length} features, fitted by npm run fit:completion`, value: `confidence ${conf}` },
    { group: 'completion', metric: `phrase index build (bundled, ${index!.text.length} chars)`, value: ms(percentile(builds, 50)) },
    { group: 'completion', metric: 'phrase index size (shared with hover; beyond the corpus text)', value: mb(bytes) },
  ];
}

if (require.main === module) {
  void benchCompletion().then((rows) => process.stdout.write(formatTable(rows) + '\n'));
}
