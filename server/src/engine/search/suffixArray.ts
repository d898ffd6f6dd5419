/**
 * A depth-limited suffix array over “phrase characters” (Han, Latin letters, digits).
 *
 * Every other character (punctuation, spaces, line breaks) acts as a terminator: suffixes
 * are ordered by the text up to their first terminator, and only positions that start with
 * a phrase character are indexed. Phrases never contain terminators, so all occurrences of
 * a phrase form one contiguous range of the array, found by binary search.
 *
 * Construction sorts in place (see suffixArraySteps). The order is exact up to `MAX_DEPTH`
 * characters, which bounds the phrases one can look up; suffixes equal that far are in
 * text order. Memory: the result is 4 bytes per phrase character, and the build needs
 * hardly more.
 */

import { CHUNK, runToEnd, type Steps } from './slices';

/** Suffixes are sorted exactly up to this many characters. */
export const MAX_DEPTH = 16;

/** Han (BMP blocks and, via surrogates, the supplementary planes), 〇, ASCII and full-width letters/digits. */
export function isPhraseCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

/** Character code at `pos` as the index sees it: terminators (and the end of text) are 0. */
export function codeAt(text: string, pos: number): number {
  if (pos >= text.length) return 0;
  const c = text.charCodeAt(pos);
  return isPhraseCode(c) ? c : 0;
}

/** Builds the suffix array of the phrase-character positions of `text`. */
export function buildSuffixArray(text: string): Int32Array {
  return runToEnd(suffixArraySteps(text));
}

/** Ranges at most this long are finished by insertion sort. */
const SMALL = 12;

/**
 * The suffix-array build as resumable steps (see slices.ts), in place: a counting sort of
 * the positions by their first character, then a multikey quicksort (Bentley–Sedgewick)
 * of each first-character bucket, one character deeper per level down to MAX_DEPTH.
 * Suffixes equal that far (or up to a terminator) end in text order. Beyond the result
 * (4 bytes a phrase character) it needs only a 256 KB count table and a small stack of
 * ranges, where prefix doubling needed 12 bytes a character more. The work runs in plain
 * functions chunk by chunk: generator frames keep their locals in a heap context, which
 * would slow the hot loops down.
 */
export function* suffixArraySteps(text: string): Steps<Int32Array> {
  const n = text.length;
  const count = new Int32Array(65537);
  let m = 0;
  for (let from = 0; from < n; from += CHUNK) {
    m += countFirst(text, from, Math.min(n, from + CHUNK), count);
    yield;
  }
  const sa = new Int32Array(m);
  toStarts(count);
  // count[c] now runs ahead as positions are placed; a copy keeps where buckets start.
  const bucket = count.slice();
  for (let from = 0; from < n; from += CHUNK) {
    placeByFirst(text, from, Math.min(n, from + CHUNK), count, sa);
    yield;
  }
  const stack = new RangeStack();
  for (let c = 1; c < 65536; c++) {
    const lo = bucket[c];
    const hi = c + 1 < 65536 ? bucket[c + 1] : m;
    if (hi - lo > 1) stack.push(lo, hi, 1);
    while (stack.size) {
      sortSome(text, sa, stack, CHUNK);
      yield;
    }
  }
  return sa;
}

/** Pending ranges [lo, hi) of the array, each sorted already on its first `depth` characters. */
class RangeStack {
  data = new Int32Array(3 * 256);
  size = 0;
  push(lo: number, hi: number, depth: number): void {
    if (this.size * 3 + 3 > this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    const at = this.size * 3;
    this.data[at] = lo;
    this.data[at + 1] = hi;
    this.data[at + 2] = depth;
    this.size++;
  }
}

function countFirst(text: string, from: number, to: number, count: Int32Array): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const c = codeAt(text, i);
    if (c) {
      count[c]++;
      m++;
    }
  }
  return m;
}

