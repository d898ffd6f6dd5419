/**
 * One corpus (or draft) row read after a context: the continuation up to the end of its
 * clause and the points where a phrase may end — clause punctuation (not included), after a
 * closing quote or bracket, before 、 or an opening quote, or a word boundary (never inside a
 * word, never right after punctuation, never with a quote left open).
 */
import { LINE_BREAK, NOISE } from './corpusView';

/** Punctuation that ends a clause: a phrase stops there. */
const HARD_STOP = new Set(['，', '。', '；', '：', '！', '？', ',', ';', '!', '?', LINE_BREAK, NOISE]);
/** Closing marks and their openers. */
const CLOSER_OF = new Map([['”', '“'], ['’', '‘'], ['）', '（'], ['》', '《'], ['」', '「'], ['』', '『'], ['】', '【'], [')', '(']]);
const OPENERS = new Set(CLOSER_OF.values());
/** The same as character codes, for the per-character loop of readRow (no one-character strings). */
const code = (ch: string) => ch.charCodeAt(0);
const HARD_STOP_CODES = new Set([...HARD_STOP].map(code));
const OPENER_OF_CODE = new Map([...CLOSER_OF].map(([c, o]) => [code(c), code(o)]));
const OPENER_CODES = new Set([...OPENERS].map(code));
const ENUM_COMMA = code('、');
const NOISE_CODE = code(NOISE);

/** Ideographs (CJK blocks and surrogate halves of the extensions). */
function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00) || (c >= 0xd800 && c < 0xe000);
}

/** Letters and digits: ideographs, Latin and full-width alphanumerics. */
function isWordChar(c: number): boolean {
  return isHanCode(c) || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff5a) || (c >= 0xc0 && c < 0x2000);
}

export interface RowOptions {
  /** Longest continuation read, in units. */
  maxLength: number;
  /** Unclosed quotes/brackets in the user's line before the cursor (openers, innermost last). */
  openMarks: string;
}

/** Unclosed opening marks in `s`, innermost last. */
export function openMarksOf(s: string): string {
  const stack: string[] = [];
  for (const ch of s) {
    if (OPENERS.has(ch)) stack.push(ch);
    else if (CLOSER_OF.has(ch)) {
      const i = stack.lastIndexOf(CLOSER_OF.get(ch)!);
      if (i >= 0) stack.length = i;
    }
  }
  return stack.join('');
}

/** A text continuations are read from: the corpus index or the draft. */
export interface Source {
  text: string;
  /** Word boundaries in [from, to) as offsets. */
  wordBreaks(from: number, to: number): (i: number) => boolean;
  /** Offsets of text noise, where a continuation stops (the draft marks noise with NOISE instead). */
  isNoise?: (i: number) => boolean;
}

/** End flags: a natural boundary (punctuation, quote, 、), a clause end. */
export const NATURAL = 1;
export const CLAUSE = 2;

export interface Row {
  /** Continuation text up to its last end. */
  text: string;
  /** Lengths at which the phrase may end, ascending. */
  ends: number[];
  /** NATURAL | CLAUSE flags of each end (0: a word boundary only). */
  flags: number[];
  pos: number;
}

/** Reads the continuation at offset q of `src` and the points where a phrase may end. */
export function readRow(src: Source, q: number, opts: RowOptions): Row | undefined {
  const t = src.text;
  // The clause the continuation lies in.
  let stop = q;
  const limit = Math.min(t.length, q + opts.maxLength);
  const noise = src.isNoise;
  for (; stop < limit; stop++) {
    const c = t.charCodeAt(stop);
    if (c < 0x20 || HARD_STOP_CODES.has(c) || noise?.(stop)) break;
  }
  if (stop === q) return undefined;
  const isBreak = src.wordBreaks(q, stop);
  const stack: number[] = [];
  for (let i = 0; i < opts.openMarks.length; i++) stack.push(opts.openMarks.charCodeAt(i));
  // Marks still open from the user's text; the continuation may close them.
  let floor = stack.length;
  const ends: number[] = [];
  const flags: number[] = [];
  let j = q;
  let closed = true;
  // Past a 、 of its own the phrase is inside an enumeration: it may end only where a member
  // ends (the next 、, a closing quote, the clause end), never after a dangling word such as
  // the 做到 of 坚定“四个自信”、做到“两个维护”.
  let inEnum = false;
  for (; j < stop; j++) {
    const c = t.charCodeAt(j);
    let end = -1;
    let flag = 0;
    const opener = OPENER_OF_CODE.get(c);
    if (opener !== undefined) {
      const i = stack.lastIndexOf(opener);
      // A closer the user never opened ends the phrase just before it.
      if (i < 0) {
        if (stack.length <= floor) (end = j - q), (flag = NATURAL);
        closed = false;
      } else {
        stack.length = i;
        floor = Math.min(floor, i);
        if (stack.length <= floor) (end = j + 1 - q), (flag = NATURAL);
      }
    } else if (OPENER_CODES.has(c)) {
      // Before a new quote, unless right after punctuation (、“ would end on the 、).
      const p = t.charCodeAt(j - 1);
      if (stack.length <= floor && j > q && !inEnum && (isWordChar(p) || OPENER_OF_CODE.has(p))) (end = j - q), (flag = NATURAL);
      stack.push(c);
    } else if (c === ENUM_COMMA) {
      if (stack.length <= floor) {
        if (j > q) (end = j - q), (flag = NATURAL);
        inEnum = true;
      }
    } else if (j > q && stack.length <= floor && !inEnum && isBreak(j)) {
      // Not right after punctuation (a stray mark), and not after a lone character between
      // two ideographs: the segmenter cuts words it does not know into single characters.
      const p = t.charCodeAt(j - 1);
      // The first character of the continuation counts too: 从严|治|党 never ends at 治.
      if (isWordChar(p) && !(j - 1 >= q && isBreak(j - 1) && isHanCode(p) && isHanCode(c))) end = j - q;
    }
    if (end > 0) {
      if (ends[ends.length - 1] === end) flags[flags.length - 1] |= flag;
      else ends.push(end), flags.push(flag);
    }
    if (!closed) break;
  }
  if (closed && stop < t.length && HARD_STOP_CODES.has(t.charCodeAt(stop)) && t.charCodeAt(stop) !== NOISE_CODE && !noise?.(stop) && stack.length <= floor) {
    const end = stop - q;
    if (ends[ends.length - 1] === end) flags[flags.length - 1] |= NATURAL | CLAUSE;
    else ends.push(end), flags.push(NATURAL | CLAUSE);
  }
  return ends.length ? { text: t.slice(q, q + ends[ends.length - 1]), ends, flags, pos: q } : undefined;
}
