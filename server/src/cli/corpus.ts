import * as path from 'node:path';
import { getReportType } from '../engine/report/reportTypes';
import { SECTION_KIND_NAMES, type SectionKind } from '../engine/types';
import { cliCorpus, cliSettings } from './common';
import { formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs } from './options';
import { clearSnapshotCache } from '../snapshot/cacheBounds';

/** `shuzhi corpus --clear-cache`: removes the saved corpus snapshots (the next start reads the corpus files again). */
async function clearCache(format: string, io: CliIO): Promise<number> {
  const r = await clearSnapshotCache();
  if (format === 'json') io.out(JSON.stringify(r, null, 2) + '\n');
  else {
    io.out(`已清除语料缓存：${r.files} 个文件，${(r.bytes / 1048576).toFixed(1)} MB（${r.dir}）。\n`);
    for (const f of r.failed) io.err(`无法删除 ${f.path}：${f.reason}\n`);
  }
  return r.failed.length ? 1 : 0;
}

/** `shuzhi corpus [--corpus DIR]... [--no-default-corpus] [--clear-cache] [--format json]`: lists the reports and skipped files. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('corpus', args);
  if (positional.length) throw new UsageError(`corpus 命令不接受参数“${positional[0]}”；语料文件夹请用 --corpus 指定。`);
  const format = formatOf(flags);
  if (flags.has('clear-cache')) return clearCache(format, io);
  const { reports, skipped } = await cliCorpus(cliSettings(io, flags));
  const rows = reports.map((r) => {
    const headed = r.tree.sections.filter((s) => s.style !== 'shi');
    // A report without headings runs as 一是…二是… paragraphs: list those, with the kinds
    // inferred from their wording (or 'unknown' when nothing could be inferred).
    const parts = headed.length ? headed : r.tree.sections;
    return {
      title: r.title,
      source: r.source,
      type: getReportType(r.typeId)?.name ?? r.typeId,
      headings: headed.length > 0,
      sections: parts.map((s) => ({ heading: s.name, kinds: s.kinds.length ? [...s.kinds] : ['unknown' as const] })),
      chars: r.text.replace(/\s/g, '').length,
    };
  });
  if (format === 'json') {
    io.out(JSON.stringify({ reports: rows, skipped }, null, 2) + '\n');
    return 0;
  }
  const lines: string[] = [`共 ${rows.length} 篇报告：`];
  rows.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.title}  〔${r.type}，${r.chars} 字，${path.basename(r.source)}${r.headings ? '' : '，无标题，按“一是…”段落列出'}〕`);
    for (const s of r.sections) {
      const kinds = s.kinds.map((k) => (k === 'unknown' ? '未知' : SECTION_KIND_NAMES[k as SectionKind])).join('、');
      lines.push(`     ${s.heading}${kinds ? `  → ${kinds}` : ''}`);
    }
  });
  if (skipped.length) {
    lines.push('', `跳过 ${skipped.length} 个文件：`);
    for (const s of skipped) lines.push(`  ${s.path}：${s.reason}`);
  }
  io.out(lines.join('\n') + '\n');
  return 0;
}
