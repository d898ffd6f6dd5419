/**
 * Passages the draft shares verbatim with the corpus (rule copied-passage and the review
 * summary `与语料重复 X%`).
 *
 * A copied stretch of at least minChars characters holds the first D = min(minChars, MAX_DEPTH)
 * characters from one of the seed offsets, one every minChars − D + 1 (the suffix array sorts
 * exactly to MAX_DEPTH). From each seed the range of those D characters is read off the suffix
 * array; when it holds at most MAX_EXTEND occurrences, each is followed both ways in the corpus
 * text one character at a time, and the ones reaching furthest make the span. It is a copy when
 * it is at least minChars long and at most maxReports reports hold it; stretches many reports
 * share are formulaic (述职完毕，敬请批评指正) and left out. Pieces of at least CONTINUE_MIN
 * characters after or before a gap of at most MAX_GAP (a changed figure, a placeholder of the
 * corpus text) at the same place of the source belong to the span. Matches stop at line breaks.
 */
import { reportAt, type PhraseIndex } from '../search/phraseIndex';
import { entryOffset, keyOfOffset, MAX_DEPTH, narrow, shortRange } from '../search/suffixArray';
import { runToEnd, type Steps } from '../slices';

export interface CopyOptions {
  /** Shortest copied span (characters), the setting shuzhi.review.copyMinChars. */
  minChars?: number;
  /** Most reports that may hold the span for it to count as copied from them (more: formulaic). */
  maxReports?: number;
}

export const COPY_DEFAULTS: Required<CopyOptions> = { minChars: 30, maxReports: 2 };

export interface CopiedSpan {
  /** Offsets [start, end) in the draft. */
  start: number;
  end: number;
  /** Reports holding the span (indexes into index.reports), and where: offsets in each report's text. */
  sources: Array<{ report: number; start: number; end: number }>;
}

export interface CopySource {
  report: number;
  /** Draft characters copied from this report (a span held by two reports counts for the first). */
  chars: number;
  share: number;
}

export interface CopyReport {
  spans: CopiedSpan[];
  /** Characters of the draft counted (not spaces or line breaks). */
  chars: number;
  /** Of those, characters inside copied spans, and their share. */
  copied: number;
  share: number;
  /** Source reports, most copied first. */
  sources: CopySource[];
}

/** A copied span may resume after a gap of at most MAX_GAP characters, with a piece of at least CONTINUE_MIN. */
const MAX_GAP = 8;
const CONTINUE_MIN = 6;
/** Occurrences followed past MAX_DEPTH at most (more: a formula, not one report's passage). */
const MAX_EXTEND = 16;

/** The last search, per index: the rule and the review summary ask for the same draft in turn. */
const lastSearch = new WeakMap<PhraseIndex, { text: string; key: string; result: CopyReport }>();

/** Copied spans of `text` (prose: non-prose blanked) and the summary. */
export function findCopies(index: PhraseIndex, text: string, options: CopyOptions = {}): CopyReport {
  return runToEnd(copiesSteps(index, text, options));
}

/** Draft characters searched between two yields of a sliced search (small: the server answers requests only between steps; 1,024 took 5–15 ms at 50 MB). */
const SLICE_CHARS = 64;

/**
 * findCopies as a sliced run (engine/slices.ts), for a huge draft: yields every few thousand
 * characters and stops there once `outOfTime()` says so (the spans found so far stand; a
 * search cut short is not remembered).
 */
export function* copiesSteps(index: PhraseIndex, text: string, options: CopyOptions = {}, outOfTime?: () => boolean): Steps<CopyReport> {
  const o = { ...COPY_DEFAULTS, ...options };
  const key = `${o.minChars}/${o.maxReports}`;
  const last = lastSearch.get(index);
  if (last && last.key === key && last.text === text) return structuredClone(last.result);
  const result = yield* searchCopies(index, text, o, outOfTime);
  if (!outOfTime?.()) lastSearch.set(index, { text, key, result: structuredClone(result) });
  return result;
}

