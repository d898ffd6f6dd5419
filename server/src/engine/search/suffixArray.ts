/**
 * The corpus suffix array shared by hover and completion: one depth-limited suffix array
 * over the shared corpus text (see corpusText.ts), so the corpus is held once and indexed
 * once.
 *
 * What a suffix is ordered by — its *keys* — is the text from its start up to the first
 * terminator, at most MAX_DEPTH keys:
 * - terminators (key 0): line breaks and other control characters, the private-use mark
 *   U+E000, positions flagged in the `noise` bit set (template placeholders such as XX or a
 *   glued Latin letter: text that must not feed phrases), and the end of the text;
 * - every other character is its own UTF-16 code as key (Han, punctuation, quotes, Latin…).
 *
 * Entries are of two sorts. A text offset p ≥ 0 stands for the suffix starting at p; one is
 * stored for every non-terminator position. A negative entry ~b (= −b−1) is a *line anchor*:
 * the virtual suffix “line start, then the line's body from offset b” (b is where the line's
 * text begins after indentation and Markdown markers). Its first key is ANCHOR, so a pattern
 * starting with a line break matches only phrases that open a line. Terminators stop a
 * suffix, so all occurrences of a pattern (of at most MAX_DEPTH keys) form one contiguous
 * range of the array, found by binary search.
 *
 * Construction sorts in place (see suffixSortSteps); suffixes equal for MAX_DEPTH keys stay
 * in text order. Memory: 4 bytes an entry, and the build needs hardly more.
 */

import { CHUNK, runToEnd, type Steps } from '../slices';

/** Suffixes are sorted exactly up to this many keys (a line anchor and 24 characters). */
export const MAX_DEPTH = 25;
/** First key of a line anchor; below every character's key. */
export const ANCHOR = 1;
/** Private-use character some callers put where noise was cut out: always a terminator. */
export const NOISE_MARK = 0xe000;

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

/** The text a suffix array is built over: the text and its noise bit set (bit p set: offset p is noise). */
export interface KeyedText {
  readonly text: string;
  readonly noise: Uint8Array;
}

/** A bit set of `n` bits. */
export function newBitSet(n: number): Uint8Array {
  return new Uint8Array((n >> 3) + 1);
}

export function hasBit(bits: Uint8Array, i: number): boolean {
  return ((bits[i >> 3] >> (i & 7)) & 1) !== 0;
}

export function setBit(bits: Uint8Array, i: number): void {
  bits[i >> 3] |= 1 << (i & 7);
}

/** Key of text offset `p`: its code, or 0 for a terminator. */
export function keyOfOffset(t: KeyedText, p: number): number {
  if (p >= t.text.length) return 0;
  const c = t.text.charCodeAt(p);
  if (c < 0x20 || c === NOISE_MARK) return 0;
  return (t.noise[p >> 3] >> (p & 7)) & 1 ? 0 : c;
}

/** Key `d` of entry `e` (a text offset, or ~b for the line anchor of the body starting at b). */
export function keyAt(t: KeyedText, e: number, d: number): number {
  if (e >= 0) return keyOfOffset(t, e + d);
  return d === 0 ? ANCHOR : keyOfOffset(t, ~e + d - 1);
}

/** Text offset where the match of an entry's first `k` keys ends (where a continuation starts). */
export function offsetAfter(e: number, k: number): number {
  return e >= 0 ? e + k : ~e + k - 1;
}

/** Text offset of an entry's first character (a line anchor: its body start). */
export function entryOffset(e: number): number {
  return e >= 0 ? e : ~e;
}

/** Builds the suffix array at once (see suffixSortSteps). */
export function buildSuffixArray(t: KeyedText, anchors: Int32Array = new Int32Array(0)): Int32Array {
  return runToEnd(suffixSortSteps(t, anchors));
}

/** Ranges at most this long are finished by insertion sort. */
const SMALL = 12;

