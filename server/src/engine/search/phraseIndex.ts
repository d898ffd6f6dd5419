import type { CorpusReport } from '../types';
import { hasTextNoise } from '../corpus/clean';
import { forEachSentence } from './sentences';
import { CHUNK, runToEnd, type Steps } from './slices';
import { findRange, MAX_DEPTH, suffixArraySteps } from './suffixArray';
import { joinedLayout, joinReportTexts, sharedCorpusText } from './corpusText';

/**
 * The substring-occurrence index behind hover: every report's cleaned text concatenated
 * (one line break between reports), a suffix array over it, and the sentence spans, so a
 * phrase's occurrences, the sentences and reports they fall in, and example sentences come
 * from a few binary searches and one pass over the occurrences.
 *
 * Memory is dominated by the concatenated text (2 bytes a character) and the suffix array
 * (4 bytes a phrase character); sentence tables add 16 bytes a sentence. The object holds
 * only typed arrays, strings, numbers, the reports and a `cache` Map, so the corpus
 * snapshot can save and restore it as it is.
 */
export interface PhraseIndex {
  readonly reports: readonly CorpusReport[];
  /** All report texts, each followed by a line break. */
  readonly text: string;
  readonly sa: Int32Array;
  /** Offset of each report's text in `text`. */
  readonly reportStart: Int32Array;
  /** Sentence spans in `text`, in order, and the report (index into `reports`) of each. */
  readonly sentStart: Int32Array;
  readonly sentEnd: Int32Array;
  readonly sentReport: Int32Array;
  /** For each block of 2^BLOCK_BITS text offsets, the first sentence ending after its start. */
  readonly sentBlock: Int32Array;
  /** Scratch marks for counting distinct sentences/reports without allocation. */
  readonly sentMark: Int32Array;
  readonly reportMark: Int32Array;
  markGeneration: number;
  /** Recent lookups by phrase (hovering tends to revisit the same words). */
  readonly cache: Map<string, PhraseStats>;
}

/** What the corpus knows about one phrase. */
export interface PhraseStats {
  phrase: string;
  occurrences: number;
  sentences: number;
  reports: number;
  /** Chosen example sentences, best first, from as many different reports as possible. */
  examples: PhraseExample[];
}

export interface PhraseExample {
  /** Index into `PhraseIndex.reports`. */
  report: number;
  /** Sentence span in the report's own text. */
  start: number;
  end: number;
}

/** Longest phrase hover looks up (characters); the suffix array is exact to MAX_DEPTH. */
export const MAX_PHRASE = Math.min(12, MAX_DEPTH);
/** How many examples a stats entry keeps (the most hover.maxExamples allows); hover shows the configured number. */
const KEEP_EXAMPLES = 50;
const CACHE_SIZE = 500;
/** Sentences judged as examples per lookup; counting goes on over all occurrences. */
const MAX_EVALUATED = 500;

/** Builds the hover index of a corpus at once. */
export function buildPhraseIndex(reports: readonly CorpusReport[]): PhraseIndex {
  return runToEnd(phraseIndexSteps(reports));
}

/** The hover-index build as resumable steps, for building in slices (see slices.ts). */
export function* phraseIndexSteps(reports: readonly CorpusReport[]): Steps<PhraseIndex> {
  // The loader's shared corpus text when there is one (no second copy of the corpus), else a join.
  const shared = sharedCorpusText(reports);
  const reportStart = shared ? shared.starts : joinedLayout(reports).starts;
  const text = shared ? shared.text : joinReportTexts(reports);
  yield;

  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let owners: Int32Array = new Int32Array(1024);
  let count = 0;
  let sinceYield = 0;
  for (let r = 0; r < reports.length; r++) {
    const from = reportStart[r];
    forEachSentence(text, from, from + reports[r].text.length, (s, e) => {
      if (count === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
        owners = grow(owners);
      }
      starts[count] = s;
      ends[count] = e;
      owners[count] = r;
      count++;
    });
    sinceYield += reports[r].text.length;
    if (sinceYield > CHUNK) {
      sinceYield = 0;
      yield;
    }
  }
  const sentEnd = ends.slice(0, count);
  const sentBlock = blockIndex(sentEnd, text.length);
  yield;
  const sa = yield* suffixArraySteps(text);
  return {
    reports,
    text,
    sa,
    reportStart,
    sentStart: starts.slice(0, count),
    sentEnd,
    sentReport: owners.slice(0, count),
    sentBlock,
    sentMark: new Int32Array(count),
    reportMark: new Int32Array(reports.length),
    markGeneration: 0,
    cache: new Map(),
  };
}

/** Text offsets per block of the sentence lookup table (256: a few sentences a block). */
const BLOCK_BITS = 8;

