import { countSections, countText, formatCount, type SectionCount } from '../engine/delivery/count';
import { resolveLengthLimit, type LengthLimit } from '../engine/delivery/lengthLimit';
import { parseReport } from '../engine/report/structure';
import { withoutFrontMatter } from '../engine/delivery/markdown';
import { cliSettings, readDraft } from './common';
import { formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs, usageLine } from './options';

/** JSON shape of `shuzhi count --format json`. */
export interface CountOutput {
  total: number;
  limit?: number;
  limitSource?: LengthLimit['source'];
  sections: Array<{ name: string; count: number; children: CountOutput['sections'] }>;
}

function describeLimit(l: LengthLimit): string {
  if (l.source === 'settings') return '来自设置 shuzhi.length.limit';
  if (l.source === 'frontmatter') return `来自文首“${l.phrase}”`;
  return `来自标题“${l.phrase}”`;
}

/** `shuzhi count FILE [--format json]`: Word-style character count, in total and per section. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('count', args);
  if (positional.length !== 1) throw new UsageError(`用法：shuzhi ${usageLine('count')}`);
  const format = formatOf(flags);
  const { text } = readDraft(io, positional[0]);
  const settings = cliSettings(io, flags);
  const total = countText(text);
  const limit = resolveLengthLimit(text, settings);
  const sections = countSections(parseReport(withoutFrontMatter(text)));
  if (format === 'json') {
    const toJson = (list: SectionCount[]): CountOutput['sections'] =>
      list.map((s) => ({ name: s.name, count: s.count, children: toJson(s.children) }));
    const out: CountOutput = { total, sections: toJson(sections) };
    if (limit) {
      out.limit = limit.limit;
      out.limitSource = limit.source;
    }
    io.out(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  const lines = [`全文 ${formatCount(total)} 字`];
  if (limit) {
    const over = total - limit.limit;
    lines[0] +=
      `，字数限制 ${formatCount(limit.limit)} 字（${describeLimit(limit)}）` +
      (over > 0 ? `，超出 ${formatCount(over)} 字` : `，还可写 ${formatCount(-over)} 字`);
  }
  lines[0] += '。';
  const walk = (list: SectionCount[], indent: string) => {
    for (const s of list) {
      lines.push(`${indent}${s.name.length > 40 ? s.name.slice(0, 39) + '…' : s.name}  ${formatCount(s.count)} 字`);
      walk(s.children, indent + '  ');
    }
  };
  walk(sections, '  ');
  io.out(lines.join('\n') + '\n');
  return 0;
}
