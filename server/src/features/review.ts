/**
 * `shuzhi/review` {uri} → the review (审校) of an open draft for the command 审校全文: every
 * lint rule including the corpus ones, counts per category, the share copied from the corpus
 * with its sources, and each finding with its range — corpus sources as `shuzhi-corpus:` URIs
 * with the line in the file, which the client opens read-only. Waits for the phrase index
 * (a large corpus may still be indexing).
 */
import type { ServerContext } from '../context';
import { categoryNameOf, copyShareText, reviewOf, type ReviewResult as DraftReview } from '../engine/check/review';
import type { Draft } from '../engine/lint/draft';
import { copiesSteps } from '../engine/review/copied';
import { runSliced } from '../engine/slices';
import { cpuClock } from '../indexWorkers/cpuClock';
import { checkDraft, cutMessage } from './lint';
import { CHECK_BUDGET_MS, serviceOf, type CheckInputs, type Service } from './service';
import { typoInputs } from './typoInputs';
import { BuildCancelled } from '../engine/slices';
import { corpusUri } from './corpusSources';
import { phraseIndex } from './sharedPhraseIndex';
import type { ReviewParams, ReviewResult, ReviewSource } from '../protocol/contract';

type ReviewResponse = NonNullable<ReviewResult>;

export function register(ctx: ServerContext): void {
  const service = serviceOf(ctx);
  const { indexes, sources: files } = service;

  ctx.connection.onRequest('shuzhi/review', async (params: ReviewParams): Promise<ReviewResponse | null> => {
    const doc = params && typeof params.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    if (!doc) return null;
    let phrases;
    let corpusStats;
    let corpusHeadings;
    try {
      [phrases, corpusStats, corpusHeadings] = ctx.corpus.reports.length ? await Promise.all([phraseIndex(ctx), indexes.kindShares.get(), indexes.headings.get()]) : [];
    } catch (e) {
      if (!(e instanceof BuildCancelled)) throw e;
    }
    const draft = service.draft(doc);
    const result = await reviewSliced(service, draft, { settings: ctx.settings(), phrases, corpusStats, corpusHeadings, ...typoInputs(ctx) });
    if (!result) return null;
    const source = async (report: number, start: number, end: number): Promise<ReviewSource> => {
      const r = phrases!.reports[report];
      const line = await files.line(r, r.text.slice(start, end));
      return { title: r.title, uri: corpusUri(r.source), ...(line !== undefined ? { line } : {}) };
    };
    const items: ReviewResponse['items'] = [];
    for (const f of result.findings) {
      items.push({
        rule: f.rule,
        category: categoryNameOf(f.rule),
        severity: f.severity,
        message: f.message,
        range: { start: draft.lines.positionAt(f.start), end: draft.lines.positionAt(f.end) },
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

/** Most findings a huge draft's review lists. */
const MAX_REVIEW_ITEMS = 5000;

/**
 * The review of a draft, worked out in slices between requests (a huge draft's rules but the
 * corpus ones in the worker), within the check's time budget; when cut, its first item says so.
 */
export async function reviewSliced(service: Service, draft: Draft, inputs: CheckInputs, token = { isCancellationRequested: false }): Promise<DraftReview | undefined> {
  const spent = cpuClock();
  const checked = await checkDraft(service, draft, inputs, token, CHECK_BUDGET_MS, { maxFindings: MAX_REVIEW_ITEMS });
  if (!checked) return undefined;
  const outOfTime = () => spent() >= CHECK_BUDGET_MS;
  const copy = inputs.phrases
    ? await runSliced(copiesSteps(inputs.phrases, draft.prose.masked, { minChars: inputs.settings.review.copyMinChars }, outOfTime), 15)
    : undefined;
  const cut = [...checked.cut, ...(copy && outOfTime() ? ['与语料重复比例'] : [])];
  const result = reviewOf(checked.findings, copy);
  if (cut.length) result.findings.unshift({ rule: 'check-cut', severity: 'info', start: 0, end: 0, message: cutMessage(draft, cut) });
  return result;
}
