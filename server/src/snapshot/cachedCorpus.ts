/**
 * Loading the corpus through the snapshot cache, for the server and the CLI alike:
 * list the files (stat only), restore what the snapshot holds for files that have not
 * changed, read only new and changed files, and save a fresh snapshot afterwards.
 * The same object then serves incremental updates: a later `load` re-lists and re-reads
 * only what changed since the previous one.
 */
import { utimes } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { bundledCorpusDir } from '../engine/corpus/loader';
import { SnapshotError, TEXTS_SECTION, withSnapshotFile, writeSnapshot } from './snapshotFile';
import type { CorpusReport, SkippedFile } from '../engine/types';
import { bundleFlavour, configKey, engineVersion, snapshotPath } from './cacheLocation';
import { CorpusFiles, shareTexts, treePending } from './corpusFiles';
import { canEncodeIndex, decodeIndex, encodeIndex, indexSections, type EncodedIndex } from './indexCodec';
import { listCorpusFiles } from '../engine/corpus/loader';
import { pruneSnapshotCache } from './cacheBounds';

export interface CorpusSource {
  /** User folders or files, added to the bundled corpus. */
  paths: readonly string[];
  useBundled: boolean;
  maxFileSizeBytes: number;
}

export interface LoadHooks {
  signal?: AbortSignal;
  /** After each file: (done, total). */
  onProgress?(done: number, total: number): void;
  /** The corpus loaded so far, once, when the first batch is in and more is still to read. */
  onPartial?(reports: CorpusReport[], skipped: SkippedFile[]): void;
}

export interface LoadOutcome {
  reports: CorpusReport[];
  skipped: SkippedFile[];
  /** Indexes restored from the snapshot, only when it matched every file (built from `reports`). */
  indexes: Array<{ key: string; value: unknown }>;
  /** Records restored from the snapshot (0 when there was none or it was not usable). */
  restored: number;
  /** Files read from disk because they were new or changed. */
  read: number;
  /** Files dropped because they are gone. */
  removed: number;
}

/** How long loading runs before the first partial corpus is published. */
const FIRST_BATCH_MS = 200;

export interface CachedCorpusOptions {
  /** Folder of the snapshots; undefined disables the snapshot. */
  cacheDir?: string;
  /** Separates server and CLI snapshots (defaults to the running bundle's name). */
  flavour?: string;
  /** Engine version override (tests). */
  engine?: string;
  log?(message: string): void;
}

export class CachedCorpus {
  private files = new CorpusFiles();
  private config?: string;
  private maxBytes?: number;
  /** Whether the records differ from the snapshot on disk. */
  private dirty = true;
  /** Index keys the snapshot on disk holds. */
  private savedIndexes = new Set<string>();
  /** Index keys already reported as not serialisable. */
  private refused = new Set<string>();

  constructor(private readonly opts: CachedCorpusOptions = {}) {}

  private get engine(): string {
    return this.opts.engine ?? engineVersion();
  }

  /** The folder of the snapshots (undefined when disabled). */
  get cacheDir(): string | undefined {
    return this.opts.cacheDir;
  }

  /** The snapshot file for the current configuration (undefined when disabled or before a load). */
  get snapshotFile(): string | undefined {
    return this.opts.cacheDir && this.config ? snapshotPath(this.opts.cacheDir, this.config, this.opts.flavour ?? bundleFlavour()) : undefined;
  }

