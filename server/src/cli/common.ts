import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpusCached } from '../snapshot/cliCorpus';
import { normalizeSettings, type Settings } from '../engine/settings';
import type { CorpusReport, SkippedFile } from '../engine/types';
import { readRcFile } from '../rc';
import { decodeBytes, isDecodeError, looksBinary } from '../engine/corpus/decode';
import { UsageError, type CliIO } from './io';
import type { Lexicon } from '../engine/review/lexicon';
import { sharedLexicon } from '../io/lexicon';
import { readWordList } from '../io/words';

/** Settings for a CLI run: defaults ← .shuzhirc.json in the working folder ← command-line flags. */
export function cliSettings(io: CliIO, flags: Map<string, string[]>): Settings {
  const rc = readRcFile(io.cwd);
  if (rc.error) io.err(rc.error);
  const s = normalizeSettings(rc.settings);
  const extra = (flags.get('corpus') ?? []).map((p) => path.resolve(io.cwd, p));
  s.corpusPaths = [...s.corpusPaths, ...extra];
  if (flags.has('no-default-corpus')) s.useBundledCorpus = false;
  return s;
}

/** Loads the corpus named by settings; skipped files are reported on stderr in text mode. */
export async function cliCorpus(settings: Settings): Promise<{ reports: CorpusReport[]; skipped: SkippedFile[] }> {
  for (const p of settings.corpusPaths) {
    if (!fs.existsSync(p)) throw new UsageError(`找不到语料路径：${p}`);
  }
  return loadCorpusCached(settings);
}

/**
 * What typo-suspect (and the rules reading names with it) need beyond the corpus, as the editor's
 * check has them: the general lexicon — without it those rules keep to what they can tell alone,
 * and that is said once on stderr — and the working folder's word list.
 */
export function cliTypoInputs(io: CliIO): { lexicon?: Lexicon; words: string[] } {
  const load = sharedLexicon();
  if (load.error) io.err(load.error + '\n');
  return { lexicon: load.lexicon, words: readWordList(io.cwd) };
}

/**
 * Reads a draft given on the command line as text; unreadable input is a UsageError (exit 2).
 * A Word file points to `shuzhi import`; a binary file and an unknown encoding are said
 * plainly, with the corpus loader's own checks (engine/corpus/decode.ts).
 */
export function readDraft(io: CliIO, file: string): { path: string; text: string } {
  const p = path.resolve(io.cwd, file);
  if (/\.(docx|docm|dotx)$/i.test(p)) {
    throw new UsageError(`${file} 是 Word 文件，不是 Markdown 草稿；请先用 shuzhi import ${file} 把它转为草稿。`);
  }
  if (/\.(doc|wps)$/i.test(p)) {
    throw new UsageError(`${file} 是旧版 Word/WPS 文件；请先在 Word 或 WPS 中另存为 .docx，再用 shuzhi import 转为草稿。`);
  }
  let bytes: Buffer;
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) throw new UsageError(`${file} 不是普通文件。`);
    bytes = fs.readFileSync(p);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}。`);
  }
  if (looksBinary(bytes)) throw new UsageError(`${file} 看起来是二进制文件，不是文本文件；请给出 Markdown 或纯文本草稿。`);
  const decoded = decodeBytes(bytes);
  if (isDecodeError(decoded)) throw new UsageError(`无法读取 ${file}：${decoded.error}；请另存为 UTF-8 后再试。`);
  return { path: p, text: decoded.text };
}

/**
 * True when `a` and `b` are the same file: the same path once resolved (`./x`, `d/../x`), or
 * both existing and one file on disk (a symlink, a hard link, another case on a file system
 * that ignores case).
 */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a, { bigint: true });
    const sb = fs.statSync(b, { bigint: true });
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