/** Classes of a code unit in a SortText's table. */
const ORDINARY = 0;
const TERMINATOR = 1;
/** A code unit that is noise somewhere in the text: a terminator where its noise bit is set. */
const MAYBE_NOISE = 2;

/**
 * What the sort reads keys from: the text itself, its noise bit set, and a table of every
 * UTF-16 code's class (64 KB), so that a key costs one read of the text and, for most
 * characters, nothing more — no key array beside the text (that would be 2 bytes a
 * character more while the sort runs).
 */
interface SortText {
  readonly text: string;
  readonly n: number;
  readonly noise: Uint8Array;
  readonly classes: Uint8Array;
}

/** The class table of a text: control characters and NOISE_MARK are terminators; codes found at a noise offset may be noise. */
function* sortTextSteps(t: KeyedText): Steps<SortText> {
  const { text, noise } = t;
  const classes = new Uint8Array(0x10000);
  classes.fill(TERMINATOR, 0, 0x20);
  classes[NOISE_MARK] = TERMINATOR;
  const bytes = Math.min(noise.length, (text.length + 7) >> 3);
  for (let from = 0; from < bytes; from += CHUNK) {
    markNoiseCodes(text, noise, from, Math.min(bytes, from + CHUNK), classes);
    yield;
  }
  return { text, n: text.length, noise, classes };
}

function markNoiseCodes(text: string, noise: Uint8Array, from: number, to: number, classes: Uint8Array): void {
  for (let b = from; b < to; b++) {
    const bits = noise[b];
    if (bits === 0) continue;
    for (let k = 0; k < 8; k++) {
      const p = (b << 3) + k;
      if ((bits >> k) & 1 && p < text.length) {
        const c = text.charCodeAt(p);
        if (classes[c] === ORDINARY) classes[c] = MAYBE_NOISE;
      }
    }
  }
}

/** Key of text offset `p` as the sort reads it: the same as keyOfOffset. */
function sortKey(s: SortText, p: number): number {
  if (p >= s.n) return 0;
  const c = s.text.charCodeAt(p);
  const k = s.classes[c];
  if (k === ORDINARY) return c;
  return k === TERMINATOR || (s.noise[p >> 3] >> (p & 7)) & 1 ? 0 : c;
}

/**
 * Sorts the suffixes of a keyed text and its line anchors, as resumable steps (see
 * slices.ts), in place: a counting sort of the entries by their first key, then a multikey
 * quicksort (Bentley–Sedgewick) of each first-key bucket on two keys at a time (one 32-bit
 * number per entry and level), down to MAX_DEPTH keys. Entries equal as far as the index
 * looks (up to a terminator or MAX_DEPTH keys) end in ascending entry order: text order for
 * offsets, and for anchors (~b, negative) descending body start. Keys are read from the
 * text (sortKey). Beyond the result (4 bytes an entry) it needs a 256 KB count table, a
 * 64 KB class table and a small stack of ranges. `anchors` are the body starts of the
 * lines, ascending. The work runs in plain functions chunk by chunk: generator frames keep
 * their locals in a heap context, which would slow the hot loops down.
 */
export function* suffixSortSteps(t: KeyedText, anchors: Int32Array): Steps<Int32Array> {
  const s = yield* sortTextSteps(t);
  const n = s.n;
  const count = new Int32Array(65537);
  let m = anchors.length;
  count[ANCHOR] = anchors.length;
  for (let from = 0; from < n; from += CHUNK) {
    m += countFirst(s, from, Math.min(n, from + CHUNK), count);
    yield;
  }
  const sa = new Int32Array(m);
  toStarts(count);
  // count[c] now runs ahead as entries are placed; a copy keeps where buckets start.
  const bucket = count.slice();
  for (let i = 0; i < anchors.length; i++) sa[count[ANCHOR]++] = ~anchors[i];
  for (let from = 0; from < n; from += CHUNK) {
    placeByFirst(s, from, Math.min(n, from + CHUNK), count, sa);
    yield;
  }
  const stack = new RangeStack();
  for (let c = 1; c < 65536; c++) {
    const lo = bucket[c];
    const hi = c + 1 < 65536 ? bucket[c + 1] : m;
    if (hi - lo > 1) stack.push(lo, hi, 1);
    while (stack.size) {
      sortSome(s, sa, stack, CHUNK);
      yield;
    }
  }
  return sa;
}

