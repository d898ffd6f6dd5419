/**
 * `decimal-zero`: a decimal without its leading zero (`.46` → `0.46`). GB/T 15835 (1995 §8.2,
 * kept in 2011): 纯小数必须写出小数点前定位的“0”（0.46不能写成.46）. Fix (safe): add the 0.
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const DECIMAL_RE = /(?<![0-9０-９A-Za-z.．_\\/])\.(?<f>[0-9]+)(?![.．0-9A-Za-z])/g;

export const decimalZeroRule: LintRule = {
  id: 'decimal-zero',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `纯小数省略了小数点前的“0”，如“.46”，应写作“0.46”（${GB.decimal}）。`,
  example: '占比.46',
  check(ctx) {
    return scanProse(ctx, DECIMAL_RE, (m) =>
      replaceFinding(m.index, m.index + m[0].length, `0${m[0]}`, `纯小数应写出小数点前的“0”：“${m[0]}”应为“0${m[0]}”（${GB.decimal}）。`, true),
    );
  },
};
