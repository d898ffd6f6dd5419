/**
 * `this-year`: “今年” or “本年度” with a year other than the title's right beside it —
 * `今年（2022年）`, `本年度即2022年度`, `2022年（今年）` — in a report whose title names 2023.
 * Stale material, like `year-mismatch`, caught where the writer restated the year beside “this
 * year”. A year elsewhere in the sentence is left alone: `今年巩固2021年的成果`,
 * `今年完成量较2022年增长` speak of the past on purpose.
 */
import { titleYear } from '../gongwen';
import type { LintRule, RuleFinding } from '../types';

const BESIDE_RE = /(?:今年|本年度?)[（(]?(?:即|是|为)?(?<a>(?:19|20)[0-9]{2})年|(?<b>(?:19|20)[0-9]{2})年度?[（(]?(?:即|是|为)?(?:今年|本年度?)/dg;

export const thisYearRule: LintRule = {
  id: 'this-year',
  category: 'standards',
  defaultSeverity: 'warning',
  description: '“今年”“本年度”旁边写的年份与标题的年份不同，如 2023 年报告中的“今年（2022年）”，多为沿用旧稿未改。',
  example: '标题“2023年述职报告”，正文“今年（2022年）以来”',
  check(ctx) {
    const year = titleYear(ctx);
    if (year === undefined) return [];
    const bodyStart = ctx.tree.title?.end ?? 0;
    const out: RuleFinding[] = [];
    for (const m of ctx.prose.masked.slice(bodyStart).matchAll(BESIDE_RE)) {
      const y = m.groups!.a ?? m.groups!.b;
      if (Number(y) === year) continue;
      const at = bodyStart + (m.indices!.groups!.a ?? m.indices!.groups!.b)![0];
      out.push({
        start: at,
        end: at + 4,
        message: `标题是${year}年的报告，这里与“今年”“本年度”并提的却是${y}年，可能是沿用旧稿未改；请核对是否应为${year}年。`,
        fixes: [{ title: `改为 ${year}`, edits: [{ start: at, end: at + 4, newText: String(year) }], safe: false, preferred: true }],
      });
    }
    return out;
  },
};
