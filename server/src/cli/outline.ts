import { Draft } from '../engine/lint/draft';
import { outlineSymbols, type OutlineSymbol } from '../engine/report/symbols';
import { readDraft } from './common';
import { formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs, usageLine } from './options';

/** A place in the draft as the CLI prints it: line and column count from 1 (the column in UTF-16 code units). */
export interface CliPosition {
  line: number;
  column: number;
}

/** A node of `shuzhi outline --format json`: shaped like an LSP DocumentSymbol, with 1-based positions. */
export interface OutlineJson {
  name: string;
  detail?: string;
  kind: number;
  range: { start: CliPosition; end: CliPosition };
  selectionRange: { start: CliPosition; end: CliPosition };
  children: OutlineJson[];
}

function toJson(s: OutlineSymbol): OutlineJson {
  const pos = (p: { line: number; character: number }): CliPosition => ({ line: p.line + 1, column: p.character + 1 });
  const span = (r: OutlineSymbol['range']) => ({ start: pos(r.start), end: pos(r.end) });
  return {
    name: s.name,
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    kind: s.kind,
    range: span(s.range),
    selectionRange: span(s.selectionRange),
    children: s.children.map(toJson),
  };
}

/** `shuzhi outline FILE [--items] [--format json]`: prints the report tree (JSON: DocumentSymbol-like nodes, 1-based). */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('outline', args);
  if (positional.length !== 1) throw new UsageError(`用法：shuzhi ${usageLine('outline')}`);
  const format = formatOf(flags);
  const { text } = readDraft(io, positional[0]);
  // The same parse as the editor's outline: front matter and comments are not structure.
  const tree = new Draft(text).tree;
  const symbols = outlineSymbols(tree, { showItems: flags.has('items') });
  if (format === 'json') {
    io.out(JSON.stringify(symbols.map(toJson), null, 2) + '\n');
    return 0;
  }
  const lines: string[] = [];
  const walk = (nodes: OutlineSymbol[], indent: string) => {
    for (const n of nodes) {
      lines.push(`${indent}${n.name}  (${n.range.start.line + 1}-${n.range.end.line + 1} 行)`);
      walk(n.children, indent + '  ');
    }
  };
  walk(symbols, '');
  if (!lines.length) lines.push('（未识别出结构：没有标题，也没有“一、”“（一）”“一是”等编号。）');
  for (const a of tree.anomalies) lines.push(`注意：第 ${a.node.range.start.line + 1} 行：${a.message}`);
  io.out(lines.join('\n') + '\n');
  return 0;
}
