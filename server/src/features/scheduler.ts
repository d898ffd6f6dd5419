/**
 * The one scheduler of the server's background work on open documents: every reason to check
 * a draft again — an edit, a setting, a changed corpus, an index or corpus figures becoming
 * ready, a corpus file read — calls `touch(uri)` or `touchAll()`, and nothing else starts a
 * check. Checks run one at a time, a little after the last touch (debounced per document),
 * once the answers already on their way are written; a check whose document changes under
 * it is abandoned. A result is published once per document version and inputs stamp
 * (settings, corpus, which indexes were ready): a touch that changes neither costs nothing.
 */

/** Asked by a running check between its slices: true once its document version is stale or closed. */
export interface CheckToken {
  readonly isCancellationRequested: boolean;
}

export interface SchedulerOptions<T> {
  /** Wait after the last touch of a document before checking it. */
  delayMs: number;
  /** The document's version now; undefined once it is closed. */
  version(uri: string): number | undefined;
  /** What the result also depends on besides the text (settings, corpus version, indexes ready). */
  stamp(): string;
  /** Works out the result for the document's current version (undefined: nothing to publish). */
  check(uri: string, token: CheckToken): Promise<T | undefined>;
  publish(uri: string, version: number, result: T): void;
  log(message: string): void;
}

/** Longest a check waits for the answers before it to be written. */
const FLUSH_WAIT_MS = 2000;

/**
 * Bytes of messages to the client not yet written: stdout's buffer (stdio) or the IPC
 * channel's write queue (how VS Code runs the server; `writeQueueSize` of the pipe handle,
 * when Node exposes it).
 */
function pendingOutputBytes(): number {
  const channel = process.channel as { writeQueueSize?: unknown } | undefined;
  const ipc = typeof channel?.writeQueueSize === 'number' ? channel.writeQueueSize : 0;
  return ipc + (process.stdout.writableLength ?? 0);
}

/**
 * Resolves once the answers already on their way are written (at most FLUSH_WAIT_MS later).
 * The connection writes an answer in the next immediate and a pipe takes megabytes in many
 * turns of the event loop: a check started at once would hold back a pasted draft's outline,
 * asked for at the same time.
 */
function afterPendingOutput(since = Date.now()): Promise<void> {
  return new Promise((resolve) => {
    const wait = () =>
      setImmediate(() => {
        if (pendingOutputBytes() > 0 && Date.now() - since < FLUSH_WAIT_MS) setTimeout(wait, 5);
        else resolve();
      });
    wait();
  });
}

export class Scheduler<T> {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents due for a check, in the order they became due. */
  private readonly due = new Set<string>();
  /** `version|stamp` last published per document. */
  private readonly published = new Map<string, string>();
  private running = false;

  constructor(private readonly opts: SchedulerOptions<T>) {}

  /** The document changed, or something its result depends on: check it after the delay. */
  touch(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.due.add(uri);
        void this.pump();
      }, this.opts.delayMs),
    );
  }

  /** Every open document (a setting or the corpus changed). */
  touchAll(uris: Iterable<string>): void {
    for (const uri of uris) this.touch(uri);
  }

  /** The document was closed: no more checks of it. */
  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.due.delete(uri);
    this.published.delete(uri);
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const uri = this.due.values().next().value as string | undefined;
        if (uri === undefined) return;
        this.due.delete(uri);
        await afterPendingOutput();
        const version = this.opts.version(uri);
        if (version === undefined) continue;
        const key = `${version}|${this.opts.stamp()}`;
        if (this.published.get(uri) === key) continue;
        const token = { get isCancellationRequested() { return this.stale(); }, stale: () => this.opts.version(uri) !== version || this.timers.has(uri) };
        try {
          const result = await this.opts.check(uri, token);
          // A newer version (or a touch waiting) makes this result stale: the next check publishes.
          if (result === undefined || token.isCancellationRequested) continue;
          // The stamp is read again: inputs that changed during the check (an index became ready) touch the document anyway.
          this.published.set(uri, key);
          this.opts.publish(uri, version, result);
        } catch (e) {
          this.opts.log(`检查 ${uri} 时出错：${(e as Error)?.stack ?? e}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
