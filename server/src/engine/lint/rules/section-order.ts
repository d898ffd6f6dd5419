/**
 * `section-order`: the parts of a report in an unexpected order — plans before problems,
 * the cause analysis before the problems it explains, work done after the problems.
 *
 * Reports tell their story in phases: what was done (履职, 述学, 述廉, 述法, 述德, 承诺), then
 * the problems, then their causes, then the plans. A top-level part is flagged when a later
 * part belongs to an earlier phase (a part naming two phases, such as 存在问题及下一步打算,
 * spans both). Within the first phase any order is fine: reports put 述学 or 述职 first alike.
 */
import { SECTION_KIND_NAMES, type SectionKind } from '../../types';
import { topLevelKinds } from '../topKinds';
import type { LintRule, RuleFinding } from '../types';

const PHASE: Partial<Record<SectionKind, number>> = {
  duty: 0,
  study: 0,
  integrity: 0,
  law: 0,
  virtue: 0,
  pledge: 0,
  problems: 1,
  causes: 2,
  next: 3,
};

export const sectionOrderRule: LintRule = {
  id: 'section-order',
  category: 'structure',
  defaultSeverity: 'info',
  description: '各部分顺序不合常规，如“下一步打算”写在“存在的问题”之前。',
  example: '二、下一步工作打算 …… 三、存在的问题',
  check(ctx) {
    const nodes = ctx.tree.sections;
    const kinds = topLevelKinds(ctx.tree);
    const parts = nodes
      .map((n, i) => {
        const phases = kinds[i].filter((k) => PHASE[k] !== undefined).map((k) => ({ k, p: PHASE[k]! }));
        if (!phases.length) return undefined;
        const lo = phases.reduce((a, b) => (b.p < a.p ? b : a));
        const hi = phases.reduce((a, b) => (b.p > a.p ? b : a));
        return { n, lo, hi };
      })
      .filter((x): x is NonNullable<typeof x> => x !== undefined);
    const out: RuleFinding[] = [];
    parts.forEach((part, i) => {
      const later = parts.slice(i + 1).find((q) => q.hi.p < part.lo.p);
      if (!later) return;
      // 一是… items of a headless report point at the part's first item.
      const name = part.n.style === 'shi' ? SECTION_KIND_NAMES[part.lo.k] : part.n.label || SECTION_KIND_NAMES[part.lo.k];
      const laterName = later.n.style === 'shi' ? SECTION_KIND_NAMES[later.hi.k] : later.n.label || SECTION_KIND_NAMES[later.hi.k];
      out.push({
        start: part.n.headingStart,
        end: part.n.headingEnd,
        message:
          `“${name}”（${SECTION_KIND_NAMES[part.lo.k]}）写在了“${laterName}”（${SECTION_KIND_NAMES[later.hi.k]}）之前；` +
          `述职报告一般先写履职情况，再写存在的问题、原因，最后写下一步打算。`,
      });
    });
    return out;
  },
};
