import * as path from 'node:path';
import { buildSearchIndex, searchCorpus, type SearchHit } from '../engine/search/searchIndex';
import { locateInSource } from '../engine/search/sourceLine';
import type { CorpusReport } from '../engine/types';
import { readSource } from '../io/sourceText';
import { cliCorpus, cliSettings } from './common';
import { formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs } from './options';

/**
 * `shuzhi search QUERY [--limit N] [--format json] [--corpus DIR]... [--no-default-corpus]`:
 * finds corpus sentences worded like QUERY (several words may be given). Exit 0 whether or
 * not anything is found; 2 for a missing query or a bad option.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('search', args);
  const query = positional.join(' ').trim();
  if (!query) throw new UsageError('请给出要查找的文字，例如：shuzhi search 三会一课');
  const format = formatOf(flags);
  const limit = parseLimit(flags.get('limit')?.at(-1));
  const settings = cliSettings(io, flags);
  const { reports } = await cliCorpus(settings);
  const hits = await withFileLines(searchCorpus(buildSearchIndex(reports), query, { limit }), reports, settings.maxFileSizeMB * 1048576);
  if (format === 'json') {
    io.out(JSON.stringify(hits, null, 2) + '\n');
    return 0;
  }
  io.out(formatHits(hits, query, io.cwd));
  return 0;
}

function parseLimit(v: string | undefined): number {
  if (v === undefined) return 10;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UsageError(`--limit 应为 1 到 1000 之间的整数，收到“${v}”。`);
  return n;
}

/**
 * A hit as the CLI prints it: `line` (in the report's cleaned text) and `fileLine` (in the
 * source file as it is on disk, when the sentence can be found there) count from 1.
 */
export interface CliSearchHit extends SearchHit {
  fileLine?: number;
}

/** Finds each hit's line in its source file (read again; Word files have no lines to show). */
async function withFileLines(hits: SearchHit[], reports: readonly CorpusReport[], maxBytes: number): Promise<CliSearchHit[]> {
  const files = new Map<string, Promise<string | undefined>>();
  const read = (p: string) => {
    if (!files.has(p)) files.set(p, readSource(p, maxBytes));
    return files.get(p)!;
  };
  const byId = new Map(reports.map((r) => [r.id, r]));
  return Promise.all(
    hits.map(async (h) => {
      const report = byId.get(h.reportId);
      const text = report ? await read(h.source) : undefined;
      const fileLine = text !== undefined && report ? locateInSource(text, report.text.split('\n', 1)[0], h.text) : undefined;
      const hit: CliSearchHit = { ...h, line: h.line + 1 };
      if (fileLine !== undefined) hit.fileLine = fileLine + 1;
      return hit;
    }),
  );
}

/** Readable lines: the sentence, then where it comes from and its score. */
export function formatHits(hits: readonly CliSearchHit[], query: string, cwd: string): string {
  if (hits.length === 0) return `语料中没有找到与“${plain(query)}”相似的表述。\n`;
  const lines = [`找到 ${hits.length} 条与“${plain(query)}”相似的表述：`];
  hits.forEach((h, i) => {
    const where = [`《${plain(h.title)}》`, plain(h.section)].filter((s) => s !== '').join(' · ');
    lines.push('', `${i + 1}. ${plain(h.text)}`);
    lines.push(`   ${where}`);
    // path:line is what terminals and editors turn into a link to the place.
    const place = h.fileLine !== undefined ? `${displayPath(h.source, cwd)}:${h.fileLine}` : `${displayPath(h.source, cwd)}（报告第 ${h.line} 行）`;
    lines.push(`   来源：${place}  得分：${h.score}`);
  });
  return lines.join('\n') + '\n';
}

/** Corpus text is untrusted: control characters (terminal escape sequences) are not printed. */
export function plain(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return plain(rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p);
}
