/**
 * Completion's view of the corpus phrase index (engine/search/phraseIndex.ts, shared with
 * hover): looking up a context, mapping index offsets back to reports and example
 * sentences, and normalising the user's own text the way corpus lines are read.
 *
 * Text noise (`textNoiseSpans`: `政治i`, placeholders XX / x次 / **%) is a terminator in the
 * index, so no context or phrase spans it; in the draft it is replaced by NOISE.
 */
import { textNoiseSpans } from '../corpus/clean';
import { bodyStart, reportAt, type PhraseIndex } from '../search/phraseIndex';
import { findRange, matchesAt, MAX_DEPTH } from '../search/suffixArray';

export { buildPhraseIndex, phraseIndexSteps, isWordBreak, kindBit, kindMask, kindsAt, reportAt, type PhraseIndex } from '../search/phraseIndex';

/** Stands where noise was cut out of draft text: never matches a query, never a phrase boundary. */
export const NOISE = '\uE000';
/** Separates lines in draft text and opens a context at a line start: a hard phrase boundary. */
export const LINE_BREAK = '\n';

/**
 * The part of a line that carries text: indentation, Markdown heading markers and quote
 * markers removed. Used for corpus lines and for the user's line alike, so both match.
 */
export function lineBody(line: string): { body: string; offset: number } {
  const offset = bodyStart(line, 0);
  return { body: line.slice(offset), offset };
}

/** Spans [start, end) of text noise inside `s` (linear in its length). */
export const noiseSpans = textNoiseSpans;

/** One line as completion reads it: text body only, noise replaced by NOISE. */
export function indexLine(line: string): string {
  const body = lineBody(line.replace(/\s+$/, '')).body.replace(/[\uE000\r]/g, ' ');
  let out = '';
  let at = 0;
  for (const [a, b] of noiseSpans(body)) {
    out += body.slice(at, a) + NOISE;
    at = b;
  }
  return out + body.slice(at);
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

/** Suffix-array rows [lo, hi) whose first keys are `pattern` (a superset beyond MAX_DEPTH: see occurrencesOf). */
export function rangeOf(index: PhraseIndex, pattern: string): [number, number] {
  return findRange(index, index.sa, pattern);
}

/** Rows of a long pattern's range checked one by one (evenly spread); beyond this the count is estimated. */
const VERIFY_ROWS = 256;

export interface Occurrences {
  /** Occurrences of the pattern (estimated from VERIFY_ROWS rows spread over a very large range). */
  count: number;
  /** Suffix-array entries of occurrences, at most `keep`: the first ones, or a spread sample of a large range. */
  entries: number[];
}

/** Where `pattern` occurs: its count and up to `keep` entries, for patterns of any length. */
export function occurrencesOf(index: PhraseIndex, pattern: string, keep: number): Occurrences {
  const [lo, hi] = rangeOf(index, pattern);
  const entries: number[] = [];
  if (pattern.length <= MAX_DEPTH) {
    for (let x = lo; x < hi && entries.length < keep; x++) entries.push(index.sa[x]);
    return { count: hi - lo, entries };
  }
  // Beyond MAX_DEPTH the range is in text order: check rows, spread over it when it is large.
  const size = hi - lo;
  const step = size > VERIFY_ROWS ? size / VERIFY_ROWS : 1;
  let matched = 0;
  let checked = 0;
  for (let x = lo; x < hi; x += step) {
    const e = index.sa[Math.floor(x)];
    checked++;
    if (!matchesAt(index, e, pattern)) continue;
    matched++;
    if (entries.length < keep) entries.push(e);
  }
  return { count: step === 1 ? matched : Math.round((matched * size) / checked), entries };
}

/** Where text offset `pos` comes from: the report and the offset in its text. */
export function sourceAt(index: PhraseIndex, pos: number): { report: number; offset: number } | undefined {
  const r = reportAt(index, pos);
  if (r < 0) return undefined;
  const offset = pos - index.reportStart[r];
  return offset < index.reports[r].text.length ? { report: r, offset } : undefined;
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

/** The sentence around the `length` characters at text offset `pos`, with its report title. */
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
