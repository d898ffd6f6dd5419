/**
 * Input-method slips against the corpus (rule typo-suspect): a stretch of the draft the
 * corpus never uses, which becomes a phrase the corpus uses often when one character is
 * replaced by a sound-alike (pinyin.ts) — `不忘出心` where the corpus has `不忘初心`.
 *
 * For every character k of a run of Han characters and every window [s, e) around it
 * (minLength…maxLength characters), the corpus phrases equal to the window except at k are
 * read off the suffix array: the range of draft[s, k) is narrowed by a sound-alike c of the
 * draft's character, then by draft[k+1, e). The ranges of the draft's own windows are
 * computed once per start (prefix ranges), so a window the corpus has is known at once and
 * never suspect. A candidate must be common — at least minOccurrences occurrences in at
 * least minReports reports — and the draft window absent. Per character the candidate seen
 * in the most reports wins (the longer window on a tie); overlapping suspects keep the best.
 */
import type { Lexicon } from './lexicon';
import type { PhraseIndex } from '../search/phraseIndex';
import { countOccurrences, isWordBreak, reportAt } from '../search/phraseIndex';
import { keyAt, narrow, shortRange } from '../search/suffixArray';
import { corpusSoundAlikes, soundTableSteps } from './corpusChars';
import { isHan, soundAlike } from './pinyin';
import { runToEnd, type Steps } from '../slices';

export interface SlipOptions {
  /** Shortest window (characters) that can be suspect. */
  minLength?: number;
  /** Longest window looked at. */
  maxLength?: number;
  /** Occurrences the corrected phrase needs in the corpus. */
  minOccurrences?: number;
  /** Distinct reports the corrected phrase needs. */
  minReports?: number;
  /** Characters of the window needed on each side of the suspect one. */
  minSide?: number;
}

/** The thresholds the rule uses; fitted in bench/review.ts (see README “Review”). */
export const SLIP_DEFAULTS: Required<SlipOptions> = {
  minLength: 4,
  maxLength: 10,
  minOccurrences: 3,
  minReports: 2,
  minSide: 1,
};

/** A suspected slip of one character: what every slip detector reports. */
export interface SlipSpan {
  /** The suspect window of the draft, [start, end) offsets. */
  start: number;
  end: number;
  /** Offset of the suspect character. */
  at: number;
  /** The character suggested there. */
  replacement: string;
  /** The draft's window and the suggested wording. */
  phrase: string;
  variant: string;
}

/** A slip in a phrase the corpus uses: the suggested wording is that phrase. */
export interface SlipSuspect extends SlipSpan {
  occurrences: number;
  reports: number;
}

/**
 * Least lexicon frequency bucket (ln f ≈ Q / 4) of a word of the draft that vouches for the
 * characters it covers: the corpus check suggests nothing there (see inCommonWord). Fitted in
 * bench/review.ts (benchSlips, leave one report out).
 */
export const COMMON_WORD_Q = 20;

/** Longest lexicon word the guard looks up. */
const GUARD_WORD_MAX = 4;

/**
 * Share of the corpus's uses of the window's part beside the word that are the corpus phrase
 * itself, from which that part is taken to come with the phrase (see inCommonWord).
 */
export const COLLOCATION_SHARE = 0.5;

/** The corpus's side of the common-word guard: the phrase index and the suspect phrase's occurrences. */
export interface GuardCorpus {
  index: PhraseIndex;
  /** Occurrences of the corpus phrase the window would be (the suggested wording). */
  occurrences: number;
  /** The suggested character (at `at`). */
  replacement?: number;
}

/**
 * True when the draft's character at `at` lies inside a common word of the draft: a word of
 * 2…4 characters within text[start, end), covering `at`, whose lexicon bucket is at least
 * `minQ`. There the draft is likely right and the corpus phrase a homophone of it (集中整治工作
 * is not a slip of 政治工作, 为群众办事 not one of 办实事): one character off a repeated phrase is
 * weak evidence against a common word. With the corpus's side given, a word vouches only where the
 * corpus gives it no reason not to:
 * - a word the window frames (window characters on both sides of it) vouches for nothing: the
 *   corpus phrase holds the word's whole context and differs in that one character (学习惯彻 is
 *   学习贯彻), which no homophone explains away;
 * - nor does a word the corpus never uses (工作老实不到位: the genre writes 落实, never 老实);
 * - nor does a word beside a part of the window (2 characters or more) that the corpus uses
 *   mostly as part of the phrase suggested (at least COLLOCATION_SHARE): that part comes with its
 *   fixed partner (党日 with 主题: 主体党日 is 主题党日), while 工作 beside 整治 comes with anything.
 */
