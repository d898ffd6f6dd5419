import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksBinary } from '../engine/corpus/decode';
import { countText } from '../engine/delivery/count';
import { DocxReadError, importDocx } from '../engine/delivery/docxImport';
import { sameFile } from './common';
import { siblingWithExtension, writeOutputFile } from '../io/outputFile';
import { formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs, usageLine } from './options';

/** JSON shape of `shuzhi import --format json`: what was read and written. */
export interface ImportOutput {
  /** The Word file, as an absolute path. */
  input: string;
  /** The Markdown draft written, as an absolute path; null with `-o -`. */
  output: string | null;
  /** Size of the draft in bytes (UTF-8). */
  bytes: number;
  /** The draft's Word-style character count (字数). */
  characters: number;
  /** True when an existing file was replaced (--force). */
  replaced: boolean;
  /** The report's title, when the Word file marks one. */
  title?: string;
  /** The draft itself, only with `-o -`. */
  markdown?: string;
  /** What the conversion could not carry over (mammoth's notes). */
  warnings: string[];
}

const WORD_FILE = /\.(docx|docm|dotx|doc|wps)$/i;

/** The first bytes of `file`, enough for `looksBinary`; undefined when it cannot be read. */
function headOf(file: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(8192);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Refuses a target that would lose a file, whatever the flags: the Word file being imported
 * (by any path: `./`, a symlink, a hard link, another case), any Word file, and any existing
 * file that is not text. An existing text file is replaced only with --force.
 */
function checkTarget(source: string, target: string, overwrite: boolean): void {
  if (sameFile(source, target)) throw new UsageError(`不能把导入结果写到要导入的 Word 文件本身（${target}）；请用 -o 指定另一个 .md 文件。`);
  if (WORD_FILE.test(target)) throw new UsageError(`导入结果是 Markdown 草稿，不会写进 Word 文件 ${target}；请用 -o 指定一个 .md 文件。`);
  if (!fs.existsSync(target)) return;
  if (!overwrite) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  const head = headOf(target);
  if (head && looksBinary(head)) throw new UsageError(`文件 ${target} 不是文本文件，导入不会覆盖它（加了 --force 也不会）；请用 -o 指定另一个 .md 文件。`);
}

/**
 * `shuzhi import FILE.docx [-o FILE.md] [--force] [--format json]`: turns a Word report into a
 * Markdown draft (`-o -` prints it). The .docx is only read, never written; an existing draft
 * is replaced only with --force.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('import', args);
  if (positional.length !== 1) throw new UsageError(`用法：shuzhi ${usageLine('import')}`);
  const format = formatOf(flags);
  const name = positional[0];
  const source = path.resolve(io.cwd, name);
  if (/\.(md|markdown|txt)$/i.test(source)) {
    throw new UsageError(`${name} 已是文本草稿，不需要导入；import 只读 Word 文件（.docx）。`);
  }
  const outArg = flags.get('output')?.at(-1);
  const toStdout = outArg === '-';
  const target = toStdout ? '' : outArg ? path.resolve(io.cwd, outArg) : siblingWithExtension(source, '.md');
  const overwrite = flags.has('force');
  let bytes: Buffer;
  try {
    if (!fs.statSync(source).isFile()) throw new UsageError(`${name} 不是普通文件。`);
    bytes = fs.readFileSync(source);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`无法读取文件 ${name}：${missing ? '文件不存在' : (e as Error).message}。`);
  }
  const replaced = !toStdout && fs.existsSync(target);
  if (!toStdout) checkTarget(source, target, overwrite);
  let result: Awaited<ReturnType<typeof importDocx>>;
  try {
    result = await importDocx(bytes);
  } catch (e) {
    if (e instanceof DocxReadError) throw new UsageError(`${e.message}（${name}）。`);
    throw e;
  }
  const { markdown, title, warnings } = result;
  if (!toStdout) {
    try {
      // The checks again, just before writing: the folder may have changed during the conversion.
      checkTarget(source, target, overwrite);
      if (!writeOutputFile(target, markdown, overwrite)) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`无法写入 ${target}：${(e as Error).message}`);
    }
  }
  if (format === 'json') {
    const out: ImportOutput = {
      input: source,
      output: toStdout ? null : target,
      bytes: Buffer.byteLength(markdown),
      characters: countText(markdown),
      replaced,
      ...(title !== undefined ? { title } : {}),
      ...(toStdout ? { markdown } : {}),
      warnings,
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else if (toStdout) {
    io.out(markdown);
  } else {
    io.out(`已导入为 Markdown 草稿：${target}\n`);
  }
  return 0;
}
