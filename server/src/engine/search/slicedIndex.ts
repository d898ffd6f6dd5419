import type { CorpusStore } from '../corpus/store';
import type { CorpusReport } from '../types';
import { runSliced, runToEnd, type Steps } from '../slices';

/** The index stored under `key`, or undefined when it has not been built — never builds it. */
export function peekIndex<T>(store: CorpusStore, key: string): T | undefined {
  return store.peekIndex<T>(key);
}

/**
 * An index of the corpus store built in slices, so a large corpus is indexed while the
 * server keeps answering. The result is memoised in the store under `key` like any other
 * index (dropped when the corpus changes, saved by the snapshot when it can be); a build
 * for a corpus that has meanwhile changed is abandoned. Concurrent callers share one build.
 */
export class SlicedIndex<T> {
  private pending?: { version: number; promise: Promise<T> };

  constructor(
    private readonly store: CorpusStore,
    private readonly key: string,
    private readonly steps: (reports: readonly CorpusReport[]) => Steps<T>,
    private readonly onBuilt?: (value: T, ms: number, reports: readonly CorpusReport[]) => void,
    /**
     * Another way to build in the background (worker threads), tried first: a promise of
     * the index — rejecting with BuildCancelled once `cancelled()` says so — or undefined
     * to build in slices here.
     */
    private readonly background?: (reports: readonly CorpusReport[], cancelled: () => boolean) => Promise<T> | undefined,
  ) {}

  /** The index when it is built, without building it. */
  peek(): T | undefined {
    return peekIndex<T>(this.store, this.key);
  }

  /**
   * The index now, for work that cannot wait: when built, the index; for a corpus of at most
   * `syncChars` characters, built on the spot; else undefined while it is built in slices.
   */
  now(syncChars: number): T | undefined {
    const built = peekIndex<T>(this.store, this.key);
    if (built !== undefined) return built;
    let size = 0;
    for (const r of this.store.reports) size += r.text.length;
    if (size <= syncChars) return this.store.index(this.key, (reports) => runToEnd(this.steps(reports)));
    void this.get().catch(() => undefined);
    return undefined;
  }

  /** The index of the current corpus: at once when built, else when its build ends (rejects with BuildCancelled if the corpus changes first). */
  get(): Promise<T> {
    const built = peekIndex<T>(this.store, this.key);
    if (built !== undefined) return Promise.resolve(built);
    const version = this.store.version;
    if (this.pending?.version === version) return this.pending.promise;
    const reports = this.store.reports;
    const started = performance.now();
    const cancelled = () => this.store.version !== version;
    const build = this.background?.(reports, cancelled) ?? runSliced(this.steps(reports), 15, cancelled);
    const promise = build.then((value) => {
      if (this.store.version === version) this.store.index(this.key, () => value);
      this.onBuilt?.(value, performance.now() - started, reports);
      return value;
    });
    // Callers handle the rejection; this keeps an unawaited warm-up from being reported as unhandled.
    promise.catch(() => undefined);
    this.pending = { version, promise };
    return promise;
  }
}