function blockIndex(sentEnd: Int32Array, length: number): Int32Array {
  const blocks = (length >> BLOCK_BITS) + 2;
  const first = new Int32Array(blocks);
  let s = 0;
  for (let b = 0; b < blocks; b++) {
    const blockStart = b << BLOCK_BITS;
    while (s < sentEnd.length && sentEnd[s] <= blockStart) s++;
    first[b] = s;
  }
  return first;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Number of occurrences of `phrase` (phrase characters only, ≤ MAX_PHRASE long). */
export function countOccurrences(index: PhraseIndex, phrase: string): number {
  const [lo, hi] = findRange(index.text, index.sa, phrase);
  return hi - lo;
}

/**
 * The sentence containing text offset `pos` (−1 if between sentences). The block table
 * narrows the search to the few sentences around `pos`; this runs once per occurrence of
 * a phrase, which for a common word in a large corpus is hundreds of thousands of times.
 */
function sentenceAt(index: PhraseIndex, pos: number): number {
  const starts = index.sentStart;
  const block = pos >> BLOCK_BITS;
  let lo = index.sentBlock[block];
  let hi = Math.min(starts.length - 1, index.sentBlock[block + 1]);
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && pos < index.sentEnd[found] ? found : -1;
}

/**
 * Counts and example sentences for `phrase`, whose occurrences are the suffix-array range
 * [lo, hi). One pass over the occurrences: each is mapped to its sentence by binary search
 * and marked, so distinct sentences and reports are counted without sets; the best
 * sentence of each report (readable length, no template placeholders) is remembered.
 */
export function phraseStats(index: PhraseIndex, phrase: string, lo: number, hi: number): PhraseStats {
  const cached = index.cache.get(phrase);
  if (cached) {
    // Refresh its place in the LRU order.
    index.cache.delete(phrase);
    index.cache.set(phrase, cached);
    return cached;
  }
  const gen = ++index.markGeneration;
  let sentences = 0;
  let reports = 0;
  const candidates: Candidate[] = [];
  for (let x = lo; x < hi; x++) {
    const s = sentenceAt(index, index.sa[x]);
    if (s < 0 || index.sentMark[s] === gen) continue;
    index.sentMark[s] = gen;
    sentences++;
    const r = index.sentReport[s];
    if (index.reportMark[r] !== gen) {
      index.reportMark[r] = gen;
      reports++;
    }
    // Judging every sentence of a very common phrase would cost more than it adds.
    if (candidates.length < MAX_EVALUATED) candidates.push({ sent: s, report: r, quality: quality(index, s) });
  }
  const examples = pickExamples(index, candidates);
  const stats: PhraseStats = { phrase, occurrences: hi - lo, sentences, reports, examples };
  index.cache.set(phrase, stats);
  if (index.cache.size > CACHE_SIZE) index.cache.delete(index.cache.keys().next().value as string);
  return stats;
}

interface Candidate {
  sent: number;
  report: number;
  quality: number;
}

/** Higher is a better example: 15–80 characters long, without template placeholders (xx, **%) or glued slips. */
function quality(index: PhraseIndex, s: number): number {
  const len = index.sentEnd[s] - index.sentStart[s];
  let q = 0;
  if (len < 15) q -= (15 - len) / 10;
  else if (len > 80) q -= (len - 80) / 80;
  const sentence = index.text.slice(index.sentStart[s], Math.min(index.sentEnd[s], index.sentStart[s] + 200));
  if (hasTextNoise(sentence)) q -= 2;
  return q;
}

/**
 * Best sentences first, taken round-robin over reports (ordered by their best sentence):
 * the first example of every report before a second of any, so examples show variety.
 * Earlier sentences win ties, so the choice does not depend on suffix-array order.
 */
function pickExamples(index: PhraseIndex, candidates: Candidate[]): PhraseExample[] {
  candidates.sort((a, b) => b.quality - a.quality || a.sent - b.sent);
  const perReport = new Map<number, number[]>();
  for (const c of candidates) {
    const list = perReport.get(c.report);
    if (list) list.push(c.sent);
    else perReport.set(c.report, [c.sent]);
  }
  const lists = [...perReport.entries()];
  const out: PhraseExample[] = [];
  const seenText = new Set<string>();
  for (let round = 0; out.length < KEEP_EXAMPLES; round++) {
    let any = false;
    for (const [r, list] of lists) {
      if (round >= list.length) continue;
      any = true;
      const s = list[round];
      const sentence = index.text.slice(index.sentStart[s], index.sentEnd[s]);
      // Compilations repeat reports: the same sentence twice teaches nothing.
      if (seenText.has(sentence)) continue;
      seenText.add(sentence);
      const base = index.reportStart[r];
      out.push({ report: r, start: index.sentStart[s] - base, end: index.sentEnd[s] - base });
      if (out.length >= KEEP_EXAMPLES) break;
    }
    if (!any) break;
  }
  return out;
}
