import { parseDraft } from '../engine/lint/parseDraft';
import { outlineSymbols, type OutlineSymbol } from '../engine/report/symbols';
import { readDraft } from './common';
import { formatOf, parseArgs, UsageError, type CliIO } from './io';

/** `shuzhi outline FILE [--items] [--format json]`: prints the report tree (JSON: DocumentSymbol-like nodes). */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, ['items']);
  if (positional.length !== 1) throw new UsageError('用法：shuzhi outline 文件 [--items] [--format json]');
  const format = formatOf(flags);
  const { text } = readDraft(io, positional[0]);
  // The same parse as the editor's outline: front matter and comments are not structure.
  const tree = parseDraft(text);
  const symbols = outlineSymbols(tree, { showItems: flags.has('items') });
  if (format === 'json') {
    io.out(JSON.stringify(symbols, null, 2) + '\n');
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
