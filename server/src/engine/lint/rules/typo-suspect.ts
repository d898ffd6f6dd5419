/**
 * `typo-suspect`: a stretch of the draft the corpus never uses that, with one character
 * replaced by a sound-alike, is a phrase the corpus uses often — a pinyin input slip such as
 * `不忘出心` for `不忘初心`. The search is review/slips.ts; this rule only words the finding and
 * offers the corpus's character as the fix. Needs the corpus phrase index (silent without it).
 */
import { findSlips, slipsSteps, type SlipSuspect } from '../../review/slips';
import type { LintRule, RuleFinding } from '../types';

export const typoSuspectRule: LintRule = {
  id: 'typo-suspect',
  category: 'slips',
  defaultSeverity: 'warning',
  description: '疑似输入法错别字：稿中的说法语料从未用过，换掉一个同音或近音字后却是语料中的常用说法（如“不忘出心”与“不忘初心”）。',
  example: '始终不忘出心、牢记使命',
  check(ctx) {
    return ctx.phrases ? findSlips(ctx.phrases, ctx.prose.masked).map(finding) : [];
  },
  *steps(ctx) {
    return ctx.phrases ? (yield* slipsSteps(ctx.phrases, ctx.prose.masked, {}, ctx.outOfTime)).map(finding) : [];
  },
};

function finding(s: SlipSuspect): RuleFinding {
  return {
    start: s.start,
    end: s.end,
    message: `疑似错别字：“${s.phrase}”，语料中常用“${s.variant}”（${s.reports} 篇报告）`,
    fixes: [
      {
        title: `改为“${s.variant}”`,
        edits: [{ start: s.at, end: s.at + 1, newText: s.replacement }],
        safe: false,
        preferred: true,
      },
    ],
  };
}
