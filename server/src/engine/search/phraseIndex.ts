import { treeForScan } from '../corpus/corpus';
import type { CorpusReport, ReportNode, SectionKind } from '../types';
import { SECTION_KINDS } from '../types';
import { hasTextNoise, textNoiseSpans } from '../corpus/clean';
import { forEachSentence } from './sentences';
import { forEachSectionLabel } from './sections';
import { CHUNK, runToEnd, type Steps } from '../slices';
import { findRange, hasBit, MAX_DEPTH, newBitSet, setBit, suffixArraySteps, type KeyedText } from './suffixArray';
import { joinedLayout, joinReportTexts, sharedCorpusText } from './corpusText';

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

/** Bit of a section kind in kind masks. */
export function kindBit(kind: SectionKind): number {
  return 1 << SECTION_KINDS.indexOf(kind);
}

export function kindMask(kinds: readonly SectionKind[]): number {
  let m = 0;
  for (const k of kinds) m |= kindBit(k);
  return m;
}

/**
 * Where a line's text starts: after indentation, Markdown heading markers and quote
 * markers. Used for corpus lines and for the user's line alike, so both match.
 */
export const LINE_LEADING = /(?:[ \t\u3000\u00a0]*(?:#{1,6}[ \t]+|>[ \t]?)?)*[ \t\u3000\u00a0]*/y;

/** Offset where the text of the line starting at `from` begins (LINE_LEADING skipped). */
export function bodyStart(text: string, from: number): number {
  LINE_LEADING.lastIndex = from;
  return LINE_LEADING.exec(text) ? LINE_LEADING.lastIndex : from;
}

/** Builds the phrase index of a corpus at once. */
export function buildPhraseIndex(reports: readonly CorpusReport[]): PhraseIndex {
  return runToEnd(phraseIndexSteps(reports));
}

/** A growable Int32 list. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
/** Longest stretch of a line segmented at once; longer lines (not prose) get a word break every LINE_WINDOW characters. */
const LINE_WINDOW = 1 << 14;

/** The phrase-index build as resumable steps, for building in slices (see slices.ts). */
export function* phraseIndexSteps(reports: readonly CorpusReport[]): Steps<PhraseIndex> {
  const t0 = performance.now();
  // The loader's shared corpus text when there is one (no second copy of the corpus), else a join.
  const shared = sharedCorpusText(reports);
  const reportStart = shared ? shared.starts : joinedLayout(reports).starts;
  const text = shared ? shared.text : joinReportTexts(reports);
  const noise = newBitSet(text.length);
  const wordBreaks = newBitSet(text.length);
  yield;

  const starts = new IntList();
  const ends = new IntList();
  const owners = new IntList();
  const anchors = new IntList();
  const kindStart = new IntList();
  const kindMasks = new IntList();
  const labelRunStart = new IntList();
  const labelRunId = new IntList();
  const labelIds = new Map<string, number>();
  const labels: string[] = [];
  let sinceYield = 0;
  for (let r = 0; r < reports.length; r++) {
    const from = reportStart[r];
    const to = from + reports[r].text.length;
    forEachSentence(text, from, to, (s, e) => {
      starts.push(s);
      ends.push(e);
      owners.push(r);
    });
    // Lines: anchors, noise, word boundaries and section kinds.
    const lineStarts: number[] = [];
    for (let a = from; a < to; ) {
      let e = text.indexOf('\n', a);
      if (e < 0 || e > to) e = to;
      const b = bodyStart(text, a);
      if (b < e) {
        anchors.push(b);
        lineStarts.push(b - from);
        // A line of a megabyte (a text file without line breaks) is read in windows between pauses.
        for (let w = b; w < e; w += LINE_WINDOW) {
          const we = Math.min(e, w + LINE_WINDOW);
          markLine(text, w, we, noise, wordBreaks);
          sinceYield += we - w;
          if (sinceYield > CHUNK) {
            sinceYield = 0;
            yield;
          }
        }
      }
      a = e + 1;
    }
    const tree = treeForScan(reports[r]);
    const masks = kindMasksAt(tree?.sections ?? [], lineStarts);
    const addLabel = (at: number, label: string) => {
      let id = labelIds.get(label);
      if (id === undefined) {
        labelIds.set(label, (id = labels.length));
        labels.push(label);
      }
      const last = labelRunId.length - 1;
      if (last >= 0 && labelRunStart.data[last] === from + at) {
        // Replaces the label of an empty run (a section ending where the next begins).
        labelRunId.data[last] = id;
        if (last > 0 && labelRunId.data[last - 1] === id) labelRunId.length = labelRunStart.length = last;
        return;
      }
      if (last >= 0 && labelRunId.data[last] === id) return;
      labelRunStart.push(from + at);
      labelRunId.push(id);
    };
    if (tree) forEachSectionLabel(tree, addLabel);
    else addLabel(0, '');
    for (let i = 0; i < masks.length; i++) {
      if (kindMasks.length && kindMasks.data[kindMasks.length - 1] === masks[i]) continue;
      kindStart.push(from + lineStarts[i]);
      kindMasks.push(masks[i]);
    }
    sinceYield += lineStarts.length;
    if (sinceYield > CHUNK) {
      sinceYield = 0;
      yield;
    }
  }
  const sentEnd = ends.done();
  const sentBlock = blockIndex(sentEnd, text.length);
  const lineAnchors = anchors.done();
  const kindStarts = kindStart.done();
  const labelRunStarts = labelRunStart.done();
  const labelStart = new Int32Array(labels.length + 1);
  for (let i = 0; i < labels.length; i++) labelStart[i + 1] = labelStart[i] + labels[i].length;
  yield;
  const sa = yield* suffixArraySteps({ text, noise }, lineAnchors);
  return {
    reports,
    text,
    noise,
    sa,
    reportStart,
    reportBlock: runBlocks(reportStart, text.length),
    wordBreaks,
    kindStart: kindStarts,
    kindBlock: runBlocks(kindStarts, text.length),
    kindMasks: Uint16Array.from(kindMasks.done()),
    labelRunStart: labelRunStarts,
    labelRunId: labelRunId.done(),
    labelRunBlock: runBlocks(labelRunStarts, text.length),
    labelText: labels.join(''),
    labelStart,
    sentStart: starts.done(),
    sentEnd,
    sentReport: owners.done(),
    sentBlock,
    sentMark: new Int32Array(sentEnd.length),
    reportMark: new Int32Array(reports.length),
    markGeneration: 0,
    cache: new Map(),
    buildMs: performance.now() - t0,
  };
}

/**
 * Marks the noise of the line text [b, e) and its word boundaries: the segmenter runs on
 * each stretch between terminators (noise, control characters), and a word ends at the
 * start of every segment and at the end of every stretch.
 */
function markLine(text: string, b: number, e: number, noise: Uint8Array, wordBreaks: Uint8Array): void {
  const line = text.slice(b, e);
  if (hasTextNoise(line)) for (const [s, t] of textNoiseSpans(line)) for (let i = b + s; i < b + t; i++) setBit(noise, i);
  let start = b;
  for (let i = b; i <= e; i++) {
    if (i < e) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c !== 0xe000 && !hasBit(noise, i)) continue;
    }
    if (i > start) {
      for (const seg of segmenter.segment(text.slice(start, i))) setBit(wordBreaks, start + seg.index);
    }
    setBit(wordBreaks, i);
    start = i + 1;
  }
}

/** Section-kind mask for each offset in `offsets` (ascending), from the report tree. */
function kindMasksAt(sections: readonly ReportNode[], offsets: readonly number[]): number[] {
  const masks = new Array<number>(offsets.length).fill(0);
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Parents before children, so a child section adds its kinds to its parent's.
  const visit = (nodes: readonly ReportNode[], inherited: number) => {
    for (const n of nodes) {
      const mask = inherited | kindMask(n.kinds ?? []);
      for (let i = lowerBound(n.start); i < offsets.length && offsets[i] < n.end; i++) masks[i] = mask;
      visit(n.children ?? [], mask);
    }
  };
  visit(sections, 0);
  return masks;
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
