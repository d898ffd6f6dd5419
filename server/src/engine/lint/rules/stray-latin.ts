/**
 * `stray-latin`: a Latin letter glued inside Chinese, left by the input method (`政治i理论`,
 * `整治i。`, `中Y八项规定`). Only single letters are flagged:
 * - a lowercase letter right after a Han character, followed by Chinese or the line's end;
 * - an uppercase letter between two Han characters, unless the next character makes a common
 *   compound (`A级`, `B超`, `C位`, `T恤`).
 * Runs of two or more letters are words or acronyms (APP, PPT, GDP, AI, MOOC) and x/X is the
 * placeholder rule's business; a lowercase e before Chinese is the e- of online services (`e路通`).
 */
import { charAt, charBefore, isCjk, isHanChar } from '../charClass';
import type { LintRule, RuleFinding } from '../types';

/** Characters that commonly follow a single capital letter in Chinese: A级, B类, C位, K线. */
const CAPITAL_COMPOUND_RE = /^[级类型股超光区端轮字档证照卡座楼栋号岗线位版面点段期队组班厂角恤检税]/;

export const strayLatinRule: LintRule = {
  id: 'stray-latin',
  category: 'punctuation',
  defaultSeverity: 'warning',
  description: '中文词语中夹了一个孤立的英文字母（多为输入法误触），如“政治i”。',
  example: '加强政治i理论学习',
  check(ctx) {
    const masked = ctx.prose.masked;
    const out: RuleFinding[] = [];
    for (const m of masked.matchAll(/[A-Za-z]+/g)) {
      if (m[0].length !== 1 || /[xX]/.test(m[0])) continue;
      const s = m.index!;
      const before = charBefore(masked, s);
      const after = charAt(masked, s + 1);
      if (!isHanChar(before)) continue;
      const ch = m[0];
      if (ch === 'e' && isHanChar(after)) continue; // e路通, e政务: the e- prefix of online services
      if (ch === ch.toLowerCase()) {
        const end = after === undefined || after === '\n' || after === '\r';
        if (!(isCjk(after) || end)) continue;
      } else if (!isHanChar(after) || CAPITAL_COMPOUND_RE.test(after ?? '')) {
        continue;
      }
      out.push({
        start: s,
        end: s + 1,
        message: `中文中夹了一个孤立的字母“${ch}”，可能是输入法误触，请核对。`,
        fixes: [{ title: `删除“${ch}”`, edits: [{ start: s, end: s + 1, newText: '' }], safe: false, preferred: true }],
      });
    }
    return out;
  },
};
