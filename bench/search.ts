/**
 * Hover and corpus-search benchmarks.
 * - Latency p50/p99 of `textDocument/hover` and `shuzhi/search` through the real server
 *   over stdio (bundled corpus; needs `npm run build`).
 * - Build time and heap growth of the hover (suffix-array) and search (MiniSearch) indexes.
 * - Both indexes at a larger synthetic corpus (SHUZHI_BENCH_MB, default 10 MB of UTF-8,
 *   0 to skip), engine-level; hover lookups against a naive substring scan as baseline.
 * Run alone: `node --import tsx bench/search.ts`.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { loadCorpus, reportsFromText } from '../server/src/engine/corpus/corpus';
import type { CorpusReport } from '../server/src/engine/types';
import { buildPhraseIndex } from '../server/src/engine/search/phraseIndex';
import { findPhraseAt } from '../server/src/engine/search/hoverPhrase';
import { buildSearchIndex, searchCorpus } from '../server/src/engine/search/searchIndex';
import { sentenceSpans } from '../server/src/engine/search/sentences';
import { startServer, fileUri, type TestServer } from '../test/helpers/lspClient';
import { answeredNote, formatTable, isAnswer, mb, ms, percentile, timeAnswers, type BenchRow } from './table';
import { prng } from '../test/helpers/prng';

const HOVER_TARGET_MS = 20;
const SEARCH_TARGET_MS = 100;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}


/** Measures `build`: wall time and the heap still held by its result. */
function measureBuild<T>(build: () => T): { value: T; ms: number; bytes: number } {
  const before = heapUsed();
  const t = performance.now();
  const value = build();
  const elapsed = performance.now() - t;
  const bytes = heapUsed() - before;
  return { value, ms: elapsed, bytes };
}

/** A draft made of corpus sentences (known phrases) and a few sentences the corpus cannot know. */
function makeDraft(reports: readonly CorpusReport[], next: () => number): string {
  const lines = ['# 2024年度述职报告', ''];
  for (let i = 0; i < 40; i++) {
    const r = reports[Math.floor(next() * reports.length)];
    const spans = sentenceSpans(r.text);
    const [s, e] = spans[Math.floor(next() * spans.length)];
    lines.push(r.text.slice(s, e));
    if (i % 8 === 0) lines.push('量子纠缠的钢琴演奏与火星探测器没有关系。');
  }
  return lines.join('\n');
}

