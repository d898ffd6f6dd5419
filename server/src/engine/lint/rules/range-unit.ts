/**
 * `range-unit`: a range whose first number lost the unit or percent sign the second one has:
 * `15～30%` → `15%～30%`, `9～16亿` → `9亿～16亿`, `13～17万元` → `13万元～17万元`. GB/T
 * 15835-2011, on ranges: the first value's sign or unit may be left out only where that is not
 * ambiguous — 9亿～16亿（不写为9～16亿）, 15%～30%（不写为15～30%）. Fix (safe): copy the unit.
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const RANGE_RE = /(?<![0-9.．%％])(?<a>[0-9]+(?:\.[0-9]+)?)(?<dash>[～~〜—－–-]|至|到)(?<b>[0-9]+(?:\.[0-9]+)?)(?<u>[%％]|[万亿]元?)/dg;

export const rangeUnitRule: LintRule = {
  id: 'range-unit',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `数值范围的前一个数省略了百分号或“万”“亿”，如“15～30%”“9～16亿”，应写作“15%～30%”“9亿～16亿”（${GB.range}）。`,
  example: '增长15～30%',
  check(ctx) {
    return scanProse(ctx, RANGE_RE, (m) => {
      const { a, dash, b, u } = m.groups!;
      const at = m.indices!.groups!.a[1];
      const whole = `${a}${u}${dash}${b}${u}`;
      const f = replaceFinding(m.index, m.index + m[0].length, whole, `数值范围“${m[0]}”的前一个数省略了“${u}”，容易误读，应写作“${whole}”（${GB.range}）。`, true);
      f.fixes![0].edits = [{ start: at, end: at, newText: u }];
      return f;
    });
  },
};
