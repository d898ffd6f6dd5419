/**
 * The phrase index: every line of every corpus report, joined into one string and
 * indexed by a suffix array, so that any context the user has typed can be looked up and
 * the corpus continuations after it read off in sorted order.
 *
 * Memory is one UTF-16 string plus one Int32 per character (the suffix array) and a small
 * piece table (one entry per line) mapping index offsets back to reports, report offsets
 * and section kinds — no per-position objects. Build time is linear (SA-IS).
 *
 * Text noise (`hasTextNoise`: `政治i`, placeholders XX / x次 / **%) is cut out and replaced
 * by NOISE, a character no query contains, so no context or phrase spans it.
 */
import type { CorpusReport, ReportNode, SectionKind } from '../types';
import { SECTION_KINDS } from '../types';
import { hasTextNoise } from '../corpus/clean';
import { buildSuffixArray, findRange } from './suffixArray';

/** Stands where noise was cut out: never matches a query, never a phrase boundary. */
export const NOISE = '\uE000';
/** Separates lines (and reports) in the index text: a hard phrase boundary. */
export const LINE_BREAK = '\n';

export interface PhraseIndex {
  /** Lines of all reports, each preceded by LINE_BREAK, noise replaced by NOISE. */
  readonly text: string;
  /** Suffix array of `text`. */
  readonly sa: Int32Array;
  readonly reports: readonly CorpusReport[];
  /** Piece table, sorted by pieceStart: a piece is a run of text copied unchanged from one report. */
  readonly pieceStart: Int32Array;
  readonly pieceSource: Int32Array;
  readonly pieceReport: Int32Array;
  /** Bit set of the section kinds (bit = index in SECTION_KINDS) of the piece's section. */
  readonly pieceKinds: Uint16Array;
  /**
   * Word boundaries (Intl.Segmenter) as a bit set: bit i is set when a word ends just before
   * offset i. Phrases may end only at word boundaries, so no item stops mid-word.
   */
  readonly wordBreaks: Uint8Array;
  /** Milliseconds spent building. */
  readonly buildMs: number;
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

const LEADING = /^(?:[ \t\u3000\u00a0]*(?:#{1,6}[ \t]+|>[ \t]?)?)*[ \t\u3000\u00a0]*/;

/**
 * The part of a line that carries text: indentation, Markdown heading markers and quote
 * markers removed. Used for corpus lines and for the user's line alike, so both match.
 */
export function lineBody(line: string): { body: string; offset: number } {
  const m = LEADING.exec(line);
  const offset = m ? m[0].length : 0;
  return { body: line.slice(offset), offset };
}

/** Clause punctuation that splits a line into the stretches checked for noise. */
const STRETCH_BREAK = /[，。；：！？、,;:!?]/;

/**
 * Spans [start, end) of noise inside `s`: for each, the shortest stretch that
 * `hasTextNoise` flags, found left to right. Quadratic in the stretch length, but only
 * run on the rare stretches that contain noise, and stretches are short.
 */
export function noiseSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  while (from < s.length && hasTextNoise(s.slice(from))) {
    let end = from + 1;
    while (end <= s.length && !hasTextNoise(s.slice(from, end))) end++;
    if (end > s.length) break;
    let start = end - 1;
    while (start > from && !hasTextNoise(s.slice(start, end))) start--;
    spans.push([start, end]);
    from = end;
  }
  return spans;
}

/** Line text with noise replaced by NOISE, as runs of kept text with their offsets in the line. */
function keptRuns(line: string): Array<{ text: string; offset: number }> {
  if (!hasTextNoise(line)) return [{ text: line, offset: 0 }];
  const runs: Array<{ text: string; offset: number }> = [];
  let runStart = 0;
  let stretchStart = 0;
  const cut = (a: number, b: number) => {
    if (a > runStart) runs.push({ text: line.slice(runStart, a), offset: runStart });
    runs.push({ text: NOISE, offset: -1 });
    runStart = b;
  };
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && !STRETCH_BREAK.test(line[i])) continue;
    const stretch = line.slice(stretchStart, i);
    if (hasTextNoise(stretch)) for (const [a, b] of noiseSpans(stretch)) cut(stretchStart + a, stretchStart + b);
    stretchStart = i + 1;
  }
  if (runStart < line.length) runs.push({ text: line.slice(runStart), offset: runStart });
  return runs;
}

/** One line as the index holds it: text body only, noise replaced by NOISE. */
export function indexLine(line: string): string {
  const body = lineBody(line.replace(/\s+$/, '')).body.replace(/[\uE000\r]/g, ' ');
  return keptRuns(body)
    .map((r) => r.text)
    .join('');
}

/** Draft text normalised like corpus text (lines joined by LINE_BREAK, starting with one). */
export function draftText(text: string): string {
  let out = '';
  for (const line of text.split('\n')) {
    const l = indexLine(line);
    if (l) out += LINE_BREAK + l;
  }
  return out;
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

const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

/** Word-boundary bit set of the index text, segmenting between line breaks and noise marks. */
function* wordBreaksOf(text: string, bits: Uint8Array): Generator<void, void> {
  const set = (i: number) => (bits[i >> 3] |= 1 << (i & 7));
  let start = 0;
  let sinceYield = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== LINE_BREAK && text[i] !== NOISE) continue;
    set(i);
    if (i > start) for (const seg of segmenter.segment(text.slice(start, i))) set(start + seg.index);
    set(i + 1);
    sinceYield += i - start;
    start = i + 1;
    if (sinceYield >= YIELD_CHARS) {
      sinceYield = 0;
      yield;
    }
  }
}

