/**
 * Outline and folding: `textDocument/documentSymbol` returns the report tree — the title
 * holding the sections, Markdown headings and Chinese enumerations (一、 （一） 1. （1）)
 * nested by level, 一是… items when `shuzhi.outline.showOrdinals` is on — each with its
 * character count as detail. `textDocument/foldingRange` folds every section and the front
 * matter (and multi-line comments).
 */
import type { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import type { Draft } from '../engine/lint/draft';
import { foldsOf, outlineOf } from '../engine/lint/folding';
import type { OutlineSymbol } from '../engine/report/symbols';
import { isHuge } from './hugeDrafts';
import { serviceOf, type Service } from './service';

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

/**
 * The outline of a draft (a huge one's from the worker, which parses it there: its symbols,
 * read from the worker's JSON, are already in LSP's shape and go out as they are — tens of
 * thousands of them are not copied again on this thread).
 */
export async function documentSymbols(service: Service, draft: Draft): Promise<DocumentSymbol[]> {
  if (isHuge(draft) && !draft.hasTree) return (await service.hugeAnalysis(draft).outline()).symbols as DocumentSymbol[];
  return toDocumentSymbols(outlineOf(draft, service.ctx.settings().outline.showOrdinals));
}

/** Folding ranges of a draft: sections (region), front matter (region), comments (comment). */
export async function foldingRanges(service: Service, draft: Draft): Promise<FoldingRange[]> {
  if (isHuge(draft) && !draft.hasTree) return (await service.hugeAnalysis(draft).outline()).folds;
  return foldsOf(draft);
}

export function register(ctx: ServerContext): void {
  const service = serviceOf(ctx);
  ctx.connection.onDocumentSymbol((params) => {
    const draft = service.openDraft(params.textDocument.uri);
    return draft ? documentSymbols(service, draft) : null;
  });
  ctx.connection.onFoldingRanges((params) => {
    const draft = service.openDraft(params.textDocument.uri);
    return draft ? foldingRanges(service, draft) : null;
  });
}
