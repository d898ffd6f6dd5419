/**
 * The corpus phrase index (engine/search/phraseIndex.ts) as hover and completion share it:
 * one index per corpus version, memoised in the corpus store (and so saved in the
 * snapshot), built in slices between requests so a large corpus never blocks the server.
 * Also the bounded wait of requests that arrive before the corpus or an index is ready
 * (waitForCorpus, waitForIndex): in the first moments after start-up they wait a little
 * rather than answer nothing.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { phraseIndexSteps, type PhraseIndex } from '../engine/search/phraseIndex';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { BuildCancelled, runSliced } from '../engine/slices';
import type { CorpusReport } from '../engine/types';
import { headingStatsSteps, type HeadingStats } from '../engine/completion/headingStats';
import { corpusFiguresSteps, DASHBOARD_FIGURES_INDEX_KEY, type CorpusFigures } from '../engine/dashboard/corpusFigures';
import { KIND_SHARE_INDEX_KEY, kindShareSteps, type KindShareStats } from '../engine/delivery/kindShare';
import { CORPUS_HEADINGS_INDEX_KEY, corpusHeadingsSteps, type CorpusHeadings } from '../engine/lint/corpusHeadings';
import { buildPhraseIndexInWorkers, indexWorkerCount } from '../indexWorkers/buildInWorkers';
import { LARGE_CORPUS_CHARS } from '../engine/corpus/store';

/** Key of the heading statistics in the corpus store. */
export const HEADING_STATS_KEY = 'completion.headingStats';

/** Key of the phrase index in the corpus store. */
export const PHRASE_INDEX_KEY = 'corpus.phraseIndex';


const sliced = new WeakMap<ServerContext, SlicedIndex<PhraseIndex>>();

/** The shared sliced build of the phrase index for this server. */
export function phraseIndexBuild(ctx: ServerContext): SlicedIndex<PhraseIndex> {
  let index = sliced.get(ctx);
  if (!index) {
    index = new SlicedIndex<PhraseIndex>(
      ctx.corpus,
      PHRASE_INDEX_KEY,
      phraseIndexSteps,
      (built, ms, reports) => ctx.log(`短语索引已建立：${reports.length} 篇报告，${built.text.length} 字，用时 ${Math.round(ms)} 毫秒。`),
      (reports, cancelled) => inWorkers(ctx, reports, cancelled),
    );
    sliced.set(ctx, index);
  }
  return index;
}

/**
 * A large corpus is indexed in worker threads (indexWorkers/buildInWorkers.ts); undefined
 * (build in slices here) for a small one or when there are no workers. Should a worker
 * fail, the build starts again in slices.
 */
function inWorkers(ctx: ServerContext, reports: readonly CorpusReport[], cancelled: () => boolean): Promise<PhraseIndex> | undefined {
  let chars = 0;
  for (const r of reports) chars += r.text.length;
  const workers = indexWorkerCount();
  if (chars < LARGE_CORPUS_CHARS || workers === 0) return undefined;
  ctx.log(`短语索引在 ${workers} 个工作线程中建立（${chars} 字）。`);
  return buildPhraseIndexInWorkers(reports, workers, cancelled).catch((e: unknown) => {
    if (e instanceof BuildCancelled) throw e;
    ctx.log(`工作线程建立短语索引失败，改在主线程分段建立：${(e as Error).message ?? e}`);
    return runSliced(phraseIndexSteps(reports), 15, cancelled);
  });
}

/** The phrase index when it is ready (waits for its build). */
export function phraseIndex(ctx: ServerContext): Promise<PhraseIndex> {
  return phraseIndexBuild(ctx).get();
}

/** The phrase index for a request that can wait a little (hover): see waitForIndex. */
export function waitForPhraseIndex(ctx: ServerContext, token?: CancellationToken): Promise<PhraseIndex | undefined> {
  return waitForIndex(ctx, phraseIndexBuild(ctx), { corpusMs: CORPUS_WAIT_MS, indexMs: INDEX_WAIT_MS, syncChars: LARGE_CORPUS_CHARS, token });
}

/**
 * The phrase index now, for a request that cannot wait: built on the spot for a small
 * corpus; for a large one undefined while it is built in the background.
 */
export function phraseIndexNow(ctx: ServerContext): PhraseIndex | undefined {
  return phraseIndexBuild(ctx).now(LARGE_CORPUS_CHARS);
}

