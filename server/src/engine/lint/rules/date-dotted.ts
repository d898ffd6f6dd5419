/**
 * `date-dotted`: a date in running text written with dots, slashes or 顿号 (`2023.5.6`,
 * `2023/5/6`, `2023、5、6`) where a report writes `2023年5月6日`. GB/T 15834-2011 附录A.4.2
 * says 年月日 abbreviated take a hyphen, not a 顿号; GB/T 15835-2011 lets tables and notes
 * abbreviate with “-”. Dotted dates are common in tables and lists, so the rule is a hint.
 * Fix (safe): the written-out date. `2023.5` is taken for a date only when no unit or digit
 * follows (`2023.5万元` is a number).
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const DATE_RE = new RegExp(
  String.raw`(?<![0-9.．/／、\-])(?<y>(?:19|20)[0-9]{2})(?<s>[.．/／、])(?<m>1[0-2]|0?[1-9])` +
    String.raw`(?:\k<s>(?<d>3[01]|[12][0-9]|0?[1-9]))?` +
    String.raw`(?![0-9.．/／、%％])(?!\s*[万亿千百元吨人个次件项名户亩米克])`,
  'g',
);

export const dateDottedRule: LintRule = {
  id: 'date-dotted',
  category: 'standards',
  defaultSeverity: 'hint',
  description: `正文中的日期用圆点、斜线或顿号分隔，如“2023.5.6”，宜写作“2023年5月6日”（${GB.dateDotted}）。`,
  example: '2023.5.6召开组织生活会',
  check(ctx) {
    return scanProse(ctx, DATE_RE, (m) => {
      const { y, s, m: mo, d } = m.groups!;
      if (s === '、' && !d) return undefined; // 2021、2022 is a list of years
      const to = `${y}年${Number(mo)}月${d ? `${Number(d)}日` : ''}`;
      return replaceFinding(m.index, m.index + m[0].length, to, `正文中的日期宜写作“${to}”，不用“${s}”分隔（${GB.dateDotted}）。`, true);
    });
  },
};
