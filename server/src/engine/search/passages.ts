import type { CorpusReport } from '../types';
import { sectionLabelAt, sectionLabelsAt } from './sections';
import { forEachSentence } from './sentences';
import { isPhraseCode } from './suffixArray';

/** A searchable unit of the corpus: one sentence of one report. */
export interface Passage {
  /** Index into the reports array the passages were made from. */
  report: number;
  /** Span in the report's text. */
  start: number;
  end: number;
  /** Zero-based line of `start` in the report's text. */
  line: number;
}

/** Passages shorter than this many phrase characters (e.g. a bare “一、”) are not indexed. */
const MIN_CHARS = 2;

/**
 * Splits every report into sentence passages (the same sentences hover counts), skipping
 * the title line, which says nothing about wording.
 */
export function splitPassages(reports: readonly CorpusReport[], visit: (p: Passage) => void): void {
  reports.forEach((report, r) => {
    const text = report.text;
    const bodyFrom = report.tree.title ? report.tree.title.end : 0;
    let line = 0;
    let lineScan = 0;
    forEachSentence(text, 0, text.length, (start, end) => {
      if (start < bodyFrom) return;
      let chars = 0;
      for (let i = start; i < end && chars < MIN_CHARS; i++) if (isPhraseCode(text.charCodeAt(i))) chars++;
      if (chars < MIN_CHARS) return;
      // Sentences come in order, so the line count only moves forward.
      for (; lineScan < start; lineScan++) if (text.charCodeAt(lineScan) === 10) line++;
      visit({ report: r, start, end, line });
    });
  });
}

/** The passage's text. */
export function passageText(reports: readonly CorpusReport[], p: Passage): string {
  return reports[p.report].text.slice(p.start, p.end);
}

/** Readable section heading of the passage (see sectionLabelAt). */
export function passageSection(reports: readonly CorpusReport[], p: Passage): string {
  return sectionLabelAt(reports[p.report].tree, p.start);
}

/** Section heading labels for the boosted `heading` field of the search index. */
export function passageHeadings(reports: readonly CorpusReport[], p: Passage): string {
  return sectionLabelsAt(reports[p.report].tree, p.start).join(' ');
}
