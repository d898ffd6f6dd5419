/** Temporary folders for tests, removed when the test file that made them is done. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

/** A maker of fresh temporary folders (`tmp('shuzhi-x-')`), all removed after the calling test file's tests. */
export function tempFolders(): (prefix: string) => string {
  const made: string[] = [];
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
