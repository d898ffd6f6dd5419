/**
 * `word-confusion`: words official documents mix up in a way a machine can settle.
 * - `截止` with a time after it → `截至`: 截止 means “to stop at” and takes no object (报名
 *   于12月底截止, 截止日期), 截至 means “up to” a time (截至12月底). `截止到`, `截止日期`,
 *   `截止时间` stay. Source: 《现代汉语词典》 (第7版) 截止/截至 entries, as quoted in the README.
 * - variant spellings the 《第一批异形词整理表》 (教育部、国家语委, 2001) settles: 图象 → 图像,
 *   录象 → 录像, 影象 → 影像 (README: where each was found).
 * Fix: the right word (not “fix all”: a word, not a form).
 */
import { replaceFinding, scanProse } from '../gongwen';
import type { LintRule, RuleFinding } from '../types';

/** What may follow 截至: a date, a time word, a placeholder for one. */
const TIME_AFTER = String.raw`(?=[0-9０-９一二三四五六七八九十〇零xXＸ*＊]|今年|去年|明年|本年|当年|上年|本月|上月|目前|现在|今天|当前|年底|年末|年初|月底|月末|上半年|下半年|本季度|第[一二三四]季度|发稿|报告)`;
// 截止到, 截止日期, 截止时间, 截止于: no time word right after 截止, so they stay.
const JIEZHI_RE = new RegExp(`截止${TIME_AFTER}`, 'g');

/** Variant spellings and their standard form, with where the standard form is set. */
export const VARIANTS: ReadonlyArray<{ wrong: string; right: string; source: string }> = [
  { wrong: '图象', right: '图像', source: '《第一批异形词整理表》' },
  { wrong: '录象', right: '录像', source: '《第一批异形词整理表》' },
  { wrong: '影象', right: '影像', source: '《第一批异形词整理表》' },
];
const VARIANT_RE = new RegExp(VARIANTS.map((v) => v.wrong).join('|'), 'g');

export const wordConfusionRule: LintRule = {
  id: 'word-confusion',
  category: 'standards',
  defaultSeverity: 'warning',
  description: '公文中常混用的词：表示“到某时为止”应写“截至”（截至12月底），“截止”不带时间宾语；另有“图象”“录象”等异形词应写推荐词形。',
  example: '截止12月底，共完成项目5个',
  check(ctx) {
    const out: RuleFinding[] = scanProse(ctx, JIEZHI_RE, (m) =>
      replaceFinding(m.index, m.index + 2, '截至', '“截止”表示到时停止，后面不带时间；表示“到某时为止”应写“截至”（《现代汉语词典》）。', false),
    );
    for (const m of ctx.prose.masked.matchAll(VARIANT_RE)) {
      const v = VARIANTS.find((x) => x.wrong === m[0])!;
      out.push(replaceFinding(m.index!, m.index! + v.wrong.length, v.right, `“${v.wrong}”是异形词，推荐写作“${v.right}”（${v.source}）。`, false));
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
