/**
 * `npm run bench`: prints the benchmark table (Shuzhi beside its baseline and target).
 * `npm run bench -- --scale` adds pasted drafts of millions of characters and the large
 * synthetic corpora (10, 50 and 100 MB; `--quick`: 10 MB only).
 * Needs `npm run build` first (latencies are measured through the real server over stdio).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatTable, type BenchRow } from './table';

async function optional(file: string, fn: string, ...args: unknown[]): Promise<BenchRow[]> {
  const p = path.join(__dirname, file + '.ts');
  if (!fs.existsSync(p)) return [];
  const mod = (await import(p)) as Record<string, (...a: unknown[]) => Promise<BenchRow[]>>;
  try {
    return await mod[fn](...args);
  } catch (e) {
    process.stderr.write(`bench ${file} failed: ${(e as Error).stack}\n`);
    return [{ group: file, metric: 'error', value: String((e as Error).message) }];
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'server.js'))) {
    process.stderr.write('请先运行 npm run build（dist/server.js 不存在）。\n');
    process.exit(2);
  }
  const scale = process.argv.includes('--scale');
  const rows: BenchRow[] = [];
  rows.push(...(await optional('completion', 'benchCompletion')));
  rows.push(...(await optional('search', 'benchSearch')));
  rows.push(...(await optional('lint', 'benchLint')));
  rows.push(...(await optional('gongwen', 'benchGongwen')));
  rows.push(...(await optional('dashboard', 'benchDashboard')));
  rows.push(...(await optional('review', 'benchReview')));
  rows.push(...(await optional('unseenSlips', 'benchUnseenSlips')));
  rows.push(...(await optional('unseenTyping', 'benchUnseenTyping')));
  if (scale) {
    const sizes = process.argv.includes('--quick') ? [10] : [10, 50, 100];
    rows.push(...(await optional('scale', 'benchScale', sizes)));
    rows.push(...(await optional('review', 'benchReviewScale', sizes)));
  }
  process.stdout.write(formatTable(rows) + '\n');
}

void main();
