/**
 * The tables of the phrase index (phraseIndex.ts) other than its suffix array: line anchors,
 * text noise, word boundaries, sentences, and the runs of section kinds and headings. They
 * are read report by report, so a corpus can be read in parts — stretches of the corpus
 * text holding whole reports — and the parts' tables joined (mergeTables) into exactly what
 * one pass over the whole text gives. The server reads the parts in worker threads; the
 * CLI and the tests read the whole text as one part.
 */
import { hasTextNoise, textNoiseSpans } from '../corpus/clean';
import { corpusTree } from '../report/tree';
import type { ReportNode, ReportTree, SectionKind } from '../types';
import { SECTION_KINDS } from '../types';
import { CHUNK, type Steps } from '../slices';
import { forEachSentence } from './sentences';
import { forEachSectionLabel } from './sections';
import { hasBit, newBitSet, setBit } from './suffixArray';

/** A stretch of the corpus text holding whole reports, with the reports' places in it. */
export interface TextPart {
  /** The corpus text from `base` to just past the line break after the part's last report. */
  readonly text: string;
  /** Offset of `text` in the corpus text: a multiple of 8, so the parts' bit sets line up by bytes. */
  readonly base: number;
  /** Index of the part's first report in the corpus. */
  readonly firstReport: number;
  /** Offset of each of the part's reports in `text`, and its length. */
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
}

/** The tables of one part (offsets in the part's text) or, merged, of the corpus. */
export interface PhraseTables {
  /** Bit sets over the text: noise (placeholders, glued letters), and “a word ends before this offset”. */
  noise: Uint8Array;
  wordBreaks: Uint8Array;
  /** Where each line's text starts (after indentation and Markdown markers), ascending. */
  anchors: Int32Array;
  /** Sentence spans, and the report (index in the corpus) of each. */
  sentStart: Int32Array;
  sentEnd: Int32Array;
  sentReport: Int32Array;
  /** Runs of section kinds: from kindStart[i] on, the mask is kindMasks[i]. */
  kindStart: Int32Array;
  kindMasks: Int32Array;
  /** Runs of section headings: from labelRunStart[i] on, the heading is labels[labelRunId[i]]. */
  labelRunStart: Int32Array;
  labelRunId: Int32Array;
  labels: string[];
}

/** The whole corpus text as one part. */
export function wholeText(text: string, reportStart: Int32Array, lengths: Int32Array): TextPart {
  return { text, base: 0, firstReport: 0, starts: reportStart, lengths };
}

/**
 * The corpus text cut into about `count` parts of similar size, each holding whole reports
 * (a part starts at a byte boundary of the bit sets, so it may begin with the last few
 * characters of the report before it, which it does not read).
 */
export function splitText(text: string, reportStart: Int32Array, lengths: Int32Array, count: number): TextPart[] {
  const parts: TextPart[] = [];
  const per = text.length / Math.max(1, count);
  let first = 0;
  while (first < reportStart.length) {
    let last = first + 1;
    const limit = reportStart[first] + per;
    while (last < reportStart.length && reportStart[last] + lengths[last] <= limit) last++;
    const base = reportStart[first] & ~7;
    const end = reportStart[last - 1] + lengths[last - 1] + 1;
    parts.push({
      text: text.slice(base, end),
      base,
      firstReport: first,
      starts: reportStart.slice(first, last).map((s) => s - base),
      lengths: lengths.slice(first, last),
    });
    first = last;
  }
  return parts;
}

/** Bit of a section kind in kind masks. */
export function kindBit(kind: SectionKind): number {
  return 1 << SECTION_KINDS.indexOf(kind);
}

export function kindMask(kinds: readonly SectionKind[]): number {
  let m = 0;
  for (const k of kinds) m |= kindBit(k);
  return m;
}

