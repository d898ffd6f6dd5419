/**
 * Outline and folding: `textDocument/documentSymbol` returns the report tree — the title
 * holding the sections, Markdown headings and Chinese enumerations (一、 （一） 1. （1）)
 * nested by level, 一是… items when `shuzhi.outline.showOrdinals` is on — each with its
 * character count as detail. `textDocument/foldingRange` folds every section and the front
 * matter (and multi-line comments).
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { getTree } from '../documentCache';
import { sectionCountDetail } from '../engine/delivery/count';
import { frontMatter } from '../engine/delivery/markdown';
import { flattenNodes } from '../engine/report/structure';
import { outlineSymbols, type OutlineSymbol } from '../engine/report/symbols';
import { LineIndex } from '../engine/text/lineIndex';
import type { ReportTree } from '../engine/types';

function toDocumentSymbols(symbols: OutlineSymbol[]): DocumentSymbol[] {
  return symbols.map((s) => ({
    name: s.name,
    detail: s.detail,
    kind: s.kind as SymbolKind,
    range: s.range,
    selectionRange: s.selectionRange,
    children: toDocumentSymbols(s.children),
  }));
}

/** Folding ranges of a parsed draft: sections (region), front matter (region), comments (comment). */
export function foldingRanges(tree: ReportTree): FoldingRange[] {
  const text = tree.text;
  const lines = new LineIndex(text);
  const out: FoldingRange[] = [];
  const fm = frontMatter(text);
  if (fm) {
    const endLine = lines.positionAt(Math.max(0, fm.end - 1)).line;
    if (endLine > 0) out.push({ startLine: 0, endLine, kind: FoldingRangeKind.Region });
  }
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) {
    const s = lines.positionAt(m.index!).line;
    const e = lines.positionAt(m.index! + m[0].length).line;
    if (e > s) out.push({ startLine: s, endLine: e, kind: FoldingRangeKind.Comment });
  }
  for (const n of flattenNodes(tree)) {
    const s = n.range.start.line;
    const e = n.range.end.line;
    if (e > s) out.push({ startLine: s, endLine: e, kind: FoldingRangeKind.Region });
  }
  // One range per start line (the widest): an item on its heading's line folds with the heading.
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out.filter((r, i) => i === 0 || out[i - 1].startLine !== r.startLine);
}

export function register(ctx: ServerContext): void {
  const { connection, documents } = ctx;

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const tree = getTree(ctx, doc);
    const symbols = outlineSymbols(tree, {
      showItems: ctx.settings().outline.showOrdinals,
      detail: (node) => sectionCountDetail(node, tree.text),
    });
    return toDocumentSymbols(symbols);
  });

  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return foldingRanges(getTree(ctx, doc));
  });
}
