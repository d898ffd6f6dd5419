/**
 * `numbering-style`: the form of the numbering, as GB/T 9704 has it —
 * - `（五）、`: punctuation after a bracketed or circled number (fix, safe: drop it);
 * - `1.` and `1、` (or `一、` and `一．`) mixed in one list (fix, safe: use the list's first form);
 * - a level used where its parent level is missing (`（一）` standing before any `一、` that
 *   elsewhere heads it), or a list restarting under an item of its own kind — no fix, the
 *   writer must decide which heading is missing.
 */
import type { Fix, LintRule } from '../types';
import { markerSpan } from '../numbering';
import { numberingFindings, separatorFix } from '../numberingFindings';

export const numberingStyleRule: LintRule = {
  id: 'numbering-style',
  category: 'numbering',
  defaultSeverity: 'info',
  description: '编号格式不规范：“（五）、”多了顿号，同一级混用“1.”与“1、”，或缺少上一级编号。',
  example: '（五）、下一步工作思路',
  check(ctx) {
    return numberingFindings(ctx, ['style-suffix', 'mixed-style', 'orphan-level', 'restart'], (a): Fix[] => {
      const span = markerSpan(a.node);
      if (a.type === 'style-suffix') {
        const clean = span.text.replace(/[、.．，,：:]+$/, '');
        return [{ title: `改为“${clean}”`, edits: [{ start: span.start, end: span.end, newText: clean }], safe: true, preferred: true }];
      }
      if (a.type === 'mixed-style') return separatorFix(ctx.tree, a.node);
      return [];
    });
  },
};
