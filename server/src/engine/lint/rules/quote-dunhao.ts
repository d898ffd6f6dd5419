/**
 * `quote-dunhao`: a 顿号 between adjacent quoted or titled items (`“四个意识”、“四个自信”`,
 * `《条例》、《规定》`). GB/T 15834-2011 §4.5.3.5: 标有引号的并列成分之间、标有书名号的并列成分
 * 之间通常不用顿号; with something between them (a bracketed note) the 顿号 stays — that case
 * never matches here, the 顿号 must follow the closing mark directly. “通常”: the rule is
 * advice (info), and its fix is not applied by “fix all”. In the bundled corpus 32 such pairs
 * go without the 顿号 and 7 with it (README).
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const PAIR_RE = /[”》]、(?=[“《])/g;

export const quoteDunhaoRule: LintRule = {
  id: 'quote-dunhao',
  category: 'standards',
  defaultSeverity: 'info',
  description: `并列的引号、书名号之间通常不用顿号，如“四个意识”“四个自信”（${GB.quoteDunhao}）。`,
  example: '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  check(ctx) {
    return scanProse(ctx, PAIR_RE, (m) => {
      const at = m.index + 1;
      const f = replaceFinding(at, at + 1, '', `并列的引号或书名号之间通常不用顿号（${GB.quoteDunhao}）。`, false);
      f.fixes![0].title = '删去顿号';
      return f;
    });
  },
};
