/**
 * Kinds of the top-level parts (report/kinds.ts inference), computed once per tree: the
 * order rule and the missing-section fix both need them, and drafts can be large.
 */
import { inferTopLevelKinds } from '../report/kinds';
import type { ReportTree, SectionKind } from '../types';

const cache = new WeakMap<ReportTree, SectionKind[][]>();

export function topLevelKinds(tree: ReportTree): SectionKind[][] {
  let kinds = cache.get(tree);
  if (!kinds) {
    kinds = inferTopLevelKinds(tree);
    cache.set(tree, kinds);
  }
  return kinds;
}
