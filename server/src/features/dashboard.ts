/**
 * `shuzhi/dashboard` — the draft check-up (体检面板) of an open document, rendered here so the
 * extension host only hands HTML to its webview.
 *
 *   {uri, locale?, page?: {nonce, cspSource}} → {uri, version, body?, html?, pending?} | null (document not open)
 *
 * Without `page`: `body`, the part that changes as the writer types. With `page`: `html`, the
 * whole webview page (CSP, style and script by that nonce). The findings are lint's, cached per version;
 * the corpus figures are built once per corpus version (in slices for a large corpus: meanwhile
 * the answer has `pending: true` and the client asks again a little later).
 */
import type { ServerContext } from '../context';
import { copiedSummary, copiesIn } from '../engine/check/review';
import { phraseIndexNow } from './sharedPhraseIndex';
import { dashboardData } from '../engine/dashboard/data';
import { renderDashboard, renderDashboardBody } from '../engine/dashboard/render';
import { dashboardLocale } from '../engine/dashboard/strings';
import type { LintAccess } from './lint';
import { serviceOf } from './service';
import { Methods, type DashboardParams, type DashboardResult } from '../protocol/contract';

export function register(ctx: ServerContext, lint: LintAccess): void {
  const service = serviceOf(ctx);
  const { indexes } = service;

  ctx.connection.onRequest(Methods.dashboard, (params: DashboardParams): DashboardResult => {
    const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    if (!doc) return null;
    const locale = dashboardLocale(typeof params.locale === 'string' ? params.locale : 'zh-cn');
    const corpusFigures = indexes.now(indexes.figures);
    const pending = corpusFigures === undefined && ctx.corpus.reports.length > 0 ? { pending: true as const } : {};
    const draft = service.draft(doc);
    // The review's “与语料重复” share, once the phrase index is ready (a large corpus builds it in the background).
    const phrases = phraseIndexNow(ctx);
    const data = dashboardData(draft, {
      settings: ctx.settings(),
      findings: lint.findingsOf(doc),
      figures: corpusFigures,
      ...(phrases ? { copied: copiedSummary(copiesIn(draft, phrases, ctx.settings()), phrases.reports) } : {}),
    });
    const page = params.page;
    if (page && typeof page.nonce === 'string' && typeof page.cspSource === 'string') {
      return { uri: doc.uri, version: doc.version, html: renderDashboard(data, { locale, standalone: false, nonce: page.nonce, cspSource: page.cspSource }), ...pending };
    }
    return { uri: doc.uri, version: doc.version, body: renderDashboardBody(data, locale), ...pending };
  });
}
