/**
 * Reading corpus files and folders from disk. This is the only engine module that
 * touches the file system, and it only reads: files are opened read-only, special
 * files (FIFOs, sockets, devices) are recognised from their stat and never opened,
 * and every problem becomes a SkippedFile with a plain Chinese reason instead of an
 * exception, so one bad file never stops a corpus from loading.
 */
import { constants as fsConstants, existsSync, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { LoadedFile, SkippedFile } from '../types';
import { decodeBytes, looksBinary } from './decode';
import { DocxReadError, docxToText } from './docx';

/** File extensions the corpus is read from (lower case, with the dot). */
export const CORPUS_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.docx'];

export interface LoadOptions {
  /** Files larger than this are skipped unread. */
  maxFileSizeBytes: number;
  /** Aborting rejects the pending call with `signal.reason`. */
  signal?: AbortSignal;
  /** Called with (0, total) once the folders are listed, then after each file. */
  onProgress?(done: number, total: number): void;
}

export interface LoadResult {
  /** Files read and decoded, sorted by path. */
  files: LoadedFile[];
  /** Paths that could not be used, sorted by path, each with a plain Chinese reason. */
  skipped: SkippedFile[];
}

/** True when the file name has one of the corpus extensions (case-insensitive). */
export function isCorpusFileName(name: string): boolean {
  return CORPUS_EXTENSIONS.includes(nodePath.extname(name).toLowerCase());
}

/** Type guard separating the two outcomes of `loadOneFile`. */
export function isSkipped(r: LoadedFile | SkippedFile): r is SkippedFile {
  return 'reason' in r;
}

const MB = 1024 * 1024;
/** O_NONBLOCK makes open() return at once should a path turn into a FIFO after we stat it. */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);
const UNSUPPORTED_REASON = `不支持的文件类型（只读取 ${CORPUS_EXTENSIONS.join('、')} 文件）`;

/** Megabytes with just enough digits that `size` and `limit` never print the same. */
function formatSizes(size: number, limit: number): [string, string] {
  for (let digits = 3; digits <= 10; digits++) {
    const a = String(Number((size / MB).toPrecision(digits)));
    const b = String(Number((limit / MB).toPrecision(digits)));
    if (a !== b) return [a, b];
  }
  return [String(size / MB), String(limit / MB)];
}

function tooLargeReason(size: number, limit: number): string {
  const [s, l] = formatSizes(size, limit);
  return `文件太大：${s} MB，超过了 ${l} MB 的上限`;
}

function specialFileReason(st: Stats): string {
  if (st.isFIFO()) return '这是命名管道（FIFO），不是普通文件';
  if (st.isSocket()) return '这是套接字文件，不是普通文件';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件，不是普通文件';
  return '不是普通文件';
}

/** What was being done when a file-system call failed, to phrase the reason. */
type FsContext = 'path' | 'dir' | 'file' | 'vanished';

