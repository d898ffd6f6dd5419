import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpusCached } from '../snapshot/cliCorpus';
import { normalizeSettings, type Settings } from '../engine/settings';
import type { CorpusReport, SkippedFile } from '../engine/types';
import { readRcFile } from '../rc';
import { UsageError, type CliIO } from './io';

/** Flags shared by the commands that read a corpus. */
export const CORPUS_BOOLEANS = ['no-default-corpus'] as const;

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

/** Reads a draft given on the command line as text; unreadable input is a UsageError (exit 2). */
export function readDraft(io: CliIO, file: string): { path: string; text: string } {
  const p = path.resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) throw new UsageError(`${file} 不是普通文件。`);
    bytes = fs.readFileSync(p);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}。`);
  }
  const text = decodeDraft(bytes);
  if (text === undefined) throw new UsageError(`无法识别 ${file} 的文字编码，请另存为 UTF-8 后再试。`);
  return { path: p, text };
}

function decodeDraft(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}