/** True when a word ends just before offset `i`. */
export function isWordBreak(index: PhraseIndex, i: number): boolean {
  return (index.wordBreaks[i >> 3] & (1 << (i & 7))) !== 0;
}

/** Characters of work between two pauses of an incremental build. */
const YIELD_CHARS = 200_000;

/**
 * Builds the phrase index step by step: the generator pauses (yields) every few hundred
 * thousand characters, so a server can build a large corpus's index between requests.
 * Only the suffix sort itself runs in one go (about a second per 4 million characters).
 */
export function* phraseIndexBuilder(reports: readonly CorpusReport[]): Generator<void, PhraseIndex> {
  const t0 = performance.now();
  const parts: string[] = [];
  const pStart: number[] = [];
  const pSource: number[] = [];
  const pReport: number[] = [];
  const pKinds: number[] = [];
  let length = 0;
  let sinceYield = 0;

  for (let r = 0; r < reports.length; r++) {
    const report = reports[r];
    const lineOffsets: number[] = [];
    const lines: string[] = [];
    let pos = 0;
    for (const raw of report.text.split('\n')) {
      const { body, offset } = lineBody(raw.replace(/\s+$/, ''));
      if (body) {
        lineOffsets.push(pos + offset);
        lines.push(body.replace(/[\uE000\n\r]/g, ' '));
      }
      pos += raw.length + 1;
    }
    const masks = kindMasksAt(report.tree?.sections ?? [], lineOffsets);
    lines.forEach((line, i) => {
      parts.push(LINE_BREAK);
      length += 1;
      for (const run of keptRuns(line)) {
        if (run.offset >= 0) {
          pStart.push(length);
          pSource.push(lineOffsets[i] + run.offset);
          pReport.push(r);
          pKinds.push(masks[i]);
        }
        parts.push(run.text);
        length += run.text.length;
      }
    });
    sinceYield += report.text.length;
    if (sinceYield >= YIELD_CHARS) {
      sinceYield = 0;
      yield;
    }
  }
  parts.push(LINE_BREAK);
  const text = parts.join('');
  const wordBreaks = new Uint8Array((text.length >> 3) + 1);
  yield* wordBreaksOf(text, wordBreaks);
  const sa = buildSuffixArray(text);
  return {
    text,
    sa,
    reports,
    pieceStart: Int32Array.from(pStart),
    pieceSource: Int32Array.from(pSource),
    pieceReport: Int32Array.from(pReport),
    pieceKinds: Uint16Array.from(pKinds),
    wordBreaks,
    buildMs: performance.now() - t0,
  };
}

/** Builds the phrase index of `reports` in one go. */
export function buildPhraseIndex(reports: readonly CorpusReport[]): PhraseIndex {
  const steps = phraseIndexBuilder(reports);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Suffix-array rows [lo, hi) whose suffix starts with `pattern`. */
export function rangeOf(index: PhraseIndex, pattern: string, from?: number, to?: number): [number, number] {
  return findRange(index.text, index.sa, pattern, from, to);
}

/** Piece holding index offset `pos`, or -1 (on a line break or a noise mark). */
export function pieceAt(index: PhraseIndex, pos: number): number {
  let lo = 0;
  let hi = index.pieceStart.length - 1;
  if (hi < 0 || pos < index.pieceStart[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.pieceStart[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Report (index into index.reports) holding offset `pos`. */
export function reportAt(index: PhraseIndex, pos: number): number {
  const p = pieceAt(index, pos);
  return p < 0 ? -1 : index.pieceReport[p];
}

/** Where `pos` comes from: the report and the offset in its text. */
export function sourceAt(index: PhraseIndex, pos: number): { report: number; offset: number } | undefined {
  const p = pieceAt(index, pos);
  if (p < 0) return undefined;
  return { report: index.pieceReport[p], offset: index.pieceSource[p] + (pos - index.pieceStart[p]) };
}

export interface PhraseExample {
  /** The corpus sentence holding the phrase. */
  sentence: string;
  /** Offsets of the phrase within `sentence`. */
  start: number;
  end: number;
  /** Title of the report it comes from. */
  title: string;
  source: string;
}

const SENTENCE_STOP = /[。！？；\n]/;

/** The sentence around the `length` characters at index offset `pos`, with its report title. */
export function exampleAt(index: PhraseIndex, pos: number, length: number, maxChars = 120): PhraseExample | undefined {
  const src = sourceAt(index, pos);
  if (!src) return undefined;
  const report = index.reports[src.report];
  const t = report.text;
  let a = src.offset;
  while (a > 0 && !SENTENCE_STOP.test(t[a - 1])) a--;
  let b = Math.min(t.length, src.offset + length);
  while (b < t.length && !SENTENCE_STOP.test(t[b])) b++;
  if (b < t.length && t[b] !== '\n') b++;
  // Long sentences are cut around the phrase so the example stays readable.
  let prefix = '';
  let suffix = '';
  if (b - a > maxChars) {
    const na = Math.max(a, src.offset - Math.floor(maxChars / 3));
    const nb = Math.min(b, Math.max(src.offset + length, na + maxChars));
    if (na > a) prefix = '…';
    if (nb < b) suffix = '…';
    a = na;
    b = nb;
  }
  const lead = t.slice(a, src.offset).replace(/^[\s\u3000]+/, '');
  const sentence = prefix + lead + t.slice(src.offset, b).trimEnd() + suffix;
  const start = prefix.length + lead.length;
  return { sentence, start, end: start + length, title: report.title, source: report.source };
}