export function inCommonWord(lexicon: Lexicon, text: string, start: number, end: number, at: number, minQ = COMMON_WORD_Q, corpus?: GuardCorpus): boolean {
  for (let len = 2; len <= GUARD_WORD_MAX; len++) {
    for (let s = Math.max(start, at - len + 1); s <= at && s + len <= end; s++) {
      const word = text.slice(s, s + len);
      const q = lexicon.q(word);
      if (q === undefined || q < minQ) continue;
      if (!corpus) return true;
      if (start < s && s + len < end) continue;
      if (countOccurrences(corpus.index, word) === 0) continue;
      if (corpus.replacement !== undefined && bothSides(corpus.index, text, s, s + len, at, corpus.replacement)) continue;
      const beside = s === start ? text.slice(s + len, end) : text.slice(start, s);
      if (beside.length >= 2 && corpus.occurrences >= COLLOCATION_SHARE * countOccurrences(corpus.index, beside)) continue;
      return true;
    }
  }
  return false;
}

/** Occurrences the corpus needs of the suggested word with each neighbour (see bothSides). */
const SIDE_OCCURRENCES = 3;

/**
 * The suggested word (text[s, e) with `c` at `at`) stands in the corpus with the draft's character
 * before it and, apart, with the draft's character after it, each at least SIDE_OCCURRENCES
 * times: the corpus reads the word's context on both sides with the suggestion (思想整治建设: 想政治
 * and 政治建 both, where 集中整治工作 has 治工 → 政治工 only).
 */
function bothSides(index: PhraseIndex, text: string, s: number, e: number, at: number, c: number): boolean {
  if (s === 0 || e >= text.length || !isHan(text.charCodeAt(s - 1)) || !isHan(text.charCodeAt(e))) return false;
  const word = text.slice(s, at) + String.fromCharCode(c) + text.slice(at + 1, e);
  return countOccurrences(index, text[s - 1] + word) >= SIDE_OCCURRENCES && countOccurrences(index, word + text[e]) >= SIDE_OCCURRENCES;
}

/** Evidence beside the corpus for findSlips. */
export interface SlipGuard {
  /** The general lexicon: no suspect inside a common word of the draft (inCommonWord). */
  lexicon?: Lexicon;
  /** The bucket a word needs to vouch (default COMMON_WORD_Q). */
  minWordQ?: number;
}

/** A range of suffix-array entries up to this long is scanned for next characters rather than probed per sound-alike. */
const SCAN = 48;
/** Occurrences visited to count reports at most (more: the count is a lower bound, enough for a threshold). */
const MAX_VISIT = 4000;

/**
 * Distinct reports among the occurrences sa[lo, hi) (counted on an even sample of at most
 * MAX_VISIT of them: then a lower bound), and the number of occurrences.
 */
export function reportsOf(index: PhraseIndex, lo: number, hi: number): { reports: number; occurrences: number } {
  const gen = ++index.markGeneration;
  let reports = 0;
  const step = hi - lo > MAX_VISIT ? (hi - lo) / MAX_VISIT : 1;
  for (let f = lo; f < hi; f += step) {
    const e = index.sa[Math.floor(f)];
    const r = reportAt(index, e >= 0 ? e : ~e);
    if (r < 0) continue;
    if (index.reportMark[r] !== gen) {
      index.reportMark[r] = gen;
      reports++;
    }
  }
  return { reports, occurrences: hi - lo };
}

interface Candidate {
  /** The suspect character's offset. */
  k: number;
  s: number;
  e: number;
  c: number;
  reports: number;
  occurrences: number;
}

