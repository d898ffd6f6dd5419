/**
 * When the server writes its snapshot: soon after there is something new to save (a corpus
 * loaded, an index built), several such events coalesced into one write, and on the way out
 * (LSP `shutdown`), within a bounded time so the exit never hangs. No polling: nothing new,
 * no timer.
 */

/** What a flush did: ran or awaited a save to its end, found nothing to save, or stopped waiting. */
export type FlushResult = 'saved' | 'idle' | 'timeout';

export interface SaveSchedulerOptions {
  /** Quiet time after the last event before the save runs. */
  delayMs: number;
  /** Longest a save is put off by a stream of events (from the first unsaved one). */
  maxDelayMs: number;
}

export class SaveScheduler {
  private timer?: NodeJS.Timeout;
  /** When the oldest unsaved event came (undefined: nothing pending). */
  private pendingSince?: number;
  private running?: Promise<void>;
  private closed = false;

  /** `save` writes the snapshot (and reports its own errors); calls never overlap. */
  constructor(private readonly save: () => Promise<void>, private readonly opts: SaveSchedulerOptions) {}

  /** Whether a save is waiting for its timer. */
  get pending(): boolean {
    return this.pendingSince !== undefined;
  }

  /** There is something new to save: save after `delayMs` of quiet, at most `maxDelayMs` after the first such call. */
  schedule(): void {
    if (this.closed) return;
    const now = performance.now();
    this.pendingSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.opts.delayMs, this.pendingSince + this.opts.maxDelayMs - now));
    this.timer = setTimeout(() => void this.run(), wait);
    this.timer.unref();
  }

  /** Forgets a pending save (the corpus it was for is being replaced). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSince = undefined;
  }

  private run(): Promise<void> {
    this.cancel();
    const previous = this.running ?? Promise.resolve();
    const p: Promise<void> = previous.then(() => this.save()).catch(() => undefined);
    this.running = p;
    void p.then(() => {
      if (this.running === p) this.running = undefined;
    });
    return p;
  }

  /**
   * Runs a pending save now and waits for it (and for one already running), at most `maxMs`;
   * then accepts no more. A save still running after `maxMs` goes on until the process ends
   * (snapshot writes are atomic, so it leaves the old snapshot or the new one, never half).
   */
  async flush(maxMs: number): Promise<FlushResult> {
    this.closed = true;
    const work = this.pending ? this.run() : this.running;
    if (!work) return 'idle';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), maxMs)));
    try {
      return await Promise.race([work.then(() => 'saved' as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Cancels what is pending and accepts no more. */
  close(): void {
    this.closed = true;
    this.cancel();
  }
}
