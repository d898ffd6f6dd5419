/**
 * `placeholder`: template leftovers — `XX党委`, `xx次`, `**人次`, `***%`, `××局`, `某某`,
 * `〇〇`, `□□`, `TODO`, `[ ]`, `（待补充）`.
 *
 * Care is taken not to flag what only looks alike: x inside English words or beside digits
 * (`Xbox`, `XXL`, `3x`), `X光`; `〇〇` inside a written-out year (`二〇〇八年`); asterisks that
 * are Markdown emphasis (`**加强学习**`). Asterisks are judged in two passes: runs standing
 * before a unit (`*次`, `**%`) are placeholders outright; the rest are placeholders when,
 * with those removed, Markdown would not read them as emphasis.
 */
import { parseInline } from '../../delivery/markdown';
import { charAt, charBefore, isAsciiWordChar, isCjk, isHanChar } from '../charClass';
import type { LintRule, RuleContext, RuleFinding } from '../types';

/** Measure words and units a number stands before: a placeholder before one of them stands for a figure. */
const UNIT_RE = /^(?:[%％‰]|[次名人个件项篇场期家户元万亿千百余多条天年月日批所支位本份倍处座台辆套册节课门间亩米吨起例张页字首部届轮组类种级村镇周岁号栋层笔分秒小时余])/;

/** `xx`, and `x.x` / `xx.xx` standing for a decimal figure. */
const X_RUN_RE = /[xXｘＸ×]+(?:[.．][xXｘＸ]+)?/g;
/** x runs that are words, not placeholders. */
const X_WORDS_AFTER_RE = /^(?:光|射线|线片)/;
const STAR_RUN_RE = /\*+/g;
const OTHER_RES: Array<{ re: RegExp; what: string }> = [
  { re: /某某+/g, what: '某某' },
  { re: /(?<![一二三四五六七八九十〇○零])[〇○]{2,}(?![一二三四五六七八九十〇○零年])/g, what: '〇〇' },
  { re: /□+/g, what: '□' },
  { re: /(?<![A-Za-z0-9_])(?:TODO|FIXME|TBD)(?![A-Za-z0-9_])/g, what: 'TODO' },
  { re: /\[[ \t\u3000]+\]|【[ \t\u3000]*】|（[ \t\u3000]+）|\([ \t\u3000]+\)/g, what: '空括号' },
  { re: /[（(【\[][ \t\u3000]*待(?:补充|填写|完善|定|填)[^）)】\]\n]{0,20}[）)】\]]/g, what: '待补充' },
];

function message(run: string, after: string): string {
  const figure = UNIT_RE.test(after);
  return `“${run}”是模板留下的占位符，请填入实际${figure ? '数字' : '内容'}。`;
}

/** x/X/× runs: not part of an ASCII word or number, and next to Chinese on at least one side. */
function xRuns(masked: string, out: RuleFinding[]): void {
  for (const m of masked.matchAll(X_RUN_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    const before = charBefore(masked, s);
    const after = charAt(masked, e);
    if (isAsciiWordChar(before) || isAsciiWordChar(after)) continue;
    // × between figures is multiplication (3×4); a lone x between them likewise.
    if (/[0-9０-９]/.test(before ?? '') || /[0-9０-９]/.test(after ?? '')) continue;
    if (!isCjk(before) && !isCjk(after)) continue;
    if (X_WORDS_AFTER_RE.test(masked.slice(e, e + 2))) continue;
    out.push({ start: s, end: e, message: message(m[0], masked.slice(e, e + 2)) });
  }
}

/** Asterisk runs that are placeholders (see the file comment for the two passes). */
function starRuns(ctx: RuleContext, out: RuleFinding[]): void {
  const masked = ctx.prose.masked;
  for (const line of ctx.prose.lines) {
    const text = masked.slice(line.start, line.end);
    if (!text.includes('*')) continue;
    const runs = [...text.matchAll(STAR_RUN_RE)].map((m) => ({ s: line.start + m.index!, e: line.start + m.index! + m[0].length }));
    const isPlaceholder = new Set<number>();
    const figure = (r: { s: number; e: number }) => {
      const before = charBefore(masked, r.s);
      return (isHanChar(before) || /[0-9０-９、，]/.test(before ?? '')) && UNIT_RE.test(masked.slice(r.e, r.e + 2));
    };
    runs.forEach((r, i) => {
      if (r.e - r.s <= 4 && figure(r)) isPlaceholder.add(i);
    });
    // Second pass: with the figure placeholders turned into letters, which runs are still emphasis?
    let lineText = text;
    for (let i = runs.length - 1; i >= 0; i--) {
      if (!isPlaceholder.has(i)) continue;
      const a = runs[i].s - line.start;
      const b = runs[i].e - line.start;
      lineText = lineText.slice(0, a) + 'x'.repeat(b - a) + lineText.slice(b);
    }
    const hidden = parseInline(lineText, 0, lineText.length).hidden.map(([hs, he]) => [hs + line.start, he + line.start]);
    runs.forEach((r, i) => {
      if (isPlaceholder.has(i) || r.e - r.s > 4) return;
      const emphasis = hidden.some(([hs, he]) => hs < r.e && he > r.s);
      // `“*+*”`: “emphasis” of nothing but signs is a template pattern, not emphasis.
      const signsOnly = (a: { e: number } | undefined, b: { s: number } | undefined) =>
        !!a && !!b && b.s - a.e <= 3 && !/[\p{L}\p{N}]/u.test(masked.slice(a.e, b.s));
      const empty = signsOnly(runs[i - 1], r) || signsOnly(r, runs[i + 1]);
      if (emphasis && !empty) return;
      if (isCjk(charBefore(masked, r.s)) || isCjk(charAt(masked, r.e)) || empty) isPlaceholder.add(i);
    });
    runs.forEach((r, i) => {
      if (isPlaceholder.has(i)) out.push({ start: r.s, end: r.e, message: message(masked.slice(r.s, r.e), masked.slice(r.e, r.e + 2)) });
    });
  }
}

export const placeholderRule: LintRule = {
  id: 'placeholder',
  category: 'placeholders',
  defaultSeverity: 'warning',
  description: '模板留下的占位符：XX、xx次、**人次、***%、××、某某、〇〇、TODO、[ ]、（待补充）等。',
  example: '组织集中学习xx次，覆盖**人次',
  check(ctx) {
    const out: RuleFinding[] = [];
    const masked = ctx.prose.masked;
    xRuns(masked, out);
    starRuns(ctx, out);
    for (const { re, what } of OTHER_RES) {
      for (const m of masked.matchAll(re)) {
        const s = m.index!;
        const e = s + m[0].length;
        const msg =
          what === '空括号' || what === '待补充'
            ? `“${m[0]}”是待填写的空位，请补上实际内容。`
            : message(m[0], masked.slice(e, e + 2));
        out.push({ start: s, end: e, message: msg });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