/** Pending ranges [lo, hi) of the array, each sorted already on its first `depth` keys. */
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

function countFirst(s: SortText, from: number, to: number, count: Int32Array): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const c = sortKey(s, i);
    if (c) {
      count[c]++;
      m++;
    }
  }
  return m;
}

function placeByFirst(s: SortText, from: number, to: number, next: Int32Array, sa: Int32Array): void {
  for (let i = from; i < to; i++) {
    const c = sortKey(s, i);
    if (c) sa[next[c]++] = i;
  }
}

/** Key `d` of entry `e` (d ≥ 1: past an anchor's ANCHOR key). */
function keyFrom(s: SortText, e: number, d: number): number {
  return sortKey(s, e >= 0 ? e + d : ~e + d - 1);
}

/**
 * Keys `d` and `d + 1` of entry `e` as one int32 in the order of the pair: the second key
 * reads 0 when the first is a terminator (nothing after a terminator counts), and the top
 * bit is flipped so that signed comparison orders the pairs as unsigned ones.
 */
function pairFrom(s: SortText, e: number, d: number): number {
  const p = e >= 0 ? e + d : ~e + d - 1;
  if (p + 1 >= s.n) {
    const a = sortKey(s, p);
    return a === 0 ? 0x80000000 | 0 : ((a << 16) | sortKey(s, p + 1)) ^ 0x80000000;
  }
  const text = s.text;
  const classes = s.classes;
  const a = text.charCodeAt(p);
  const ka = classes[a];
  if (ka !== ORDINARY && (ka === TERMINATOR || (s.noise[p >> 3] >> (p & 7)) & 1)) return 0x80000000 | 0;
  const b = text.charCodeAt(p + 1);
  const kb = classes[b];
  if (kb !== ORDINARY && (kb === TERMINATOR || (s.noise[(p + 1) >> 3] >> ((p + 1) & 7)) & 1)) return ((a << 16) ^ 0x80000000) | 0;
  return ((a << 16) | b) ^ 0x80000000;
}

/** Whether a pair made by pairFrom ends the entry's keys (its first or second key is a terminator). */
const pairEnds = (v: number): boolean => (v & 0xffff) === 0;

/**
 * Pops and partitions ranges until about `budget` entries were handled. A range is split
 * three ways on the pair of keys at its depth (median of three as pivot): smaller and larger
 * ones stay at this depth, equal ones go two keys deeper — or, when that pair holds a
 * terminator or MAX_DEPTH is reached, are equal as far as the index looks and are put in
 * entry order. Depths are odd (the first key is sorted by counting), so a pair never
 * reaches past key MAX_DEPTH − 1.
 */
function sortSome(s: SortText, sa: Int32Array, stack: RangeStack, budget: number): void {
  let work = 0;
  while (stack.size && work < budget) {
    stack.size--;
    const at = stack.size * 3;
    const lo = stack.data[at];
    const hi = stack.data[at + 1];
    const d = stack.data[at + 2];
    work += hi - lo;
    if (hi - lo <= SMALL) {
      insertionSort(s, sa, lo, hi, d);
      continue;
    }
    const v = median3(pairFrom(s, sa[lo], d), pairFrom(s, sa[(lo + hi) >>> 1], d), pairFrom(s, sa[hi - 1], d));
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const x = sa[i];
      const c = pairFrom(s, x, d);
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
      if (!pairEnds(v) && d + 2 < MAX_DEPTH) stack.push(lt, gt + 1, d + 2);
      else sa.subarray(lt, gt + 1).sort();
    }
  }
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/** Order of entries a and b, both known equal on their first `d` keys. */
function compareFrom(s: SortText, a: number, b: number, d: number): number {
  for (let k = d; k < MAX_DEPTH; k++) {
    const ca = keyFrom(s, a, k);
    const cb = keyFrom(s, b, k);
    if (ca !== cb) return ca - cb;
    if (ca === 0) break;
  }
  return a - b;
}

