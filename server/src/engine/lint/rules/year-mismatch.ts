/**
 * `year-mismatch`: last year's report reused for this year. The title names the year the
 * report is about (`2024年度述职报告`); a body that still speaks of the year before *as the
 * current year* was copied and not updated.
 *
 * Heuristic — a body year Y is flagged only in phrases that mean “the year under report”:
 * - `Y年以来` where Y is the title year − 1 (a 2024 report saying 2023年以来), or later than
 *   the title year (a time that has not come yet);
 * - a sentence opening `Y年，我…` / `Y年，本人…` / `Y年，在…` / `Y年度，…` with Y = title − 1;
 * - `现将Y年…报告如下` with Y ≠ title year.
 * References to the past (`2022年之前`, `2021年至今`, `较2023年增长`, `2023年是…`) and plans
 * (`2025年，我将…`) are left alone. Without exactly one year in the title the rule is silent.
 */
import type { LintRule, RuleFinding } from '../types';

const YEAR_IN_TITLE_RE = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g;

/** Where a phrase may open a sentence: paragraph start (after indentation) or a sentence break. */
const SENTENCE_START = String.raw`(?:^|[。！？；\n])[ \t\u3000]*`;
const SUBJECT = '(?:我|本人|我们|在|按照|围绕|坚持|始终|全年|一年来)';

export const yearMismatchRule: LintRule = {
  id: 'year-mismatch',
  category: 'years',
  defaultSeverity: 'warning',
  description: '标题写的是某年的报告，正文却把上一年当作“今年”来写（如 2024 年报告中的“2023年以来”），多为沿用旧稿未改。',
  example: '标题“2024年述职报告”，正文“2023年以来，我…”',
  check(ctx) {
    const title = ctx.tree.title;
    if (!title) return [];
    const years = [...new Set([...title.text.matchAll(YEAR_IN_TITLE_RE)].map((m) => Number(m[1])))];
    if (years.length !== 1) return [];
    const year = years[0];
    const masked = ctx.prose.masked;
    const bodyStart = title.end;
    const out: RuleFinding[] = [];
    const flag = (at: number, found: number, phrase: string) => {
      out.push({
        start: at,
        end: at + 4,
        message: `标题是${year}年的报告，这里的“${phrase}”却把${found}年当作本年度来写，可能是沿用旧稿未改；请核对是否应为${year}年。`,
        fixes: [{ title: `改为 ${year}`, edits: [{ start: at, end: at + 4, newText: String(year) }], safe: false, preferred: true }],
      });
    };
    const body = masked.slice(bodyStart);
    const seen = new Set<number>();
    const scan = (re: RegExp, accept: (y: number) => boolean) => {
      for (const m of body.matchAll(re)) {
        const y = Number(m.groups!.y);
        const at = bodyStart + m.indices!.groups!.y[0];
        if (!accept(y) || seen.has(at)) continue;
        seen.add(at);
        flag(at, y, `${m.groups!.y}${m.groups!.rest}`);
      }
    };
    const lastYear = (y: number) => y === year - 1;
    scan(/(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?<rest>年以来)/dg, (y) => y === year - 1 || y > year);
    scan(new RegExp(`${SENTENCE_START}(?<y>(?:19|20)[0-9]{2})(?<rest>年度?[，,]\\s*${SUBJECT})`, 'dg'), lastYear);
    scan(new RegExp(`${SENTENCE_START}(?<y>(?:19|20)[0-9]{2})(?<rest>年度[，,])`, 'dg'), lastYear);
    scan(/现将(?:本人)?(?<y>(?:19|20)[0-9]{2})(?<rest>年)/dg, (y) => y !== year);
    return out.sort((a, b) => a.start - b.start);
  },
};
