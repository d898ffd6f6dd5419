/**
 * Character count as Word's 字数 gives it for Chinese text: every CJK character and every
 * full-width punctuation mark counts one; a run of Latin letters or digits (with whatever
 * ASCII signs are glued to it, as in `95%` or `COVID-19`) counts one word; spaces and pure
 * sign runs (`-`, `...`) count nothing. Markdown markup is not text in the Word document,
 * so it is masked first (see `visibleText`).
 */
import type { ReportNode, ReportTree, SectionKind } from '../types';
import { hiddenMask } from './markdown';

/**
 * Characters counted one by one: Han (all extensions), CJK symbols and punctuation, full-width
 * forms, kana, hangul, bopomofo, enclosed/circled numbers, and the punctuation Chinese text
 * borrows from general punctuation (“” ‘’ —— …… ·).
 */
const CJK_UNIT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3001-\u303f\u3200-\u33ff\uff01-\uffef\u2460-\u24ff\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u00b7\u2160-\u217f]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

const SPACE_CLASS = 1;
const CJK_CLASS = 2;
const WORD_CLASS = 3;
const OTHER_CLASS = 4;

/** Class of a character by the regexes above. */
function classOf(ch: string): number {
  if (SPACE.test(ch)) return SPACE_CLASS;
  if (CJK_UNIT.test(ch)) return CJK_CLASS;
  return LETTER_OR_DIGIT.test(ch) ? WORD_CLASS : OTHER_CLASS;
}

/** Class of each UTF-16 code unit, filled on first sight (0: not yet known); a draft uses a few thousand. */
const unitClass = new Uint8Array(0x10000);

/** Counts `s` (already free of markup) by Word's rules. */
export function countPlain(s: string): number {
  return countBetween(s, 0, s.length);
}

/**
 * countPlain(s.slice(from, to)), without the slice; with `hidden`, the code units it marks
 * count as spaces (countPlain of the text with its markup blanked, as visibleText does).
 */
function countBetween(s: string, from: number, to: number, hidden?: Uint8Array): number {
  let n = 0;
  // Whether the current non-CJK run holds a letter or digit (then it is one word).
  let runCounts = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    let k: number;
    if (hidden && hidden[i]) {
      k = SPACE_CLASS;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 && !hidden?.[i + 1]) {
      // A character beyond the BMP, as one code point.
      k = classOf(s.slice(i, i + 2));
      i++;
    } else {
      k = unitClass[c];
      if (k === 0) unitClass[c] = k = classOf(s[i]);
    }
    if (k === SPACE_CLASS || k === CJK_CLASS) {
      if (runCounts) n++;
      runCounts = false;
      if (k === CJK_CLASS) n++;
    } else if (k === WORD_CLASS) runCounts = true;
  }
  if (runCounts) n++;
  return n;
}

// The outline asks for one node after another of the same text: keep the last mask.
let lastText: string | undefined;
let lastHidden: Uint8Array = new Uint8Array(0);

/** What of `text` is markup (see hiddenMask), for the last text asked about. */
function hiddenOf(text: string): Uint8Array {
  if (text !== lastText) lastHidden = hiddenMask(text);
  // Kept even when only equal: `!==` on two copies of a long text compares every character,
  // which once per node of a pasted draft's outline cost seconds. On the same string object
  // it is a pointer check.
  lastText = text;
  return lastHidden;
}

/** Word-style count of a whole Markdown draft (front matter, comments and markup excluded). */
export function countText(text: string): number {
  return countBetween(text, 0, text.length, hiddenOf(text));
}

/** Word-style count of the draft's text between offsets `start` and `end`. */
export function countRange(text: string, start: number, end: number): number {
  const s = Math.max(0, Math.min(start, end));
  const e = Math.min(text.length, Math.max(start, end));
  return countBetween(text, s, e, hiddenOf(text));
}

