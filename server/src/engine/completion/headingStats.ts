/**
 * What the corpus says about a report's frame, for snippets: the headings reports use for
 * each section kind (by report type and overall), how their opening paragraphs begin and
 * how they close. Plain data, so the server can snapshot it with the other indexes.
 */
import { forEachReportTree } from '../corpus/corpus';
import { runToEnd, type Steps } from '../slices';
import type { CorpusReport, SectionKind } from '../types';

/** A heading label or a line, with the number of reports using it. */
export interface Usage {
  text: string;
  reports: number;
}

export interface HeadingStats {
  /** Heading labels per section kind, most used first. */
  byKind: Partial<Record<SectionKind, Usage[]>>;
  /** The same per report type id. */
  byType: Record<string, Partial<Record<SectionKind, Usage[]>>>;
  /** First clauses of opening paragraphs (`一年来`, `今年以来`), most used first. */
  openings: Usage[];
  /** Closing lines (`述职完毕，不妥之处，敬请批评指正。`), most used first. */
  closings: Usage[];
}

/** Longer labels are slogans or sentences rather than names of a part. */
const MAX_LABEL = 20;
const CLOSING_LINE = /(批评指正|请予审议|述职完毕|报告完毕|以上报告|汇报完毕|不妥之处)/;

function ranked(m: Map<string, number>): Usage[] {
  return [...m.entries()]
    .map(([text, reports]) => ({ text, reports }))
    .sort((a, b) => b.reports - a.reports || a.text.length - b.text.length || (a.text < b.text ? -1 : 1));
}

function bump(m: Map<string, number>, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/** Learns heading, opening and closing usage from the corpus reports. */
export function learnHeadingStats(reports: readonly CorpusReport[]): HeadingStats {
  return runToEnd(headingStatsSteps(reports));
}

/** learnHeadingStats as resumable steps (see engine/slices.ts): a large corpus's reports are parsed on the way, in slices. */
export function* headingStatsSteps(reports: readonly CorpusReport[]): Steps<HeadingStats> {
  const kindCounts = new Map<SectionKind, Map<string, number>>();
  const typeCounts = new Map<string, Map<SectionKind, Map<string, number>>>();
  const openings = new Map<string, number>();
  const closings = new Map<string, number>();
  yield* forEachReportTree(reports, (r, tree) => {
    const seen = new Set<string>();
    for (const n of tree.sections) {
      if (n.style === 'shi' || n.kinds.length !== 1) continue;
      const label = n.label.trim();
      if (!label || label.length > MAX_LABEL || /[。；;]$/.test(label)) continue;
      const kind = n.kinds[0];
      const key = kind + '\u0000' + label;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!kindCounts.has(kind)) kindCounts.set(kind, new Map());
      bump(kindCounts.get(kind)!, label);
      if (!typeCounts.has(r.typeId)) typeCounts.set(r.typeId, new Map());
      const t = typeCounts.get(r.typeId)!;
      if (!t.has(kind)) t.set(kind, new Map());
      bump(t.get(kind)!, label);
    }
    const lines = r.text.split('\n').map((l) => l.trim()).filter(Boolean);
    // The opening paragraph: the first line after the title that is not a heading.
    const first = lines.slice(1).find((l) => l.length > 30 && !tree.sections.some((s) => s.name === l));
    const opener = first ? /^([^，,。：]{2,8})[，,]/.exec(first) : null;
    if (opener) bump(openings, opener[1]);
    const last = lines[lines.length - 1];
    if (last && last.length <= 40 && CLOSING_LINE.test(last)) bump(closings, last);
  });
  const toRecord = (m: Map<SectionKind, Map<string, number>>) => {
    const out: Partial<Record<SectionKind, Usage[]>> = {};
    for (const [k, v] of m) out[k] = ranked(v);
    return out;
  };
  const byType: Record<string, Partial<Record<SectionKind, Usage[]>>> = {};
  for (const [t, m] of typeCounts) byType[t] = toRecord(m);
  return { byKind: toRecord(kindCounts), byType, openings: ranked(openings), closings: ranked(closings) };
}

/**
 * Heading labels for a kind, best first: the corpus's for this report type, then the
 * corpus's overall, then the fallbacks given (the report type's typical headings).
 */
export function headingsFor(stats: HeadingStats, kind: SectionKind, typeId: string, fallback: readonly string[] = []): Usage[] {
  const out: Usage[] = [];
  const seen = new Set<string>();
  for (const u of [...(stats.byType[typeId]?.[kind] ?? []), ...(stats.byKind[kind] ?? []), ...fallback.map((text) => ({ text, reports: 0 }))]) {
    if (seen.has(u.text)) continue;
    seen.add(u.text);
    // The overall count is the one worth showing.
    const overall = stats.byKind[kind]?.find((x) => x.text === u.text);
    out.push({ text: u.text, reports: overall?.reports ?? u.reports });
  }
  return out;
}
