/**
 * Passages the draft shares verbatim with the corpus (rule copied-passage and the review
 * summary `与语料重复 X%`).
 *
 * For each offset i of the draft, the longest stretch text[i, i + L) that occurs in the
 * corpus is read off the suffix array: narrowed character by character to MAX_DEPTH, then the
 * occurrences left (at most MAX_EXTEND of them) are followed in the corpus text one character
 * at a time. A match is kept when it starts where the previous one could not be extended to
 * and reaches further than every match before it (a maximal match). It is a copy when it is at
 * least minChars long and at most maxReports reports hold it; longer stretches many reports
 * share are formulaic (述职完毕，敬请批评指正) and left out. Matches stop at line breaks.
 */
import { reportAt, type PhraseIndex } from '../search/phraseIndex';
import { keyOfOffset, MAX_DEPTH, narrow } from '../search/suffixArray';

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
  const o = { ...COPY_DEFAULTS, ...options };
  const key = `${o.minChars}/${o.maxReports}`;
  const last = lastSearch.get(index);
  if (last && last.key === key && last.text === text) return structuredClone(last.result);
  const result = searchCopies(index, text, o);
  lastSearch.set(index, { text, key, result: structuredClone(result) });
  return result;
}

function searchCopies(index: PhraseIndex, text: string, o: Required<CopyOptions>): CopyReport {
  const spans: CopiedSpan[] = [];
  let reach = 0;
  const sa = index.sa;
  /** The last match too short to be a span, which a span starting just after it may take in. */
  let piece: { start: number; end: number; occ: number[] } | undefined;
  for (let i = 0; i < text.length && sa.length; i++) {
    if (!counted(text.charCodeAt(i))) continue;
    // Longest match from i, exact to MAX_DEPTH.
    let lo = 0;
    let hi = sa.length;
    let len = 0;
    while (len < MAX_DEPTH && i + len < text.length) {
      const c = text.charCodeAt(i + len);
      if (c < 0x20) break;
      const [a, b] = narrow(index, sa, lo, hi, len, c);
      if (a >= b) break;
      lo = a;
      hi = b;
      len++;
    }
    if (i + len <= reach) continue;
    const occ: number[] = [];
    if (len === MAX_DEPTH && hi - lo <= MAX_EXTEND) {
      // Follow each occurrence further in the corpus text.
      let best = len;
      const ends: number[] = [];
      for (let x = lo; x < hi; x++) {
        const p = sa[x];
        let l = len;
        while (i + l < text.length && text.charCodeAt(i + l) >= 0x20 && keyOfOffset(index, p + l) === text.charCodeAt(i + l)) l++;
        ends.push(l);
        if (l > best) best = l;
      }
      len = best;
      for (let x = lo; x < hi; x++) if (ends[x - lo] === best) occ.push(sa[x]);
    } else if (hi - lo <= MAX_EXTEND) {
      for (let x = lo; x < hi; x++) occ.push(sa[x]);
    }
    const end = i + len;
    reach = end;
    // A match starting further inside this one and reaching beyond it holds the MAX_DEPTH
    // characters before its end: it is found from there (the overlap belongs to this match anyway).
    const next = Math.max(i, end - MAX_DEPTH);
    if (occ.length) consider(i, len, end, occ);
    i = next;
  }
  return summarise(text, spans);

  /** Takes the maximal match text[i, end) with its occurrences `occ` as a span, a continuation or a piece. */
  function consider(i: number, len: number, end: number, occ: number[]): void {
    // A piece resuming the previous span's source after a short gap (a figure changed, a
    // placeholder of the corpus text) continues that span.
    const last = spans.at(-1);
    if (last && len >= CONTINUE_MIN && i >= last.end && i - last.end <= MAX_GAP) {
      const src = last.sources[0];
      const want = index.reportStart[src.report] + src.end + (i - last.end);
      if (occ.includes(want)) {
        last.end = end;
        src.end = want - index.reportStart[src.report] + len;
        last.sources.length = 1;
        return;
      }
    }
    if (len < o.minChars) {
      piece = { start: i, end, occ };
      return;
    }
    const byReport = new Map<number, number>();
    for (const p of occ) {
      const q = p >= 0 ? p : ~p;
      const r = reportAt(index, q);
      if (r >= 0 && !byReport.has(r)) byReport.set(r, q - index.reportStart[r]);
    }
    if (byReport.size === 0 || byReport.size > o.maxReports) return;
    const sources = [...byReport].map(([report, at]) => ({ report, start: at, end: at + len }));
    // A span overlapping the previous one extends it when from the same report, else starts where it ends.
    const overlap = last && i < last.end ? last.end - i : 0;
    if (last && overlap && last.sources[0].report === sources[0].report) {
      last.end = end;
      last.sources[0].end = sources[0].end;
      return;
    }
    // What is left beyond the previous span is too short to name a second source.
    if (end - i - overlap < o.minChars / 2) return;
    for (const s of sources) s.start += overlap;
    const span = { start: i + overlap, end, sources };
    // The piece just before, from the same place of a source, belongs to the span.
    if (!overlap && piece && piece.end <= i && i - piece.end <= MAX_GAP && piece.end - piece.start >= CONTINUE_MIN && (!last || piece.start >= last.end)) {
      const back = i - piece.start;
      const from = sources.find((src) => piece!.occ.includes(index.reportStart[src.report] + src.start - back));
      if (from) {
        span.start = piece.start;
        from.start -= back;
        span.sources = [from];
      }
    }
    piece = undefined;
    spans.push(span);
  }
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
