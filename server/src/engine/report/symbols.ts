import type { Range, ReportNode, ReportTree } from '../types';

/** LSP SymbolKind numbers used by the outline (kept here so the engine imports no protocol package). */
export const SymbolKindNumber = { File: 1, Module: 2, Namespace: 3, Package: 4, Field: 8, String: 15 } as const;

/** An outline node, shaped like LSP's DocumentSymbol. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface OutlineOptions {
  /** Show 一是/二是 items. When a report has no headings at all its items are shown regardless. */
  showItems?: boolean;
  /** Optional detail per node (e.g. a character count). */
  detail?(node: ReportNode): string | undefined;
}

function kindOf(node: ReportNode): number {
  if (node.style === 'shi') return SymbolKindNumber.Field;
  return node.depth <= 1 ? SymbolKindNumber.Module : node.depth === 2 ? SymbolKindNumber.Namespace : SymbolKindNumber.Package;
}

function convert(nodes: readonly ReportNode[], opts: OutlineOptions, showItems: boolean): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const n of nodes) {
    if (n.style === 'shi' && !showItems) continue;
    const sym: OutlineSymbol = {
      name: n.name.length > 80 ? n.name.slice(0, 79) + '…' : n.name || '（无标题）',
      kind: kindOf(n),
      range: n.range,
      selectionRange: n.selectionRange,
      children: convert(n.children, opts, showItems),
    };
    const detail = opts.detail?.(n);
    if (detail) sym.detail = detail;
    out.push(sym);
  }
  return out;
}

/**
 * The report tree as outline symbols: the title (when there is one) holds the sections,
 * as a Word document's title stands above its headings.
 */
export function outlineSymbols(tree: ReportTree, opts: OutlineOptions = {}): OutlineSymbol[] {
  const hasHeadings = tree.sections.some((s) => s.style !== 'shi');
  const sections = convert(tree.sections, opts, opts.showItems === true || !hasHeadings);
  if (!tree.title) return sections;
  const end = tree.sections.length ? tree.sections[tree.sections.length - 1].range.end : tree.title.range.end;
  return [
    {
      name: tree.title.text,
      kind: SymbolKindNumber.File,
      range: { start: tree.title.range.start, end },
      selectionRange: tree.title.range,
      children: sections,
    },
  ];
}
