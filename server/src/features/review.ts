/**
 * `shuzhi/review` {uri} → the review (审校) of an open draft for the command 审校全文: every
 * lint rule including the corpus ones, counts per category, the share copied from the corpus
 * with its sources, and each finding with its range — corpus sources as `shuzhi-corpus:` URIs
 * with the line in the file, which the client opens read-only. Waits for the phrase index
 * (a large corpus may still be indexing).
 */
import type { ServerContext } from '../context';
import { getTree } from '../documentCache';
import { KIND_SHARE_INDEX_KEY, kindShareSteps, type KindShareStats } from '../engine/delivery/kindShare';
import { CORPUS_HEADINGS_INDEX_KEY, corpusHeadingsSteps, type CorpusHeadings } from '../engine/lint/corpusHeadings';
import { categoryOf, copyShareText, reviewDraft } from '../engine/check/review';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { BuildCancelled } from '../engine/slices';
import { corpusUri, SourceFiles } from './corpusSources';
import { phraseIndex } from './sharedPhraseIndex';
import type { ReviewParams, ReviewResult, ReviewSource } from '../protocol/contract';

type ReviewResponse = NonNullable<ReviewResult>;

export function register(ctx: ServerContext): void {
  const shares = new SlicedIndex<KindShareStats>(ctx.corpus, KIND_SHARE_INDEX_KEY, kindShareSteps);
  const headings = new SlicedIndex<CorpusHeadings>(ctx.corpus, CORPUS_HEADINGS_INDEX_KEY, corpusHeadingsSteps);
  const files = new SourceFiles(ctx);

  ctx.connection.onRequest('shuzhi/review', async (params: ReviewParams): Promise<ReviewResponse | null> => {
    const doc = params && typeof params.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    if (!doc) return null;
    let phrases;
    let corpusStats;
    let corpusHeadings;
    try {
      [phrases, corpusStats, corpusHeadings] = ctx.corpus.reports.length ? await Promise.all([phraseIndex(ctx), shares.get(), headings.get()]) : [];
    } catch (e) {
      if (!(e instanceof BuildCancelled)) throw e;
    }
    const text = doc.getText();
    const result = reviewDraft(text, { settings: ctx.settings(), tree: getTree(ctx, doc), phrases, corpusStats, corpusHeadings });
    const source = async (report: number, start: number, end: number): Promise<ReviewSource> => {
      const r = phrases!.reports[report];
      const line = await files.line(r, r.text.slice(start, end));
      return { title: r.title, uri: corpusUri(r.source), ...(line !== undefined ? { line } : {}) };
    };
    const items: ReviewResponse['items'] = [];
    for (const f of result.findings) {
      items.push({
        rule: f.rule,
        category: categoryOf(f.rule),
        severity: f.severity,
        message: f.message,
        range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
        ...(f.corpusRelated?.length && phrases ? { sources: await Promise.all(f.corpusRelated.map((c) => source(c.report, c.start, c.end))) } : {}),
      });
    }
    let copy: ReviewResponse['copy'];
    if (result.copy && phrases) {
      const c = result.copy;
      const sources = await Promise.all(
        c.sources.slice(0, 10).map(async (s) => {
          const first = c.spans.find((sp) => sp.sources[0].report === s.report)!.sources[0];
          return { ...(await source(s.report, first.start, first.end)), chars: s.chars, share: s.share };
        }),
      );
      copy = { share: c.share, text: copyShareText(c.share), chars: c.chars, copied: c.copied, sources };
    }
    return { uri: doc.uri, categories: result.categories, ...(copy ? { copy } : {}), items };
  });
}
