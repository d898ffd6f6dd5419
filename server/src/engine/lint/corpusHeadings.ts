/**
 * Typical headings per section kind, learnt from the corpus: the labels of top-level
 * headings that name exactly one kind (`下一步工作打算` → next; not the merged
 * `存在问题及下一步打算`), most frequent first, shorter first on ties. The missing-section
 * rule suggests them and its fix inserts the first one.
 */
import { forEachReportTree } from '../corpus/corpus';
import { runToEnd, type Steps } from '../slices';
import { classifyHeading } from '../report/kinds';
import type { CorpusReport, SectionKind } from '../types';

/** Key for `CorpusStore.index(CORPUS_HEADINGS_INDEX_KEY, learnCorpusHeadings)`. */
export const CORPUS_HEADINGS_INDEX_KEY = 'lint.corpusHeadings';

/** Headings longer than this are slogans or sentences, not part names. */
const MAX_LABEL = 16;

/** Headings kept per kind: the rule offers the first few that fit. */
const KEEP = 40;

/**
 * Typical headings per kind. A plain object of string lists, so the corpus snapshot saves it
 * and a restart does not parse every corpus report again to learn it.
 */
export type CorpusHeadings = Readonly<Partial<Record<SectionKind, readonly string[]>>>;

export function learnCorpusHeadings(reports: readonly CorpusReport[]): CorpusHeadings {
  return runToEnd(corpusHeadingsSteps(reports));
}

/** learnCorpusHeadings as resumable steps (see engine/slices.ts): a large corpus's reports are parsed on the way, in slices. */
export function* corpusHeadingsSteps(reports: readonly CorpusReport[]): Steps<CorpusHeadings> {
  const counts = new Map<SectionKind, Map<string, number>>();
  yield* forEachReportTree(reports, (_, tree) => {
    const seen = new Set<string>();
    for (const n of tree.sections) {
      if (n.style === 'shi') continue;
      const label = n.label.trim();
      if (!label || label.length > MAX_LABEL || /[，,。；;]/.test(label) || seen.has(label)) continue;
      const kinds = classifyHeading(label);
      if (kinds.length !== 1) continue;
      seen.add(label);
      const k = kinds[0];
      if (!counts.has(k)) counts.set(k, new Map());
      const m = counts.get(k)!;
      m.set(label, (m.get(label) ?? 0) + 1);
    }
  });
  const out: Partial<Record<SectionKind, string[]>> = {};
  for (const [k, m] of counts) {
    out[k] = [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
      .slice(0, KEEP)
      .map(([label]) => label);
  }
  return out;
}
