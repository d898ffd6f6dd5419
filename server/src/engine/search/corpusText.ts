import type { CorpusReport } from '../types';

/**
 * One string holding every report text of a corpus, each followed by a line break, shared
 * by the reports (their `text` are slices of it) and the substring indexes (which need the
 * corpus as one string). Without it the corpus text is held twice: once by the reports,
 * once by the hover index — 2 bytes a character each.
 *
 * The loader registers the joined text for the exact report array it hands to the store;
 * an index built from that array takes the shared string instead of joining its own.
 */
export interface CorpusText {
  /** All report texts, each followed by '\n'. */
  readonly text: string;
  /** Offset of each report's text in `text`. */
  readonly starts: Int32Array;
}

const shared = new WeakMap<readonly CorpusReport[], CorpusText>();

/** Offsets of each report in the joined text, and its length (reports + one '\n' each). */
export function joinedLayout(reports: readonly CorpusReport[]): { starts: Int32Array; length: number } {
  const starts = new Int32Array(reports.length);
  let at = 0;
  for (let r = 0; r < reports.length; r++) {
    starts[r] = at;
    at += reports[r].text.length + 1;
  }
  return { starts, length: at };
}

/** Joins the report texts, each followed by '\n' (the layout of CorpusText). */
export function joinReportTexts(reports: readonly CorpusReport[]): string {
  const parts: string[] = new Array(reports.length * 2);
  for (let r = 0; r < reports.length; r++) {
    parts[2 * r] = reports[r].text;
    parts[2 * r + 1] = '\n';
  }
  return parts.join('');
}

/**
 * Registers `text` as the joined text of `reports` (the caller guarantees the layout:
 * report r at its offset in joinedLayout, followed by '\n'). Throws when lengths disagree.
 */
export function registerCorpusText(reports: readonly CorpusReport[], text: string): CorpusText {
  const { starts, length } = joinedLayout(reports);
  if (length !== text.length) throw new Error('corpus text does not match the reports');
  const value = { text, starts };
  shared.set(reports, value);
  return value;
}

/**
 * The shared joined text of `reports`, when the loader registered one and the reports still
 * have the lengths it was registered with.
 */
export function sharedCorpusText(reports: readonly CorpusReport[]): CorpusText | undefined {
  const value = shared.get(reports);
  if (!value) return undefined;
  const { starts, text } = value;
  for (let r = 0; r < reports.length; r++) {
    const end = r + 1 < reports.length ? starts[r + 1] : text.length;
    if (end - starts[r] !== reports[r].text.length + 1) {
      shared.delete(reports);
      return undefined;
    }
  }
  return value;
}