function* searchCopies(index: PhraseIndex, text: string, o: Required<CopyOptions>, outOfTime?: () => boolean): Steps<CopyReport> {
  const spans: CopiedSpan[] = [];
  const sa = index.sa;
  if (sa.length === 0) return summarise(text, spans);
  // Every span of minChars or more holds the D characters from one seed: seeds every S offsets.
  const D = Math.min(o.minChars, MAX_DEPTH);
  const S = o.minChars - D + 1;
  /** Key of the corpus text at p (0: a terminator, or before the text). */
  const corpus = (p: number) => (p < 0 ? 0 : keyOfOffset(index, p));
  const draft = (i: number) => {
    const c = i < 0 || i >= text.length ? 0 : text.charCodeAt(i);
    return c < 0x20 ? 0 : c;
  };
  let nextYield = SLICE_CHARS;
  for (let s = 0; s + D <= text.length; s += S) {
    if (s >= nextYield) {
      nextYield = s + SLICE_CHARS;
      yield;
      if (outOfTime?.()) break;
    }
    const last = spans.at(-1);
    // A span reaching beyond the last one holds D characters after its end minus D: seeds before add nothing.
    if (last && s + D <= last.end) continue;
    let lo = 0;
    let hi = sa.length;
    let len = 0;
    for (; len < D; len++) {
      const c = draft(s + len);
      if (c === 0) break;
      if (len < 2) [lo, hi] = len === 0 ? shortRange(index, sa, c) : shortRange(index, sa, draft(s), c);
      else [lo, hi] = narrow(index, sa, lo, hi, len, c);
      if (lo >= hi) break;
    }
    // No occurrence, or so many that the stretch is formulaic.
    if (len < D || hi - lo > MAX_EXTEND) continue;
    // Follow each occurrence both ways; keep those reaching furthest.
    let best = 0;
    let found: Array<{ p: number; back: number; fwd: number }> = [];
    for (let x = lo; x < hi; x++) {
      const p = entryOffset(sa[x]);
      let fwd = D;
      while (draft(s + fwd) !== 0 && corpus(p + fwd) === draft(s + fwd)) fwd++;
      let back = 0;
      while (draft(s - 1 - back) !== 0 && corpus(p - 1 - back) === draft(s - 1 - back)) back++;
      if (back + fwd > best) {
        best = back + fwd;
        found = [];
      }
      if (back + fwd === best) found.push({ p, back, fwd });
    }
    if (best < o.minChars) continue;
    const { back, fwd } = found[0];
    const byReport = new Map<number, number>();
    for (const f of found) {
      if (f.back !== back) continue;
      const r = reportAt(index, f.p);
      if (r >= 0 && !byReport.has(r)) byReport.set(r, f.p - back - index.reportStart[r]);
    }
    if (byReport.size === 0 || byReport.size > o.maxReports) continue;
    let start = s - back;
    let end = s + fwd;
    const sources = [...byReport].map(([report, at]) => ({ report, start: at, end: at + end - start }));
    // Pieces after a changed figure or a placeholder of the corpus text, at the same place of the first source.
    const src = sources[0];
    const base = index.reportStart[src.report];
    const before = src.end - src.start;
    for (let moved = true; moved; ) {
      moved = false;
      for (let g = 1; g <= MAX_GAP; g++) {
        let k = 0;
        while (draft(end + g + k) !== 0 && corpus(base + src.end + g + k) === draft(end + g + k)) k++;
        if (k >= CONTINUE_MIN) {
          end += g + k;
          src.end += g + k;
          moved = true;
          break;
        }
      }
    }
    for (let moved = true; moved; ) {
      moved = false;
      for (let g = 1; g <= MAX_GAP; g++) {
        let k = 0;
        while (draft(start - g - 1 - k) !== 0 && src.start - g - 1 - k >= 0 && corpus(base + src.start - g - 1 - k) === draft(start - g - 1 - k)) k++;
        if (k >= CONTINUE_MIN) {
          start -= g + k;
          src.start -= g + k;
          moved = true;
          break;
        }
      }
    }
    // Pieces were taken in from the first source only: it alone stands for the span then.
    if (src.end - src.start !== before) sources.length = 1;
    // A span overlapping the previous one extends it when from the same report, else starts where it ends.
    if (last && start < last.end) {
      if (last.sources[0].report === src.report) {
        if (end > last.end) {
          last.sources[0].end += end - last.end;
          last.sources.length = 1;
          last.end = end;
        }
        continue;
      }
      const cut = last.end - start;
      // What is left beyond the previous span is too short to name a second source.
      if (end - last.end < o.minChars / 2) continue;
      for (const x of sources) x.start += cut;
      start = last.end;
    }
    spans.push({ start, end, sources });
  }
  return summarise(text, spans);
}

/** Characters counted in the summary: everything but spaces and control characters. */
function counted(c: number): boolean {
  return c > 0x20 && c !== 0x3000 && c !== 0xa0;
}

function summarise(text: string, spans: CopiedSpan[]): CopyReport {
  let chars = 0;
  for (let i = 0; i < text.length; i++) if (counted(text.charCodeAt(i))) chars++;
  let copied = 0;
  const per = new Map<number, number>();
  for (const s of spans) {
    let n = 0;
    for (let i = s.start; i < s.end; i++) if (counted(text.charCodeAt(i))) n++;
    copied += n;
    const r = s.sources[0].report;
    per.set(r, (per.get(r) ?? 0) + n);
  }
  const share = chars ? copied / chars : 0;
  const sources = [...per]
    .map(([report, n]) => ({ report, chars: n, share: chars ? n / chars : 0 }))
    .sort((a, b) => b.chars - a.chars || a.report - b.report);
  return { spans, chars, copied, share, sources };
}

/** Zero-based line of `offset` in a report's text. */
export function reportLineOf(index: PhraseIndex, report: number, offset: number): number {
  const t = index.reports[report].text;
  let line = 0;
  for (let i = t.indexOf('\n'); i >= 0 && i < offset; i = t.indexOf('\n', i + 1)) line++;
  return line;
}
