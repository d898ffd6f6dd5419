import { segmentWords } from '../text/segment';
import { escapeMarkdown, escapeWithBold } from '../text/escape';
import { MAX_PHRASE, phraseStats, sectionLabelOf, type PhraseIndex, type PhraseStats } from './phraseIndex';
import { isPhraseCode, narrow } from './suffixArray';

/** The corpus phrase found under a position of a draft. */
export interface PhraseAt {
  /** Offsets of the phrase in the draft. */
  start: number;
  end: number;
  stats: PhraseStats;
}

export interface PhraseAtOptions {
  /** Shortest phrase worth showing (characters); default 2. */
  minLength?: number;
  /** Longest phrase looked up; default and maximum MAX_PHRASE (12). */
  maxLength?: number;
}

/**
 * Finds the longest phrase of `text` covering `offset` that occurs in the corpus.
 * It must contain a Chinese character (numbers and Latin words alone are not looked up).
 *
 * A phrase is a run of phrase characters (Han, letters, digits: punctuation ends it) that
 * starts and ends on word boundaries of the draft, so “严格落实三会一课” yields 三会一课
 * rather than a fragment like 实三会. Among equally long phrases the more frequent wins.
 * Undefined when the character at `offset` is not a phrase character or nothing covering
 * it of at least `minLength` characters occurs in the corpus.
 */
export function findPhraseAt(index: PhraseIndex, text: string, offset: number, opts: PhraseAtOptions = {}): PhraseAt | undefined {
  const minLength = Math.max(1, opts.minLength ?? 2);
  const maxLength = Math.min(MAX_PHRASE, Math.max(minLength, opts.maxLength ?? MAX_PHRASE));
  if (offset < 0 || offset >= text.length || !isPhraseCode(text.charCodeAt(offset)) || index.sa.length === 0) return undefined;

  // The run of phrase characters around the offset, clipped to what a phrase can reach;
  // a little more context on each side keeps the segmenter's boundaries stable.
  const reach = maxLength * 2;
  let runStart = offset;
  while (runStart > 0 && offset - runStart < reach && isPhraseCode(text.charCodeAt(runStart - 1))) runStart--;
  let runEnd = offset + 1;
  while (runEnd < text.length && runEnd - offset < reach && isPhraseCode(text.charCodeAt(runEnd))) runEnd++;
  const boundaries = new Set<number>([runStart, runEnd]);
  for (const w of segmentWords(text.slice(runStart, runEnd))) boundaries.add(runStart + w.start);

  let best: { start: number; end: number; lo: number; hi: number } | undefined;
  for (let s = Math.max(runStart, offset - maxLength + 1); s <= offset; s++) {
    if (!boundaries.has(s)) continue;
    let lo = 0;
    let hi = index.sa.length;
    let han = false;
    for (let e = s + 1; e <= runEnd && e - s <= maxLength; e++) {
      const c = text.charCodeAt(e - 1);
      [lo, hi] = narrow(index, index.sa, lo, hi, e - 1 - s, c);
      if (lo >= hi) break;
      han ||= (c >= 0x3400 && c < 0xff00) || c === 0x3007;
      // A year or a Latin word alone is not wording worth examples.
      if (e <= offset || e - s < minLength || !han || !boundaries.has(e)) continue;
      const len = e - s;
      const bestLen = best ? best.end - best.start : 0;
      if (!best || len > bestLen || (len === bestLen && hi - lo > best.hi - best.lo)) best = { start: s, end: e, lo, hi };
    }
  }
  if (!best) return undefined;
  const phrase = text.slice(best.start, best.end);
  return { start: best.start, end: best.end, stats: phraseStats(index, phrase, best.lo, best.hi) };
}

/** Longest example shown whole; longer sentences are cut to a window around the phrase. */
const MAX_EXAMPLE = 90;

/**
 * The hover text for a phrase: the phrase, in how many reports and sentences the corpus
 * has it, and up to `maxExamples` example sentences with the phrase in bold, each with the
 * title and section heading of its report. Everything taken from the corpus is escaped.
 */
export function phraseHoverMarkdown(index: PhraseIndex, stats: PhraseStats, maxExamples: number): string {
  const lines: string[] = [];
  lines.push(
    stats.sampled
      ? `**${escapeMarkdown(stats.phrase)}**　语料中见于至少 ${stats.reports} 篇报告的约 ${stats.sentences} 个句子`
      : `**${escapeMarkdown(stats.phrase)}**　语料中见于 ${stats.reports} 篇报告的 ${stats.sentences} 个句子`,
  );
  const shown = stats.examples.slice(0, Math.max(0, maxExamples));
  shown.forEach((ex, k) => {
    const report = index.reports[ex.report];
    const sentence = excerpt(report.text.slice(ex.start, ex.end), stats.phrase);
    const where = [`《${escapeMarkdown(report.title)}》`];
    // From the index: naming the section must not parse a report the corpus left unparsed.
    const section = sectionLabelOf(index, index.reportStart[ex.report] + ex.start);
    if (section) where.push(escapeMarkdown(section));
    lines.push('');
    lines.push(`${k + 1}. ${escapeWithBold(sentence, stats.phrase)}  `);
    lines.push(`   —— ${where.join(' · ')}`);
  });
  return lines.join('\n');
}

/** The sentence, or a window of it around the first occurrence of the phrase, with … marks. */
export function excerpt(sentence: string, phrase: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= MAX_EXAMPLE) return s;
  const at = Math.max(0, s.indexOf(phrase));
  let from = Math.max(0, at - Math.floor((MAX_EXAMPLE - phrase.length) / 2));
  let to = Math.min(s.length, from + MAX_EXAMPLE);
  from = Math.max(0, to - MAX_EXAMPLE);
  // Do not split a surrogate pair (characters outside the BMP).
  if (from > 0 && isLowSurrogate(s.charCodeAt(from))) from--;
  if (to < s.length && isLowSurrogate(s.charCodeAt(to))) to++;
  return (from > 0 ? '…' : '') + s.slice(from, to) + (to < s.length ? '…' : '');
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