/**
 * Longest a request waits for the corpus to load (start-up, a changed corpus setting). The
 * bundled corpus loads in about 0.3 s, several seconds on a busy machine; a corpus of
 * 100 MB read from its files takes minutes, and then this is what a request waits in vain.
 */
export const CORPUS_WAIT_MS = 5000;
/** Longest hover waits for the phrase index once the corpus is loaded (a small corpus is indexed in well under a second). */
export const INDEX_WAIT_MS = 1500;

/** `p`, or undefined once `ms` have passed (the timer is cleared either way). */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms === Infinity) return p;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits, at most `ms`, for the corpus to be loaded (or to have failed): true when it is, at
 * once unless a full load is running (start-up, a changed corpus setting); false on timeout.
 */
export async function waitForCorpus(ctx: ServerContext, ms: number): Promise<boolean> {
  return (await within(ctx.corpusSettled().then(() => true), ms)) ?? false;
}

export interface IndexWait {
  /** Longest wait for the corpus to load. */
  corpusMs: number;
  /** Longest wait for the index after that (Infinity: until it is built). */
  indexMs: number;
  /** A corpus of at most this many characters is indexed on the spot instead (SlicedIndex.now). */
  syncChars?: number;
  token?: CancellationToken;
}

/**
 * A sliced index of the corpus for a request: at once when it is built; else waits for the
 * corpus to load and then for the index to be built, each bounded by `wait`, starting again
 * when the corpus changes under the build. Undefined when time runs out, the corpus is empty
 * or the client cancelled.
 */
export async function waitForIndex<T>(ctx: ServerContext, index: SlicedIndex<T>, wait: IndexWait): Promise<T | undefined> {
  const built = index.peek();
  if (built !== undefined && ctx.corpus.reports.length > 0) return built;
  await waitForCorpus(ctx, wait.corpusMs);
  if (wait.syncChars !== undefined && ctx.corpus.reports.length > 0) {
    const now = index.now(wait.syncChars);
    if (now !== undefined) return now;
  }
  const deadline = performance.now() + wait.indexMs;
  for (;;) {
    if (ctx.corpus.reports.length === 0 || wait.token?.isCancellationRequested) return undefined;
    const remaining = deadline - performance.now();
    if (remaining <= 0) return undefined;
    try {
      return await within(index.get(), remaining);
    } catch (e) {
      // The corpus changed under the build (e.g. the rest of a partly loaded corpus came in): try its successor.
      if (!(e instanceof BuildCancelled)) throw e;
    }
  }
}

/**
 * The corpus-wide figures the features read besides the phrase index, each built once per
 * corpus version under the same policy as the phrase index: on the spot for a corpus of at
 * most LARGE_CORPUS_CHARS characters, else in slices while requests are answered (`now()` is
 * undefined meanwhile). Whoever registered with `onIndexBuilt` hears when one is ready.
 */
export interface CorpusIndexes {
  /** Usual share of each section kind (section-thin). */
  kindShares: SlicedIndex<KindShareStats>;
  /** Typical headings per kind (section-missing's suggestions). */
  headings: SlicedIndex<CorpusHeadings>;
  /** The check-up page's figures. */
  figures: SlicedIndex<CorpusFigures>;
  /** Heading statistics behind line-start snippets. */
  headingStats: SlicedIndex<HeadingStats>;
  /** An index now under the shared policy. */
  now<T>(index: SlicedIndex<T>): T | undefined;
  onIndexBuilt(listener: () => void): void;
}

const indexes = new WeakMap<ServerContext, CorpusIndexes>();

export function corpusIndexes(ctx: ServerContext): CorpusIndexes {
  let made = indexes.get(ctx);
  if (!made) {
    const listeners: Array<() => void> = [];
    const built = () => {
      for (const l of listeners) l();
    };
    made = {
      kindShares: new SlicedIndex<KindShareStats>(ctx.corpus, KIND_SHARE_INDEX_KEY, kindShareSteps, built),
      headings: new SlicedIndex<CorpusHeadings>(ctx.corpus, CORPUS_HEADINGS_INDEX_KEY, corpusHeadingsSteps, built),
      figures: new SlicedIndex<CorpusFigures>(ctx.corpus, DASHBOARD_FIGURES_INDEX_KEY, corpusFiguresSteps, built),
      headingStats: new SlicedIndex<HeadingStats>(ctx.corpus, HEADING_STATS_KEY, headingStatsSteps, built),
      now: (index) => index.now(LARGE_CORPUS_CHARS),
      onIndexBuilt: (l) => listeners.push(l),
    };
    indexes.set(ctx, made);
  }
  return made;
}
