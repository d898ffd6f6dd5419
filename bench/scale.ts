/**
 * Scale benchmark: large synthetic corpora (bench/synth.ts) through the real server over
 * stdio. For each size: cold load and index time, snapshot restore time, peak RSS of the
 * server process (VmHWM), completion and hover latency (p50/p99, client round trip), and
 * outline + lint of a 5,000-line draft; completion at random positions of a 200-paragraph
 * draft. Up to 50 MB, the first phrase-index build in one thread and in worker threads
 * (bench/indexBuild.ts). Once, before the corpora: outline and diagnostics of pasted drafts
 * of millions of characters (bench/largeDrafts.ts).
 *
 *   npm run build && node --import tsx bench/scale.ts 10 50 100 [--no-drafts] [--no-index-build] [--no-stall]
 *
 * SHUZHI_BENCH_SERVER=<checkout>/dist/server.js runs the same bench against another build (a baseline).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from '../test/helpers/lspClient';
import { cleanText } from '../server/src/engine/corpus/clean';
import { folderBytes, REPO, synthesizeCorpus } from './synth';
import { prng } from '../test/helpers/prng';
import { answeredNote, formatTable, isAnswer, mb, ms, percentile, type Answered, type BenchRow } from './table';
import { PHRASE_INDEX_KEY } from '../server/src/features/sharedPhraseIndex';
import { benchIndexBuild } from './indexBuild';
import { benchLargeDrafts, stallFigure, stallRows } from './largeDrafts';
import { synthesizeDraft } from './synth';

const MB = 1024 * 1024;
const SAMPLES = 300;
/** Corpora up to this size also get the index-build comparison (two cold builds each way). */
const INDEX_BUILD_MAX_MB = 50;
/** When the corpus counts as settled: this long after it was ready from the snapshot. */
const SETTLED_MS = 30_000;

interface Status {
  state: string;
  reports: number;
  skipped: number;
  source?: string;
}

