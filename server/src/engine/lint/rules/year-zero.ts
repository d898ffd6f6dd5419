/**
 * `year-zero`: a year in Chinese numerals written with 零, ○ (a circle symbol), an Arabic 0 or
 * a letter O: `二零二三年` → `二〇二三年`. GB/T 15835-2011 §5.2.5: a number used as a label
 * (a year) writes 0 as “〇”; “零” is for quantities (“二〇一二”，不写为“二零一二”). Fix (safe):
 * every such character becomes 〇.
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const ZERO_LIKE = /[零○0Oo]/g;
const YEAR_RE = /(?<![一二三四五六七八九十〇○零0-9Oo百千万])[一二][一二三四五六七八九〇○零0Oo]{3}(?=年)/g;

export const yearZeroRule: LintRule = {
  id: 'year-zero',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `汉字书写的年份里用了“零”“○”或阿拉伯数字“0”，应为“〇”，如“二〇二三年”（${GB.yearZero}）。`,
  example: '二零二三年工作述职',
  check(ctx) {
    return scanProse(ctx, YEAR_RE, (m) => {
      const year = m[0];
      if (!/[零○0Oo]/.test(year)) return undefined;
      const fixed = year.replace(ZERO_LIKE, '〇');
      return replaceFinding(m.index, m.index + year.length, fixed, `年份是编号，其中的“0”应写作“〇”：“${year}年”应为“${fixed}年”（${GB.yearZero}）。`, true);
    });
  },
};
