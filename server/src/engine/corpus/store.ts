import type { CorpusReport, SkippedFile } from '../types';

/**
 * The one size threshold of the corpus, in characters of report text (the bundled corpus has
 * about 0.5 M). Up to it, an index or a set of figures a request needs is built on the spot
 * (SlicedIndex.now), in one thread, and lint runs the corpus rules as the writer types. Above it
 * the corpus is large: such builds run in the background, in slices or worker threads
 * (indexWorkers/), and the corpus rules wait for a pause in typing.
 */
export const LARGE_CORPUS_CHARS = 2_000_000;

/**
 * The corpus as the features see it: the current reports plus derived indexes, each
 * built on first use and memoised until the reports change. Features name their own
 * index builders, so adding an index touches only the feature that uses it.
 */
export class CorpusStore {
  private reportsValue: CorpusReport[] = [];
  private skippedValue: SkippedFile[] = [];
  private versionValue = 0;
  private readonly cache = new Map<string, unknown>();
  private readonly listeners: Array<() => void> = [];
  private readonly builtListeners: Array<(key: string) => void> = [];
  private readonly preparers: Array<(stale: () => boolean) => Promise<unknown>> = [];

  get reports(): readonly CorpusReport[] {
    return this.reportsValue;
  }
  get skipped(): readonly SkippedFile[] {
    return this.skippedValue;
  }
  /** Incremented on every change of reports. */
  get version(): number {
    return this.versionValue;
  }

  set(reports: CorpusReport[], skipped: SkippedFile[] = []): void {
    this.reportsValue = reports;
    this.skippedValue = skipped;
    this.versionValue++;
    this.cache.clear();
    for (const l of this.listeners) l();
  }

  /** Returns the index named `key`, building it from the current reports if needed. */
  index<T>(key: string, build: (reports: readonly CorpusReport[]) => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = build(this.reportsValue);
    this.cache.set(key, value);
    for (const l of this.builtListeners) l(key);
    return value;
  }

  /** The indexes built so far (for the snapshot). */
  builtIndexes(): Iterable<[string, unknown]> {
    return this.cache.entries();
  }

  /** The index named `key` when it is already built, without building it. */
  peekIndex<T>(key: string): T | undefined {
    return this.cache.get(key) as T | undefined;
  }

  /** Stores a prebuilt index (e.g. loaded from a snapshot). */
  setIndex(key: string, value: unknown): void {
    this.cache.set(key, value);
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Registers work to run after the reports (and any restored indexes) are in and before the
   * corpus is announced ready (`prepare`): what would otherwise run in the first moments after
   * ready, between the first requests (compiling the completion path). `stale()` turns true when
   * the reports change meanwhile.
   */
  onPrepare(task: (stale: () => boolean) => Promise<unknown>): void {
    this.preparers.push(task);
  }

  /**
   * Runs the registered preparations for the current reports; resolves when they are done or
   * `budgetMs` has passed (what is left then goes on, no longer awaited). A failing task is
   * passed to `onError` and does not stop the others.
   */
  async prepare(budgetMs: number, onError: (e: unknown) => void = () => undefined): Promise<void> {
    const version = this.versionValue;
    const stale = () => this.versionValue !== version;
    const all = Promise.all(this.preparers.map((task) => task(stale).catch(onError)));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
    clearTimeout(timer);
  }

  /** Registers a callback run each time `index` has built and stored an index (not for `setIndex`). */
  onIndexBuilt(listener: (key: string) => void): void {
    this.builtListeners.push(listener);
  }
}
