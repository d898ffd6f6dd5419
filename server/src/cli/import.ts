import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocxReadError, importDocx } from '../engine/delivery/docxImport';
import { siblingWithExtension, writeOutputFile } from './export';
import { parseArgs, UsageError, type CliIO } from './io';

/**
 * `shuzhi import FILE.docx [-o FILE.md] [--force]`: turns a Word report into a Markdown draft
 * (`-o -` prints it). The .docx is only read; an existing draft is not overwritten without --force.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, ['force']);
  if (positional.length !== 1) throw new UsageError('用法：shuzhi import 文件.docx [-o 文件.md] [--force]');
  const source = path.resolve(io.cwd, positional[0]);
  let bytes: Buffer;
  try {
    if (!fs.statSync(source).isFile()) throw new UsageError(`${positional[0]} 不是普通文件。`);
    bytes = fs.readFileSync(source);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`无法读取文件 ${positional[0]}：${missing ? '文件不存在' : (e as Error).message}。`);
  }
  const outArg = flags.get('o')?.at(-1) ?? flags.get('output')?.at(-1);
  const toStdout = outArg === '-';
  const target = toStdout ? '' : outArg ? path.resolve(io.cwd, outArg) : siblingWithExtension(source, '.md');
  const overwrite = flags.has('force');
  if (!toStdout && !overwrite && fs.existsSync(target)) {
    throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  }
  let markdown: string;
  try {
    ({ markdown } = await importDocx(bytes));
  } catch (e) {
    if (e instanceof DocxReadError) throw new UsageError(`${e.message}（${positional[0]}）。`);
    throw e;
  }
  if (toStdout) {
    io.out(markdown);
    return 0;
  }
  try {
    if (!writeOutputFile(target, markdown, overwrite)) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法写入 ${target}：${(e as Error).message}`);
  }
  io.out(`已导入为 Markdown 草稿：${target}\n`);
  return 0;
}
