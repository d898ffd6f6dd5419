/**
 * Suffix array construction (SA-IS, linear time) and pattern search over a UTF-16 text.
 *
 * The phrase index keeps the whole corpus as one string plus one Int32 per position, so a
 * 100 MB corpus costs a few hundred MB at most and no per-position objects. SA-IS follows
 * Nong, Zhang & Chan (2009) in the compact form of the AtCoder Library; the input is the
 * text's code units, so the alphabet is at most 65536 symbols and needs no remapping.
 */

type Symbols = Uint16Array | Int32Array;

/** Small inputs (only reached in recursion) are sorted by plain comparison. */
function naiveSuffixArray(s: Symbols): Int32Array {
  const n = s.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    if (a === b) return 0;
    while (a < n && b < n) {
      if (s[a] !== s[b]) return s[a] - s[b];
      a++;
      b++;
    }
    return a === n ? -1 : 1;
  });
  return Int32Array.from(order);
}

/** Suffix array of `s`, whose symbols lie in [0, upper]. */
function saIs(s: Symbols, upper: number): Int32Array {
  const n = s.length;
  if (n === 0) return new Int32Array(0);
  if (n < 16) return naiveSuffixArray(s);

  const sa = new Int32Array(n);
  // ls[i] = 1 when suffix i is S-type (smaller than suffix i+1).
  const ls = new Uint8Array(n);
  for (let i = n - 2; i >= 0; i--) ls[i] = s[i] === s[i + 1] ? ls[i + 1] : s[i] < s[i + 1] ? 1 : 0;

  const sumL = new Int32Array(upper + 2);
  const sumS = new Int32Array(upper + 2);
  for (let i = 0; i < n; i++) {
    if (!ls[i]) sumS[s[i]]++;
    else sumL[s[i] + 1]++;
  }
  for (let i = 0; i <= upper; i++) {
    sumS[i] += sumL[i];
    if (i < upper) sumL[i + 1] += sumS[i];
  }
  const buf = new Int32Array(upper + 2);

  const induce = (lms: Int32Array): void => {
    sa.fill(-1);
    buf.set(sumS);
    for (let k = 0; k < lms.length; k++) {
      const d = lms[k];
      if (d === n) continue;
      sa[buf[s[d]]++] = d;
    }
    buf.set(sumL);
    sa[buf[s[n - 1]]++] = n - 1;
    for (let i = 0; i < n; i++) {
      const v = sa[i];
      if (v >= 1 && !ls[v - 1]) sa[buf[s[v - 1]]++] = v - 1;
    }
    buf.set(sumL);
    for (let i = n - 1; i >= 0; i--) {
      const v = sa[i];
      if (v >= 1 && ls[v - 1]) sa[--buf[s[v - 1] + 1]] = v - 1;
    }
  };

  // LMS positions: S-type preceded by L-type.
  const lmsMap = new Int32Array(n + 1).fill(-1);
  let m = 0;
  for (let i = 1; i < n; i++) if (!ls[i - 1] && ls[i]) lmsMap[i] = m++;
  const lms = new Int32Array(m);
  for (let i = 1, k = 0; i < n; i++) if (!ls[i - 1] && ls[i]) lms[k++] = i;

  induce(lms);

  if (m) {
    const sortedLms = new Int32Array(m);
    for (let i = 0, k = 0; i < n; i++) if (lmsMap[sa[i]] !== -1) sortedLms[k++] = sa[i];
    // Name the LMS substrings; equal substrings get equal names.
    const recS = new Int32Array(m);
    let recUpper = 0;
    recS[lmsMap[sortedLms[0]]] = 0;
    for (let i = 1; i < m; i++) {
      let l = sortedLms[i - 1];
      let r = sortedLms[i];
      const endL = lmsMap[l] + 1 < m ? lms[lmsMap[l] + 1] : n;
      const endR = lmsMap[r] + 1 < m ? lms[lmsMap[r] + 1] : n;
      let same = true;
      if (endL - l !== endR - r) same = false;
      else {
        while (l < endL && s[l] === s[r]) {
          l++;
          r++;
        }
        if (l === n || s[l] !== s[r]) same = false;
      }
      if (!same) recUpper++;
      recS[lmsMap[sortedLms[i]]] = recUpper;
    }
    const recSa = saIs(recS, recUpper);
    for (let i = 0; i < m; i++) sortedLms[i] = lms[recSa[i]];
    induce(sortedLms);
  }
  return sa;
}

/** Suffix array of a string's UTF-16 code units. */
export function buildSuffixArray(text: string): Int32Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return saIs(codes, 0xffff);
}

/**
 * Compares the suffix of `text` at `pos` with `pattern`, looking at no more than
 * pattern.length units: 0 when the suffix starts with the pattern.
 */
function comparePrefix(text: string, pos: number, pattern: string): number {
  const n = text.length;
  for (let j = 0; j < pattern.length; j++) {
    if (pos + j >= n) return -1;
    const d = text.charCodeAt(pos + j) - pattern.charCodeAt(j);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The half-open interval [lo, hi) of suffix-array rows whose suffix starts with `pattern`
 * (empty when lo === hi). Optional `from`/`to` narrow a previous interval.
 */
export function findRange(text: string, sa: Int32Array, pattern: string, from = 0, to = sa.length): [number, number] {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePrefix(text, sa[mid], pattern) < 0) lo = mid + 1;
    else hi = mid;
  }
  const start = lo;
  hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePrefix(text, sa[mid], pattern) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return [start, lo];
}
