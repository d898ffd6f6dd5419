/**
 * Keeps the snapshot cache folder bounded, and clears it on request. Only files named as
 * this module's snapshots are touched (`corpus-<key>-<flavour>.snap` and the temporary files
 * their writer makes): the folder may be shared (VS Code's global storage, `~/.cache`), and
 * anything else in it is left alone.
 *
 * Bounds: a snapshot not used (written or restored) for SNAPSHOT_MAX_AGE_MS is removed, and the
 * snapshots together stay under SNAPSHOT_MAX_TOTAL_BYTES, least recently used removed first.
 * The snapshot in use is always kept, whatever its size. A temporary file is removed when its
 * writer is gone or it is older than STALE_TMP_MS.
 */
import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';
import { cacheDir } from './cacheLocation';

/** A snapshot unused for this long is removed (its corpus is read from the files again if it comes back). */
export const SNAPSHOT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** Total size of the snapshots in one cache folder (the one in use is kept even when larger; a 100 MB corpus makes ~245 MB). */
export const SNAPSHOT_MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/** How old a temporary snapshot file must be before it counts as left behind, whoever wrote it. */
export const STALE_TMP_MS = 10 * 60 * 1000;

const SNAPSHOT_NAME = /^corpus-[0-9a-f]{20}-[A-Za-z0-9_-]+\.snap$/;
const TEMP_NAME = /^corpus-[0-9a-f]{20}-[A-Za-z0-9_-]+\.snap\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** What a name in the cache folder is to us: a snapshot, a writer's temporary file (with the writer's pid), or not ours. */
export function cacheEntryKind(name: string): { kind: 'snapshot' } | { kind: 'temp'; pid: number } | undefined {
  if (SNAPSHOT_NAME.test(name)) return { kind: 'snapshot' };
  const m = TEMP_NAME.exec(name);
  return m ? { kind: 'temp', pid: Number(m[1]) } : undefined;
}

interface Entry {
  path: string;
  kind: 'snapshot' | 'temp';
  pid: number;
  bytes: number;
  mtimeMs: number;
}

/** Our regular files in `dir` (symbolic links and folders are never ours). */
async function entries(dir: string): Promise<Entry[]> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const out: Entry[] = [];
  for (const name of names) {
    const kind = cacheEntryKind(name);
    if (!kind) continue;
    const p = nodePath.join(dir, name);
    const st = await fsp.lstat(p).catch(() => undefined);
    if (!st?.isFile()) continue;
    out.push({ path: p, kind: kind.kind, pid: kind.kind === 'temp' ? kind.pid : 0, bytes: st.size, mtimeMs: st.mtimeMs });
  }
  return out;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temporary file no writer will finish: its process is gone, or it is older than STALE_TMP_MS. */
function leftBehind(e: Entry, now: number): boolean {
  return now - e.mtimeMs > STALE_TMP_MS || !processAlive(e.pid);
}

/** What was removed from the cache folder. */
export interface CacheRemoval {
  /** The cache folder. */
  dir: string;
  /** Files removed (snapshots and temporary files). */
  files: number;
  /** Their total size in bytes. */
  bytes: number;
  /** Files that could not be removed (e.g. permissions), with the reason. */
  failed: Array<{ path: string; reason: string }>;
}

async function remove(list: readonly Entry[], dir: string): Promise<CacheRemoval> {
  const result: CacheRemoval = { dir, files: 0, bytes: 0, failed: [] };
  for (const e of list) {
    try {
      await fsp.rm(e.path);
      result.files++;
      result.bytes += e.bytes;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') result.failed.push({ path: e.path, reason: code ?? (err as Error).message });
    }
  }
  return result;
}

export interface PruneOptions {
  /** The snapshot in use: never removed. */
  keep?: string;
  now?: number;
  maxAgeMs?: number;
  maxTotalBytes?: number;
}

/** Removes left-behind temporary files, snapshots unused for too long, and the least recently used ones over the size cap. */
export async function pruneSnapshotCache(dir: string, opts: PruneOptions = {}): Promise<CacheRemoval> {
  const now = opts.now ?? Date.now();
  const maxAge = opts.maxAgeMs ?? SNAPSHOT_MAX_AGE_MS;
  const maxTotal = opts.maxTotalBytes ?? SNAPSHOT_MAX_TOTAL_BYTES;
  const keep = opts.keep ? nodePath.resolve(opts.keep) : undefined;
  const all = await entries(dir);
  const doomed = all.filter((e) => e.kind === 'temp' && leftBehind(e, now));
  const snapshots = all.filter((e) => e.kind === 'snapshot');
  // The snapshot in use counts first; the others share what it leaves, most recently used first.
  let total = snapshots.find((s) => s.path === keep)?.bytes ?? 0;
  for (const s of snapshots.filter((x) => x.path !== keep).sort((a, b) => b.mtimeMs - a.mtimeMs)) {
    if (now - s.mtimeMs <= maxAge && total + s.bytes <= maxTotal) total += s.bytes;
    else doomed.push(s);
  }
  return remove(doomed, dir);
}

/**
 * Removes every snapshot in the cache folder (default: the CLI's, `$XDG_CACHE_HOME/shuzhi`
 * or `~/.cache/shuzhi`) and the temporary files no writer will finish; a write in progress is
 * left to finish. Nothing else in the folder is touched. A missing folder clears nothing.
 */
export async function clearSnapshotCache(dir: string = cacheDir()): Promise<CacheRemoval> {
  const now = Date.now();
  const all = await entries(dir);
  return remove(all.filter((e) => e.kind === 'snapshot' || leftBehind(e, now)), dir);
}
