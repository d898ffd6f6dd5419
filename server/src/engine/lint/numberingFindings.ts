/**
 * Turns the parser's numbering anomalies (ReportTree.anomalies) into findings of the
 * numbering rules, and builds their fixes.
 */
import type { Anomaly, AnomalyType, ReportNode, ReportTree } from '../types';
import { listRun, markerSpan, renumberEdits } from './numbering';
import type { Fix, RuleContext, RuleFinding } from './types';

/** Findings for the anomalies of the given types (those `keep` keeps), at each node's marker. */
export function numberingFindings(
  ctx: RuleContext,
  types: readonly AnomalyType[],
  fixesOf: (a: Anomaly) => Fix[],
  keep: (a: Anomaly) => boolean = () => true,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const a of ctx.tree.anomalies) {
    if (!types.includes(a.type) || !keep(a)) continue;
    const span = markerSpan(a.node);
    const [start, end] = span.end > span.start ? [span.start, span.end] : [a.node.headingStart, a.node.headingEnd];
    const fixes = fixesOf(a);
    out.push(fixes.length ? { start, end, message: a.message, fixes } : { start, end, message: a.message });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Renumber the list holding `node` from its first item: 1, 2, 3 …. */
export function renumberFix(tree: ReportTree, node: ReportNode): Fix[] {
  const run = listRun(tree, node);
  const edits = renumberEdits(run);
  if (!edits.length) return [];
  const from = renumberEdits(run.slice(0, 1), 1)[0]?.newText ?? markerSpan(run[0]).text;
  const to = renumberEdits(run.slice(-1), run.length)[0]?.newText ?? markerSpan(run[run.length - 1]).text;
  return [{ title: `重排本级编号：${from}至${to}`, edits, safe: true, preferred: true }];
}
