/**
 * The corpus phrase index (engine/search/phraseIndex.ts) as hover and completion share it:
 * one index per corpus version, memoised in the corpus store (and so saved in the
 * snapshot), built in slices between requests so a large corpus never blocks the server.
 */
import type { ServerContext } from '../context';
import { phraseIndexSteps, type PhraseIndex } from '../engine/search/phraseIndex';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { BuildCancelled, runSliced } from '../engine/slices';
import type { CorpusReport } from '../engine/types';
import { buildPhraseIndexInWorkers, indexWorkerCount, WORKER_MIN_CHARS } from '../indexWorkers/buildInWorkers';

/** Key of the phrase index in the corpus store. */
export const PHRASE_INDEX_KEY = 'corpus.phraseIndex';

/** Corpora up to this many characters are indexed on the spot when completion needs it (the bundled one takes ~50 ms). */
const SYNC_BUILD_CHARS = 2_000_000;

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
  if (chars < WORKER_MIN_CHARS || workers === 0) return undefined;
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

/**
 * The phrase index now, for a request that cannot wait: built on the spot for a small
 * corpus; for a large one undefined while it is built in the background.
 */
export function phraseIndexNow(ctx: ServerContext): PhraseIndex | undefined {
  return phraseIndexBuild(ctx).now(SYNC_BUILD_CHARS);
}