function insertionSort(s: SortText, sa: Int32Array, lo: number, hi: number, d: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = sa[i];
    let j = i - 1;
    while (j >= lo && compareFrom(s, sa[j], x, d) > 0) {
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
 * Narrows `[lo, hi)` — entries sharing their first `depth` keys — to those whose next key
 * is `c`. Returns the new range (hi === lo: none). `depth` must be below MAX_DEPTH.
 */
export function narrow(t: KeyedText, sa: Int32Array, lo: number, hi: number, depth: number, c: number): [number, number] {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (keyAt(t, sa[mid], depth) < c) a = mid + 1;
    else b = mid;
  }
  const first = a;
  b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (keyAt(t, sa[mid], depth) <= c) a = mid + 1;
    else b = mid;
  }
  return [first, a];
}

/** Key of pattern character `i`: a leading line break is the line anchor; other terminators match nothing. */
function patternKey(pattern: string, i: number): number {
  const c = pattern.charCodeAt(i);
  if (c === 0x0a && i === 0) return ANCHOR;
  return c < 0x20 || c === NOISE_MARK ? -1 : c;
}

/**
 * The range of entries whose first keys are `pattern`'s first MAX_DEPTH characters (a
 * leading '\n' matches line starts only). For a longer pattern the range is a superset
 * in text order beyond MAX_DEPTH: check each entry with matchesAt.
 */
export function findRange(t: KeyedText, sa: Int32Array, pattern: string): [number, number] {
  let lo = 0;
  let hi = sa.length;
  const depth = Math.min(pattern.length, MAX_DEPTH);
  for (let d = 0; d < depth && lo < hi; d++) {
    const c = patternKey(pattern, d);
    if (c <= 0) return [0, 0];
    [lo, hi] = narrow(t, sa, lo, hi, d, c);
  }
  return [lo, hi];
}

/** True when entry `e`'s keys start with `pattern` (any length). */
export function matchesAt(t: KeyedText, e: number, pattern: string): boolean {
  for (let d = 0; d < pattern.length; d++) {
    const c = patternKey(pattern, d);
    if (c <= 0 || keyAt(t, e, d) !== c) return false;
  }
  return true;
}

/** Memo of the ranges of one- and two-character patterns per suffix array (the widest, dearest narrowings). */
const shortRanges = new WeakMap<Int32Array, Map<number, readonly [number, number]>>();
const SHORT_RANGES_MAX = 1 << 18;

/**
 * The range of entries starting with character `a`, then `b` (b = 0: `a` alone), memoised per
 * array: the first two narrowings search the whole array and one character's bucket, and the
 * review rules start one from every offset of a draft.
 */
export function shortRange(t: KeyedText, sa: Int32Array, a: number, b = 0): [number, number] {
  let memo = shortRanges.get(sa);
  if (!memo) shortRanges.set(sa, (memo = new Map()));
  const key = a * 0x10000 + b;
  const hit = memo.get(key);
  if (hit !== undefined) return [hit[0], hit[1]];
  let [lo, hi] = b ? shortRange(t, sa, a) : narrow(t, sa, 0, sa.length, 0, a);
  if (b && lo < hi) [lo, hi] = narrow(t, sa, lo, hi, 1, b);
  if (memo.size >= SHORT_RANGES_MAX) memo.clear();
  memo.set(key, [lo, hi]);
  return [lo, hi];
}
