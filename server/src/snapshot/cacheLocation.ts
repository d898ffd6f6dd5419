/**
 * Where snapshots live and what they are keyed by: the cache folder, the engine version
 * fingerprint and the corpus configuration key.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { version as packageVersion } from '../../../package.json';
import { SNAPSHOT_FORMAT_VERSION } from './snapshotFile';

/**
 * The cache folder: `storagePath` when the client gives one (VS Code's globalStorageUri),
 * else `$XDG_CACHE_HOME/shuzhi`, else `~/.cache/shuzhi`.
 */
export function cacheDir(storagePath?: unknown): string {
  if (typeof storagePath === 'string' && storagePath.trim() !== '') return nodePath.resolve(storagePath);
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && nodePath.isAbsolute(xdg)) return nodePath.join(xdg, 'shuzhi');
  return nodePath.join(os.homedir(), '.cache', 'shuzhi');
}

let fingerprint: string | undefined;

/**
 * The engine version a snapshot must match: the package version, the snapshot format and a
 * hash of the running bundle (dist/server.js or dist/cli.js). Any rebuild of the code that
 * cleans, splits or indexes the corpus therefore invalidates old snapshots, even without a
 * version bump. From sources (tests), the hash is of this module only.
 */
export function engineVersion(): string {
  if (fingerprint) return fingerprint;
  let code = '';
  try {
    code = createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 16);
  } catch {
    code = 'unknown';
  }
  fingerprint = `${packageVersion}/${SNAPSHOT_FORMAT_VERSION}/${code}`;
  return fingerprint;
}

/** What the corpus depends on besides the files themselves. */
export interface CorpusConfig {
  /** Every root read, bundled corpus included, as absolute paths. */
  roots: readonly string[];
  maxFileSizeBytes: number;
}

/** A short stable key of a corpus configuration (order of roots does not matter). */
export function configKey(config: CorpusConfig): string {
  const roots = [...new Set(config.roots.map((r) => nodePath.resolve(r)))].sort();
  return createHash('sha256').update(JSON.stringify({ roots, max: config.maxFileSizeBytes })).digest('hex').slice(0, 20);
}

/**
 * The snapshot file of a configuration. `flavour` separates the server's snapshots from the
 * CLI's (each bundle has its own engine fingerprint, so they would otherwise overwrite
 * each other's).
 */
export function snapshotPath(dir: string, key: string, flavour: string): string {
  return nodePath.join(dir, `corpus-${key}-${flavour}.snap`);
}

/** Name of the running bundle, e.g. `server` or `cli` (`source` when run from sources). */
export function bundleFlavour(): string {
  const base = nodePath.basename(__filename);
  return base.endsWith('.js') ? base.replace(/\.js$/, '').replace(/[^\w-]/g, '') : 'source';
}
