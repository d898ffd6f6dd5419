/**
 * What an editor folds in a draft: every section (region), the front matter (region) and
 * multi-line comments (comment), one range per start line (the widest). Plain data in LSP's
 * shape, so the server answers it as it is and a worker thread can compute it for a huge draft.
 */
import { flattenNodes } from '../report/structure';
import { outlineSymbols, type OutlineSymbol } from '../report/symbols';
import { countDetail, nodeCounts } from '../delivery/count';
import type { Draft } from './draft';

export interface Fold {
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

export function foldsOf(draft: Draft): Fold[] {
  const { text, lines } = draft;
  const tree = draft.structure;
  const out: Fold[] = [];
  const fm = draft.frontMatter;
  if (fm) {
    const endLine = lines.positionAt(Math.max(0, fm.end - 1)).line;
    if (endLine > 0) out.push({ startLine: 0, endLine, kind: 'region' });
  }
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) {
    const s = lines.positionAt(m.index!).line;
    const e = lines.positionAt(m.index! + m[0].length).line;
    if (e > s) out.push({ startLine: s, endLine: e, kind: 'comment' });
  }
  for (const n of flattenNodes(tree)) {
    const s = n.range.start.line;
    const e = n.range.end.line;
    if (e > s) out.push({ startLine: s, endLine: e, kind: 'region' });
  }
  // One range per start line (the widest): an item on its heading's line folds with the heading.
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out.filter((r, i) => i === 0 || out[i - 1].startLine !== r.startLine);
}

/**
 * The outline of a draft: its report tree as symbols, each with its character count as detail.
 * It reads the tree's structure only (no section kinds), so a huge draft's outline goes out
 * before the rest of its parse.
 */
export function outlineOf(draft: Draft, showItems: boolean): OutlineSymbol[] {
  const tree = draft.structure;
  const counts = nodeCounts(tree);
  return outlineSymbols(tree, { showItems, detail: (node) => countDetail(counts.get(node) ?? 0) });
}
