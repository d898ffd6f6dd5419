/**
 * Loads the corpus for the server in the background and keeps it current: restores the
 * snapshot, reads new and changed files between requests (the event loop is yielded after
 * every file), publishes a partial corpus after the first batch, reports `$/progress` and
 * `shuzhi/corpusStatus`, applies file changes incrementally (didChangeWatchedFiles or the
 * server's own fs.watch), saves the snapshot when there is something new (a corpus loaded, an
 * index built) and on shutdown, and answers the corpus requests (`shuzhi/stats`,
 * `shuzhi/status`, `shuzhi/rebuild`, `shuzhi/clearCache`).
 */
import type { CorpusReport } from './engine/types';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InitializeParams, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import type { CorpusStore } from './engine/corpus/store';
import { SECTION_KIND_NAMES, type SectionKind } from './engine/types';
import { getReportType } from './engine/report/reportTypes';
import { flattenNodes } from './engine/report/structure';
import { CachedCorpus, warmTrees, type LoadOutcome } from './snapshot/cachedCorpus';
import { cacheDir } from './snapshot/cacheLocation';
import { clearSnapshotCache, type CacheRemoval } from './snapshot/cacheBounds';
import { FolderWatcher } from './snapshot/folderWatcher';
import { SaveScheduler } from './snapshot/saveScheduler';
import type { CorpusStats, CorpusStatus, InitializationOptions } from './protocol/contract';

/**
 * The snapshot is saved SAVE_DELAY_MS after the corpus is loaded or an index is built (the
 * builds that follow a load complete close together and make one write), at the latest
 * SAVE_MAX_DELAY_MS after the first of them, and on shutdown, waiting at most FLUSH_MS there:
 * the client gives shutdown 2 s before it stops waiting.
 */
const SAVE_DELAY_MS = 1000;
const SAVE_MAX_DELAY_MS = 10_000;
const FLUSH_MS = 1500;
/**
 * Longest the corpus's announcement as ready waits for the features' preparations
 * (CorpusStore.onPrepare: the completion warm-up, about 0.2 s at 50 MB).
 */
const PREPARE_BUDGET_MS = 500;

/** Largest corpus (in characters, about 30 MB of files) whose report trees are parsed in the background after a snapshot restore. */
const WARM_TREES_MAX_CHARS = 10_000_000;

function corpusChars(reports: readonly CorpusReport[]): number {
  return reports.reduce((n, r) => n + r.text.length, 0);
}
/** Minimum time between two `$/progress` reports. */
const PROGRESS_INTERVAL_MS = 100;

/** Indexes built so far. */
function builtIndexes(store: CorpusStore): Array<[string, unknown]> {
  return [...store.builtIndexes()];
}

function isAbort(e: unknown): boolean {
  return (e as Error)?.name === 'AbortError';
}

export class CorpusManager {
  private workDone = false;
  private status: CorpusStatus = { state: 'indexing', reports: 0, skipped: 0 };
  private cached = new CachedCorpus({ cacheDir: cacheDir(), log: (m) => this.ctx.log(m) });
  private watchCorpus = false;
  private watcher?: FolderWatcher;
  /** Loads, updates and saves run one after another. */
  private queue: Promise<void> = Promise.resolve();
  private controller = new AbortController();
  private refreshQueued = false;
  private saves = this.saveScheduler(SAVE_DELAY_MS);
  /**
   * Whether the corpus store holds what the last load made of the files (false while a load runs
   * and after one was stopped half-way): only then do the snapshot's records and the built
   * indexes describe the same corpus, and may be saved together.
   */
  private inSync = false;
  /**
   * The user cleared the cache: indexes built later for the same corpus are not saved (the
   * snapshot may be what the user wanted gone); the next corpus load saves again.
   */
  private cleared = false;
  /** Resolved when the corpus is no longer loading (see settled). */
  private settledWaiters: Array<() => void> = [];

