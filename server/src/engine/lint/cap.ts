/**
 * Most findings shown per document: a pasted compilation can hold tens of thousands of
 * repeats and placeholders, which no one reads in the Problems view and which cost seconds
 * to send. The most severe are kept, in document order.
 */
import type { Finding, Severity } from './types';

export const MAX_DIAGNOSTICS = 1000;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** At most `max` findings, the most severe first chosen, returned in document order. */
export function capFindings(findings: readonly Finding[], max = MAX_DIAGNOSTICS): Finding[] {
  if (findings.length <= max) return [...findings];
  return [...findings]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start)
    .slice(0, max)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
