/**
 * How much of a report each kind of section usually takes, learnt from the corpus: for every
 * section kind, the distribution over reports of (characters in sections of that kind) ÷
 * (characters in the whole report). The `section-thin` rule compares a draft with it.
 */
import { forEachReportTree } from '../corpus/corpus';
import type { CorpusReport, ReportNode, ReportTree, SectionKind } from '../types';
import { countRange, countText } from './count';
import { runToEnd, type Steps } from '../slices';

/** Distribution of one kind's share of report length over the corpus reports that have it. */
export interface KindShare {
  kind: SectionKind;
  /** Reports with a section of this kind. */
  reports: number;
  /** Shares in [0, 1]. */
  median: number;
  p25: number;
  p75: number;
  /** Median length in characters of this kind's sections. */
  medianCount: number;
}

export interface KindShareStats {
  /** Reports long enough to be measured. */
  reportCount: number;
  kinds: Partial<Record<SectionKind, KindShare>>;
}

/** Key for `CorpusStore.index(KIND_SHARE_INDEX_KEY, kindShareStats)`. */
export const KIND_SHARE_INDEX_KEY = 'delivery.kindShareStats';

/** Reports shorter than this are fragments (a table of contents entry, a split slip), not measured. */
export const MIN_REPORT_CHARS = 300;

/** One kind's part of a report: its outermost sections (nested ones are inside them), their count and share. */
export interface KindPart {
  kind: SectionKind;
  nodes: ReportNode[];
  count: number;
  share: number;
}

/**
 * The share of each section kind in one report or draft. A section that signals two kinds
 * (`存在问题及下一步打算`) counts for both; a kind's sub-sections are not counted twice.
 */
export function kindParts(tree: ReportTree, total = countText(tree.text)): Map<SectionKind, KindPart> {
  const parts = new Map<SectionKind, KindPart>();
  const walk = (nodes: readonly ReportNode[], covered: ReadonlySet<SectionKind>) => {
    for (const n of nodes) {
      const fresh = n.kinds.filter((k) => !covered.has(k));
      if (fresh.length) {
        const count = countRange(tree.text, n.start, n.end);
        for (const k of fresh) {
          const p = parts.get(k) ?? { kind: k, nodes: [], count: 0, share: 0 };
          p.nodes.push(n);
          p.count += count;
          parts.set(k, p);
        }
      }
      walk(n.children, fresh.length ? new Set([...covered, ...fresh]) : covered);
    }
  };
  walk(tree.sections, new Set());
  for (const p of parts.values()) p.share = total > 0 ? p.count / total : 0;
  return parts;
}

/** The q-quantile (0–1) of sorted values, interpolated; 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Per-kind share statistics of the corpus (build once per corpus version; see KIND_SHARE_INDEX_KEY). */
export function kindShareStats(reports: readonly CorpusReport[]): KindShareStats {
  return runToEnd(kindShareSteps(reports));
}

/**
 * kindShareStats as resumable steps (see engine/slices.ts): counting a large corpus
 * the Word way takes seconds, so a server runs it in slices between requests.
 */
export function* kindShareSteps(reports: readonly CorpusReport[]): Steps<KindShareStats> {
  const shares = new Map<SectionKind, number[]>();
  const counts = new Map<SectionKind, number[]>();
  let reportCount = 0;
  yield* forEachReportTree(reports, (_, tree) => {
    const total = countText(tree.text);
    if (total < MIN_REPORT_CHARS) return;
    reportCount++;
    for (const p of kindParts(tree, total).values()) {
      (shares.get(p.kind) ?? shares.set(p.kind, []).get(p.kind)!).push(p.share);
      (counts.get(p.kind) ?? counts.set(p.kind, []).get(p.kind)!).push(p.count);
    }
  });
  const kinds: KindShareStats['kinds'] = {};
  for (const [kind, list] of shares) {
    const sorted = [...list].sort((a, b) => a - b);
    const c = [...counts.get(kind)!].sort((a, b) => a - b);
    kinds[kind] = {
      kind,
      reports: sorted.length,
      median: quantile(sorted, 0.5),
      p25: quantile(sorted, 0.25),
      p75: quantile(sorted, 0.75),
      medianCount: Math.round(quantile(c, 0.5)),
    };
  }
  return { reportCount, kinds };
}