/** A figure of a process's /proc status in bytes, e.g. VmHWM (peak resident set size) or VmRSS (Linux; NaN elsewhere). */
function procBytes(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

const peakRss = (pid: number | undefined) => procBytes(pid, 'VmHWM');

/** Index keys listed in the meta of the snapshot files under `cache` (header: meta length at 12, meta JSON from 48). */
function snapshotIndexKeys(cache: string): string[] {
  const keys: string[] = [];
  for (const d of ['storage', 'shuzhi'].map((x) => path.join(cache, x))) {
    if (!fs.existsSync(d)) continue;
    for (const n of fs.readdirSync(d).filter((x) => x.endsWith('.snap'))) {
      try {
        const fd = fs.openSync(path.join(d, n), 'r');
        try {
          const head = Buffer.alloc(48);
          fs.readSync(fd, head, 0, 48, 0);
          const meta = Buffer.alloc(head.readUInt32LE(12));
          fs.readSync(fd, meta, 0, meta.length, 48);
          for (const i of (JSON.parse(meta.toString('utf8')) as { indexes?: Array<{ key?: string }> }).indexes ?? []) if (i.key) keys.push(i.key);
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        // Being replaced right now: try again on the next poll.
      }
    }
  }
  return keys;
}

async function until<T>(get: () => T | undefined, what: string, server: TestServer, limitMs = 900_000): Promise<T> {
  const end = Date.now() + limitMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (server.proc.exitCode !== null) throw new Error(`server exited while waiting for ${what}:\n${server.logs.slice(-20).join('\n')}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * SHUZHI_BENCH_TRACE=1: prints the server's resident set every 100 ms (when it grew by 5 MB or more, or
 * fell by 20 MB) beside its log lines, to see which step sets the peak. SHUZHI_BENCH_SERVER_NODE_OPTIONS
 * passes NODE_OPTIONS to the server alone (e.g. --cpu-prof, --heapsnapshot-signal=SIGUSR2).
 */
const TRACE = process.env.SHUZHI_BENCH_TRACE === '1';

/** SHUZHI_BENCH_TRACE=1: when a phase of the bench starts, on the monotonic clock of CPU profiles (µs), to place a profile's blocks. */
function phase(name: string): void {
  if (TRACE) process.stderr.write(`[phase] ${name} ${process.hrtime.bigint() / 1000n}\n`);
}

function trace(server: TestServer, t0: number, name: string): void {
  if (!TRACE) return;
  const out = (m: string) => process.stderr.write(`[trace ${name} ${((performance.now() - t0) / 1000).toFixed(1)} s] ${m}\n`);
  let last = 0;
  const timer = setInterval(() => {
    const rss = procBytes(server.proc.pid, 'VmRSS');
    if (!(rss >= last + 5 * MB || rss <= last - 20 * MB)) return;
    last = rss;
    out(`RSS ${mb(rss)}`);
  }, 100);
  server.proc.once('exit', () => clearInterval(timer));
  let seen = 0;
  const logs = setInterval(() => {
    for (; seen < server.logs.length; seen++) out(server.logs[seen].slice(0, 160).trimEnd());
  }, 100);
  server.proc.once('exit', () => clearInterval(logs));
}

async function start(corpus: string, cache: string, name = 'server') {
  const t0 = performance.now();
  const nodeOptions = process.env.SHUZHI_BENCH_SERVER_NODE_OPTIONS;
  const server = await startServer({
    initializationOptions: { corpusPaths: [corpus], storagePath: path.join(cache, 'storage') },
    env: { XDG_CACHE_HOME: cache, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) },
  });
  trace(server, t0, name);
  const statuses: Array<Status & { at: number }> = [];
  server.conn.onNotification('shuzhi/corpusStatus', (s: Status) => {
    statuses.push({ ...s, at: performance.now() });
  });
  const ready = () => until(() => statuses.find((s) => s.state === 'ready'), 'corpus ready', server);
  return { server, t0, statuses, ready };
}

/** Corpus lines usable as draft text: body sentences of the bundled reports. */
function corpusLines(): string[] {
  const dir = path.join(REPO, 'corpus');
  const lines: string[] = [];
  for (const n of fs.readdirSync(dir).sort()) {
    if (!n.endsWith('.txt')) continue;
    for (const l of cleanText(fs.readFileSync(path.join(dir, n), 'utf8')).split('\n')) if (l.trim().length >= 12) lines.push(l.trim());
  }
  return lines;
}

/** A draft of sentences, and positions inside them (hover) and at typed prefixes (completion). */
export function latencyDraft(rand: () => number) {
  const lines = corpusLines();
  const text: string[] = ['某局2023年度述职报告', '一、履职情况'];
  const hoverAt: Array<{ line: number; character: number }> = [];
  const completeAt: Array<{ line: number; character: number }> = [];
  for (let i = 0; i < SAMPLES; i++) {
    const l = lines[Math.floor(rand() * lines.length)];
    text.push(l);
    hoverAt.push({ line: text.length - 1, character: Math.floor(rand() * Math.min(l.length, 60)) });
    // A typed prefix: the start of another corpus sentence, 2–8 characters.
    const p = lines[Math.floor(rand() * lines.length)];
    const prefix = p.slice(0, 2 + Math.floor(rand() * 7));
    text.push(prefix);
    completeAt.push({ line: text.length - 1, character: prefix.length });
  }
  return { text: text.join('\n') + '\n', hoverAt, completeAt };
}

/**
 * A draft of 200 paragraphs (each two to five corpus sentences on one line) under a few
 * headings, and random positions inside the paragraphs: completion wherever the writer
 * happens to stop, not only after a typed prefix.
 */
export function paragraphDraft(rand: () => number) {
  const lines = corpusLines();
  const text: string[] = ['某局2023年度述职报告', '一、履职情况'];
  for (let p = 0; p < 200; p++) {
    if (p === 120) text.push('二、存在的问题');
    if (p === 170) text.push('三、下一步打算');
    const n = 2 + Math.floor(rand() * 4);
    text.push(Array.from({ length: n }, () => lines[Math.floor(rand() * lines.length)]).join(''));
  }
  const paragraphs = text.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 40);
  const at: Array<{ line: number; character: number }> = [];
  for (let k = 0; k < SAMPLES; k++) {
    const { l, i } = paragraphs[Math.floor(rand() * paragraphs.length)];
    at.push({ line: i, character: 1 + Math.floor(rand() * (l.length - 1)) });
  }
  return { text: text.join('\n') + '\n', at };
}

/** A 5,000-line draft: headings at four levels and body lines from the corpus. */
function bigDraft(rand: () => number): string {
  const lines = corpusLines();
  const cn = '一二三四五六七八九十';
  const out = ['某局2023年度述职报告'];
  let top = 0;
  while (out.length < 5000) {
    const r = rand();
    if (r < 0.02 && top < 9) out.push(`${cn[top++]}、第${top}部分`);
    else if (r < 0.08) out.push(`（${cn[Math.floor(rand() * 9)]}）加强学习`);
    else if (r < 0.14) out.push(`${1 + Math.floor(rand() * 9)}.抓好落实`);
    else out.push(lines[Math.floor(rand() * lines.length)]);
  }
  return out.join('\n') + '\n';
}

/** Latencies of the real (non-empty) answers; empty ones are counted, not timed. */
async function latencies(server: TestServer, method: string, uri: string, positions: Array<{ line: number; character: number }>): Promise<Answered | string> {
  const out: Answered = { times: [], empty: 0 };
  for (const position of positions) {
    const t = performance.now();
    let answer: unknown;
    try {
      answer = await server.request(method, { textDocument: { uri }, position });
    } catch (e) {
      if ((e as { code?: number }).code === -32601) return 'n/a（服务器未注册该请求）';
      throw e;
    }
    if (TRACE && performance.now() - t > 10) process.stderr.write(`[slow] ${method} ${(performance.now() - t).toFixed(1)} ms from ${process.hrtime.bigint() / 1000n - BigInt(Math.round((performance.now() - t) * 1000))}\n`);
    if (isAnswer(answer)) out.times.push(performance.now() - t);
    else out.empty++;
  }
  return out;
}

/** Runs the benchmark for each corpus size (MB) and returns the table rows. */
export async function benchScale(sizesMB: number[], only: { drafts?: boolean; indexBuild?: boolean; stall?: boolean } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = only.drafts === false ? [] : await benchLargeDrafts();
  for (const size of sizesMB) {
    const g = `scale ${size} MB`;
    const t = performance.now();
    const corpus = synthesizeCorpus({ sizeMB: size });
    const bytes = folderBytes(corpus);
    process.stderr.write(`[scale] ${g}: corpus ${corpus} (${mb(bytes)}, ready in ${Math.round(performance.now() - t)} ms)\n`);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-bench-cache-'));
    const rand = prng(size);
    const draft = latencyDraft(rand);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-bench-draft.md'));
    try {
      // Cold: no snapshot. Loading, then the first hover and completion build their indexes.
      const cold = await start(corpus, cache, 'cold');
      const ready = await cold.ready();
      const loadMs = ready.at - cold.t0;
      cold.server.open(uri, draft.text);
      // Hover answers nothing while a large corpus is indexed: wait for the phrase index of the whole corpus.
      await until(() => (cold.server.logs.some((l) => l.includes(`短语索引已建立：${ready.reports} 篇报告`)) ? true : undefined), 'phrase index', cold.server);
      await cold.server.request('textDocument/hover', { textDocument: { uri }, position: draft.hoverAt[0] });
      await latencies(cold.server, 'textDocument/completion', uri, draft.completeAt.slice(0, 1));
      const indexMs = performance.now() - cold.t0;
      process.stderr.write(`[scale] ${g}: cold ready ${Math.round(loadMs)} ms, indexes ${Math.round(indexMs)} ms; waiting for the snapshot\n`);
      // The snapshot is (re)written when idle, with the indexes built by then (checks run 1.5 s
      // after ready, then every 10 s): wait until the file on disk holds the phrase index. A save
      // log alone is not enough: a save that started before the index was built may log after.
      await until(() => (snapshotIndexKeys(cache).includes(PHRASE_INDEX_KEY) ? true : undefined), 'snapshot with the phrase index', cold.server, 120_000).catch(() => undefined);
      const rssCold = peakRss(cold.server.proc.pid);
      // What the server said about its snapshot and indexes (why one was not saved, …).
      for (const l of cold.server.logs) if (/快照|索引/.test(l)) process.stderr.write(`[scale] ${g}: server: ${l.slice(0, 300)}\n`);
      await cold.server.stop();
      // The indexes the snapshot holds are the ones a restart must restore (the phrase index at least).
      const saved = new Set(snapshotIndexKeys(cache));
      // storagePath when the server reads it, else $XDG_CACHE_HOME/shuzhi.
      const snapBytes = ['storage', 'shuzhi']
        .map((d) => path.join(cache, d))
        .filter((d) => fs.existsSync(d))
        .flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.snap')).map((n) => fs.statSync(path.join(d, n)).size))
        .reduce((a, b) => a + b, 0);

      // Warm: restart from the snapshot.
      const warm = await start(corpus, cache, 'snapshot');
      const ready2 = await warm.ready();
      const snapMs = ready2.at - warm.t0;
      const restoredText = /恢复索引 (\d+) 个/.exec(warm.server.logs.find((l) => /语料已就绪/.test(l)) ?? '')?.[1];
      const restored = restoredText === undefined ? NaN : Number(restoredText);
      const allRestored = saved.has(PHRASE_INDEX_KEY) && restored === saved.size;
      // Steady state: let the background tree parsing (moderate corpora only) finish before timing requests.
      if (ready2.reports > 0 && bytes <= 30 * MB) {
        await until(() => (warm.server.logs.some((l) => /已在后台解析/.test(l)) ? true : undefined), 'tree warm-up', warm.server, 300_000).catch(() => undefined);
      }
      phase('snapshot ready; hover and completion in the latency draft');
      warm.server.open(uri, draft.text);
      await warm.server.request('textDocument/hover', { textDocument: { uri }, position: draft.hoverAt[0] });
      const hover = await latencies(warm.server, 'textDocument/hover', uri, draft.hoverAt);
      const completion = await latencies(warm.server, 'textDocument/completion', uri, draft.completeAt);
      const paraUri = fileUri(path.join(os.tmpdir(), 'shuzhi-bench-200.md'));
      const para = paragraphDraft(rand);
      phase('paragraph completions while settling');
      warm.server.open(paraUri, para.text);
      const paragraphCompletion = await latencies(warm.server, 'textDocument/completion', paraUri, para.at);

      phase('paragraph completions done');
      const bigUri = fileUri(path.join(os.tmpdir(), 'shuzhi-bench-5000.md'));
      const big = bigDraft(rand);
      const tb = performance.now();
      warm.server.open(bigUri, big);
      const symbols = await warm.server.request('textDocument/documentSymbol', { textDocument: { uri: bigUri } });
      const outlineMs = performance.now() - tb;
      const diagnostics = await warm.server.waitForDiagnostics(bigUri, () => true, 300_000);
      const lintMs = performance.now() - tb;
      const rssWarm = peakRss(warm.server.proc.pid);
      // Completion again once the corpus has settled (30 s after it was ready), then (50 MB and up) a pasted
      // 10-million-character draft checked beside a small one — after the RSS figure, which is the corpus's.
      await new Promise((r) => setTimeout(r, Math.max(0, ready2.at + SETTLED_MS - performance.now())));
      phase('settled completions');
      const settledCompletion = await latencies(warm.server, 'textDocument/completion', paraUri, para.at);
      phase('settled completions done');
      const stall = size >= 50 && only.stall !== false ? await stallFigure(warm.server, synthesizeDraft(10_000_000)) : undefined;
      await warm.server.stop();

      const rssTarget = 4 * bytes + 100 * MB;
      const lat = (name: string, samples: Answered | string, target: number) => {
        if (typeof samples === 'string') return [{ group: g, metric: `${name} p50/p99`, value: samples, target: `p99 ≤ ${target} ms` }];
        const p99 = percentile(samples.times, 99);
        return [{ group: g, metric: `${name} p50 / p99 (${answeredNote(samples)})`, value: `${ms(percentile(samples.times, 50))} / ${ms(p99)}`, target: `p99 ≤ ${target} ms`, ok: samples.times.length > 0 && p99 <= target }];
      };
      rows.push(
        { group: g, metric: 'corpus', value: `${mb(bytes)}, ${ready.reports} reports` },
        { group: g, metric: 'cold load (ready)', value: ms(loadMs) },
        { group: g, metric: 'cold load + first hover/completion (indexes built)', value: ms(indexMs) },
        {
          group: g,
          metric: `snapshot load (ready; ${Number.isNaN(restored) ? '?' : restored} of ${saved.size} saved indexes restored${saved.has(PHRASE_INDEX_KEY) ? '' : ', the phrase index was not saved'})`,
          value: ms(snapMs),
          target: '≤ 1 s, all indexes restored',
          ok: allRestored && snapMs <= 1000,
        },
        { group: g, metric: 'snapshot size', value: mb(snapBytes) },
        { group: g, metric: 'peak RSS, cold run', value: mb(rssCold), target: `≤ ${mb(rssTarget)}`, ok: rssCold <= rssTarget },
        { group: g, metric: 'peak RSS, snapshot run', value: mb(rssWarm), target: `≤ ${mb(rssTarget)}`, ok: rssWarm <= rssTarget },
        ...lat('completion', completion, 10),
        ...lat('completion at random positions of a 200-paragraph draft, while the corpus settles (from ready)', paragraphCompletion, 10),
        ...lat(`the same once the corpus has settled (${SETTLED_MS / 1000} s after ready)`, settledCompletion, 10),
        ...lat('hover', hover, 20),
        { group: g, metric: `outline of a 5,000-line draft (open → symbols${isAnswer(symbols) ? '' : ', EMPTY answer'})`, value: ms(outlineMs) },
        { group: g, metric: `lint of a 5,000-line draft (open → ${diagnostics.length} diagnostics, incl. debounce)`, value: ms(lintMs) },
      );
      if (stall) rows.push(...stallRows(g, `${size} MB corpus`, stall));
      if (size <= INDEX_BUILD_MAX_MB && only.indexBuild !== false) rows.push(...(await benchIndexBuild(corpus, g)));
      process.stderr.write(`${formatTable(rows.filter((r) => r.group === g))}\n`);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }
  return rows;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  // --no-drafts / --no-index-build / --no-stall leave out the pasted drafts, the index-build comparison and the
  // 10-million-character draft checked beside a small one (a shorter run).
  const only = { drafts: !process.argv.includes('--no-drafts'), indexBuild: !process.argv.includes('--no-index-build'), stall: !process.argv.includes('--no-stall') };
  void benchScale(sizes.length ? sizes : [10], only).then((rows) => process.stdout.write(formatTable(rows) + '\n'));
}
