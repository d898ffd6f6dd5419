/**
 * `numbering-duplicate`: one list uses a number twice (two “2.” in a row). Fix (safe):
 * renumber the whole list 1, 2, 3 ….
 */
import type { LintRule } from '../types';
import { renumberFix, numberingFindings } from '../numberingFindings';

export const numberingDuplicateRule: LintRule = {
  id: 'numbering-duplicate',
  category: 'numbering',
  defaultSeverity: 'warning',
  description: '同一级编号重复，如两个“2.”。',
  example: '1.加强学习 2.狠抓落实 2.改进作风',
  check(ctx) {
    return numberingFindings(ctx, ['duplicate'], (a) => renumberFix(ctx.tree, a.node));
  },
};
