/**
 * Numbering helpers shared by the numbering rules and the missing-section fix: where a
 * node's marker is, which list it belongs to, and the edits that renumber that list.
 */
import { markerOf, withOrdinal } from '../report/anomalies';
import { ordinalFamily } from '../report/ordinals';
import type { ReportNode, ReportTree } from '../types';
import type { TextEdit } from './types';

/** Offsets of a node's ordinal marker as written (`（五）、`, `3.`, `二是`). */
export function markerSpan(node: ReportNode): { start: number; end: number; text: string } {
  const text = markerOf(node);
  return { start: node.headingStart, end: node.headingStart + text.length, text };
}

/** Stray punctuation after a bracketed or circled marker: `（五）、` → `、`. */
export function suffixSlip(marker: string): string | undefined {
  return /^(?:[（(][^（()）]+[）)]|[①-⑳])([、.．，,：:]+)$/.exec(marker)?.[1];
}

/** The marker without a stray suffix. */
export function cleanMarker(marker: string): string {
  const slip = suffixSlip(marker);
  return slip ? marker.slice(0, -slip.length) : marker;
}

/** Which list a node's numbering belongs to: Markdown headings and plain lines of one family are separate lists. */
export function listKey(node: ReportNode): string | undefined {
  if (node.ordinal === undefined) return undefined;
  const style = node.style === 'markdown' ? styleOfMarker(markerOf(node)) : node.style;
  if (!style) return undefined;
  return `${node.style === 'markdown' ? 'md' : ''}${ordinalFamily(style)}`;
}

function styleOfMarker(marker: string): ReportNode['style'] | undefined {
  if (/^[一二三四五六七八九十]+[、.．]/.test(marker)) return 'cn';
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(marker)) return 'cn-paren';
  if (/^[0-9０-９]+[.．]/.test(marker)) return 'arabic-dot';
  if (/^[0-9０-９]+、/.test(marker)) return 'arabic-comma';
  if (/^[（(][0-9０-９]+[）)]/.test(marker)) return 'arabic-paren';
  if (/^[①-⑳]/.test(marker)) return 'circled';
  return undefined;
}

const parentMaps = new WeakMap<ReportTree, Map<ReportNode, ReportNode | undefined>>();

/** Parent of every node (undefined for top-level ones); built once per tree. */
export function parentMap(tree: ReportTree): Map<ReportNode, ReportNode | undefined> {
  const cached = parentMaps.get(tree);
  if (cached) return cached;
  const map = new Map<ReportNode, ReportNode | undefined>();
  parentMaps.set(tree, map);
  const walk = (nodes: readonly ReportNode[], parent: ReportNode | undefined) => {
    for (const n of nodes) {
      map.set(n, parent);
      walk(n.children, n);
    }
  };
  walk(tree.sections, undefined);
  return map;
}

/** Siblings of `node` (its parent's children, or the top level). */
export function siblingsOf(tree: ReportTree, node: ReportNode): readonly ReportNode[] {
  const parent = parentMap(tree).get(node);
  return parent ? parent.children : tree.sections;
}

/**
 * The run of one list that holds `node`: siblings with the same list key, cut where the
 * numbering starts over (a 1 after 2 or more — for 一是 items, every 一是).
 */
export function listRun(tree: ReportTree, node: ReportNode): readonly ReportNode[] {
  if (listKey(node) === undefined) return [node];
  return runsOf(siblingsOf(tree, node)).get(node) ?? [node];
}

/** The runs of each sibling list, worked out once per list (a pasted draft's findings ask for thousands). */
const RUNS = new WeakMap<readonly ReportNode[], Map<ReportNode, ReportNode[]>>();

/** Each node of `siblings` with a list key → its run (siblings with that key, in order, cut where the numbering starts over). */
function runsOf(siblings: readonly ReportNode[]): Map<ReportNode, ReportNode[]> {
  let runs = RUNS.get(siblings);
  if (runs) return runs;
  runs = new Map();
  const open = new Map<string, ReportNode[]>();
  for (const n of siblings) {
    const key = listKey(n);
    if (key === undefined) continue;
    let run = open.get(key);
    const prev = run?.[run.length - 1];
    const restart = prev !== undefined && n.ordinal === 1 && (n.style === 'shi' || (prev.ordinal ?? 0) >= 2);
    if (!run || restart) open.set(key, (run = [n]));
    else run.push(n);
    runs.set(n, run);
  }
  RUNS.set(siblings, runs);
  return runs;
}

/** Edits that number `run` 1, 2, 3 … from `first` on (only markers that change; a `（五）、` slip goes too). */
export function renumberEdits(run: readonly ReportNode[], first = 1): TextEdit[] {
  const edits: TextEdit[] = [];
  run.forEach((n, k) => {
    const want = first + k;
    if (n.ordinal === want) return;
    const span = markerSpan(n);
    edits.push({ start: span.start, end: span.end, newText: cleanMarker(withOrdinal(span.text, want)) });
  });
  return edits;
}