function fsErrorReason(err: unknown, context: FsContext): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      if (context === 'vanished') return '文件在读取过程中被删除或移动了';
      return context === 'path' ? '路径不存在' : '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return context === 'dir' ? '没有权限读取这个文件夹' : '没有权限读取这个文件';
    case 'ELOOP':
      return '符号链接形成循环，无法打开';
    case 'ENAMETOOLONG':
      return '路径太长，无法打开';
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件太多，请稍后重试';
    case 'EBUSY':
      return '文件正被其他程序占用';
    case 'EIO':
      return '读取时发生磁盘错误';
    default:
      return `无法读取（${code ?? (err instanceof Error ? err.message : String(err))}）`;
  }
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Folder entries never read: hidden files and folders (.git, .DS_Store) and Word lock files (~$报告.docx). */
function isIgnoredEntry(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** A corpus file found by the walk, with the stat that snapshots compare against. */
export interface ListedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What the walk found: candidate files and the paths it could not use, each sorted by path. */
export interface Listing {
  files: ListedFile[];
  skipped: SkippedFile[];
}

interface Walk {
  candidates: ListedFile[];
  skipped: SkippedFile[];
  /** Real paths of folders already listed: a folder reached twice is listed once. */
  seenDirs: Set<string>;
  /** Real paths of files already queued: a file reached through a link and directly is read once. */
  seenFiles: Set<string>;
  signal?: AbortSignal;
}

/**
 * Visits one path found by the walk. `explicit` paths were named by the caller, so
 * every problem with them is reported; inside folders, only files with a corpus
 * extension (and symlink loops) are worth a message.
 */
async function visit(walk: Walk, path: string, explicit: boolean, ancestors: readonly string[]): Promise<void> {
  walk.signal?.throwIfAborted();
  const relevant = explicit || isCorpusFileName(path);
  const skip = (reason: string) => walk.skipped.push({ path, reason });

  let st: Stats;
  try {
    st = await lstat(path);
  } catch (err) {
    // Inside a folder, a missing entry was listed a moment ago and has since gone.
    if (relevant) skip(fsErrorReason(err, explicit ? 'path' : 'vanished'));
    return;
  }
  if (st.isSymbolicLink()) {
    try {
      st = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A chain of links that never ends is reported whatever its name: it may stand for a folder.
      if (code === 'ELOOP') skip('符号链接循环指向自己，无法打开');
      else if (relevant) skip(code === 'ENOENT' ? '符号链接指向的位置不存在' : fsErrorReason(err, 'file'));
      return;
    }
  }

  if (st.isDirectory()) {
    let real: string;
    try {
      real = await realpath(path);
    } catch (err) {
      skip(fsErrorReason(err, 'dir'));
      return;
    }
    if (ancestors.includes(real)) {
      skip('符号链接指回它所在的上级文件夹，形成循环');
      return;
    }
    if (walk.seenDirs.has(real)) return;
    walk.seenDirs.add(real);
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      skip(fsErrorReason(err, 'dir'));
      return;
    }
    names.sort();
    const inner = [...ancestors, real];
    for (const name of names) {
      if (!isIgnoredEntry(name)) await visit(walk, nodePath.join(path, name), false, inner);
    }
    return;
  }

  if (!st.isFile()) {
    if (relevant) skip(specialFileReason(st));
    return;
  }
  if (!isCorpusFileName(path)) {
    if (explicit) skip(UNSUPPORTED_REASON);
    return;
  }
  const real = await realpath(path).catch(() => path);
  if (walk.seenFiles.has(real)) return;
  walk.seenFiles.add(real);
  walk.candidates.push({ path, size: st.size, mtimeMs: st.mtimeMs });
}

/**
 * Lists the corpus files under `paths` with their size and mtime, without reading them,
 * by the same walk as `loadCorpusPaths` (the snapshot compares this listing with what was
 * loaded before). Never throws for file-system problems; rejects only when `signal` aborts.
 */
export async function listCorpusFiles(paths: readonly string[], signal?: AbortSignal): Promise<Listing> {
  const walk: Walk = { candidates: [], skipped: [], seenDirs: new Set(), seenFiles: new Set(), signal };
  const inputs = [...new Set(paths.map((p) => nodePath.resolve(p)))].sort();
  for (const input of inputs) await visit(walk, input, true, []);
  return { files: walk.candidates.sort(byPath), skipped: walk.skipped.sort(byPath) };
}

/**
 * Reads at most `limit + 1` bytes, so a file that grew past the limit after stat is caught.
 * Exported for the tests (a file larger than its stat said: /proc files say 0 bytes).
 */
export async function readLimited(path: string, limit: number): Promise<{ bytes: Buffer; stats: Stats } | { reason: string }> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { reason: specialFileReason(stats) };
    if (stats.size > limit) return { reason: tooLargeReason(stats.size, limit) };
    // One buffer of the size stat gave (one byte more, to see a file that grew meanwhile), filled in place:
    // reading in chunks and joining them left megabytes of freed blocks that glibc's malloc kept.
    let bytes = Buffer.allocUnsafeSlow(stats.size + 1);
    let total = 0;
    for (;;) {
      if (total === bytes.length) {
        const grown = Buffer.allocUnsafeSlow(Math.min(bytes.length * 2, limit + 1));
        bytes.copy(grown, 0, 0, total);
        bytes = grown;
      }
      const { bytesRead } = await handle.read(bytes, total, bytes.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return { reason: tooLargeReason(total, limit) };
    }
    return { bytes: bytes.subarray(0, total), stats };
  } finally {
    await handle.close();
  }
}

/**
 * Reads and decodes one corpus file. `missing` phrases a missing file: 'path' when the
 * caller named it, 'vanished' when a folder listing found it a moment ago.
 */