  constructor(private readonly ctx: ServerContext) {
    // Something new to save: an index built for the corpus as loaded.
    ctx.corpus.onIndexBuilt(() => {
      if (this.inSync && !this.cleared) this.saves.schedule();
    });
  }

  private saveScheduler(delayMs: number): SaveScheduler {
    return new SaveScheduler(() => this.enqueue(() => this.save()), { delayMs, maxDelayMs: Math.max(delayMs, SAVE_MAX_DELAY_MS) });
  }

  setWorkDoneSupport(v: boolean): void {
    this.workDone = v;
  }

  /** Reads what the manager needs from the initialize request (call from onInitialize). */
  configure(params: InitializeParams): void {
    this.workDone = !!params.capabilities.window?.workDoneProgress;
    const o = (typeof params.initializationOptions === 'object' && params.initializationOptions !== null ? params.initializationOptions : {}) as InitializationOptions;
    this.cached = new CachedCorpus({
      cacheDir: o.snapshot === false ? undefined : cacheDir(o.storagePath),
      log: (m) => this.ctx.log(m),
    });
    this.watchCorpus = typeof o.watchCorpus === 'boolean' ? o.watchCorpus : !params.capabilities.workspace?.didChangeWatchedFiles;
    if (typeof o.snapshotSaveDelayMs === 'number' && o.snapshotSaveDelayMs >= 0) {
      this.saves.close();
      this.saves = this.saveScheduler(o.snapshotSaveDelayMs);
    }
  }

  register(): void {
    const { connection } = this.ctx;
    connection.onRequest('shuzhi/rebuild', async () => {
      await this.reload();
      return this.status;
    });
    connection.onRequest('shuzhi/status', () => this.status);
    connection.onRequest('shuzhi/stats', () => this.stats());
    connection.onRequest('shuzhi/clearCache', () => this.clearCache());
  }

  private publish(status: CorpusStatus): void {
    this.status = status;
    void this.ctx.connection.sendNotification('shuzhi/corpusStatus', status);
    if (status.state !== 'indexing') for (const w of this.settledWaiters.splice(0)) w();
  }

