/**
 * `date-mixed-numerals`: one date written partly in Chinese, partly in Arabic numerals
 * (`二〇二三年5月`, `2023年五月`). GB/T 15835-2011 §4.3: numbers of one kind in one place take
 * one form — 示例3 “二〇〇八年八月八日（不写为“二〇〇八年8月8日”）”. The fix writes the whole
 * date in Arabic numerals, the form GB/T 9704 uses for dates in official documents; the
 * all-Chinese form is offered second.
 */
import { GB } from '../gongwen';
import type { LintRule, RuleFinding } from '../types';
import { parseChineseNumber, toChineseNumber } from '../../text/chars';

const CN_DIGIT = '〇零○一二三四五六七八九';
const DATE_RE = new RegExp(
  `(?<![0-9${CN_DIGIT}十])(?<y>(?:19|20)[0-9]{2}|[一二][${CN_DIGIT}]{3})年` +
    `(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月` +
    `(?:(?<d>3[01]|[12][0-9]|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?`,
  'g',
);

const isArabic = (s: string) => /^[0-9]+$/.test(s);
const cnYear = (s: string) => [...s].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' || c === '○' ? '〇' : c)).join('');
const toNumber = (s: string) => (isArabic(s) ? Number(s) : parseChineseNumber(s));

export const dateMixedNumeralsRule: LintRule = {
  id: 'date-mixed-numerals',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `同一个日期里汉字数字与阿拉伯数字混用，如“二〇二三年5月”（${GB.dateMixed}）。`,
  example: '二〇二三年5月',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of ctx.prose.masked.matchAll(DATE_RE)) {
      const { y, m: mo, d } = m.groups!;
      const parts = [y, mo, ...(d ? [d] : [])];
      const arabic = parts.filter(isArabic).length;
      if (arabic === 0 || arabic === parts.length) continue;
      const year = isArabic(y) ? y : cnYear(y);
      const month = toNumber(mo);
      const day = d ? toNumber(d) : undefined;
      if (!month || (d && !day)) continue;
      const toArabic = `${year}年${month}月${day ? `${day}日` : ''}`;
      const toCn = `${[...year].map((c) => '〇一二三四五六七八九'[Number(c)]).join('')}年${toChineseNumber(month)}月${day ? `${toChineseNumber(day)}日` : ''}`;
      const start = m.index!;
      const end = start + m[0].length;
      out.push({
        start,
        end,
        message: `同一个日期“${m[0]}”混用了汉字数字和阿拉伯数字，应统一为“${toArabic}”或“${toCn}”（${GB.dateMixed}）。`,
        fixes: [
          { title: `改为“${toArabic}”`, edits: [{ start, end, newText: toArabic }], safe: false, preferred: true },
          { title: `改为“${toCn}”`, edits: [{ start, end, newText: toCn }], safe: false },
        ],
      });
    }
    return out;
  },
};
