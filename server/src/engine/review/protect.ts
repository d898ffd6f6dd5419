/**
 * What the general word check (wordSlips.ts) leaves alone: the offsets of a draft it never
 * calls a slip, because an unusual word there is most likely deliberate.
 * - names of people: two or three characters right before or after a title or form of
 *   address (张建军同志, 王书记, 主任李红);
 * - places and units: up to four characters before a place or unit word (清水河镇, 城关街道,
 *   某某公司) — a suffix character that starts a word with the next one (市场, 局面) is no suffix,
 *   and an ordinary word ending in it (全市, 乡村, 农村) is no name;
 * - numbers written in Chinese (二〇二四, 三十五) and ordinals (九是), titles quoted in 《》, and short
 *   quoted coinages (“白加黑”, “筑力”: up to eight characters in quotation marks);
 * - every occurrence of a word of the workspace's word list (`.shuzhi/words.txt`, the setting
 *   `shuzhi.review.words`).
 * Latin text and figures are never looked at: the check reads runs of Han characters only.
 */
import { runToEnd, type Steps } from '../slices';

/** Titles and forms of address a name stands beside. */
const TITLES = [
  '同志', '书记', '副书记', '主任', '副主任', '主席', '局长', '副局长', '县长', '市长', '区长', '镇长', '乡长', '村长',
  '省长', '厅长', '处长', '科长', '股长', '部长', '校长', '院长', '所长', '站长', '队长', '组长', '社长', '行长',
  '经理', '总经理', '董事长', '委员', '主委', '老师', '教授', '先生', '女士', '师傅', '医生', '警官', '干事', '专员',
];
/** Place and unit words a proper name stands before. */
const PLACES = [
  '省', '市', '县', '区', '镇', '乡', '村', '旗', '州', '街道', '社区', '街', '路', '局', '厅', '署', '委', '公司', '集团', '学校',
  '学院', '大学', '中学', '小学', '幼儿园', '医院', '银行', '支行', '分行', '中心', '派出所', '管理所', '研究所', '合作社', '小区', '园区',
];
const NUMERALS = /[〇零一二三四五六七八九十百千万亿两]{2,}|[一二三四五六七八九十]+(?=是)/g;
const COINED = /[“‘"]([^”’"\n]{1,8})[”’"]/g;
const NAME_CHARS = 3;
const PLACE_CHARS = 4;

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** Why an offset is protected (bits of the mask). */
export const GUARD = {
  /** A name beside a title, a place or unit before its suffix: gone when the correction takes the title or suffix away. */
  NAME_PLACE: 1,
  /** A short quoted coinage: kept unless the correction makes the quote ordinary words. */
  QUOTE: 2,
  /** Numbers, 《titles》, the workspace's word list: always. */
  FIRM: 4,
} as const;

function mark(mask: Uint8Array, text: string, from: number, to: number, guard: number = GUARD.FIRM): void {
  for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) if (isHan(text.charCodeAt(i))) mask[i] |= guard;
}

/** Han characters before `at` (at most `n`, not crossing a non-Han character). */
function hanBefore(text: string, at: number, n: number): number {
  let s = at;
  while (s > 0 && at - s < n && isHan(text.charCodeAt(s - 1))) s--;
  return s;
}

/** Offset k of `text` is part of a title or a place or unit word (书记, 镇, 公司). */
export function inTrigger(text: string, k: number): boolean {
  for (const t of [...TITLES, ...PLACES]) {
    for (let j = Math.max(0, k - t.length + 1); j <= k; j++) if (text.startsWith(t, j)) return true;
  }
  return false;
}

/** Characters a name never starts with (function words: 书记的待遇 is no 书记 + name). */
const NOT_NAME_START = '的了是在和与及对把被将为从向以于也都就不等各要';

/**
 * Names beside titles and places before their suffixes, marked NAME_PLACE in `mask`. `isWord(w)`
 * tells whether a string is a word, so a place character that begins a word with the next one is
 * no suffix.
 */
export function namesAndPlaces(mask: Uint8Array, text: string, isWord: (w: string) => boolean): void {
  runToEnd(namesAndPlacesSteps(mask, text, isWord));
}

/** namesAndPlaces as steps: a yield after each title and place looked up over the whole text. */
function* namesAndPlacesSteps(mask: Uint8Array, text: string, isWord: (w: string) => boolean): Steps<void> {
  for (const t of TITLES) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) {
      mark(mask, text, hanBefore(text, i, NAME_CHARS), i, GUARD.NAME_PLACE);
      let e = i + t.length;
      while (e < text.length && e - i - t.length <= NAME_CHARS && isHan(text.charCodeAt(e))) e++;
      // A name after the title (主任李红、): two or three Han characters and then no more.
      const n = e - i - t.length;
      if (n >= 2 && n <= NAME_CHARS && !NOT_NAME_START.includes(text[i + t.length])) mark(mask, text, i + t.length, e, GUARD.NAME_PLACE);
    }
    yield;
  }
  for (const p of PLACES) {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
      const after = i + p.length;
      if (p.length === 1 && after < text.length && isWord(p + text[after])) continue;
      // An ordinary word ending in it (全市, 乡村, 农村) is no proper name: 清水河镇, 城关镇 are.
      if (isWord(text.slice(i - 1, after)) || isWord(text.slice(i - 2, after))) continue;
      mark(mask, text, hanBefore(text, i, PLACE_CHARS), after, GUARD.NAME_PLACE);
    }
    yield;
  }
}

/**
 * The protected offsets of `text` (non-zero = leave alone; the bits say which GUARD). `isWord(w)`
 * tells whether a string is a word (namesAndPlaces).
 */
export function protectedMask(text: string, words: readonly string[] = [], isWord: (w: string) => boolean = () => false): Uint8Array {
  return runToEnd(protectedMaskSteps(text, words, isWord));
}

/**
 * protectedMask as steps (engine/slices.ts), for the word check's sliced run: the names and
 * places pass looks words up in the lexicon all over the text, milliseconds for a long draft.
 */
export function* protectedMaskSteps(text: string, words: readonly string[] = [], isWord: (w: string) => boolean = () => false): Steps<Uint8Array> {
  const mask = new Uint8Array(text.length);
  yield* namesAndPlacesSteps(mask, text, isWord);
  for (const m of text.matchAll(NUMERALS)) mark(mask, text, m.index, m.index + m[0].length);
  for (const m of text.matchAll(COINED)) mark(mask, text, m.index + 1, m.index + 1 + m[1].length, GUARD.QUOTE);
  for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
    const e = text.indexOf('》', i);
    const nl = text.indexOf('\n', i);
    if (e < 0 || (nl >= 0 && nl < e)) continue;
    mark(mask, text, i + 1, e);
  }
  for (const w of words) {
    if (!w) continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) mark(mask, text, i, i + w.length);
  }
  return mask;
}
