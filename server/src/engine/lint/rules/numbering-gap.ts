/**
 * `numbering-gap`: a list skips a number — `（二）` followed by `（四）`, 一是、二是、四是, or a
 * list that starts at 二、. Read from the numbering anomalies the report parser records. Fix
 * (safe): renumber the whole list 1, 2, 3 … so later items follow too.
 */
import type { LintRule } from '../types';
import { renumberFix, numberingFindings } from '../numberingFindings';

export const numberingGapRule: LintRule = {
  id: 'numbering-gap',
  category: 'numbering',
  defaultSeverity: 'warning',
  description: '同一级编号不连续，如“（二）”之后是“（四）”，或“一是、二是、四是”。',
  example: '二、存在的不足 …… 四、下一步打算',
  check(ctx) {
    return numberingFindings(ctx, ['gap'], (a) => renumberFix(ctx.tree, a.node));
  },
};