/**
 * Suspected slips in `text` (prose: non-prose blanked), in document order, not overlapping.
 * With `guard.lexicon`, none inside a common word of the draft.
 */
export function findSlips(index: PhraseIndex, text: string, options: SlipOptions = {}, guard: SlipGuard = {}): SlipSuspect[] {
  return runToEnd(slipsSteps(index, text, options, undefined, guard));
}

/**
 * Draft characters searched between two yields of a sliced search. Small: at 50 MB a character
 * of a Han run costs tens of microseconds, and the server answers requests only between steps.
 */
const SLICE_CHARS = 512;

/**
 * findSlips as a sliced run (engine/slices.ts), for a huge draft: yields every few thousand
 * characters and stops there once `outOfTime()` says so (the suspects found so far stand).
 */
export function* slipsSteps(index: PhraseIndex, text: string, options: SlipOptions = {}, outOfTime?: () => boolean, guard: SlipGuard = {}): Steps<SlipSuspect[]> {
  const o = { ...SLIP_DEFAULTS, ...options };
  const out: SlipSuspect[] = [];
  if (index.sa.length === 0) return out;
  // The corpus's sound-alike table, built the first time in steps of its own.
  yield* soundTableSteps(index);
  let nextYield = SLICE_CHARS;
  for (let rs = 0; rs < text.length; ) {
    if (rs >= nextYield) {
      nextYield = rs + SLICE_CHARS;
      yield;
      if (outOfTime?.()) break;
    }
    if (!isHan(text.charCodeAt(rs))) {
      rs++;
      continue;
    }
    let re = rs;
    while (re < text.length && isHan(text.charCodeAt(re))) re++;
    if (re - rs >= o.minLength) yield* slipsInRun(index, text, rs, re, o, guard, out);
    rs = re;
  }
  return out;
}

/**
 * Characters of a run between two yields (a pasted draft can hold runs of thousands of Han
 * characters). At 50 MB one character of the second pass costs up to a few hundred
 * microseconds on a first check (64 of them held requests for 8–24 ms); a yield costs about
 * a tenth of a microsecond.
 */
const RUN_SLICE = 4;

