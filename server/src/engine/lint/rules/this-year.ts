/**
 * `this-year`: “今年” or “本年度” next to a year other than the title's — `今年（2022年）`,
 * `2022年是…今年`, `本年度即2022年度` — in a report whose title names 2023. Stale material,
 * like `year-mismatch`, but caught where the writer restated the year beside “this year”.
 * A year right beside it counts; elsewhere in the same clause (no ，。；between) only without a
 * word of comparison (较, 比, 同比, 与, 以来, 至今 …): `今年完成量较2022年增长` stays quiet.
 */
import { titleYear } from '../gongwen';
import type { LintRule, RuleFinding } from '../types';

const CLAUSE_RE = /[^，。；！？,;!?\n]+/g;
const THIS_YEAR_RE = /今年|本年度?/;
const YEAR_RE = /(?<![0-9])((?:19|20)[0-9]{2})年/g;
/** A year restated right beside “this year”: 今年（2022年）, 本年度即2022年度, 2022年（今年）. */
const BESIDE_RE = /(?:今年|本年度?)[（(]?(?:即|是|为)?(?:(?:19|20)[0-9]{2})年|(?:(?:19|20)[0-9]{2})年度?[（(]?(?:即|是|为)?(?:今年|本年度?)/;
const COMPARE_RE = /较|比|同比|相比|与|和|及|以来|至今|之前|以前|截至|截止|自|从|上年|去年|前年|以后|之后|至/;

export const thisYearRule: LintRule = {
  id: 'this-year',
  category: 'standards',
  defaultSeverity: 'warning',
  description: '“今年”“本年度”旁边写的年份与标题的年份不同，如 2023 年报告中的“今年（2022年）”，多为沿用旧稿未改。',
  example: '标题“2023年述职报告”，正文“今年（2022年）以来”',
  check(ctx) {
    const year = titleYear(ctx);
    if (year === undefined) return [];
    const masked = ctx.prose.masked;
    const bodyStart = ctx.tree.title?.end ?? 0;
    const out: RuleFinding[] = [];
    for (const c of masked.slice(bodyStart).matchAll(CLAUSE_RE)) {
      const clause = c[0];
      if (!THIS_YEAR_RE.test(clause) || (COMPARE_RE.test(clause) && !BESIDE_RE.test(clause))) continue;
      for (const y of clause.matchAll(YEAR_RE)) {
        if (Number(y[1]) === year) continue;
        const at = bodyStart + c.index! + y.index!;
        out.push({
          start: at,
          end: at + 4,
          message: `标题是${year}年的报告，这里与“今年”“本年度”并提的却是${y[1]}年，可能是沿用旧稿未改；请核对是否应为${year}年。`,
          fixes: [{ title: `改为 ${year}`, edits: [{ start: at, end: at + 4, newText: String(year) }], safe: false, preferred: true }],
        });
      }
    }
    return out;
  },
};
