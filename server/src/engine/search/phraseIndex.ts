import { treeForScan } from '../corpus/corpus';
import type { CorpusReport } from '../types';
import { hasTextNoise } from '../corpus/clean';
import { runToEnd, type Steps } from '../slices';
import { findRange, hasBit, MAX_DEPTH, suffixSortSteps, type KeyedText } from './suffixArray';
import { joinedLayout, joinReportTexts, sharedCorpusText } from './corpusText';
import { phraseTablesSteps, wholeText, type PhraseTables } from './phraseTables';

export { bodyStart, kindBit, kindMask, LINE_LEADING } from './phraseTables';

/**
 * The corpus phrase index behind hover and completion: the corpus text (the loader's shared
 * string: every report's cleaned text, each followed by a line break), one suffix array over
 * it (suffixArray.ts: every character position plus one anchor per line), and the tables
 * both features read around an occurrence — sentence spans, word boundaries, text noise and
 * the section kinds of each stretch of text.
 *
 * Memory: 4 bytes a suffix-array entry (about one a character), 2 bits a character for the
 * noise and word-boundary bit sets, 16 bytes a sentence, 6 bytes a run of one section kind;
 * the text itself is the reports' own (not a copy) when the loader shared it. The object
 * holds only typed arrays, strings, numbers, the reports and a `cache` Map, so the corpus
 * snapshot can save and restore it as it is.
 */
export interface PhraseIndex extends KeyedText {
  readonly reports: readonly CorpusReport[];
  /** All report texts, each followed by a line break. */
  readonly text: string;
  /** Bit set: the character at an offset is text noise (a placeholder, a glued Latin letter). */
  readonly noise: Uint8Array;
  /** Entries: text offsets, and ~b for the anchor of the line whose text starts at b. */
  readonly sa: Int32Array;
  /** Offset of each report's text in `text`. */
  readonly reportStart: Int32Array;
  /** For each block of 2^RUN_BLOCK_BITS offsets, the report holding its first offset (see runAt). */
  readonly reportBlock: Int32Array;
  /** Bit set: a word ends just before the offset (Intl.Segmenter, within each line's text). */
  readonly wordBreaks: Uint8Array;
  /** Runs of text by section kinds: from kindStart[i] on, the section-kind mask is kindMasks[i]. */
  readonly kindStart: Int32Array;
  readonly kindMasks: Uint16Array;
  /** For each block of 2^RUN_BLOCK_BITS offsets, the kind run holding its first offset. */
  readonly kindBlock: Int32Array;
  /**
   * Runs of text by section heading (sectionLabelAt: `一、履职情况 › （一）加强学习`), so an
   * example's section is named without parsing its report: from labelRunStart[i] on the label
   * is number labelRunId[i], whose text is labelText[labelStart[id], labelStart[id + 1]).
   */
  readonly labelRunStart: Int32Array;
  readonly labelRunId: Int32Array;
  readonly labelRunBlock: Int32Array;
  readonly labelText: string;
  readonly labelStart: Int32Array;
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
  /** Milliseconds the build took (its own work, slices of other work excluded only in one go). */
  buildMs: number;
}