async function readCorpusFile(path: string, maxFileSizeBytes: number, missing: 'path' | 'vanished'): Promise<LoadedFile | SkippedFile> {
  const skip = (reason: string): SkippedFile => ({ path, reason });
  if (!isCorpusFileName(path)) return skip(UNSUPPORTED_REASON);

  let st: Stats;
  try {
    st = await stat(path);
  } catch (err) {
    return skip(fsErrorReason(err, missing));
  }
  if (st.isDirectory()) return skip('这是文件夹，不是文件');
  // Decide from stat alone, before any open(): opening a FIFO for reading blocks until a writer comes.
  if (!st.isFile()) return skip(specialFileReason(st));
  if (st.size > maxFileSizeBytes) return skip(tooLargeReason(st.size, maxFileSizeBytes));
  if (st.size === 0) return skip('文件是空的');

  let read: Awaited<ReturnType<typeof readLimited>>;
  try {
    read = await readLimited(path, maxFileSizeBytes);
  } catch (err) {
    return skip(fsErrorReason(err, missing === 'path' ? 'file' : 'vanished'));
  }
  if ('reason' in read) return skip(read.reason);
  const { bytes, stats } = read;
  if (bytes.length === 0) return skip('文件是空的');

  let text: string;
  let encoding: string;
  if (nodePath.extname(path).toLowerCase() === '.docx') {
    try {
      text = await docxToText(bytes);
    } catch (err) {
      return skip(err instanceof DocxReadError ? err.message : fsErrorReason(err, 'file'));
    }
    encoding = 'docx';
    if (text.trim() === '') return skip('Word 文件里没有文字');
  } else {
    if (looksBinary(bytes)) return skip('看起来是二进制文件，不是文本文件');
    const decoded = decodeBytes(bytes);
    if ('error' in decoded) return skip(decoded.error);
    ({ text, encoding } = decoded);
    if (text.trim() === '') return skip('文件里只有空白，没有文字');
  }
  return { path, text, encoding, size: bytes.length, mtimeMs: stats.mtimeMs };
}

/**
 * Reads one corpus file (e.g. after it changed on disk). The path is resolved against
 * the working directory. Returns the LoadedFile, or a SkippedFile with the reason;
 * tell them apart with `isSkipped`. Never throws for file problems.
 */
export async function loadOneFile(path: string, opts: Pick<LoadOptions, 'maxFileSizeBytes' | 'signal'>): Promise<LoadedFile | SkippedFile> {
  opts.signal?.throwIfAborted();
  return readCorpusFile(nodePath.resolve(path), opts.maxFileSizeBytes, 'path');
}

/**
 * Loads the corpus from files and folders. Folders are read recursively for .txt, .md,
 * .markdown and .docx files; other files inside folders, hidden entries and Word lock
 * files are ignored silently, while a named file of another type is reported as skipped.
 * Symlinks are followed, except one that leads back to a folder being walked. Paths in
 * the result are absolute (resolved against the working directory, not through symlinks)
 * and both lists are sorted by path, whatever the order of `paths`. Files are read one
 * at a time through fs/promises. Rejects only when `opts.signal` aborts.
 */
export async function loadCorpusPaths(paths: string[], opts: LoadOptions): Promise<LoadResult> {
  const listing = await listCorpusFiles(paths, opts.signal);
  const files: LoadedFile[] = [];
  const skipped = listing.skipped;
  const total = listing.files.length;
  opts.onProgress?.(0, total);
  for (let i = 0; i < total; i++) {
    opts.signal?.throwIfAborted();
    const result = await readCorpusFile(listing.files[i].path, opts.maxFileSizeBytes, 'vanished');
    if (isSkipped(result)) skipped.push(result);
    else files.push(result);
    opts.onProgress?.(i + 1, total);
  }
  files.sort(byPath);
  skipped.sort(byPath);
  return { files, skipped };
}

/**
 * The folder of the bundled corpus: `corpus/` beside `dist/` in the built extension,
 * or at the repository root when running from sources.
 */
export function bundledCorpusDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = nodePath.join(dir, 'corpus');
    if (existsSync(nodePath.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = nodePath.dirname(dir);
  }
  return nodePath.join(__dirname, '..', 'corpus');
}