function placeByFirst(text: string, from: number, to: number, next: Int32Array, sa: Int32Array): void {
  for (let i = from; i < to; i++) {
    const c = codeAt(text, i);
    if (c) sa[next[c]++] = i;
  }
}

/**
 * Pops and partitions ranges until about `budget` elements were handled. A range is split
 * three ways on the character at its depth (median of three as pivot): smaller and larger
 * ones stay at this depth, equal ones go one character deeper — or, when that character is
 * a terminator or MAX_DEPTH is reached, are equal as far as the index looks and are put in
 * text order.
 */
function sortSome(text: string, sa: Int32Array, stack: RangeStack, budget: number): void {
  let work = 0;
  while (stack.size && work < budget) {
    stack.size--;
    const at = stack.size * 3;
    const lo = stack.data[at];
    const hi = stack.data[at + 1];
    const d = stack.data[at + 2];
    work += hi - lo;
    if (hi - lo <= SMALL) {
      insertionSort(text, sa, lo, hi, d);
      continue;
    }
    const v = median3(codeAt(text, sa[lo] + d), codeAt(text, sa[(lo + hi) >>> 1] + d), codeAt(text, sa[hi - 1] + d));
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const x = sa[i];
      const c = codeAt(text, x + d);
      if (c < v) {
        sa[i++] = sa[lt];
        sa[lt++] = x;
      } else if (c > v) {
        sa[i] = sa[gt];
        sa[gt--] = x;
      } else i++;
    }
    if (lt - lo > 1) stack.push(lo, lt, d);
    if (hi - gt - 1 > 1) stack.push(gt + 1, hi, d);
    if (gt + 1 - lt > 1) {
      if (v !== 0 && d + 1 < MAX_DEPTH) stack.push(lt, gt + 1, d + 1);
      else sa.subarray(lt, gt + 1).sort();
    }
  }
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/** Order of suffixes a and b, both known equal on their first `d` characters. */
function compareFrom(text: string, a: number, b: number, d: number): number {
  for (let t = d; t < MAX_DEPTH; t++) {
    const ca = codeAt(text, a + t);
    const cb = codeAt(text, b + t);
    if (ca !== cb) return ca - cb;
    if (ca === 0) break;
  }
  return a - b;
}

function insertionSort(text: string, sa: Int32Array, lo: number, hi: number, d: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = sa[i];
    let j = i - 1;
    while (j >= lo && compareFrom(text, sa[j], x, d) > 0) {
      sa[j + 1] = sa[j];
      j--;
    }
    sa[j + 1] = x;
  }
}

/** Turns counts into bucket starts, in place. */
function toStarts(count: Int32Array): void {
  let acc = 0;
  for (let c = 0; c < count.length; c++) {
    const k = count[c];
    count[c] = acc;
    acc += k;
  }
}

/**
 * Narrows `[lo, hi)` — suffixes sharing a prefix of length `depth` — to those whose next
 * character is `c`. Returns the new range as [lo, hi] packed in a pair (hi === lo: none).
 */
export function narrow(text: string, sa: Int32Array, lo: number, hi: number, depth: number, c: number): [number, number] {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (codeAt(text, sa[mid] + depth) < c) a = mid + 1;
    else b = mid;
  }
  const first = a;
  b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (codeAt(text, sa[mid] + depth) <= c) a = mid + 1;
    else b = mid;
  }
  return [first, a];
}

/** The range of suffixes starting with `phrase` (phrase characters only, length ≤ MAX_DEPTH). */
export function findRange(text: string, sa: Int32Array, phrase: string): [number, number] {
  let lo = 0;
  let hi = sa.length;
  for (let d = 0; d < phrase.length && lo < hi; d++) {
    const c = phrase.charCodeAt(d);
    if (!isPhraseCode(c)) return [0, 0];
    [lo, hi] = narrow(text, sa, lo, hi, d, c);
  }
  return [lo, hi];
}
