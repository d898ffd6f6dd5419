import * as path from 'node:path';
import type { ServerContext } from '../context';
import { loadOneFile, isSkipped } from '../engine/corpus/loader';
import { searchCorpus, searchIndexSteps, type SearchHit, type SearchIndex } from '../engine/search/searchIndex';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { CORPUS_WAIT_MS, waitForIndex } from './sharedPhraseIndex';
import { locateInSource } from '../engine/search/sourceLine';
import type { CorpusReport } from '../engine/types';

/** Key of the search index in the corpus store. */
export const SEARCH_INDEX = 'search';

export interface SearchParams {
  query: string;
  limit?: number;
}

/**
 * A hit as the client gets it. `line` is the zero-based line in the source *file* (what
 * “open the source” needs), present when the passage could be found there; `reportLine` is
 * the line in the report's cleaned text and `reportId` the report, as the engine gives them.
 */
export interface SearchHitMessage extends Omit<SearchHit, 'line'> {
  line?: number;
  reportLine: number;
}

/** `shuzhi/search` {query, limit?} → hits, best first (the 查找相似表述 command). */
export function register(ctx: ServerContext): void {
  // Built on the first search (not before: it is the larger index), in slices.
  const index = new SlicedIndex<SearchIndex>(ctx.corpus, SEARCH_INDEX, searchIndexSteps, (built, ms, reports) =>
    ctx.log(`搜索索引已建立：${reports.length} 篇报告，${built.passages.length} 个句子，用时 ${Math.round(ms)} 毫秒。`),
  );
  // Source files are read again only to place hits on their lines; forget them when the corpus changes.
  let files = new Map<string, Promise<string | undefined>>();
  ctx.corpus.onDidChange(() => {
    files = new Map();
  });
  const fileText = (source: string): Promise<string | undefined> => {
    let p = files.get(source);
    if (!p) {
      p = readSource(source, ctx.settings().maxFileSizeMB * 1024 * 1024);
      files.set(source, p);
    }
    return p;
  };

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
        const text = report ? await fileText(report.source) : undefined;
        const line = text !== undefined && report ? locateInSource(text, firstLine(report.text), h.text) : undefined;
        return { ...rest, reportLine, ...(line !== undefined ? { line } : {}) };
      }),
    );
  });
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/** The decoded text of a plain-text corpus file; undefined for Word files (their lines mean nothing in an editor) or on error. */
async function readSource(source: string, maxBytes: number): Promise<string | undefined> {
  if (!path.isAbsolute(source) || /\.docx$/i.test(source)) return undefined;
  try {
    const f = await loadOneFile(source, { maxFileSizeBytes: maxBytes });
    return isSkipped(f) ? undefined : f.text;
  } catch {
    return undefined;
  }
}
