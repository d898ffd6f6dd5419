/**
 * `punctuation-halfwidth`: half-width `, ; : ? ! ( )` in Chinese prose, where the official
 * style wants full-width marks (GB/T 15834). Only marks standing in Chinese are flagged: a
 * Han character (or full-width closing mark) before, and a Han character, full-width opening
 * mark, figure or the line's end after. `8:30`, `1,000`, `APP:` and anything in code, links or
 * URLs stay as they are. Half-width brackets are flagged as a pair when they hold Chinese
 * (`(一)`, `网站(共产党员网)`), or alone when stranded next to Chinese.
 */
import { charAt, charBefore, isCjkAfter, isCjkBefore, isHanChar } from '../charClass';
import type { LintRule, RuleContext, RuleFinding, TextEdit } from '../types';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function fix(edits: TextEdit[]): NonNullable<RuleFinding['fixes']> {
  const marks = edits.map((e) => e.newText).join('');
  return [{ title: `改为全角标点“${marks}”`, edits, safe: true, preferred: true }];
}

function marks(ctx: RuleContext, out: RuleFinding[]): void {
  const masked = ctx.prose.masked;
  for (const m of masked.matchAll(/[,;:?!]+/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!isCjkBefore(charBefore(masked, s))) continue;
    const after = charAt(masked, e);
    const atEol = after === undefined || after === '\n' || after === '\r' || /^[ \t]*(?:\r?\n|$)/.test(masked.slice(e, e + 40));
    if (!(isCjkAfter(after) || /[0-9０-９]/.test(after ?? '') || atEol)) continue;
    const edits = [...m[0]].map((ch, k) => ({ start: s + k, end: s + k + 1, newText: FULL[ch] }));
    out.push({
      start: s,
      end: e,
      message: `中文里应使用全角标点：“${m[0]}”应为“${edits.map((x) => x.newText).join('')}”。`,
      fixes: fix(edits),
    });
  }
}

function brackets(ctx: RuleContext, out: RuleFinding[]): void {
  const masked = ctx.prose.masked;
  for (const line of ctx.prose.lines) {
    const text = masked.slice(line.start, line.end);
    if (!/[()]/.test(text)) continue;
    const paired = new Set<number>();
    // Innermost pairs first: `(…)` without brackets inside.
    for (const m of text.matchAll(/\(([^()\n]*)\)/g)) {
      const s = line.start + m.index!;
      const e = s + m[0].length;
      paired.add(s).add(e - 1);
      const chinese = [...m[1]].some((c) => isHanChar(c));
      if (!chinese) continue;
      const edits = [
        { start: s, end: s + 1, newText: '（' },
        { start: e - 1, end: e, newText: '）' },
      ];
      out.push({ start: s, end: e, message: `括号内是中文，应使用全角括号“（）”。`, fixes: fix(edits) });
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if ((ch !== '(' && ch !== ')') || paired.has(line.start + i)) continue;
      const at = line.start + i;
      if (!isHanChar(charBefore(masked, at)) && !isHanChar(charAt(masked, at + 1))) continue;
      out.push({
        start: at,
        end: at + 1,
        message: `中文里应使用全角括号：“${ch}”应为“${FULL[ch]}”。`,
        fixes: fix([{ start: at, end: at + 1, newText: FULL[ch] }]),
      });
    }
  }
}

export const punctuationHalfwidthRule: LintRule = {
  id: 'punctuation-halfwidth',
  category: 'punctuation',
  defaultSeverity: 'info',
  description: '中文句子里混入了半角标点 , ; : ? ! ( )，应改为全角。',
  example: '组织学习,开展研讨(共3次)',
  check(ctx) {
    const out: RuleFinding[] = [];
    marks(ctx, out);
    brackets(ctx, out);
    return out.sort((a, b) => a.start - b.start);
  },
};