/** A growable Int32 list. */
export class IntList {
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

/** Runs of section kinds and of headings being collected; a run that continues the last one is dropped. */
class Runs {
  readonly kindStart = new IntList();
  readonly kindMasks = new IntList();
  readonly labelRunStart = new IntList();
  readonly labelRunId = new IntList();
  readonly labels: string[] = [];
  private readonly ids = new Map<string, number>();

  /** Id of a heading, numbered in order of first use. */
  labelId(label: string): number {
    let id = this.ids.get(label);
    if (id === undefined) {
      this.ids.set(label, (id = this.labels.length));
      this.labels.push(label);
    }
    return id;
  }

  addKind(start: number, mask: number): void {
    if (this.kindMasks.length && this.kindMasks.data[this.kindMasks.length - 1] === mask) return;
    this.kindStart.push(start);
    this.kindMasks.push(mask);
  }

  addLabel(start: number, id: number): void {
    if (this.labelRunId.length && this.labelRunId.data[this.labelRunId.length - 1] === id) return;
    this.labelRunStart.push(start);
    this.labelRunId.push(id);
  }

  done(): Pick<PhraseTables, 'kindStart' | 'kindMasks' | 'labelRunStart' | 'labelRunId' | 'labels'> {
    return {
      kindStart: this.kindStart.done(),
      kindMasks: this.kindMasks.done(),
      labelRunStart: this.labelRunStart.done(),
      labelRunId: this.labelRunId.done(),
      labels: this.labels,
    };
  }
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

const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
/** Longest stretch of a line segmented at once; longer lines (not prose) get a word break every LINE_WINDOW characters. */
export const LINE_WINDOW = 1 << 14;

/**
 * Reads the lines of the text [from, to): records each line's anchor (and, when `lineStarts`
 * is given, its offset relative to `from`), marks noise and — when `wordBreaks` is given —
 * word boundaries. Pauses after every CHUNK characters or so (a line of a megabyte, a text
 * file without line breaks, is read in windows between pauses).
 */
function* readLines(
  text: string,
  from: number,
  to: number,
  marks: { noise: Uint8Array; wordBreaks?: Uint8Array; anchors: IntList; lineStarts?: number[] },
  budget: { sinceYield: number },
): Steps<void> {
  const batch = marks.wordBreaks ? new WordBatch(text, marks.noise, marks.wordBreaks) : undefined;
  for (let a = from; a < to; ) {
    let e = text.indexOf('\n', a);
    if (e < 0 || e > to) e = to;
    const b = bodyStart(text, a);
    if (b < e) {
      marks.anchors.push(b);
      marks.lineStarts?.push(b - from);
      for (let w = b; w < e; w += LINE_WINDOW) {
        const we = Math.min(e, w + LINE_WINDOW);
        markNoise(text, w, we, marks.noise);
        batch?.add(w, we);
        budget.sinceYield += we - w;
        if (budget.sinceYield > CHUNK) {
          budget.sinceYield = 0;
          batch?.flush();
          yield;
        }
      }
    }
    a = e + 1;
  }
  batch?.flush();
}

/**
 * Word boundaries of line windows (a line's text, or LINE_WINDOW characters of a longer
 * one): a word ends at every terminator (noise, control characters, U+E000), at the end of
 * each window, and at the start of every segment the segmenter finds in the stretches
 * between terminators. The windows are segmented many at a time: one string from the first
 * window's start to the last one's end in which every character that is not window text —
 * a line break, indentation, a terminator — is a line break. A line break always ends a word
 * and begins another (Unicode word-break rules WB3a/WB3b), and the dictionary segmentation
 * of Han text runs within what the rules leave between breaks, so each stretch is cut as on
 * its own (the tests compare with segmenting every stretch alone). A full window fills a
 * batch by itself, so two windows of one line are never segmented together. One segmenter
 * call for thousands of characters instead of one a stretch: the calls' ICU objects stay in
 * the C heap until the garbage collector frees them, and one a stretch had grown glibc's
 * heap by some 25 MB at 50 MB of corpus, which it then kept.
 */
class WordBatch {
  private pieces: string[] = [];
  /** Text offset the batch string starts at, and where its last line ends (−1: empty). */
  private start = -1;
  private end = -1;
  private chars = 0;

