import type { ReportNode, ReportTree } from '../types';

/**
 * The chain of sections (outermost first) that contains `offset` in a report tree.
 * Computed here from the tree's offsets so the search code depends only on types.ts.
 */
export function sectionPathAt(tree: ReportTree, offset: number): ReportNode[] {
  const path: ReportNode[] = [];
  let nodes = tree.sections;
  for (;;) {
    const node = findContaining(nodes, offset);
    if (!node) return path;
    path.push(node);
    nodes = node.children;
  }
}

function findContaining(nodes: readonly ReportNode[], offset: number): ReportNode | undefined {
  // Sections are in text order and do not overlap: binary search keeps deep trees cheap.
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid];
    if (offset < n.start) hi = mid - 1;
    else if (offset >= n.end) lo = mid + 1;
    else return n;
  }
  return undefined;
}

const MAX_NAME = 28;

/**
 * A short readable heading for the place at `offset`: the names of its enclosing sections
 * joined by ` › `, each cut to a readable length. Paragraph items (一是…) are left out:
 * their “heading” is the sentence itself. '' when the offset is outside every section.
 */
export function sectionLabelAt(tree: ReportTree, offset: number): string {
  return sectionPathAt(tree, offset)
    .filter((n) => n.style !== 'shi')
    .map(shortName)
    .join(' › ');
}

function shortName(n: ReportNode): string {
  return n.name.length > MAX_NAME ? n.name.slice(0, MAX_NAME - 1) + '…' : n.name;
}

/**
 * The same labels as runs over the whole report, in one walk of the tree: `visit(offset,
 * label)` in ascending offsets, each label holding from its offset to the next one's (a
 * later call at the same offset replaces the earlier). Starts with (0, '').
 */
export function forEachSectionLabel(tree: ReportTree, visit: (offset: number, label: string) => void): void {
  visit(0, '');
  const walk = (nodes: readonly ReportNode[], outer: string) => {
    for (const n of nodes) {
      const label = n.style === 'shi' ? outer : outer ? `${outer} › ${shortName(n)}` : shortName(n);
      visit(n.start, label);
      walk(n.children, label);
      visit(n.end, outer);
    }
  };
  walk(tree.sections, '');
}

/** Heading labels (ordinals dropped) of the sections containing `offset`, for indexing. */
export function sectionLabelsAt(tree: ReportTree, offset: number): string[] {
  return sectionPathAt(tree, offset)
    .filter((n) => n.style !== 'shi')
    .map((n) => n.label);
}
