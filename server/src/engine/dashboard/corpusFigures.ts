/**
 * What the corpus says about each kind of section, per report type, for the draft check-up
 * (体检面板): the usual share of the report a kind takes (quartiles, as kindShare.ts does for the
 * whole corpus) and how often a section of that kind carries figures (Arabic digits in its body).
 * Built once per corpus version under DASHBOARD_FIGURES_INDEX_KEY, in slices like kindShare.
 */
import { forEachReportTree } from '../corpus/corpus';
import { countText } from '../delivery/count';
import { kindParts, MIN_REPORT_CHARS, quantile } from '../delivery/kindShare';
import { runToEnd, type Steps } from '../slices';
import type { CorpusReport, ReportNode, SectionKind } from '../types';

/** Key for `CorpusStore.index(DASHBOARD_FIGURES_INDEX_KEY, …)`. */
export const DASHBOARD_FIGURES_INDEX_KEY = 'dashboard.kindFigures';


/** One kind's figures over a set of corpus reports. */
export interface KindFigures {
  /** Reports with a section of this kind. */
  reports: number;
  /** Quartiles of the kind's share of the report, in [0, 1]. */
  p25: number;
  median: number;
  p75: number;
  /** Top-level sections of this kind measured for figures, and how many of them carry digits. */
  sections: number;
  withDigits: number;
}

/** Figures of one report type (or of the whole corpus). */
export interface TypeFigures {
  reports: number;
  kinds: Partial<Record<SectionKind, KindFigures>>;
}

export interface CorpusFigures {
  /** Every measured report. */
  all: TypeFigures;
  /** By report type id (CorpusReport.typeId). */
  byType: Record<string, TypeFigures>;
}

/**
 * Numbering at the start of a line (`1.`, `（2）`, `3、`) and the year-like ordinals of
 * headings are not figures; what is left of a section's body is searched for digits.
 */
const LINE_ORDINAL = /^[ \t\u3000]*(?:[-*+]\s+)?(?:[0-9０-９]{1,2}\s*[.．、)）]|[（(][0-9０-９]{1,2}[)）])/gm;
const DIGIT = /[0-9０-９]/;

/** Does the body of `node` (after its heading) carry a figure? */
export function sectionHasFigures(text: string, node: ReportNode): boolean {
  const body = text.slice(node.headingEnd, node.end).replace(LINE_ORDINAL, '');
  return DIGIT.test(body);
}

interface Acc {
  reports: number;
  shares: Map<SectionKind, number[]>;
  digits: Map<SectionKind, { sections: number; withDigits: number }>;
}

const newAcc = (): Acc => ({ reports: 0, shares: new Map(), digits: new Map() });

function finish(acc: Acc): TypeFigures {
  const kinds: TypeFigures['kinds'] = {};
  const all = new Set<SectionKind>([...acc.shares.keys(), ...acc.digits.keys()]);
  for (const kind of all) {
    const sorted = [...(acc.shares.get(kind) ?? [])].sort((a, b) => a - b);
    const d = acc.digits.get(kind) ?? { sections: 0, withDigits: 0 };
    kinds[kind] = {
      reports: sorted.length,
      p25: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      p75: quantile(sorted, 0.75),
      sections: d.sections,
      withDigits: d.withDigits,
    };
  }
  return { reports: acc.reports, kinds };
}

/** The corpus figures at once (tests, CLI). */
export function corpusFigures(reports: readonly CorpusReport[]): CorpusFigures {
  return runToEnd(corpusFiguresSteps(reports));
}

/** corpusFigures as resumable steps (engine/slices.ts), for SlicedIndex. */
export function* corpusFiguresSteps(reports: readonly CorpusReport[]): Steps<CorpusFigures> {
  const all = newAcc();
  const byType = new Map<string, Acc>();
  yield* forEachReportTree(reports, (report, tree) => {
    const total = countText(tree.text);
    if (total < MIN_REPORT_CHARS) return;
    const accs = [all, byType.get(report.typeId) ?? byType.set(report.typeId, newAcc()).get(report.typeId)!];
    const parts = kindParts(tree, total);
    for (const acc of accs) {
      acc.reports++;
      for (const p of parts.values()) (acc.shares.get(p.kind) ?? acc.shares.set(p.kind, []).get(p.kind)!).push(p.share);
    }
    for (const node of tree.sections) {
      if (node.style === 'shi' || !node.kinds.length) continue;
      const has = sectionHasFigures(tree.text, node);
      for (const kind of node.kinds) {
        for (const acc of accs) {
          const d = acc.digits.get(kind) ?? acc.digits.set(kind, { sections: 0, withDigits: 0 }).get(kind)!;
          d.sections++;
          if (has) d.withDigits++;
        }
      }
    }
  });
  const types: Record<string, TypeFigures> = {};
  for (const [id, acc] of byType) types[id] = finish(acc);
  return { all: finish(all), byType: types };
}