function* slipsInRun(index: PhraseIndex, text: string, rs: number, re: number, o: Required<SlipOptions>, guard: SlipGuard, out: SlipSuspect[]): Steps<void> {
  const { lexicon, minWordQ = COMMON_WORD_Q } = guard;
  const n = re - rs;
  const W = o.maxLength + 1;
  // Prefix ranges: for each start i of the run, the range of draft[i, i + j) for j < W, while not empty.
  const plo = new Int32Array(n * W);
  const phi = new Int32Array(n * W);
  /** Longest window from each start the corpus has. */
  const matchLen = new Int32Array(n);
  const sa = index.sa;
  for (let i = 0; i < n; i++) {
    if (i % RUN_SLICE === RUN_SLICE - 1) yield;
    let lo = 0;
    let hi = sa.length;
    plo[i * W] = lo;
    phi[i * W] = hi;
    let j = 1;
    for (; j < W && rs + i + j <= re; j++) {
      const c = text.charCodeAt(rs + i + j - 1);
      // The first two characters' ranges are memoised per index (the widest searches).
      if (j <= 2) [lo, hi] = j === 1 ? shortRange(index, sa, c) : shortRange(index, sa, text.charCodeAt(rs + i), c);
      else [lo, hi] = narrow(index, sa, lo, hi, j - 1, c);
      if (lo >= hi) break;
      plo[i * W + j] = lo;
      phi[i * W + j] = hi;
    }
    matchLen[i] = j - 1;
  }

  /**
   * A suspect character at the edge of its window (no window character on one side) counts
   * only when it does not fit the draft's character beyond the window either: that pair is
   * not in the corpus, or there is no such character (the run ends). Otherwise the window
   * likely cuts a word of the draft (形成|党组织 read as 层党组织).
   */
  function strayAtEdge(k: number, s: number, e: number): boolean {
    if (k === s && k - 1 >= rs && matchLen[k - 1 - rs] >= 2) return false;
    if (k === e - 1 && k + 1 < re && matchLen[k - rs] >= 2) return false;
    return true;
  }

  /**
   * For a suspect character at the window's edge, the corpus's character must stand at a word
   * boundary there in most occurrences (強 in 加强|基层党建 does not: the window cut a word).
   */
  function wordAtEdge(k: number, s: number, e: number, lo: number, hi: number): boolean {
    if (k !== s && k !== e - 1) return true;
    let at = 0;
    let n = 0;
    for (let x = lo; x < hi && n < 64; x++, n++) {
      const p = sa[x];
      if (k === s && !isWordBreak(index, p)) continue;
      if (k === e - 1 && !isWordBreak(index, p + (e - s))) continue;
      at++;
    }
    return at * 2 >= n;
  }

  const found: Candidate[] = [];
  for (let k = rs; k < re; k++) {
    if ((k - rs) % RUN_SLICE === RUN_SLICE - 1) yield;
    const d = text.charCodeAt(k);
    let best: Candidate | undefined;
    for (let s = Math.max(rs, k - o.maxLength + 1); s <= k; s++) {
      if (k - s < o.minSide && !strayAtEdge(k, s, k + 1 + o.minSide)) continue;
      const i = s - rs;
      const a = k - s;
      // The draft's windows from s are all in the corpus as far as they reach: nothing suspect starts here.
      if (matchLen[i] >= Math.min(o.maxLength, re - s)) continue;
      if (matchLen[i] < a) continue; // draft[s, k) itself is not in the corpus
      const alo = plo[i * W + a];
      const ahi = phi[i * W + a];
      for (const c of nextChars(index, alo, ahi, a, d)) {
        let [lo, hi] = a === 0 ? shortRange(index, sa, c) : a === 1 ? shortRange(index, sa, text.charCodeAt(s), c) : narrow(index, sa, alo, ahi, a, c);
        for (let e = k + 1; lo < hi; e++) {
          const len = e - s;
          if (len >= o.minLength && len > matchLen[i] && (e - k - 1 >= o.minSide || (o.minSide > 0 && strayAtEdge(k, s, e)))) {
            if (hi - lo < o.minOccurrences) break;
            const ev = reportsOf(index, lo, hi);
            if (ev.reports >= o.minReports && wordAtEdge(k, s, e, lo, hi) && !(lexicon && inCommonWord(lexicon, text, s, e, k, minWordQ, { index, occurrences: ev.occurrences, replacement: c }))) {
              const cand = { k, s, e, c, ...ev };
              if (!best || cand.reports > best.reports || (cand.reports === best.reports && cand.e - cand.s > best.e - best.s)) best = cand;
            }
          }
          if (e >= re || len >= o.maxLength) break;
          [lo, hi] = narrow(index, sa, lo, hi, len, text.charCodeAt(e));
        }
      }
    }
    if (best) found.push(best);
  }
  // Overlapping suspects: the best evidence wins.
  found.sort((x, y) => y.reports - x.reports || y.occurrences - x.occurrences || x.s - y.s);
  const taken: Candidate[] = [];
  for (const f of found) if (!taken.some((t) => f.s < t.e && t.s < f.e)) taken.push(f);
  taken.sort((x, y) => x.s - y.s);
  for (const t of taken) {
    const phrase = text.slice(t.s, t.e);
    const at = t.k;
    const replacement = String.fromCharCode(t.c);
    out.push({
      start: t.s,
      end: t.e,
      at,
      replacement,
      phrase,
      variant: phrase.slice(0, at - t.s) + replacement + phrase.slice(at - t.s + 1),
      occurrences: t.occurrences,
      reports: t.reports,
    });
  }
}

/** Characters following the entries sa[lo, hi) at `depth` that sound like `d` (not `d`). */
function nextChars(index: PhraseIndex, lo: number, hi: number, depth: number, d: number): number[] {
  if (hi - lo <= SCAN) {
    const out: number[] = [];
    for (let x = lo; x < hi; x++) {
      const c = keyAt(index, index.sa[x], depth);
      if (c !== d && isHan(c) && !out.includes(c) && soundAlike(d, c)) out.push(c);
    }
    return out;
  }
  return corpusSoundAlikes(index, d).filter((c) => c !== d);
}
