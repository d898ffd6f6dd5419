/**
 * First phrase-index build of a large corpus through the real server, two ways: on the
 * server's thread in slices of 15 ms (SHUZHI_INDEX_WORKERS=0, as before worker threads;
 * the default on two cores or fewer) and in worker threads (at least two). The build time is the server's own figure (its log
 * line `短语索引已建立：… 用时 N 毫秒`, from the start of the build to its end). While the index
 * is built, a small draft's outline is asked for every 50 ms: its latency says whether the
 * server keeps answering meanwhile. Cold runs (no snapshot); the two ways alternate, and
 * the median of the runs is reported.
 *
 *   npm run build && node --import tsx bench/indexBuild.ts 50
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer } from '../test/helpers/lspClient';
import { synthesizeCorpus } from './synth';
import { formatTable, ms, percentile, type BenchRow } from './table';

interface BuildRun {
  buildMs: number;
  /** CPU time of the server process (all its threads) from start until the index was built. */
  cpuMs: number;
  /** Outline latencies while the index was being built (ms). */
  latencies: number[];
}

const median = (xs: number[]) => percentile(xs, 50);

/** CPU time (user + system, all threads) a process has used, in ms (Linux /proc; NaN elsewhere). */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted here from field 3 on; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** One cold start: waits for the corpus, then for the phrase index of all of it, asking for an outline meanwhile. */
async function coldBuild(corpus: string, workers: string): Promise<BuildRun> {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-bench-index-'));
  const server = await startServer({
    initializationOptions: { corpusPaths: [corpus], storagePath: path.join(cache, 'storage') },
    env: { XDG_CACHE_HOME: cache, SHUZHI_INDEX_WORKERS: workers },
  });
  try {
    let reports = -1;
    server.conn.onNotification('shuzhi/corpusStatus', (s: { state: string; reports: number }) => {
      if (s.state === 'ready') reports = s.reports;
    });
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-bench-index-draft.md'));
    server.open(uri, '某局2023年度述职报告\n一、履职情况\n（一）加强学习\n认真学习党的理论。\n二、存在的问题\n学习不够深入。\n');
    const built = () => {
      for (const l of server.logs) {
        const m = /短语索引已建立：(\d+) 篇报告，\d+ 字，用时 (\d+) 毫秒/.exec(l);
        if (m && Number(m[1]) === reports) return Number(m[2]);
      }
      return undefined;
    };
    const latencies: number[] = [];
    const end = Date.now() + 900_000;
    for (;;) {
      const buildMs = built();
      if (buildMs !== undefined) return { buildMs, cpuMs: cpuMsOf(server.proc.pid), latencies };
      if (server.proc.exitCode !== null || Date.now() > end) throw new Error(`no phrase index:\n${server.logs.slice(-10).join('\n')}`);
      // Only once the corpus is ready is the build the one being measured.
      if (reports > 0) {
        const t = performance.now();
        const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        if (!symbols?.length) throw new Error('empty outline during the index build');
        latencies.push(performance.now() - t);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await server.stop();
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

/** Rows for one corpus: build time and latency meanwhile, in slices and in workers (`runs` of each, alternating). */
export async function benchIndexBuild(corpus: string, group: string, runs = 2): Promise<BenchRow[]> {
  const ways = [
    { env: '0', name: 'one thread, in slices' },
    // Two at least, also where the server would use none by default (two cores or fewer).
    { env: String(Math.max(2, Math.min(4, os.availableParallelism() - 1))), name: `worker threads (${Math.max(2, Math.min(4, os.availableParallelism() - 1))})` },
  ];
  const results = ways.map(() => [] as BuildRun[]);
  for (let r = 0; r < runs; r++) {
    for (let w = 0; w < ways.length; w++) {
      const run = await coldBuild(corpus, ways[w].env);
      process.stderr.write(`[index] ${group}: ${ways[w].name}: build ${run.buildMs} ms, server CPU ${run.cpuMs} ms\n`);
      results[w].push(run);
    }
  }
  const rows: BenchRow[] = [];
  const sliced = median(results[0].map((x) => x.buildMs));
  ways.forEach((way, w) => {
    const builds = results[w].map((x) => x.buildMs);
    const lat = results[w].flatMap((x) => x.latencies);
    const value = median(builds);
    rows.push({
      group,
      metric: `first phrase-index build, ${way.name} (lower median of ${runs} runs: ${builds.map((b) => ms(b)).join(', ')})`,
      value: ms(value),
      ...(w > 0 ? { baseline: ms(sliced), target: `≤ ${ms(sliced / 2)} (half the one-thread build)`, ok: value <= sliced / 2 } : {}),
    });
    rows.push({
      group,
      metric: `CPU time of the server until the index is built, ${way.name} (median; includes loading the corpus)`,
      value: ms(median(results[w].map((x) => x.cpuMs))),
    });
    rows.push({
      group,
      metric: `outline of a small draft while the index is built, ${way.name}: p50 / p99 / max (${lat.length} requests)`,
      value: lat.length ? `${ms(percentile(lat, 50))} / ${ms(percentile(lat, 99))} / ${ms(Math.max(...lat))}` : 'n/a (built before the first request)',
    });
  });
  return rows;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  void (async () => {
    const rows: BenchRow[] = [];
    for (const size of sizes.length ? sizes : [10]) rows.push(...(await benchIndexBuild(synthesizeCorpus({ sizeMB: size }), `index ${size} MB`)));
    process.stdout.write(formatTable(rows) + '\n');
  })();
}
