import type { OrdinalStyle } from '../types';
import { parseChineseNumber, parseCircled } from '../text/chars';

/**
 * Recognises the ordinal a line (or a paragraph) starts with: Markdown `#` markers,
 * 一、 （一） 1. 1、 （1） ① and paragraph-initial 一是. Pure string work on one line;
 * structure.ts decides what is a heading and how headings nest.
 */

/** A line's leading ordinal. Indices are into the string given to {@link parseLeadingOrdinal}. */
export interface LeadingOrdinal {
  style: OrdinalStyle;
  /** The number (一 → 1, （三） → 3, ② → 2); absent for Markdown markers. */
  ordinal?: number;
  /** Number of `#` for Markdown headings. */
  markdownLevel?: number;
  /** Where the marker begins (after indentation). */
  markerStart: number;
  /** Just past the marker, its separator, any stray suffix and following spaces: where the label begins. */
  ordinalEnd: number;
  /** The separator written after the number: `、` `.` `．` (cn and arabic styles), `是` for shi, '' otherwise. */
  separator: string;
  /** Stray punctuation after a complete marker, as in `（五）、` or `①、`. */
  suffixSlip?: string;
}

/** Indentation characters: ASCII and full-width spaces, tabs, no-break space, BOM. */
const INDENT_RE = /[ \t\u3000\u00a0\ufeff]/;

