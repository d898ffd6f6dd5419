import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDocx } from '../engine/delivery/docxExport';
import { countText, formatCount } from '../engine/delivery/count';
import { siblingWithExtension, writeOutputFile } from '../io/outputFile';
import { cliSettings, readDraft, sameFile } from './common';
import { formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs, usageLine } from './options';

export interface ExportOutput {
  /** The draft, as an absolute path. */
  input: string;
  /** The Word document written, as an absolute path. */
  output: string;
  /** Its size in bytes. */
  bytes: number;
  /** The draft's Word-style character count (字数). */
  characters: number;
  /** True when an existing file was replaced (--force). */
  replaced: boolean;
}

/**
 * `shuzhi export FILE.md [-o FILE.docx] [--force] [--format json]`: writes a Word document in
 * official-document layout. Never writes over the draft itself, by whatever path it is named.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('export', args);
  if (positional.length !== 1) throw new UsageError(`用法：shuzhi ${usageLine('export')}`);
  const format = formatOf(flags);
  const draft = readDraft(io, positional[0]);
  const outArg = flags.get('output')?.at(-1);
  const target = outArg ? path.resolve(io.cwd, outArg) : siblingWithExtension(draft.path, '.docx');
  if (sameFile(target, draft.path)) throw new UsageError('导出文件不能是草稿本身，请用 -o 指定另一个 .docx 文件。');
  if (!/\.docx$/i.test(target)) throw new UsageError(`导出文件应以 .docx 结尾：${target}`);
  const overwrite = flags.has('force');
  const existed = fs.existsSync(target);
  if (!overwrite && existed) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  const settings = cliSettings(io, flags);
  const bytes = await buildDocx(draft.text, settings.export);
  try {
    if (!writeOutputFile(target, bytes, overwrite)) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法写入 ${target}：${(e as Error).message}`);
  }
  const characters = countText(draft.text);
  if (format === 'json') {
    const out: ExportOutput = { input: draft.path, output: target, bytes: bytes.length, characters, replaced: existed };
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else {
    io.out(`已导出 Word 文档：${target}（${formatCount(characters)} 字）\n`);
  }
  return 0;
}
