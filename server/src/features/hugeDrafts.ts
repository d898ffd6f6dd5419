/**
 * Huge drafts (a pasted compilation of millions of characters) are parsed and linted in a
 * worker thread (indexWorkers/draftWorker.ts, bundle dist/draftWorker.js), so the server's
 * thread never holds a request behind them: the worker sends the outline and folds first,
 * then the prose view and line starts, then the findings of every rule but the corpus ones,
 * cut at the job's deadline (`budgetMs` of wall-clock time after the job was asked for). One
 * job per document version; a job whose document changed is dropped: cancelled, so the worker
 * (warm, its code compiled) stops at its next check and takes the next job — restarted only
 * when it does not stop within CANCEL_GRACE_MS. The draft goes to the worker and its prose
 * comes back as transferred buffers, written here in slices. Without the worker bundle (the
 * server run from its sources, the tests) the same work runs here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_DIAGNOSTICS } from '../engine/lint/cap';
import { Draft } from '../engine/lint/draft';
import type { Finding, LintStage } from '../engine/lint/types';
import type { Settings } from '../engine/settings';
import {
  bufferToText,
  MIN_RULES_MS,
  textToBufferInSlices,
  withRunsBlanked,
  type DraftJob,
  type DraftOutline,
  type DraftReply,
  type LintReply,
  type OutlineReply,
  type ProseReply,
} from '../indexWorkers/draftProtocol';
import type { CorpusHeadings } from '../engine/lint/corpusHeadings';
import type { KindShareStats } from '../engine/delivery/kindShare';
import { capFindings } from '../engine/lint/cap';
import { runDraftJob } from '../indexWorkers/draftJob';

/**
 * Drafts longer than this are parsed and linted in the worker. A draft of a million characters
 * parses in about 0.1 s and its longest rule takes a few tenths: below that, the check runs on
 * the server's thread in slices between rules (a worker's heap would add to the server's memory).
 */
export const HUGE_DRAFT_CHARS = 1_000_000;

/** The worker bundle, beside dist/server.js. */
const WORKER_SCRIPT = path.join(__dirname, 'draftWorker.js');
/** An idle worker is stopped after this long (its heap holds the last draft's parse). */
const IDLE_MS = 30_000;
/** A cancelled job still running this long after (inside one long rule) has its worker restarted. */
export const CANCEL_GRACE_MS = 1500;

export interface HugeJobInput {
  settings: Settings;
  showItems: boolean;
  corpusStats?: KindShareStats;
  corpusHeadings?: CorpusHeadings;
  /** Wall-clock milliseconds from the job's start to its deadline, when the rules still running are cut. */
  budgetMs: number;
  /** Rules the server runs itself (the corpus rules). */
  skipRules: string[];
  /** `editing` (diagnostics, the default) or `full` (review). */
  stage?: LintStage;
  /** Most findings sent back (default MAX_DIAGNOSTICS). */
  maxFindings?: number;
}

export interface HugeAnalysis {
  /** When the job's rules are cut (Date.now() time): the server's corpus rules and its wait for the worker end there too. */
  deadline: number;
  /** The masked prose (for the corpus rules) and the draft's line starts (LineIndex.fromStarts). */
  masked: Promise<{ masked: string; lineStarts: Uint32Array }>;
  /** Outline and folds (read from the worker's JSON when first asked for). */
  outline(): Promise<DraftOutline>;
  /** Findings of the rules the worker ran (capped), how many in all, and the rules cut. */
  lint: Promise<LintReply>;
}

interface Job {
  uri: string;
  version: number;
  key: string;
  message: DraftJob;
  analysis: HugeAnalysis;
  settle: { outline(r: OutlineReply): void; prose(r: ProseReply): void; lint(r: LintReply): void; fail(e: Error): void };
}

export function isHuge(draft: Draft): boolean {
  return draft.text.length > HUGE_DRAFT_CHARS;
}

export class HugeDrafts {
  private worker?: Worker;
  private readonly queue: Job[] = [];
  private running?: Job;
  /** The jobs of each document's latest version (one per inputs: diagnostics and review differ). */
  private readonly latest = new Map<string, Job[]>();
  /** Jobs dropped while their draft was being written for the worker: not posted. */
  private readonly dropped = new WeakSet<Job>();
  private idle?: NodeJS.Timeout;
  private grace?: NodeJS.Timeout;
  private nextId = 1;
  /** Worker threads started so far (a cancelled job leaves its worker to the next one). */
  spawned = 0;

  constructor(private readonly log: (m: string) => void, private readonly script = WORKER_SCRIPT) {}