/** What the corpus knows about one phrase. */
export interface PhraseStats {
  phrase: string;
  occurrences: number;
  sentences: number;
  reports: number;
  /**
   * True when the occurrences were too many to visit all: `sentences` is then estimated from
   * an even sample of them and `reports` counts the reports seen in the sample (a lower bound).
   */
  sampled?: boolean;
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
/** Occurrences visited per lookup at most; a phrase more frequent is counted on an even sample. */
const MAX_VISITED = 8_000;

/** Builds the phrase index of a corpus at once. */
export function buildPhraseIndex(reports: readonly CorpusReport[]): PhraseIndex {
  return runToEnd(phraseIndexSteps(reports));
}

/** The corpus text of `reports` (the loader's shared string when there is one), report offsets and lengths. */
export function corpusTextOf(reports: readonly CorpusReport[]): { text: string; reportStart: Int32Array; lengths: Int32Array } {
  // The loader's shared corpus text when there is one (no second copy of the corpus), else a join.
  const shared = sharedCorpusText(reports);
  return {
    text: shared ? shared.text : joinReportTexts(reports),
    reportStart: shared ? shared.starts : joinedLayout(reports).starts,
    lengths: Int32Array.from(reports, (r) => r.text.length),
  };
}

/**
 * The phrase-index build as resumable steps, for building in slices (see slices.ts): the
 * tables in one pass over the corpus (phraseTables.ts), then the suffix array.
 */
export function* phraseIndexSteps(reports: readonly CorpusReport[]): Steps<PhraseIndex> {
  const t0 = performance.now();
  const { text, reportStart, lengths } = corpusTextOf(reports);
  yield;
  const tables = yield* phraseTablesSteps(wholeText(text, reportStart, lengths), (r) => treeForScan(reports[r]));
  yield;
  const sa = yield* suffixSortSteps({ text, noise: tables.noise }, tables.anchors);
  return assemblePhraseIndex(reports, text, reportStart, tables, sa, performance.now() - t0);
}

/** The phrase index of `reports` from its tables and suffix array (built here or in worker threads). */
export function assemblePhraseIndex(
  reports: readonly CorpusReport[],
  text: string,
  reportStart: Int32Array,
  tables: PhraseTables,
  sa: Int32Array,
  buildMs: number,
): PhraseIndex {
  const labelStart = new Int32Array(tables.labels.length + 1);
  for (let i = 0; i < tables.labels.length; i++) labelStart[i + 1] = labelStart[i] + tables.labels[i].length;
  return {
    reports,
    text,
    noise: tables.noise,
    sa,
    reportStart,
    reportBlock: runBlocks(reportStart, text.length),
    wordBreaks: tables.wordBreaks,
    kindStart: tables.kindStart,
    kindBlock: runBlocks(tables.kindStart, text.length),
    kindMasks: Uint16Array.from(tables.kindMasks),
    labelRunStart: tables.labelRunStart,
    labelRunId: tables.labelRunId,
    labelRunBlock: runBlocks(tables.labelRunStart, text.length),
    labelText: tables.labels.join(''),
    labelStart,
    sentStart: tables.sentStart,
    sentEnd: tables.sentEnd,
    sentReport: tables.sentReport,
    sentBlock: blockIndex(tables.sentEnd, text.length),
    sentMark: new Int32Array(tables.sentEnd.length),
    reportMark: new Int32Array(reports.length),
    markGeneration: 0,
    cache: new Map(),
    buildMs,
  };
}

/** Offsets per block of the run lookup tables (4096: a few runs a block). */
const RUN_BLOCK_BITS = 12;

/** For runs starting at `starts` (ascending), the run holding the first offset of each block. */
function runBlocks(starts: Int32Array, length: number): Int32Array {
  const blocks = (length >> RUN_BLOCK_BITS) + 2;
  const table = new Int32Array(blocks);
  let r = 0;
  for (let b = 0; b < blocks; b++) {
    const at = b * (1 << RUN_BLOCK_BITS);
    while (r + 1 < starts.length && starts[r + 1] <= at) r++;
    table[b] = r;
  }
  return table;
}

/** The run holding `pos` (the last one starting at or before it), or −1: a binary search within pos's block. */
function runAt(starts: Int32Array, blocks: Int32Array, pos: number): number {
  if (starts.length === 0 || pos < starts[0]) return -1;
  const b = pos >> RUN_BLOCK_BITS;
  let lo = blocks[Math.min(b, blocks.length - 1)];
  let hi = blocks[Math.min(b + 1, blocks.length - 1)];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Section-kind mask of the text at `pos`. */
export function kindsAt(index: PhraseIndex, pos: number): number {
  const run = runAt(index.kindStart, index.kindBlock, pos);
  return run < 0 ? 0 : index.kindMasks[run];
}

/** The section heading (as sectionLabelAt gives it) of the text at offset `pos`; '' outside every section. */
export function sectionLabelOf(index: PhraseIndex, pos: number): string {
  const run = runAt(index.labelRunStart, index.labelRunBlock, pos);
  if (run < 0) return '';
  const id = index.labelRunId[run];
  return index.labelText.slice(index.labelStart[id], index.labelStart[id + 1]);
}

/** Report (index into index.reports) holding text offset `pos`, or −1. */
export function reportAt(index: PhraseIndex, pos: number): number {
  if (pos < 0 || pos >= index.text.length) return -1;
  return runAt(index.reportStart, index.reportBlock, pos);
}

/** True when a word ends just before text offset `i`. */
export function isWordBreak(index: PhraseIndex, i: number): boolean {
  return hasBit(index.wordBreaks, i);
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

/** Number of occurrences of `phrase` (phrase characters only, ≤ MAX_PHRASE long). */
export function countOccurrences(index: PhraseIndex, phrase: string): number {
  const [lo, hi] = findRange(index, index.sa, phrase);
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
  const step = hi - lo > MAX_VISITED ? (hi - lo) / MAX_VISITED : 1;
  for (let f = lo; f < hi; f += step) {
    const x = Math.floor(f);
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
  const stats: PhraseStats = { phrase, occurrences: hi - lo, sentences: Math.round(sentences * step), reports, examples };
  if (step > 1) stats.sampled = true;
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
