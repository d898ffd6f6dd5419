/**
 * `word-confusion`: words official documents mix up in a way a machine can settle.
 * - `截止` with a time after it → `截至`, and `截至` with none (`截至日期`, `于5日截至。`) →
 *   `截止`: the shared confusion detector's rules `截止→截至`, `截至→截止`
 *   (engine/review/confusions.ts; source: 《现代汉语词典》第7版, 截至 “截止到（某个时候）”, 截止
 *   “（到一定期限）停止”). `截止到`, `截止日期`, `于12月底截止` stay. A template placeholder for
 *   a figure counts as the figure (`截止xxxx年xx月`).
 * - variant spellings settled by the 《第一批异形词整理表》 (教育部、国家语委, 2001): 图象 → 图像,
 *   录象 → 录像, 影象 → 影像 (README: where each was found).
 * Fix: the right word (not “fix all”: a word, not a form).
 */
import { findConfusions } from '../../review/confusions';
import { replaceFinding } from '../gongwen';
import type { LintRule, RuleFinding } from '../types';

/** The shared detector's rules this 公文规范 rule reports. */
export const CONFUSION_IDS = ['截止→截至', '截至→截止'];
const SOURCE = '《现代汉语词典》第7版';
/** `xxxx年`, `**月`: a placeholder standing for a figure, read as digits (same length, offsets kept). */
const PLACEHOLDER_FIGURE_RE = /[xXＸ*＊]+(?=[年月日])/g;

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
  description: '公文中常混用的词：表示“到某时为止”应写“截至”（截至12月底），“截止”不带时间宾语，“截止日期”不写“截至日期”（《现代汉语词典》）；另有“图象”“录象”等异形词应写推荐词形。',
  example: '截止12月底，共完成项目5个',
  check(ctx) {
    const text = ctx.prose.masked.replace(PLACEHOLDER_FIGURE_RE, (m) => '0'.repeat(m.length));
    const out: RuleFinding[] = findConfusions(text, { only: CONFUSION_IDS }).map((s) =>
      replaceFinding(s.start, s.end, s.suggestion, `“${s.found}”应为“${s.suggestion}”：${s.reason}（${SOURCE}）。`, false),
    );
    for (const m of ctx.prose.masked.matchAll(VARIANT_RE)) {
      const v = VARIANTS.find((x) => x.wrong === m[0])!;
      out.push(replaceFinding(m.index!, m.index! + v.wrong.length, v.right, `“${v.wrong}”是异形词，推荐写作“${v.right}”（${v.source}）。`, false));
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