  /** The analysis of this version of a huge draft under these inputs (shared by the outline and the check). */
  analyse(draft: Draft, input: HugeJobInput): HugeAnalysis {
    const key = JSON.stringify([input.stage, input.maxFindings, input.showItems, input.budgetMs, input.skipRules, input.settings, input.corpusStats !== undefined, input.corpusHeadings !== undefined]);
    const jobs = this.latest.get(draft.uri) ?? [];
    const hit = jobs.find((j) => j.version === draft.version && j.key === key);
    if (hit) return hit.analysis;
    // Jobs of older versions (or older inputs) of this document are dropped.
    for (const j of jobs) if (j.version !== draft.version || j.message.stage === (input.stage ?? 'editing')) this.drop(j);
    const { budgetMs, ...rest } = input;
    const deadline = Date.now() + budgetMs;
    const message: DraftJob = {
      id: this.nextId++,
      text: draft.text,
      cancel: new Int32Array(new SharedArrayBuffer(4)),
      ...rest,
      deadline,
      minRulesMs: MIN_RULES_MS,
      stage: input.stage ?? 'editing',
      maxFindings: input.maxFindings ?? MAX_DIAGNOSTICS,
    };
    const outline = deferred<OutlineReply>();
    const prose = deferred<ProseReply>();
    const lint = deferred<LintReply>();
    const settle: Job['settle'] = {
      outline: outline.resolve,
      prose: prose.resolve,
      lint: lint.resolve,
      fail: (e) => {
        outline.reject(e);
        prose.reject(e);
        lint.reject(e);
      },
    };
    const masked = prose.promise.then((r) => ({ masked: r.masked ? bufferToText(r.masked) : withRunsBlanked(draft.text, r.blanked!), lineStarts: r.lineStarts }));
    masked.catch(() => undefined);
    const parsed = memo(() => outline.promise.then((r) => JSON.parse(bufferToText(r.outline)) as DraftOutline));
    const job: Job = { uri: draft.uri, version: draft.version, key, message, analysis: { deadline, masked, outline: parsed, lint: lint.promise }, settle };
    this.latest.set(draft.uri, [...jobs.filter((j) => j.version === draft.version && j.message.stage !== job.message.stage), job]);
    if (!fs.existsSync(this.script)) {
      this.inProcess(job);
      return job.analysis;
    }
    // The worker starts (loads its code) while the draft is written for it a slice at a time,
    // requests answered in between.
    clearTimeout(this.idle);
    this.worker ??= this.spawn();
    const stop = () => this.dropped.has(job);
    void textToBufferInSlices(draft.text, () => new Promise((r) => setImmediate(r)), stop).then((buffer) => {
      if (!buffer || stop()) return;
      message.text = buffer;
      this.queue.push(job);
      this.next();
    });
    return job.analysis;
  }

  /** The document was closed: its job is dropped. */
  forget(uri: string): void {
    for (const job of this.latest.get(uri) ?? []) this.drop(job);
    this.latest.delete(uri);
  }

  private drop(job: Job): void {
    job.settle.fail(new Error('稿件已更新'));
    this.dropped.add(job);
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    if (this.running === job && job.message.cancel) {
      // The job stops at its next check; a worker stuck in one long step is restarted.
      Atomics.store(job.message.cancel, 0, 1);
      clearTimeout(this.grace);
      this.grace = setTimeout(() => {
        if (this.running !== job) return;
        void this.worker?.terminate();
        this.worker = undefined;
        this.running = undefined;
        this.next();
      }, CANCEL_GRACE_MS);
      this.grace.unref();
    }
  }

  private next(): void {
    if (this.running || !this.queue.length) return;
    const job = this.queue.shift()!;
    this.running = job;
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.spawn());
    worker.postMessage(job.message, typeof job.message.text === 'string' ? [] : [job.message.text]);
  }

  private spawn(): Worker {
    const w = new Worker(this.script);
    this.spawned++;
    w.on('message', (reply: DraftReply) => {
      const job = this.running;
      if (!job || job.message.id !== reply.id) return;
      if (reply.part === 'outline') return job.settle.outline(reply);
      if (reply.part === 'prose') return job.settle.prose(reply);
      this.running = undefined;
      clearTimeout(this.grace);
      if (reply.part === 'lint') job.settle.lint(reply);
      else job.settle.fail(new Error(reply.error));
      this.idle = setTimeout(() => this.stop(), IDLE_MS);
      this.idle.unref();
      this.next();
    });
    w.on('error', (e) => {
      this.log(`稿件检查线程出错：${e.message}`);
      this.running?.settle.fail(e);
      this.running = undefined;
      this.worker = undefined;
      this.next();
    });
    w.unref();
    return w;
  }

  private stop(): void {
    if (this.running || this.queue.length) return;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  /** The same work on this thread (no worker bundle). */
  private inProcess(job: Job): void {
    runDraftJob(job.message, (reply) => {
      if (reply.part === 'outline') job.settle.outline(reply);
      else if (reply.part === 'prose') job.settle.prose(reply);
      else if (reply.part === 'lint') job.settle.lint(reply);
      else job.settle.fail(new Error(reply.error));
    });
  }
}

/** `f`, called once. */
function memo<T>(f: () => T): () => T {
  let done: { value: T } | undefined;
  return () => (done ??= { value: f() }).value;
}

/** A promise with its settling functions; its rejection is handled by whoever awaits it. */
function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: Error): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Findings of a worker's reply and the server's own corpus rules, at most `max`, in document order. */
export function mergeFindings(a: readonly Finding[], b: readonly Finding[], max = MAX_DIAGNOSTICS): Finding[] {
  return capFindings([...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end), max);
}