/** Class of the code unit at `i` as a count sees it when it may be cut there (see cutsCleanly), else 0. */
function unitAt(s: string, hidden: Uint8Array, i: number): number {
  if (hidden[i]) return SPACE_CLASS;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return 0;
  let k = unitClass[c];
  if (k === 0) unitClass[c] = k = classOf(s[i]);
  return k;
}

/**
 * Does a count cut at `at` add up: countBetween(s, a, at) + countBetween(s, at, b) equal to
 * countBetween(s, a, b)? Yes when a space or a CJK unit stands on either side of the cut (no
 * word runs across it, and no character beyond the BMP is split).
 */
function cutsCleanly(s: string, hidden: Uint8Array, at: number): boolean {
  if (at <= 0 || at >= s.length) return true;
  const before = unitAt(s, hidden, at - 1);
  const after = unitAt(s, hidden, at);
  if (before === 0 || after === 0) return false;
  return before === SPACE_CLASS || before === CJK_CLASS || after === SPACE_CLASS || after === CJK_CLASS;
}

/**
 * The count of every node of `tree` (countRange over its start and end), in one pass over
 * the text: a node's count is that of the stretches between its children plus theirs (nested
 * sections would otherwise count a compilation's text once per level). Where a cut would
 * split a word, or the children do not lie in order inside their parent, the node is counted
 * whole, as countRange does.
 */
export function nodeCounts(tree: ReportTree): Map<ReportNode, number> {
  const text = tree.text;
  const hidden = hiddenOf(text);
  const out = new Map<ReportNode, number>();
  const countOf = (n: ReportNode): number => {
    const s = Math.max(0, Math.min(n.start, n.end));
    const e = Math.min(text.length, Math.max(n.start, n.end));
    let sum = 0;
    let pos = s;
    let clean = true;
    for (const c of n.children) {
      const count = countOf(c);
      if (!clean) continue;
      if (c.start < pos || c.end > e || c.start > c.end || !cutsCleanly(text, hidden, c.start) || !cutsCleanly(text, hidden, c.end)) {
        clean = false;
        continue;
      }
      sum += countBetween(text, pos, c.start, hidden) + count;
      pos = c.end;
    }
    const count = clean ? sum + countBetween(text, pos, e, hidden) : countBetween(text, s, e, hidden);
    out.set(n, count);
    return count;
  };
  for (const n of tree.sections) countOf(n);
  return out;
}

/** Count of one section of the report tree, with its sub-sections. */
export interface SectionCount {
  /** Heading as written (e.g. `一、履职情况`). */
  name: string;
  label: string;
  depth: number;
  kinds: SectionKind[];
  count: number;
  start: number;
  end: number;
  children: SectionCount[];
}

/**
 * Per-section counts: every heading section (一是… items are left out, they are
 * paragraphs) with the count of its heading and content.
 */
export function countSections(tree: ReportTree): SectionCount[] {
  const walk = (nodes: readonly ReportNode[]): SectionCount[] =>
    nodes
      .filter((n) => n.style !== 'shi')
      .map((n) => ({
        name: n.name,
        label: n.label,
        depth: n.depth,
        kinds: [...n.kinds],
        count: countRange(tree.text, n.start, n.end),
        start: n.start,
        end: n.end,
        children: walk(n.children),
      }));
  return walk(tree.sections);
}

/** 1234 → `1,234` (the grouping Word's status bar uses). */
export function formatCount(n: number): string {
  // As toLocaleString('en-US') writes an integer, without its cost (an outline formats tens of thousands).
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = (i > 3 ? ',' : '') + digits.slice(Math.max(0, i - 3), i) + out;
  return n < 0 ? '-' + out : out;
}

/** Outline detail for a node, e.g. `1,234 字`. `text` is the document the node was parsed from. */
export function sectionCountDetail(node: ReportNode, text: string): string {
  return countDetail(countRange(text, node.start, node.end));
}

/** A count as the outline shows it, e.g. `1,234 字`. */
export function countDetail(count: number): string {
  return `${formatCount(count)} 字`;
}
