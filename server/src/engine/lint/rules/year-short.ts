/**
 * `year-short`: a year written with two digits (`23年` → `2023年`). GB/T 15835 asks for the
 * full year (the 1995 text, §5.1.1.1: “1990年”不应简作“90年”; kept in the 2011 edition). Only
 * two digits in a date's place are taken for a year — before 度 or a month anywhere; before
 * 底/初/末, 以来, 上半年 … or a comma only where a time phrase starts — so `工作23年`, `23年来`,
 * `工作20年以来` (durations) stay quiet. The
 * century comes from the year in the title, or today's year; the fix is offered, not applied
 * by “fix all”, because the century is inferred.
 */
import { GB, replaceFinding, scanProse, titleYear } from '../gongwen';
import type { LintRule } from '../types';

/** Two digits as a year: not part of a longer number, a decimal or a date already written out. */
const YEAR_RE = new RegExp(
  // Before 度 or a month, two digits are a year anywhere (`22年度`, `23年5月`, `23年述职报告`) …
  String.raw`(?<![0-9０-９.．\-/：:第近满余多约])(?<yy>[0-9]{2})年(?=度|[0-9]{1,2}月|(?:十[一二]?|[一二三四五六七八九])月|述职|工作述职|工作总结)` +
    // … before 以来, 起, 底, 上半年 or a comma only where a time phrase starts (`23年以来，我…`, `自23年起`),
    // since `工作20年以来` counts years of service.
    String.raw`|(?<=^|[。；！？，,\n\u3000 ]|[于在至到从自])(?<yy2>[0-9]{2})年(?=底|初|末|以来|起|开始|至今|上半年|下半年|全年|[，,])` +
    // … and as the year a figure is compared with (`与22年相比`, `较22年同期`), never `工作20年相比…`.
    String.raw`|(?<=[与较比同和])(?<yy3>[0-9]{2})年(?=相比|同期|相较)`,
  'gm',
);

/** The full year two digits stand for: the century of `ref`, or the one before if that lands more than a year ahead. */
export function fullYear(yy: number, ref: number): number {
  const y = Math.floor(ref / 100) * 100 + yy;
  return y > ref + 1 ? y - 100 : y;
}

export const yearShortRule: LintRule = {
  id: 'year-short',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `年份只写了后两位，如“23年”，应写全“2023年”（${GB.yearShort}）。`,
  example: '23年以来，我认真履职',
  check(ctx) {
    const ref = titleYear(ctx) ?? new Date().getFullYear();
    return scanProse(ctx, YEAR_RE, (m) => {
      const yy = m.groups!.yy ?? m.groups!.yy2 ?? m.groups!.yy3;
      const at = m.index + m[0].indexOf(yy);
      const full = String(fullYear(Number(yy), ref));
      return replaceFinding(at, at + 2, full, `年份“${yy}年”只写了后两位，应写全为“${full}年”（${GB.yearShort}）。`, false);
    });
  },
};
