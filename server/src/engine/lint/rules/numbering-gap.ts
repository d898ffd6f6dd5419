/**
 * `numbering-gap`: a list skips a number — `（二）` followed by `（四）`, 一是、二是、四是, or a
 * list that starts at 二、. Read from the numbering anomalies the report parser records. Fix
 * (safe): renumber the whole list 1, 2, 3 … so later items follow too.
 *
 * Not a gap: the missing numbers stand, in order, on heading lines written `二，…` between the
 * two items — the parser takes no heading from them, and numbering-style already asks for `二、`.
 */
import type { Anomaly, ReportNode } from '../../types';
import { listRun } from '../numbering';
import type { LintRule, RuleContext } from '../types';
import { renumberFix, numberingFindings } from '../numberingFindings';
import { commaHeadings, type CommaHeading } from './numbering-style';

/** Does every number the gap skips stand on a `二，` heading line between the item before and this one? */
function filledByCommaHeadings(ctx: RuleContext, a: Anomaly, lines: () => CommaHeading[]): boolean {
  const node = a.node;
  if (!/^[一二三四五六七八九十]+、/.test(node.name) || a.expected === undefined || node.ordinal === undefined) return false;
  const run = listRun(ctx.tree, node);
  const before: ReportNode | undefined = run[run.indexOf(node) - 1];
  const from = before?.start ?? 0;
  const between = lines().filter((h) => h.start >= from && h.start < node.start).map((h) => h.ordinal);
  for (let n = a.expected; n < node.ordinal; n++) if (!between.includes(n)) return false;
  return true;
}

export const numberingGapRule: LintRule = {
  id: 'numbering-gap',
  category: 'numbering',
  defaultSeverity: 'warning',
  description: '同一级编号不连续，如“（二）”之后是“（四）”，或“一是、二是、四是”。',
  example: '二、存在的不足 …… 四、下一步打算',
  check(ctx) {
    let lines: CommaHeading[] | undefined;
    const commaLines = () => (lines ??= commaHeadings(ctx));
    return numberingFindings(ctx, ['gap'], (a) => renumberFix(ctx.tree, a.node), (a) => !filledByCommaHeadings(ctx, a, commaLines));
  },
};
