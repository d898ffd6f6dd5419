/**
 * A depth-limited suffix array over “phrase characters” (Han, Latin letters, digits).
 *
 * Every other character (punctuation, spaces, line breaks) acts as a terminator: suffixes
 * are ordered by the text up to their first terminator, and only positions that start with
 * a phrase character are indexed. Phrases never contain terminators, so all occurrences of
 * a phrase form one contiguous range of the array, found by binary search.
 *
 * Construction is prefix doubling (Manber–Myers) with counting sorts, O(n log depth) and a
 * fixed number of linear passes: ranks of 2-character prefixes → 4 → 8 → 16. The order
 * is exact up to `MAX_DEPTH` characters, which bounds the phrases one can look up. Memory:
 * the result is 4 bytes per phrase character; the build needs about 12 more bytes per
 * character transiently (ranks, a scratch array, bucket heads).
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

/**
 * The suffix-array build as resumable steps (see slices.ts). Starts from the order of
 * 2-character prefixes (two counting sorts over code units), then doubles: 4, 8, 16.
 * The loops live in plain functions run chunk by chunk: generator frames keep their
 * locals in a heap context, which would slow the hot loops down.
 */
export function* suffixArraySteps(text: string): Steps<Int32Array> {
  const n = text.length;
  const firstCount = new Int32Array(65536);
  const secondCount = new Int32Array(65536);
  let m = 0;
  for (let from = 0; from < n; from += CHUNK) {
    m += countPairs(text, from, Math.min(n, from + CHUNK), firstCount, secondCount);
    yield;
  }
  const sa = new Int32Array(m);
  const rank = new Int32Array(n);
  const tmp = new Int32Array(m);
  // Positions by their second character (stable in text order), then by the first.
  toStarts(secondCount);
  for (let from = 0; from < n; from += CHUNK) {
    bySecondChar(text, from, Math.min(n, from + CHUNK), secondCount, tmp);
    yield;
  }
  toStarts(firstCount);
  for (let from = 0; from < m; from += CHUNK) {
    byFirstChar(text, from, Math.min(m, from + CHUNK), firstCount, tmp, sa);
    yield;
  }
  // Dense ranks of the 2-character prefixes (0 stays for terminators), and where each
  // rank's bucket starts in the array.
  const head = new Int32Array(m + 1);
  const state = { groups: 0, prev1: -1, prev2: -1, t: 0 };
  for (let from = 0; from < m; from += CHUNK) {
    pairRanks(text, from, Math.min(m, from + CHUNK), sa, rank, head, state);
    yield;
  }

  for (let k = 2; k < MAX_DEPTH && state.groups < m; k *= 2) {
    // 1. Positions in order of their second key rank[i + k]: terminated ones (key 0) first,
    //    in text order (a sequential scan), then, following the current order of the
    //    suffixes at i + k, the positions i.
    state.t = 0;
    for (let from = 0; from < n; from += CHUNK) {
      terminatedFirst(text, from, Math.min(n, from + CHUNK), k, tmp, state);
      yield;
    }
    for (let from = 0; from < m; from += CHUNK) {
      followSecond(text, from, Math.min(m, from + CHUNK), k, sa, tmp, state);
      yield;
    }
    // 2. Stable counting sort by the first key rank[i] into the buckets of the current ranks.
    for (let from = 0; from < m; from += CHUNK) {
      distribute(from, Math.min(m, from + CHUNK), sa, rank, tmp, head);
      yield;
    }
    // 3. New dense ranks of the 2k-prefixes, collected by array slot and written back after
    //    the pass (the pass still reads the old ranks).
    state.groups = 0;
    state.prev1 = -1;
    state.prev2 = -1;
    for (let from = 0; from < m; from += CHUNK) {
      doubledRanks(from, Math.min(m, from + CHUNK), k, n, sa, rank, tmp, head, state);
      yield;
    }
    for (let from = 0; from < m; from += CHUNK) {
      writeBack(from, Math.min(m, from + CHUNK), sa, rank, tmp);
      yield;
    }
  }
  return sa;
}

interface PassState {
  groups: number;
  prev1: number;
  prev2: number;
  /** Fill position in tmp. */
  t: number;
}

function countPairs(text: string, from: number, to: number, first: Int32Array, second: Int32Array): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const c = codeAt(text, i);
    if (c) {
      first[c]++;
      second[codeAt(text, i + 1)]++;
      m++;
    }
  }
  return m;
}

function bySecondChar(text: string, from: number, to: number, starts: Int32Array, out: Int32Array): void {
  for (let i = from; i < to; i++) if (codeAt(text, i)) out[starts[codeAt(text, i + 1)]++] = i;
}

function byFirstChar(text: string, from: number, to: number, starts: Int32Array, order: Int32Array, sa: Int32Array): void {
  for (let y = from; y < to; y++) {
    const i = order[y];
    sa[starts[text.charCodeAt(i)]++] = i;
  }
}

function pairRanks(text: string, from: number, to: number, sa: Int32Array, rank: Int32Array, head: Int32Array, st: PassState): void {
  let { groups, prev1, prev2 } = st;
  for (let x = from; x < to; x++) {
    const i = sa[x];
    const c1 = text.charCodeAt(i);
    const c2 = codeAt(text, i + 1);
    if (c1 !== prev1 || c2 !== prev2) {
      groups++;
      head[groups] = x;
      prev1 = c1;
      prev2 = c2;
    }
    rank[i] = groups;
  }
  st.groups = groups;
  st.prev1 = prev1;
  st.prev2 = prev2;
}

function terminatedFirst(text: string, from: number, to: number, k: number, tmp: Int32Array, st: PassState): void {
  let t = st.t;
  for (let i = from; i < to; i++) if (codeAt(text, i) && !codeAt(text, i + k)) tmp[t++] = i;
  st.t = t;
}

function followSecond(text: string, from: number, to: number, k: number, sa: Int32Array, tmp: Int32Array, st: PassState): void {
  let t = st.t;
  for (let x = from; x < to; x++) {
    const i = sa[x] - k;
    if (i >= 0 && codeAt(text, i)) tmp[t++] = i;
  }
  st.t = t;
}

function distribute(from: number, to: number, sa: Int32Array, rank: Int32Array, tmp: Int32Array, head: Int32Array): void {
  for (let y = from; y < to; y++) {
    const i = tmp[y];
    sa[head[rank[i]]++] = i;
  }
}

function doubledRanks(from: number, to: number, k: number, n: number, sa: Int32Array, rank: Int32Array, tmp: Int32Array, head: Int32Array, st: PassState): void {
  let { groups, prev1, prev2 } = st;
  for (let x = from; x < to; x++) {
    const i = sa[x];
    const r1 = rank[i];
    const r2 = i + k < n ? rank[i + k] : 0;
    if (r1 !== prev1 || r2 !== prev2) {
      groups++;
      head[groups] = x;
      prev1 = r1;
      prev2 = r2;
    }
    tmp[x] = groups;
  }
  st.groups = groups;
  st.prev1 = prev1;
  st.prev2 = prev2;
}

function writeBack(from: number, to: number, sa: Int32Array, rank: Int32Array, tmp: Int32Array): void {
  for (let x = from; x < to; x++) rank[sa[x]] = tmp[x];
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