  constructor(
    private readonly text: string,
    private readonly noise: Uint8Array,
    readonly wordBreaks: Uint8Array,
  ) {}

  /** Adds the window [b, e) (at most LINE_WINDOW characters, after the windows already added). */
  add(b: number, e: number): void {
    const { text, noise, wordBreaks, pieces } = this;
    if (this.start < 0) this.start = b;
    else pieces.push('\n'.repeat(b - this.end));
    let run = b;
    for (let i = b; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c !== 0xe000 && !hasBit(noise, i)) continue;
      if (i > run) pieces.push(text.slice(run, i));
      pieces.push('\n');
      setBit(wordBreaks, i);
      run = i + 1;
    }
    if (e > run) pieces.push(text.slice(run, e));
    setBit(wordBreaks, e);
    this.end = e;
    this.chars += e - b;
    if (this.chars >= LINE_WINDOW) this.flush();
  }

  /** Segments the lines added since the last flush. */
  flush(): void {
    if (this.start < 0) return;
    const s = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    for (const seg of segmenter.segment(s)) if (s.charCodeAt(seg.index) !== 0x0a) setBit(this.wordBreaks, this.start + seg.index);
    this.pieces = [];
    this.start = this.end = -1;
    this.chars = 0;
  }
}

/** Marks the noise of the line text [b, e) (placeholders, glued Latin letters). */
function markNoise(text: string, b: number, e: number, noise: Uint8Array): void {
  const line = text.slice(b, e);
  if (hasTextNoise(line)) for (const [s, t] of textNoiseSpans(line)) for (let i = b + s; i < b + t; i++) setBit(noise, i);
}

/** Anchors and noise of a part, without the costly word boundaries: what the suffix array needs. */
export function* lineMarksSteps(part: TextPart): Steps<{ noise: Uint8Array; anchors: Int32Array }> {
  const noise = newBitSet(part.text.length);
  const anchors = new IntList();
  const budget = { sinceYield: 0 };
  for (let r = 0; r < part.starts.length; r++) {
    yield* readLines(part.text, part.starts[r], part.starts[r] + part.lengths[r], { noise, anchors }, budget);
  }
  return { noise, anchors: anchors.done() };
}

/**
 * The tables of a part, report by report. `treeOf(r)` is the structure of the part's r-th
 * report (section kinds and headings), parsed or taken from the report.
 */
export function* phraseTablesSteps(part: TextPart, treeOf: (r: number) => ReportTree | undefined): Steps<PhraseTables> {
  const { text } = part;
  const noise = newBitSet(text.length);
  const wordBreaks = newBitSet(text.length);
  const budget = { sinceYield: 0 };
  // Sentences are counted first, so their three tables are allocated once at their size: grown by
  // doubling, their dropped copies (tens of megabytes at 50 MB of corpus) had stayed in glibc's heap.
  let count = 0;
  for (let r = 0; r < part.starts.length; r++) {
    forEachSentence(text, part.starts[r], part.starts[r] + part.lengths[r], () => count++);
    budget.sinceYield += part.lengths[r] >> 4;
    if (budget.sinceYield > CHUNK) {
      budget.sinceYield = 0;
      yield;
    }
  }
  const sentStart = new Int32Array(count);
  const sentEnd = new Int32Array(count);
  const sentReport = new Int32Array(count);
  let sentences = 0;
  const anchors = new IntList();
  const runs = new Runs();
  const { labelRunStart, labelRunId } = runs;
  for (let r = 0; r < part.starts.length; r++) {
    const from = part.starts[r];
    const to = from + part.lengths[r];
    const owner = part.firstReport + r;
    forEachSentence(text, from, to, (s, e) => {
      sentStart[sentences] = s;
      sentEnd[sentences] = e;
      sentReport[sentences++] = owner;
    });
    // Lines: anchors, noise, word boundaries and section kinds.
    const lineStarts: number[] = [];
    yield* readLines(text, from, to, { noise, wordBreaks, anchors, lineStarts }, budget);
    const tree = treeOf(r);
    const masks = kindMasksAt(tree?.sections ?? [], lineStarts);
    const addLabel = (at: number, label: string) => {
      const id = runs.labelId(label);
      const last = labelRunId.length - 1;
      if (last >= 0 && labelRunStart.data[last] === from + at) {
        // Replaces the label of an empty run (a section ending where the next begins).
        labelRunId.data[last] = id;
        if (last > 0 && labelRunId.data[last - 1] === id) labelRunId.length = labelRunStart.length = last;
        return;
      }
      runs.addLabel(from + at, id);
    };
    if (tree) forEachSectionLabel(tree, addLabel);
    else addLabel(0, '');
    for (let i = 0; i < masks.length; i++) runs.addKind(from + lineStarts[i], masks[i]);
    budget.sinceYield += lineStarts.length;
    if (budget.sinceYield > CHUNK) {
      budget.sinceYield = 0;
      yield;
    }
  }
  return {
    noise,
    wordBreaks,
    anchors: anchors.done(),
    sentStart,
    sentEnd,
    sentReport,
    ...runs.done(),
  };
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

/**
 * The tables of consecutive parts joined into those of the corpus text (`length`
 * characters): offsets moved by each part's base, bit sets laid over each other, heading
 * ids renumbered in order of first use, and a run that continues the previous part's last
 * run (same kinds, same heading) dropped — as one pass over the whole text does.
 */
export function mergeTables(parts: ReadonlyArray<{ base: number; tables: PhraseTables }>, length: number): PhraseTables {
  if (parts.length === 1 && parts[0].base === 0) return parts[0].tables;
  const noise = newBitSet(length);
  const wordBreaks = newBitSet(length);
  const lists = { anchors: new IntList(), sentStart: new IntList(), sentEnd: new IntList(), sentReport: new IntList() };
  const runs = new Runs();
  for (const { base, tables: t } of parts) {
    orBits(noise, t.noise, base >> 3);
    orBits(wordBreaks, t.wordBreaks, base >> 3);
    for (let i = 0; i < t.anchors.length; i++) lists.anchors.push(t.anchors[i] + base);
    for (let i = 0; i < t.sentStart.length; i++) {
      lists.sentStart.push(t.sentStart[i] + base);
      lists.sentEnd.push(t.sentEnd[i] + base);
      lists.sentReport.push(t.sentReport[i]);
    }
    for (let i = 0; i < t.kindStart.length; i++) runs.addKind(t.kindStart[i] + base, t.kindMasks[i]);
    const ids = t.labels.map((label) => runs.labelId(label));
    for (let i = 0; i < t.labelRunStart.length; i++) runs.addLabel(t.labelRunStart[i] + base, ids[t.labelRunId[i]]);
  }
  return {
    noise,
    wordBreaks,
    anchors: lists.anchors.done(),
    sentStart: lists.sentStart.done(),
    sentEnd: lists.sentEnd.done(),
    sentReport: lists.sentReport.done(),
    ...runs.done(),
  };
}

/** ORs the bit set `part` into `into` from byte `at` on. */
function orBits(into: Uint8Array, part: Uint8Array, at: number): void {
  const n = Math.min(part.length, into.length - at);
  for (let i = 0; i < n; i++) into[at + i] |= part[i];
}

/** The tables of a part on its own (as a worker thread reads it): each report's structure parsed from the part's text. */
export function partTablesSteps(part: TextPart): Steps<PhraseTables> {
  return phraseTablesSteps(part, (r) => corpusTree(part.text.slice(part.starts[r], part.starts[r] + part.lengths[r])));
}