/** Index of the first non-indentation character of `s` at or after `from`. */
export function skipIndent(s: string, from = 0): number {
  let i = from;
  while (i < s.length && INDENT_RE.test(s[i])) i++;
  return i;
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
const MARKDOWN_RE = /^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*/;
const CN_RE = new RegExp(`^(${CN_NUM})([、.．])`);
const CN_PAREN_RE = new RegExp(`^[（(](${CN_NUM})[）)]`);
const ARABIC_RE = /^([0-9０-９]{1,2})([.．、])/;
const ARABIC_PAREN_RE = /^[（(]([0-9０-９]{1,2})[）)]/;
const SHI_RE = new RegExp(`^(${CN_NUM})是`);
/** Punctuation that may wrongly follow a bracketed or circled ordinal: （五）、 ①． */
const SLIP_RE = /^[、.．，,：:]/;
/** `一、二季度` / `一、二、三等奖` start with numerals, not with a heading. */
const CN_LIST_AFTER_RE = new RegExp(`^${CN_NUM}(、|季度|月)`);
const DIGIT_RE = /^[0-9０-９]/;

function parseArabic(s: string): number {
  return Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

export interface ParseOrdinalOptions {
  /** Recognise 一是/二是… (default true). */
  includeShi?: boolean;
  /** Recognise Markdown `#` markers (default true). */
  includeMarkdown?: boolean;
}

/**
 * The ordinal `line` starts with (after indentation), or undefined. False positives are
 * avoided where they are common: `1.5亿元` (a digit after the dot), `2023年` (no separator),
 * `一、二季度`, and markers with nothing after them.
 */
export function parseLeadingOrdinal(line: string, opts: ParseOrdinalOptions = {}): LeadingOrdinal | undefined {
  if (opts.includeMarkdown !== false) {
    const md = MARKDOWN_RE.exec(line);
    if (md) {
      return { style: 'markdown', markdownLevel: md[1].length, markerStart: line.indexOf('#'), ordinalEnd: md[0].length, separator: '' };
    }
  }
  const at = skipIndent(line);
  const rest = line.slice(at);
  const done = (
    style: OrdinalStyle,
    ordinal: number | undefined,
    len: number,
    separator: string,
    allowSlip: boolean,
  ): LeadingOrdinal | undefined => {
    if (ordinal === undefined || ordinal < 1) return undefined;
    let end = at + len;
    let suffixSlip: string | undefined;
    if (allowSlip) {
      const slip = SLIP_RE.exec(line.slice(end));
      if (slip) {
        suffixSlip = slip[0];
        end += slip[0].length;
      }
    }
    end = skipIndent(line, end);
    if (end >= line.length || !line.slice(end).trim()) return undefined; // a bare marker is no heading
    const r: LeadingOrdinal = { style, ordinal, markerStart: at, ordinalEnd: end, separator };
    if (suffixSlip) r.suffixSlip = suffixSlip;
    return r;
  };

  let m = CN_PAREN_RE.exec(rest);
  if (m) return done('cn-paren', parseChineseNumber(m[1]), m[0].length, '', true);
  m = ARABIC_PAREN_RE.exec(rest);
  if (m) return done('arabic-paren', parseArabic(m[1]), m[0].length, '', true);
  const circled = rest ? parseCircled(rest[0]) : undefined;
  if (circled) return done('circled', circled, 1, '', true);
  if (opts.includeShi !== false) {
    m = SHI_RE.exec(rest);
    if (m) return done('shi', parseChineseNumber(m[1]), m[0].length, '是', false);
  }
  m = CN_RE.exec(rest);
  if (m) {
    const after = rest.slice(m[0].length);
    if (after.startsWith('、') || CN_LIST_AFTER_RE.test(after)) return undefined;
    if (m[2] !== '、' && DIGIT_RE.test(after)) return undefined;
    return done('cn', parseChineseNumber(m[1]), m[0].length, m[2], false);
  }
  m = ARABIC_RE.exec(rest);
  if (m) {
    const after = rest.slice(m[0].length);
    if (DIGIT_RE.test(after)) return undefined; // 1.5亿元, 1、2月
    return done(m[2] === '、' ? 'arabic-comma' : 'arabic-dot', parseArabic(m[1]), m[0].length, m[2], false);
  }
  return undefined;
}

/** An 一是/二是 inside a paragraph. Offsets are absolute (into the text searched). */
export interface ShiCandidate {
  ordinal: number;
  /** Offset of the numeral. */
  start: number;
  /** Offset just past 是. */
  ordinalEnd: number;
  /**
   * True after a sentence or clause break (paragraph start, 。；：！？); false after a comma
   * or 、, where it counts only as part of a sequence.
   */
  strong: boolean;
}

const SHI_INLINE_RE = new RegExp(`(${CN_NUM})是`, 'g');
const STRONG_BEFORE = new Set(['。', '；', ';', '：', ':', '！', '？', '!', '?', '”', '’']);
const WEAK_BEFORE = new Set(['，', ',', '、']);
const NUMERAL_CHARS = new Set('一二三四五六七八九十');

/**
 * Every 一是/二是… in text[from, to) that follows a paragraph start or punctuation (spaces
 * allowed in between). Sequencing (is this 二是 really the second item?) is left to the caller.
 */
export function findShiCandidates(text: string, from: number, to: number): ShiCandidate[] {
  const out: ShiCandidate[] = [];
  // Searched in the span alone: on the whole text, a span without 一是 would scan to the end (quadratic in a long section).
  const span = text.slice(from, to);
  SHI_INLINE_RE.lastIndex = 0;
  for (let m = SHI_INLINE_RE.exec(span); m; m = SHI_INLINE_RE.exec(span)) {
    const ordinal = parseChineseNumber(m[1]);
    if (ordinal === undefined) continue;
    const at = from + m.index;
    let b = at - 1;
    while (b >= from && INDENT_RE.test(text[b])) b--;
    const before = b < from ? '' : text[b];
    if (before && NUMERAL_CHARS.has(before)) continue;
    const strong = before === '' || STRONG_BEFORE.has(before);
    if (!strong && !WEAK_BEFORE.has(before)) continue;
    out.push({ ordinal, start: at, ordinalEnd: at + m[0].length, strong });
  }
  return out;
}

/**
 * Numbering family of an enumerated style: 1. and 1、 belong to one family (one list may
 * mix them, which is a slip, not a new level). Lower numbers sit higher in the conventional
 * order of official documents (GB/T 9704): 一、 → （一） → 1. → （1） → ①; 一是 is lowest.
 */
export function ordinalFamily(style: OrdinalStyle): number {
  switch (style) {
    case 'cn':
      return 1;
    case 'cn-paren':
      return 2;
    case 'arabic-dot':
    case 'arabic-comma':
      return 3;
    case 'arabic-paren':
      return 4;
    case 'circled':
      return 5;
    case 'shi':
      return 6;
    case 'markdown':
      return 0;
  }
}

/** Trailing punctuation and spaces stripped from labels. */
export const TRAILING_PUNCT_RE = /[\s\u3000。．.，,；;：:！？!?、]+$/;
