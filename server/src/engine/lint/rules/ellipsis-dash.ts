/**
 * `ellipsis-dash`: 省略号 and 破折号 in their standard forms. GB/T 15834-2011 gives the 省略号
 * as “……” (six dots in two characters; twelve for whole paragraphs) and the 破折号 as “——”
 * (two em dashes). Flagged: `。。。`, `...`, `···`, a lone `…` or three of them, and `--`/`－－`
 * in Chinese text. A single `—` is the 一字线 of ranges (2021—2023年) and stays. Fix (safe).
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';
import { isCjkAfter, isCjkBefore, charAt, charBefore } from '../charClass';

const FORM_RE = /…+|。{3,}|\.{3,}|·{3,}|．{3,}|(?<![-－—])(?:-{2,}|－{2,}|-—|—-)(?![-－—])/g;

export const ellipsisDashRule: LintRule = {
  id: 'ellipsis-dash',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `省略号应为“……”，破折号应为“——”，不用“。。。”“...”“--”（${GB.ellipsisDash}）。`,
  example: '学习、调研、走访。。。',
  check(ctx) {
    const masked = ctx.prose.masked;
    return scanProse(ctx, FORM_RE, (m) => {
      const s = m[0];
      if (s === '……' || s === '…………') return undefined;
      const cjk = isCjkBefore(charBefore(masked, m.index)) || isCjkAfter(charAt(masked, m.index + s.length));
      if (!cjk) return undefined; // English, code-like text: not Chinese punctuation
      const dash = /[-－—]/.test(s);
      const to = dash ? '——' : '……';
      const name = dash ? '破折号' : '省略号';
      return replaceFinding(m.index, m.index + s.length, to, `${name}的规范形式是“${to}”，不是“${s}”（${GB.ellipsisDash}）。`, true);
    });
  },
};
