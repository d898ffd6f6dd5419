/**
 * `copied-passage`: a passage of at least shuzhi.review.copyMinChars characters the draft
 * shares verbatim with one corpus report (or two: a report kept in two compilations) — last
 * year's report left unchanged, a colleague's paragraph. Stretches many reports share are
 * formulaic and not reported. The search is review/copied.ts; each finding points to its
 * source (corpusRelated), which the editor opens read-only. Needs the corpus phrase index.
 */
import { copiesSteps, findCopies, type CopyReport } from '../../review/copied';
import type { PhraseIndex } from '../../search/phraseIndex';
import type { LintRule, RuleFinding } from '../types';

export const copiedPassageRule: LintRule = {
  id: 'copied-passage',
  category: 'copying',
  defaultSeverity: 'info',
  description: '与语料中某一篇报告逐字相同的段落（默认 30 字以上，见 shuzhi.review.copyMinChars），如沿用去年的报告未改；许多报告共有的固定说法不计。',
  example: '（与语料中去年报告相同的一整段）',
  check(ctx) {
    const index = ctx.phrases;
    if (!index) return [];
    return findings(index, findCopies(index, ctx.prose.masked, { minChars: ctx.settings.review.copyMinChars }));
  },
  *steps(ctx) {
    const index = ctx.phrases;
    if (!index) return [];
    return findings(index, yield* copiesSteps(index, ctx.prose.masked, { minChars: ctx.settings.review.copyMinChars }, ctx.outOfTime));
  },
};

function findings(index: PhraseIndex, copies: CopyReport): RuleFinding[] {
  return copies.spans.map((s): RuleFinding => {
    const title = index.reports[s.sources[0].report].title;
    return {
      start: s.start,
      end: s.end,
      message: `这一段（${s.end - s.start} 字）与语料中《${title}》的一段逐字相同。`,
      corpusRelated: s.sources.map((src) => ({ ...src, message: `《${index.reports[src.report].title}》中的原文` })),
    };
  });
}
