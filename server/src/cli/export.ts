import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDocx } from '../engine/delivery/docxExport';
import { countText, formatCount } from '../engine/delivery/count';
import { cliSettings, readDraft } from './common';
import { parseArgs, UsageError, type CliIO } from './io';

/**
 * Writes `bytes` to `file` unless it exists and `overwrite` is false (returns false then).
 * The bytes go to a temporary file first and are renamed into place, so an interrupted
 * write never leaves a broken document where a good one was.
 */
export function writeOutputFile(file: string, bytes: Uint8Array | string, overwrite: boolean): boolean {
  if (!overwrite && fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } finally {
    if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
  }
  return true;
}

/** `a/b/报告.md` → `a/b/报告.docx`. */
export function siblingWithExtension(file: string, ext: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, parsed.name + ext);
}

/** `shuzhi export FILE.md [-o FILE.docx] [--force]`: writes a Word document in official-document layout. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, ['force']);
  if (positional.length !== 1) throw new UsageError('用法：shuzhi export 文件.md [-o 文件.docx] [--force]');
  const draft = readDraft(io, positional[0]);
  const outArg = flags.get('o')?.at(-1) ?? flags.get('output')?.at(-1);
  const target = outArg ? path.resolve(io.cwd, outArg) : siblingWithExtension(draft.path, '.docx');
  if (path.resolve(target) === path.resolve(draft.path)) throw new UsageError('导出文件不能与草稿同名，请用 -o 指定另一个 .docx 文件。');
  if (!/\.docx$/i.test(target)) throw new UsageError(`导出文件应以 .docx 结尾：${target}`);
  const overwrite = flags.has('force');
  if (!overwrite && fs.existsSync(target)) {
    throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  }
  const settings = cliSettings(io, flags);
  const bytes = await buildDocx(draft.text, settings.export);
  try {
    if (!writeOutputFile(target, bytes, overwrite)) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法写入 ${target}：${(e as Error).message}`);
  }
  io.out(`已导出 Word 文档：${target}（${formatCount(countText(draft.text))} 字）\n`);
  return 0;
}
