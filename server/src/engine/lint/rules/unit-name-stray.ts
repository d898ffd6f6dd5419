/**
 * `unit-name-stray`: a town, county or 街道 named once in a draft that is about another one
 * — the title or most of the body names `X镇`, and one sentence names `Y镇`. Copied reports
 * that kept another unit's name are what this catches; a neighbouring unit named on purpose is
 * why it is only a hint. Names are the two characters before 镇/县/街道 (`青山镇`); words that end
 * in those characters (城镇, 乡镇, 全县, 本街道 …) are not names, nor is a pair after a number
 * (11月经镇党委). With the general lexicon (the editor, review) a name must also read as one:
 * not a common word that is no proper noun (配合街道, 带领县局, 围绕县委), and not taking the first
 * character of a word before it (平台和县委, 党员到县, 工业强县).
 */
import type { Lexicon } from '../../review/lexicon';
import { isHan } from '../../review/pinyin';
import { segmentWords } from '../../review/wordSlips';
import type { LintRule, RuleFinding } from '../types';

const NAME_RE = /(?<name>[\p{Script=Han}]{2})(?<suf>镇|县|街道)/gu;
/** Characters before 镇/县/街道 that make an ordinary word, not a place name. */
const NOT_NAME_LAST = new Set([...'城乡集村古名小重市坐全本我该各此两外邻区郡州知省一每其他某所附周与及的了']);
const NOT_NAME_FIRST = new Set([...'的了在和与及或并对到从向为被把是有等中全本我各该此不']);
/**
 * A lexicon word this common (bucket, ln f ≈ Q / 4: f ≥ 55) that is no proper noun is no place name (配合,
 * 参加, 依托, 示范): jieba tags the place names it knows (青山, 东湖, 望江 ns), and a name it lacks is no word.
 */
export const COMMON_NOT_NAME_Q = 16;
/** Characters before a name the lexicon reads to see whether the name starts a word. */
const LOOK_BEHIND = 4;
/** Also not names: words ending in 街 before 道 (清扫街道) — 街道 counts only after a name-like pair. */
const STREET_VERB = /[扫洁化整治修理净]$/;

interface Mention {
  key: string;
  start: number;
  end: number;
}

export const unitNameStrayRule: LintRule = {
  id: 'unit-name-stray',
  category: 'standards',
  defaultSeverity: 'hint',
  description: '全文写的是某个镇（县、街道），却有一处写成另一个，可能沿用了别处的材料。',
  example: '全文写“青山镇”，一处写“大坪镇”',
  check(ctx) {
    const masked = ctx.prose.masked;
    const bySuffix = new Map<string, Mention[]>();
    for (const m of masked.matchAll(NAME_RE)) {
      const { name, suf } = m.groups!;
      if (NOT_NAME_LAST.has(name[1]) || NOT_NAME_FIRST.has(name[0])) continue;
      if (/[0-9０-９]/.test(masked[m.index! - 1] ?? '')) continue;
      if (ctx.lexicon && !readsAsName(ctx.lexicon, masked, m.index!, m.index! + m[0].length)) continue;
      if (suf === '街道' && STREET_VERB.test(name)) continue;
      const list = bySuffix.get(suf) ?? [];
      list.push({ key: name + suf, start: m.index!, end: m.index! + m[0].length });
      bySuffix.set(suf, list);
    }
    const titleText = ctx.tree.title?.text ?? '';
    const out: RuleFinding[] = [];
    for (const mentions of bySuffix.values()) {
      const counts = new Map<string, number>();
      for (const x of mentions) counts.set(x.key, (counts.get(x.key) ?? 0) + 1);
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      const inTitle = ranked.find(([k]) => titleText.includes(k));
      const [own, n] = inTitle ?? ranked[0];
      // The draft's own unit: named in the title, or three times and three times as often as any other.
      const runnerUp = ranked.find(([k]) => k !== own)?.[1] ?? 0;
      if (!inTitle && (n < 3 || n < 3 * runnerUp)) continue;
      for (const x of mentions) {
        if (x.key === own || counts.get(x.key) !== 1) continue;
        out.push({ start: x.start, end: x.end, message: `此处的“${x.key}”与全文的“${own}”不同，是否沿用了别处的材料？` });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};

/**
 * The two characters at `start` (before a suffix ending at `end`) read as a name by the lexicon:
 * no common word that is no proper noun, and a word starts there in the most probable reading of
 * the characters before it and the mention.
 */
export function readsAsName(lex: Lexicon, text: string, start: number, end: number): boolean {
  const name = text.slice(start, start + 2);
  const q = lex.q(name);
  if (q !== undefined && q >= COMMON_NOT_NAME_Q && !lex.proper(name)) return false;
  let a = start;
  while (a > 0 && start - a < LOOK_BEHIND && isHan(text.charCodeAt(a - 1))) a--;
  return a === start || segmentWords(lex, text.slice(a, end)).some(([s]) => s === start - a);
}