async function corpusReady(server: TestServer): Promise<void> {
  const until = Date.now() + 60000;
  for (;;) {
    const s = await server.request<{ state: string }>('shuzhi/status', null);
    if (s.state === 'ready') return;
    if (s.state === 'error' || Date.now() > until) throw new Error(`corpus not ready: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Queries as a user would select them: a clause of a corpus sentence, or two words. */
function makeQueries(reports: readonly CorpusReport[], next: () => number, n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const r = reports[Math.floor(next() * reports.length)];
    const spans = sentenceSpans(r.text);
    const [s, e] = spans[Math.floor(next() * spans.length)];
    const clause = r.text.slice(s, e).split(/[，、：]/)[0];
    if (clause.length < 4) continue;
    out.push(out.length % 3 === 2 ? `${clause.slice(0, 4)} ${clause.slice(-4)}` : clause.slice(0, 30));
  }
  return out;
}

async function serverRows(reports: readonly CorpusReport[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const next = prng(42);
  const server = await startServer();
  try {
    await corpusReady(server);
    const draft = makeDraft(reports, next);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-bench-hover.md'));
    server.open(uri, draft);
    const lines = draft.split('\n');
    const positions: Array<{ line: number; character: number }> = [];
    while (positions.length < 400) {
      const line = Math.floor(next() * lines.length);
      if (!lines[line]) continue;
      positions.push({ line, character: Math.floor(next() * lines[line].length) });
    }
    const hoverAt = (p: { line: number; character: number }) => server.request('textDocument/hover', { textDocument: { uri }, position: p });
    // The first hover's answer is checked too: the row says when it was empty.
    let firstAnswer: unknown = null;
    const firstHover = await timeIt(async () => (firstAnswer = await hoverAt(positions[0])));
    // Latencies over the hovers that show something (most random positions hold no corpus phrase).
    const hover = await timeAnswers(positions, hoverAt);
    const p99 = percentile(hover.times, 99);
    rows.push({ group: 'hover', metric: `first hover after corpus load (bundled)${isAnswer(firstAnswer) ? '' : ' — empty answer'}`, value: ms(firstHover) });
    rows.push({ group: 'hover', metric: `latency p50 (server, ${answeredNote(hover)})`, value: ms(percentile(hover.times, 50)) });
    rows.push({ group: 'hover', metric: 'latency p99 (server, bundled corpus)', value: ms(p99), target: `≤ ${HOVER_TARGET_MS} ms`, ok: hover.times.length > 0 && p99 <= HOVER_TARGET_MS });

    const queries = makeQueries(reports, next, 60);
    const searchFor = (q: string) => server.request('shuzhi/search', { query: q, limit: 30 });
    let firstHits: unknown = null;
    const firstSearch = await timeIt(async () => (firstHits = await searchFor(queries[0])));
    const search = await timeAnswers(queries, searchFor);
    const sp99 = percentile(search.times, 99);
    rows.push({ group: 'search', metric: `first shuzhi/search (builds the index)${isAnswer(firstHits) ? '' : ' — empty answer'}`, value: ms(firstSearch) });
    rows.push({ group: 'search', metric: `latency p50 (server, ${answeredNote(search)}, limit 30)`, value: ms(percentile(search.times, 50)) });
    // Every query is a clause of a corpus sentence: an empty answer is a failure, not a fast answer.
    rows.push({ group: 'search', metric: 'latency p99 (server, bundled corpus)', value: ms(sp99), target: `≤ ${SEARCH_TARGET_MS} ms, none empty`, ok: search.empty === 0 && sp99 <= SEARCH_TARGET_MS });
  } finally {
    await server.stop();
  }
  return rows;
}

/** Synthetic corpus of about `megabytes` MB (UTF-8): bundled reports with their body lines reshuffled. */
function syntheticCorpus(reports: readonly CorpusReport[], megabytes: number, next: () => number): CorpusReport[] {
  const out: CorpusReport[] = [];
  let bytes = 0;
  for (let k = 0; bytes < megabytes * 1048576; k++) {
    const r = reports[k % reports.length];
    const [title, ...body] = r.text.split('\n');
    for (let i = body.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [body[i], body[j]] = [body[j], body[i]];
    }
    const text = `${title}（${k}）\n${body.join('\n')}`;
    bytes += Buffer.byteLength(text);
    out.push(...reportsFromText(text, `/synthetic/${k}.txt`, out.length));
  }
  return out;
}

async function engineScaleRows(reports: readonly CorpusReport[], megabytes: number): Promise<BenchRow[]> {
  const next = prng(7);
  const big = syntheticCorpus(reports, megabytes, next);
  const label = `${megabytes} MB synthetic`;
  const built = measureBuild(() => buildPhraseIndex(big));
  const index = built.value;
  const draft = makeDraft(reports, next);
  const times: number[] = [];
  const naiveTimes: number[] = [];
  let noPhrase = 0;
  for (let k = 0; k < 300; k++) {
    const offset = Math.floor(next() * draft.length);
    let t = performance.now();
    index.cache.clear(); // measure the lookup, not the phrase cache
    const found = findPhraseAt(index, draft, offset);
    // Only lookups that found a phrase are timed; the others are counted.
    if (found) times.push(performance.now() - t);
    else noPhrase++;
    if (found && k % 10 === 0) {
      // Baseline: counting the same phrase's sentences by scanning every report.
      const phrase = draft.slice(found.start, found.end);
      t = performance.now();
      let n = 0;
      for (const r of big) for (let i = r.text.indexOf(phrase); i >= 0; i = r.text.indexOf(phrase, i + 1)) n++;
      naiveTimes.push(performance.now() - t);
      if (n !== found.stats.occurrences) throw new Error(`occurrence count differs for ${phrase}: ${n} vs ${found.stats.occurrences}`);
    }
  }
  const p99 = percentile(times, 99);

  const search = measureBuild(() => buildSearchIndex(big));
  const queries = makeQueries(reports, next, 60);
  const searched = await timeAnswers(queries, (q) => searchCorpus(search.value, q, { limit: 30 }));
  return [
    { group: 'search index', metric: `build time (${label}, ${search.value.passages.length} passages)`, value: ms(search.ms) },
    { group: 'search index', metric: `heap (${label})`, value: mb(search.bytes) },
    { group: 'search', metric: `query p50 / p99, engine (${label}, ${answeredNote(searched)})`, value: `${ms(percentile(searched.times, 50))} / ${ms(percentile(searched.times, 99))}` },
    { group: 'phrase index', metric: `build time (${label}, ${index.sa.length} chars)`, value: ms(built.ms) },
    { group: 'phrase index', metric: `heap (${label})`, value: mb(built.bytes) },
    {
      group: 'phrase index',
      metric: `lookup p99, engine (${label}, over ${times.length} lookups that found a phrase, ${noPhrase} of 300 found none); baseline: naive scan of one phrase`,
      value: ms(p99),
      baseline: ms(percentile(naiveTimes, 99)),
      target: `≤ ${HOVER_TARGET_MS} ms`,
      ok: times.length > 0 && p99 <= HOVER_TARGET_MS,
    },
  ];
}

export async function benchSearch(): Promise<BenchRow[]> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 20 * 1048576 });
  const rows: BenchRow[] = [];

  const hoverBuild = measureBuild(() => buildPhraseIndex(reports));
  rows.push({ group: 'phrase index', metric: `build time (bundled, ${reports.length} reports)`, value: ms(hoverBuild.ms) });
  rows.push({ group: 'phrase index', metric: 'heap (bundled)', value: mb(hoverBuild.bytes) });

  const searchBuild = measureBuild(() => buildSearchIndex(reports));
  rows.push({ group: 'search index', metric: `build time (bundled, ${searchBuild.value.passages.length} passages)`, value: ms(searchBuild.ms) });
  rows.push({ group: 'search index', metric: 'heap (bundled)', value: mb(searchBuild.bytes) });
  // Engine-level search latency, against a naive `includes` filter over all sentences.
  const next = prng(3);
  const queries = makeQueries(reports, next, 100);
  const sentences = reports.flatMap((r) => sentenceSpans(r.text).map(([s, e]) => r.text.slice(s, e)));
  const engine = await timeAnswers(queries, (q) => searchCorpus(searchBuild.value, q, { limit: 30 }));
  const naive = await timeAnswers(queries, (q) => {
    const words = q.split(/\s+/);
    return sentences.filter((s) => words.some((w) => s.includes(w))).slice(0, 30);
  });
  rows.push({
    group: 'search',
    metric: `query p99, engine (bundled, ${answeredNote(engine)}); baseline: substring filter (no ranking, ${answeredNote(naive)})`,
    value: ms(percentile(engine.times, 99)),
    baseline: ms(percentile(naive.times, 99)),
  });

  rows.push(...(await serverRows(reports)));
  const mbs = Number(process.env.SHUZHI_BENCH_MB ?? 10);
  if (mbs > 0) rows.push(...(await engineScaleRows(reports, mbs)));
  return rows;
}

if (require.main === module) {
  benchSearch().then(
    (rows) => process.stdout.write(formatTable(rows) + '\n'),
    (e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
