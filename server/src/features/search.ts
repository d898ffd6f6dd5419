import type { ServerContext } from '../context';
import { searchCorpus, searchIndexSteps, type SearchIndex } from '../engine/search/searchIndex';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { CORPUS_WAIT_MS, waitForIndex } from './sharedPhraseIndex';
import { serviceOf } from './service';
import type { CorpusReport } from '../engine/types';
import type { SearchHit as SearchHitMessage, SearchParams } from '../protocol/contract';

/** Key of the search index in the corpus store. */
export const SEARCH_INDEX = 'search';

/** `shuzhi/search` {query, limit?} → hits, best first (the 查找相似表述 command). */
export function register(ctx: ServerContext): void {
  // Built on the first search (not before: it is the larger index), in slices.
  const index = new SlicedIndex<SearchIndex>(ctx.corpus, SEARCH_INDEX, searchIndexSteps, (built, ms, reports) =>
    ctx.log(`搜索索引已建立：${reports.length} 篇报告，${built.passages.length} 个句子，用时 ${Math.round(ms)} 毫秒。`),
  );
  // Source files are read again only to place hits on their lines.
  const files = serviceOf(ctx).sources;

  ctx.connection.onRequest('shuzhi/search', async (params: SearchParams, token): Promise<SearchHitMessage[]> => {
    // A malformed request is answered like a query that matches nothing: the command shows “no results”.
    if (!params || typeof params.query !== 'string') return [];
    const limit = typeof params.limit === 'number' && Number.isFinite(params.limit) ? Math.max(1, Math.min(200, Math.floor(params.limit))) : 20;
    // Early in start-up, wait a little for the corpus to load; then for its index as long as it takes.
    const built = await waitForIndex(ctx, index, { corpusMs: CORPUS_WAIT_MS, indexMs: Infinity, token });
    if (!built) return [];
    const reports = built.reports;
    const hits = searchCorpus(built, params.query.slice(0, 1000), { limit });
    const byId = new Map<number, CorpusReport>(reports.map((r) => [r.id, r]));
    return Promise.all(
      hits.map(async (h): Promise<SearchHitMessage> => {
        const { line: reportLine, ...rest } = h;
        const report = byId.get(h.reportId);
        const line = report ? await files.line(report, h.text) : undefined;
        return { ...rest, reportLine, ...(line !== undefined ? { line } : {}) };
      }),
    );
  });
}
