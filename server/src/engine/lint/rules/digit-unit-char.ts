/**
 * `digit-unit-char`: Arabic digits with 十, 百 or 千 (`3百余人`, `5千万元`). GB/T 15835-2011,
 * on using both kinds of numerals: only 万 and 亿 may follow Arabic digits (示例：4000 不写为
 * “4千”). Fix (safe): the number in digits — `300余人`, `5000万元`. Metric prefixes (千米, 千克,
 * 千瓦 …), 百分点/百分之 and numbers running on (`3千5`) are left alone.
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const UNIT: Record<string, number> = { 千: 1000, 百: 100, 十: 10 };
const RUN_RE = /(?<![0-9.．A-Za-z])(?:[0-9]+[千百十])+(?![0-9零〇一二三四五六七八九米克瓦伏帕赫焦牛卡分])/g;

/** The value of `3千5百`: units must fall (千 before 百 before 十); undefined otherwise. */
export function runValue(run: string): number | undefined {
  const parts = [...run.matchAll(/([0-9]+)([千百十])/g)];
  // `3千5百` has one digit per unit; `12千5百` is no number anyone writes.
  if (parts.length > 1 && parts.some(([, n]) => n.length > 1)) return undefined;
  let total = 0;
  let last = Infinity;
  for (const [, n, u] of parts) {
    if (UNIT[u] >= last) return undefined;
    last = UNIT[u];
    total += Number(n) * UNIT[u];
  }
  return total;
}

export const digitUnitCharRule: LintRule = {
  id: 'digit-unit-char',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `阿拉伯数字后用了“十”“百”“千”，如“3百余人”，应写作“300余人”；“万”“亿”可以（${GB.digitUnit}）。`,
  example: '培训党员3百余人次',
  check(ctx) {
    return scanProse(ctx, RUN_RE, (m) => {
      const value = runValue(m[0]);
      if (value === undefined) return undefined;
      const to = String(value);
      return replaceFinding(m.index, m.index + m[0].length, to, `阿拉伯数字不与“十”“百”“千”连用，“${m[0]}”应写作“${to}”（只有“万”“亿”可以，${GB.digitUnit}）。`, true);
    });
  },
};
