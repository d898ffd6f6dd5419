/**
 * Character classes the text rules share: what counts as “Chinese context” around a
 * half-width mark or a Latin letter.
 */
import { isHan } from '../text/chars';

/** Full-width punctuation that closes or ends something: a half-width mark after it is in Chinese. */
const CJK_CLOSE = new Set('，。、；：！？”’）》】〉」』…—'.split(''));
/** Full-width punctuation that opens something. */
const CJK_OPEN = new Set('“‘（《【〈「『'.split(''));
/** Any full-width punctuation mark. */
const CJK_PUNCT = new Set([...CJK_CLOSE, ...CJK_OPEN]);

export function isHanChar(ch: string | undefined): boolean {
  return !!ch && isHan(ch);
}

/** Han character or full-width closing punctuation: what may stand before a mark in Chinese prose. */
export function isCjkBefore(ch: string | undefined): boolean {
  return !!ch && (isHan(ch) || CJK_CLOSE.has(ch));
}

/** Han character or full-width opening punctuation: what may stand after a mark in Chinese prose. */
export function isCjkAfter(ch: string | undefined): boolean {
  return !!ch && (isHan(ch) || CJK_OPEN.has(ch));
}

export function isCjkPunct(ch: string | undefined): boolean {
  return !!ch && CJK_PUNCT.has(ch);
}

/** Han, any full-width punctuation, or a full-width sign (％ ＋ ＝). */
export function isCjk(ch: string | undefined): boolean {
  return !!ch && (isHan(ch) || CJK_PUNCT.has(ch) || /[\uff01-\uff0f\uff1a-\uff20]/.test(ch));
}

export function isAsciiWordChar(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9_]/.test(ch);
}

/** The character before `i`, read from a string that may hold surrogate pairs (Han extensions). */
export function charBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return s.slice(i - 2, i);
  return s[i - 1];
}

/** The character at `i` (a whole surrogate pair when there is one). */
export function charAt(s: string, i: number): string | undefined {
  if (i >= s.length) return undefined;
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) return s.slice(i, i + 2);
  return s[i];
}

/** Number of Han characters in `s` (in UTF-16 units: a rare extension character counts twice; used for thresholds only). */
export function hanCount(s: string): number {
  // One native pass: drop everything else and measure what is left.
  return s.replace(NOT_HAN_RE, '').length;
}

const NOT_HAN_RE = /[^\p{Script=Han}]+/gu;
