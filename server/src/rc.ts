/**
 * `.shuzhirc.json` in the working folder or workspace: rules, report type and corpus paths,
 * read by both the CLI and the server. Relative corpus paths resolve against the file's folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RC_FILE = '.shuzhirc.json';

export interface RcResult {
  /** Raw settings object (same keys as `shuzhi.*` without the prefix), or undefined when absent. */
  settings?: Record<string, unknown>;
  path?: string;
  /** A plain sentence when the file exists but cannot be used. */
  error?: string;
}

/** Reads `.shuzhirc.json` from `dir` (not its parents). Never throws. */
export function readRcFile(dir: string): RcResult {
  const file = path.join(dir, RC_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const data: unknown = JSON.parse(raw.replace(/^\uFEFF/, ''));
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { path: file, error: `${file} 的内容应是一个 JSON 对象，已忽略。` };
    }
    const settings = { ...(data as Record<string, unknown>) };
    const paths = settings.corpusPaths;
    if (Array.isArray(paths)) {
      settings.corpusPaths = paths.filter((p) => typeof p === 'string').map((p: string) => path.resolve(dir, p));
    }
    return { settings, path: file };
  } catch (e) {
    return { path: file, error: `${file} 不是有效的 JSON（${(e as Error).message}），已忽略。` };
  }
}