  /**
   * Resolves when the corpus is loaded (or failed to load): at once unless a full load is under
   * way, as at start-up. Callers bound the wait (features/sharedPhraseIndex.ts).
   */
  settled(): Promise<void> {
    if (this.status.state !== 'indexing') return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** (Re)loads the corpus for the current settings; a newer reload supersedes one still running. */
  reload(): Promise<void> {
    this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.refreshQueued = false;
    return this.enqueue(() => (controller.signal.aborted ? Promise.resolve() : this.run(controller.signal, true)));
  }

  /** Re-lists the corpus and reads only what changed (after file events). Coalesces bursts. */
  refresh(): Promise<void> {
    if (this.refreshQueued) return this.queue;
    this.refreshQueued = true;
    const signal = this.controller.signal;
    return this.enqueue(() => {
      this.refreshQueued = false;
      return signal.aborted ? Promise.resolve() : this.run(signal, false);
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return this.queue;
  }

  private async run(signal: AbortSignal, full: boolean): Promise<void> {
    const s = this.ctx.settings();
    this.saves.cancel();
    this.inSync = false;
    let progress: WorkDoneProgressServerReporter | undefined;
    if (full) {
      this.publish({ state: 'indexing', reports: this.ctx.corpus.reports.length, skipped: this.ctx.corpus.skipped.length });
      progress = this.workDone ? await this.ctx.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      progress?.begin('述职助手：正在建立语料索引', 0, undefined, false);
    }
    let lastReport = 0;
    const before = this.ctx.corpus.skipped.map((k) => k.path + k.reason).join('\n');
    try {
      const outcome = await this.cached.load(
        { paths: s.corpusPaths, useBundled: s.useBundledCorpus, maxFileSizeBytes: s.maxFileSizeMB * 1024 * 1024 },
        {
          signal,
          onProgress: (done, total) => {
            const now = performance.now();
            if (!progress || (now - lastReport < PROGRESS_INTERVAL_MS && done < total)) return;
            lastReport = now;
            progress.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total}`);
          },
          onPartial: (reports, skipped) => {
            if (signal.aborted) return;
            this.ctx.corpus.set(reports, skipped);
            this.publish({ state: 'indexing', reports: reports.length, skipped: skipped.length });
          },
        },
      );
      if (signal.aborted) return;
      const after = outcome.skipped.map((k) => k.path + k.reason).join('\n');
      if (!full && outcome.read === 0 && outcome.removed === 0 && after === before) {
        this.inSync = true;
        return;
      }
      // Indexes are rebuilt from the reports after this, and some builders walk every tree in
      // one go: for a corpus of moderate size parse the trees now, between requests, rather than
      // inside such a build. A large corpus keeps them lazy (the builders parse what they need
      // and let it go, see treeForScan): kept, they would cost about 7 bytes a character.
      if (outcome.indexes.length === 0 && corpusChars(outcome.reports) <= WARM_TREES_MAX_CHARS) await warmTrees(outcome.reports, signal);
      if (signal.aborted) return;
      await this.apply(outcome, full, signal);
      if (signal.aborted) return;
      this.watchRoots();
    } catch (e) {
      if (isAbort(e) || signal.aborted) return;
      this.ctx.log(`读取语料失败：${(e as Error).stack ?? e}`);
      this.publish({ state: 'error', reports: this.ctx.corpus.reports.length, skipped: this.ctx.corpus.skipped.length, message: (e as Error).message });
    } finally {
      progress?.done();
    }
  }

  private async apply(outcome: LoadOutcome, full: boolean, signal: AbortSignal): Promise<void> {
    const { reports, skipped } = outcome;
    this.ctx.corpus.set(reports, skipped);
    // Restored indexes go in right after set (which clears the index cache), before any request runs.
    for (const i of outcome.indexes) this.ctx.corpus.setIndex(i.key, i.value);
    // What the features prepare before the corpus counts as ready (requests waiting for the corpus wait for it too).
    await this.ctx.corpus.prepare(PREPARE_BUDGET_MS, (e) => this.ctx.log(`语料就绪前的准备失败：${e instanceof Error ? e.message : String(e)}`));
    if (signal.aborted) return;
    this.inSync = true;
    if (full) for (const k of skipped) this.ctx.log(`已跳过语料文件 ${k.path}：${k.reason}`);
    const source = outcome.read === 0 && outcome.restored > 0 ? 'snapshot' : outcome.restored > 0 ? 'partial-snapshot' : 'files';
    this.ctx.log(
      `语料已就绪：${reports.length} 篇报告，跳过 ${skipped.length} 个文件` +
        `（从快照恢复 ${outcome.restored} 个文件、读取 ${outcome.read} 个、移除 ${outcome.removed} 个；恢复索引 ${outcome.indexes.length} 个）。`,
    );
    this.publish({ state: 'ready', reports: reports.length, skipped: skipped.length, source });
    // Trees a snapshot left unparsed: parsed in the background for a corpus of moderate size;
    // for a large one they stay lazy (parsed when a feature needs them), which saves about
    // 7 bytes of memory per corpus character.
    if (corpusChars(reports) <= WARM_TREES_MAX_CHARS) {
      const t0 = performance.now();
      void warmTrees(reports, signal).then((n) => {
        if (n > 0 && !signal.aborted) this.ctx.log(`已在后台解析 ${n} 篇报告的结构（${Math.round(performance.now() - t0)} 毫秒）。`);
      });
    }
    // The records read from the files are new to the snapshot (a restore that matched saves nothing).
    this.cleared = false;
    this.saves.schedule();
  }

  /** Writes the snapshot when it lacks something the corpus store has (CachedCorpus.save decides). */
  private async save(): Promise<void> {
    if (!this.inSync) return;
    try {
      const t = performance.now();
      if (await this.cached.save(this.ctx.corpus.reports, builtIndexes(this.ctx.corpus))) {
        this.ctx.log(`语料快照已保存（${Math.round(performance.now() - t)} 毫秒）：${this.cached.snapshotFile}`);
      }
    } catch (e) {
      this.ctx.log(`保存语料快照失败：${(e as Error).message}`);
    }
  }

  /** Starts or updates the server's own watchers on the user's corpus roots, when enabled. */
  private watchRoots(): void {
    if (!this.watchCorpus) return;
    this.watcher ??= new FolderWatcher(() => void this.refresh(), (m) => this.ctx.log(m));
    this.watcher.watch(this.ctx.settings().corpusPaths);
  }

  /** Corpus files changed on disk (workspace/didChangeWatchedFiles): update when one is ours. */
  filesChanged(uris: string[]): void {
    const roots = this.ctx.settings().corpusPaths.map((p) => path.resolve(p));
    const ours = uris.some((u) => {
      if (!u.startsWith('file:')) return false;
      const p = fileURLToPath(u);
      return roots.some((r) => p === r || p.startsWith(r + path.sep));
    });
    if (ours) void this.refresh();
  }

  /**
   * On LSP shutdown: stops watchers and loading, and writes a pending snapshot, waiting at most
   * FLUSH_MS (a load still running has nothing consistent to save and is stopped).
   */
  async shutdown(maxMs = FLUSH_MS): Promise<void> {
    this.watcher?.close();
    if (!this.inSync) this.controller.abort();
    const t = performance.now();
    const result = await this.saves.flush(maxMs);
    if (result === 'timeout') this.ctx.log(`关闭前保存语料快照超过 ${maxMs} 毫秒，不再等待（旧快照保持完好）。`);
    else if (result === 'saved') this.ctx.log(`关闭前的语料快照保存已完成（${Math.round(performance.now() - t)} 毫秒）。`);
    this.controller.abort();
  }

  /** Removes every snapshot of the cache folders (this server's and the CLI's default one) and reports what was removed. */
  private async clearCache(): Promise<CacheRemoval> {
    const dirs = [...new Set([this.cached.cacheDir, cacheDir()].filter((d): d is string => !!d))];
    const total: CacheRemoval = { dir: dirs.join(', '), files: 0, bytes: 0, failed: [] };
    this.saves.cancel();
    // Through the queue, so no save of this server is half-written meanwhile.
    await this.enqueue(async () => {
      for (const dir of dirs) {
        const r = await clearSnapshotCache(dir);
        total.files += r.files;
        total.bytes += r.bytes;
        total.failed.push(...r.failed);
      }
      this.cached.forgetSaved();
    });
    // The corpus in memory stays. Its snapshot is not written again (it may be what the user
    // wanted gone), not even when an index is built later: the next start reads the files, or
    // the next corpus load writes it whole.
    this.cleared = true;
    this.saves.cancel();
    this.ctx.log(`已清除语料缓存：${total.files} 个文件，${(total.bytes / 1048576).toFixed(1)} MB（${total.dir}）。`);
    return total;
  }

  stats(): CorpusStats {
    const byType: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    for (const r of this.ctx.corpus.reports) {
      const name = getReportType(r.typeId)?.name ?? r.typeId;
      byType[name] = (byType[name] ?? 0) + 1;
      const kinds = new Set<SectionKind>();
      for (const n of flattenNodes(r.tree)) for (const k of n.kinds) kinds.add(k);
      for (const k of kinds) byKind[SECTION_KIND_NAMES[k]] = (byKind[SECTION_KIND_NAMES[k]] ?? 0) + 1;
    }
    return { reports: this.ctx.corpus.reports.length, byType, byKind, skipped: [...this.ctx.corpus.skipped] };
  }
}
