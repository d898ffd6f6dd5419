/**
 * The phrase index of a large corpus built in worker threads, so the server's own thread
 * stays free for requests and the work runs on several cores. The corpus text is cut into
 * parts of whole reports; each worker reads a part's tables (word boundaries, sentences,
 * section runs: most of the work) while this thread marks line anchors and noise in slices,
 * then one worker sorts the suffixes. The parts' tables are merged and the index assembled here:
 * the same index, entry for entry, as phraseIndexSteps builds in one thread
 * (engine/search/phraseTables.ts says why).
 *
 * The worker script is dist/phraseIndexWorker.js beside the server bundle. Without it (the
 * server run from sources), with SHUZHI_INDEX_WORKERS=0 (the default on two cores), or for a
 * small corpus the caller builds in slices on this thread instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BuildCancelled, runSliced } from '../engine/slices';
import type { CorpusReport } from '../engine/types';
import { assemblePhraseIndex, corpusTextOf, type PhraseIndex } from '../engine/search/phraseIndex';
import { lineMarksSteps, mergeTables, splitText, wholeText, type PhraseTables } from '../engine/search/phraseTables';
import type { JobInput, WorkerJob, WorkerReply } from './protocol';

/** The worker bundle, beside dist/server.js. */
export const WORKER_SCRIPT = path.join(__dirname, 'phraseIndexWorker.js');

/** Parts per worker: enough for the workers to finish together, few enough to cost nothing. */
const PARTS_PER_WORKER = 4;

/**
 * How many worker threads a build uses: SHUZHI_INDEX_WORKERS when set (0: none), else one
 * per core but one (left to the editor and this thread), at most 4 — so none on a machine
 * of two cores, where workers were measured no faster than slices and cost memory (each
 * worker's heap, and the parts' tables beside the sort); 0 when the worker script is missing.
 */
export function indexWorkerCount(): number {
  if (!fs.existsSync(WORKER_SCRIPT)) return 0;
  const env = process.env.SHUZHI_INDEX_WORKERS;
  if (env !== undefined && env.trim() !== '') {
    const n = Math.floor(Number(env));
    return Number.isFinite(n) ? Math.max(0, Math.min(8, n)) : 0;
  }
  const cores = os.availableParallelism();
  return cores <= 2 ? 0 : Math.min(4, cores - 1);
}

interface Pending {
  job: WorkerJob;
  transfer: ArrayBuffer[];
  resolve(reply: WorkerReply): void;
  reject(e: unknown): void;
}

/** A few workers taking jobs from one queue, in order (urgent jobs first). */
class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 0;
  private failure: unknown;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      // A small young generation: a worker makes millions of short-lived segment objects, and each worker's heap adds to the server's memory.
      const w = new Worker(WORKER_SCRIPT, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      w.on('message', (reply: WorkerReply) => {
        const p = this.running.get(reply.id);
        this.running.delete(reply.id);
        this.idle.push(w);
        if (p) {
          if ('error' in reply) p.reject(new Error(reply.error));
          else p.resolve(reply);
        }
        this.pump();
      });
      w.on('error', (e) => this.close(e));
      w.on('exit', (code) => {
        if (code !== 0 && this.failure === undefined) this.close(new Error(`索引工作线程异常退出（${code}）`));
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  run(job: JobInput, transfer: ArrayBuffer[] = [], urgent = false): Promise<WorkerReply> {
    return new Promise<WorkerReply>((resolve, reject) => {
      if (this.failure !== undefined) return reject(this.failure);
      const p: Pending = { job: { ...job, id: this.nextId++ }, transfer, resolve, reject };
      if (urgent) this.queue.unshift(p);
      else this.queue.push(p);
      this.pump();
    });
  }

  private pump(): void {
    while (this.failure === undefined && this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.running.set(p.job.id, p);
      w.postMessage(p.job, p.transfer);
    }
  }

  /** Stops every worker; pending jobs reject with `reason`. */
  close(reason: unknown = new BuildCancelled()): void {
    if (this.failure === undefined) this.failure = reason;
    for (const p of [...this.queue, ...this.running.values()]) p.reject(this.failure);
    this.queue.length = 0;
    this.running.clear();
    for (const w of this.all) void w.terminate();
  }
}

/**
 * Builds the phrase index of `reports` in `workers` worker threads (at least 1). Rejects
 * with BuildCancelled once `cancelled()` says so, and with the worker's error if one fails
 * (the caller can then build in slices).
 */
export async function buildPhraseIndexInWorkers(reports: readonly CorpusReport[], workers: number, cancelled: () => boolean): Promise<PhraseIndex> {
  const t0 = performance.now();
  const { text, reportStart, lengths } = corpusTextOf(reports);
  const pool = new Pool(Math.max(1, workers));
  const watch = setInterval(() => {
    if (cancelled()) pool.close();
  }, 50);
  try {
    const parts = splitText(text, reportStart, lengths, Math.max(1, workers) * PARTS_PER_WORKER);
    const tables = Promise.all(
      parts.map((part) => pool.run({ kind: 'tables', part }).then((r) => ({ base: part.base, tables: (r as { tables: PhraseTables }).tables }))),
    );
    tables.catch(() => undefined);
    // Meanwhile, here between requests: anchors and noise, which the sort reads beside the text (copied to the worker).
    const marks = await runSliced(lineMarksSteps(wholeText(text, reportStart, lengths)), 15, cancelled);
    const sorted = pool.run({ kind: 'sort', text, noise: marks.noise, anchors: marks.anchors }, [], true);
    const [reply, partTables] = await Promise.all([sorted, tables]);
    if (cancelled()) throw new BuildCancelled();
    const merged = mergeTables(partTables, text.length);
    return assemblePhraseIndex(reports, text, reportStart, merged, (reply as { sa: Int32Array }).sa, performance.now() - t0);
  } finally {
    clearInterval(watch);
    pool.close();
  }
}
