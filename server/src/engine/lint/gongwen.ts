/**
 * Shared ground of the 公文规范 rules: the clauses they cite and small helpers over the
 * draft's prose. Each clause below was read in the standard's text as quoted publicly (see
 * the README section 公文规范 for where); a clause whose number could not be confirmed is
 * cited by its heading only, never by a guessed number.
 */
import type { RuleContext, RuleFinding } from './types';

/** The standards and clauses the rules cite, as their messages name them. */
export const GB = {
  /** 年份: confirmed in GB/T 15835-1995 §5.1.1.1; the 2011 clause number is unconfirmed. */
  yearShort: 'GB/T 15835-2011《出版物上数字用法》（年份不简写）',
  /** “零”和“〇”: GB/T 15835-2011 §5.2.5. */
  yearZero: 'GB/T 15835-2011 第5.2.5条',
  /** 同类别同形式, 示例3 “二〇〇八年8月8日”: GB/T 15835-2011 §4.3. */
  dateMixed: 'GB/T 15835-2011 第4.3条',
  /** 年月日简写 (dots, slashes, 顿号): GB/T 15834-2011 附录A.4.2 (secondary source). */
  dateDotted: 'GB/T 15834-2011 附录A.4.2、GB/T 15835-2011（年月日的写法）',
  /** 数值范围: the 2011 text (示例 9亿～16亿, 15%～30%) confirmed, its number not. */
  range: 'GB/T 15835-2011《出版物上数字用法》（数值范围的写法）',
  /** 阿拉伯数字与汉字数字同时使用 (万、亿 only): number unconfirmed. */
  digitUnit: 'GB/T 15835-2011《出版物上数字用法》（阿拉伯数字与汉字数字同时使用）',
  /** 纯小数: GB/T 15835-1995 §8.2 confirmed; the 2011 number unconfirmed. */
  decimal: 'GB/T 15835-2011《出版物上数字用法》（纯小数的写法）',
  /** 层次序数 一、（一）1.（1）: GB/T 9704-2012 §7.3.3; 序次语 forms: GB/T 15834-2011 附录B.3. */
  heading: 'GB/T 9704-2012 第7.3.3条、GB/T 15834-2011 附录B.3',
  /** 省略号 ……, 破折号 ——: GB/T 15834-2011 (form clauses; numbers unconfirmed). */
  ellipsisDash: 'GB/T 15834-2011《标点符号用法》（省略号、破折号的形式）',
  /** No clause: a doubled mark is a slip of typing, not a usage the standard discusses. */
  doubled: 'GB/T 15834-2011《标点符号用法》（点号用法）',
  /** 标有引号、书名号的并列成分之间通常不用顿号: GB/T 15834-2011 §4.5.3.5. */
  quoteDunhao: 'GB/T 15834-2011 第4.5.3.5条',
} as const;

const YEAR_IN_TITLE_RE = /(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])/g;

/** The one year the title names (`2023年度述职报告` → 2023), or undefined. */
export function titleYear(ctx: RuleContext): number | undefined {
  const title = ctx.tree.title;
  if (!title) return undefined;
  const years = new Set([...title.text.matchAll(YEAR_IN_TITLE_RE)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : undefined;
}

/** Findings for every match of `re` (global, with `d` flag if groups' offsets are needed) in the prose. */
export function scanProse(ctx: RuleContext, re: RegExp, each: (m: RegExpExecArray) => RuleFinding | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const m of ctx.prose.masked.matchAll(re)) {
    const f = each(m as RegExpExecArray);
    if (f) out.push(f);
  }
  return out;
}

/** A finding replacing text[start, end) by `to`, with one fix. */
export function replaceFinding(start: number, end: number, to: string, message: string, safe: boolean): RuleFinding {
  return { start, end, message, fixes: [{ title: `改为“${to}”`, edits: [{ start, end, newText: to }], safe, preferred: true }] };
}