  /**
   * Loads (or updates) the corpus for `source`. The first load of a configuration starts from
   * its snapshot when there is a valid one. Rejects only when `hooks.signal` aborts.
   */
  async load(source: CorpusSource, hooks: LoadHooks = {}): Promise<LoadOutcome> {
    const bundled = source.useBundled ? bundledCorpusDir() : undefined;
    const roots = [...(bundled ? [bundled] : []), ...source.paths].map((p) => nodePath.resolve(p));
    const key = configKey({ roots, maxFileSizeBytes: source.maxFileSizeBytes });
    if (this.maxBytes !== source.maxFileSizeBytes) {
      // Skips for size were decided against the old limit.
      this.files = new CorpusFiles();
      this.maxBytes = source.maxFileSizeBytes;
    }
    const exclude = (p: string) => !!bundled && nodePath.basename(p) === 'README.md' && nodePath.dirname(p) === bundled;
    const listing = await listCorpusFiles(roots, hooks.signal);
    listing.files = listing.files.filter((f) => !exclude(f.path));

    const firstOfConfig = key !== this.config;
    this.config = key;
    let published = false;
    const sync = () => {
      const started = performance.now();
      return this.files.sync(listing, {
        maxFileSizeBytes: source.maxFileSizeBytes,
        signal: hooks.signal,
        onFile: (done, total, read) => {
          hooks.onProgress?.(done, total);
          // Only worth it when files are being read: reused records arrive all at once anyway.
          if (!published && read > 0 && done < total && hooks.onPartial && performance.now() - started >= FIRST_BATCH_MS) {
            published = true;
            hooks.onPartial(this.files.reports(), this.files.skipped());
          }
        },
      });
    };

    const outcome: LoadOutcome = { reports: [], skipped: [], indexes: [], restored: 0, read: 0, removed: 0 };
    const file = this.snapshotFile;
    if (firstOfConfig && file) {
      const wasEmpty = this.files.size === 0;
      try {
        const used = await withSnapshotFile(file, { engine: this.engine, config: key }, async (reader) => {
          const before = this.files.size;
          // The texts and (when they may serve) the indexes are read at once, so their reads overlap the checks and decoding.
          reader.prefetch([TEXTS_SECTION, ...(wasEmpty ? indexSections(reader.meta.indexes) : [])]);
          this.files.seed(await reader.files(), reader.meta.skipped);
          outcome.restored = this.files.size - before;
          this.savedIndexes = new Set();
          const { read, removed } = await sync();
          Object.assign(outcome, { read, removed });
          outcome.reports = this.files.reports();
          shareTexts(outcome.reports);
          // Indexes describe exactly the snapshot's corpus: usable only if nothing changed.
          if (wasEmpty && read === 0 && removed === 0) {
            try {
              for (const desc of reader.meta.indexes) outcome.indexes.push(await decodeIndex(desc, reader, outcome.reports));
              this.savedIndexes = new Set(outcome.indexes.map((i) => i.key));
            } catch (e) {
              outcome.indexes = [];
              this.opts.log?.(`快照中的索引无法使用，将重新建立：${(e as Error).message}`);
            }
          }
          this.dirty = read > 0 || removed > 0;
          return true;
        });
        // Its time marks when it was last used: the cache's eviction goes by it (cacheBounds.ts).
        if (used) await utimes(file, new Date(), new Date()).catch(() => undefined);
      } catch (e) {
        if (!(e instanceof SnapshotError)) throw e;
        this.opts.log?.(`语料快照无法使用，将重新读取语料：${e.message}`);
        this.dirty = true;
      }
    }
    if (outcome.reports.length === 0 && outcome.restored === 0) {
      const { read, removed } = await sync();
      Object.assign(outcome, { read, removed });
      if (read > 0 || removed > 0) this.dirty = true;
      outcome.reports = this.files.reports();
      // Also after an incremental update: the phrase index would otherwise join a copy of its own.
      shareTexts(outcome.reports);
    }
    outcome.skipped = this.files.skipped();
    return outcome;
  }

  /**
   * Writes the snapshot when the corpus or the set of built indexes changed since the one on
   * disk. `indexes` are the indexes built from `reports` (the array last returned by `load`);
   * those that cannot be serialised are left out and rebuilt after a restart.
   */
  async save(reports: readonly CorpusReport[], indexes: Iterable<[string, unknown]> = []): Promise<boolean> {
    const file = this.snapshotFile;
    if (!file || !this.config) return false;
    const all = [...indexes];
    const candidates = all.filter(([key, value]) => canEncodeIndex(key, value, reports));
    for (const [key, value] of all) {
      if (candidates.some(([k]) => k === key) || this.refused.has(key)) continue;
      this.refused.add(key);
      const why = encodeIndex(key, value, reports);
      this.opts.log?.(`索引“${key}”不保存在快照中（${'reason' in why ? why.reason : '未知原因'}），重启后重新建立。`);
    }
    const newIndex = candidates.some(([k]) => !this.savedIndexes.has(k));
    if (!this.dirty && !newIndex) return false;
    const sections: EncodedIndex['sections'] = [];
    const descs: unknown[] = [];
    const keys = new Set<string>();
    for (const [key, value] of candidates) {
      const enc = encodeIndex(key, value, reports);
      if ('reason' in enc) continue;
      sections.push(...enc.sections);
      descs.push(enc.desc);
      keys.add(key);
    }
    const { files, skipped } = this.files.toSnapshot();
    await writeSnapshot(file, { engine: this.engine, config: this.config, files, skipped, sections, indexes: descs });
    this.dirty = false;
    this.savedIndexes = keys;
    const pruned = await pruneSnapshotCache(nodePath.dirname(file), { keep: file });
    if (pruned.files > 0) this.opts.log?.(`已清理缓存中旧的语料快照 ${pruned.files} 个（${(pruned.bytes / 1048576).toFixed(1)} MB）。`);
    return true;
  }

  /** The snapshot on disk is gone (the cache was cleared): the next save writes everything again. */
  forgetSaved(): void {
    this.dirty = true;
    this.savedIndexes = new Set();
  }
}

/**
 * Parses the trees a snapshot left unparsed, a few at a time between other work (a request
 * waits at most about `sliceMs`), so later requests do not pay for them. Stops when `signal`
 * aborts. Returns how many trees were parsed.
 */
export async function warmTrees(reports: readonly CorpusReport[], signal?: AbortSignal, sliceMs = 4): Promise<number> {
  let t = performance.now();
  let parsed = 0;
  for (const r of reports) {
    if (signal?.aborted) return parsed;
    if (!treePending(r)) continue;
    void r.tree;
    parsed++;
    if (performance.now() - t >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      t = performance.now();
    }
  }
  return parsed;
}
