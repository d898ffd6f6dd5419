/**
 * Files Shuzhi writes for the user (a Word export, an imported draft, a check-up page): written
 * whole or not at all, never over an existing file unless asked. Shared by the CLI and the
 * server's export, below both.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

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

/** JSON shape of `shuzhi export --format json`: what was written. */
