import type { ReportTree } from '../types';
import { inferKinds } from './kinds';
import { parseReport } from './structure';

/** A corpus report's structure: parsed, with section kinds inferred. */
export function corpusTree(text: string): ReportTree {
  const tree = parseReport(text);
  inferKinds(tree);
  return tree;
}
