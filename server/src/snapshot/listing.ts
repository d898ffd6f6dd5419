/**
 * Listing the corpus files with their size and mtime, without reading them: the snapshot
 * and the incremental updates compare this listing with what was loaded before and read
 * only the files that are new or changed.
 *
 * The walk follows the loader's rules (engine/corpus/loader.ts): folders are read
 * recursively for the corpus extensions; hidden entries and Word lock files are ignored;
 * symlinks are followed except one leading back to a folder being walked; special files
 * (FIFOs, sockets, devices) are reported from their stat and never opened.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { isCorpusFileName } from '../engine/corpus/loader';
import type { SkippedFile } from '../engine/types';

/** A corpus file found by the walk, with the stat the loader will compare against. */
export interface ListedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface Listing {
  /** Candidate files, sorted by path. */
  files: ListedFile[];
  /** Paths the walk itself could not use (loops, special files, unreadable folders), sorted by path. */
  skipped: SkippedFile[];
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function specialReason(st: Stats): string {
  if (st.isFIFO()) return '这是命名管道（FIFO），不是普通文件';
  if (st.isSocket()) return '这是套接字文件，不是普通文件';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件，不是普通文件';
  return '不是普通文件';
}

function errorReason(err: unknown, what: 'path' | 'dir' | 'file'): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return what === 'path' ? '路径不存在' : '文件在读取过程中被删除或移动了';
  if (code === 'EACCES' || code === 'EPERM') return what === 'dir' ? '没有权限读取这个文件夹' : '没有权限读取这个文件';
  if (code === 'ELOOP') return '符号链接循环指向自己，无法打开';
  return `无法读取（${code ?? (err instanceof Error ? err.message : String(err))}）`;
}

interface Walk {
  files: ListedFile[];
  skipped: SkippedFile[];
  seenDirs: Set<string>;
  seenFiles: Set<string>;
  signal?: AbortSignal;
}

async function visit(walk: Walk, path: string, explicit: boolean, ancestors: readonly string[]): Promise<void> {
  walk.signal?.throwIfAborted();
  const relevant = explicit || isCorpusFileName(path);
  const skip = (reason: string) => walk.skipped.push({ path, reason });
  let st: Stats;
  try {
    st = await lstat(path);
  } catch (err) {
    if (relevant) skip(errorReason(err, explicit ? 'path' : 'file'));
    return;
  }
  if (st.isSymbolicLink()) {
    try {
      st = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') skip('符号链接循环指向自己，无法打开');
      else if (relevant) skip(code === 'ENOENT' ? '符号链接指向的位置不存在' : errorReason(err, 'file'));
      return;
    }
  }
  if (st.isDirectory()) {
    let real: string;
    let names: string[];
    try {
      real = await realpath(path);
      if (ancestors.includes(real)) {
        skip('符号链接指回它所在的上级文件夹，形成循环');
        return;
      }
      if (walk.seenDirs.has(real)) return;
      walk.seenDirs.add(real);
      names = await readdir(path);
    } catch (err) {
      skip(errorReason(err, 'dir'));
      return;
    }
    names.sort();
    const inner = [...ancestors, real];
    for (const name of names) {
      if (!name.startsWith('.') && !name.startsWith('~$')) await visit(walk, nodePath.join(path, name), false, inner);
    }
    return;
  }
  if (!st.isFile()) {
    if (relevant) skip(specialReason(st));
    return;
  }
  if (!isCorpusFileName(path)) {
    if (explicit) skip('不支持的文件类型（只读取 .txt、.md、.markdown、.docx 文件）');
    return;
  }
  const real = await realpath(path).catch(() => path);
  if (walk.seenFiles.has(real)) return;
  walk.seenFiles.add(real);
  walk.files.push({ path, size: st.size, mtimeMs: st.mtimeMs });
}

/**
 * Lists the corpus files under `paths` (files or folders, resolved against the working
 * directory) with their stat. Never throws for file-system problems; rejects only when
 * `signal` aborts.
 */
export async function listCorpusFiles(paths: readonly string[], signal?: AbortSignal): Promise<Listing> {
  const walk: Walk = { files: [], skipped: [], seenDirs: new Set(), seenFiles: new Set(), signal };
  const inputs = [...new Set(paths.map((p) => nodePath.resolve(p)))].sort();
  for (const input of inputs) await visit(walk, input, true, []);
  walk.files.sort(byPath);
  walk.skipped.sort(byPath);
  return walk;
}
