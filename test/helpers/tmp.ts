/**
 * Temporary folders for tests: the one way tests make them (test/unit/tmp.test.ts fails on a
 * test file that calls mkdtemp itself). Each folder is removed when its test is done, and once
 * more after the test file's tests: a server stopped by a later `t.after` may write its snapshot
 * back into a folder already removed (node runs `t.after` hooks in the order they were added).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';

/** What tempDir needs of a test: node:test's TestContext. */
export interface AfterHook {
  after(fn: () => void | Promise<void>): void;
}

const made: string[] = [];
// Registered when a test file imports this module, so it runs after all of that file's tests.
after(() => made.splice(0).forEach(remove));

function remove(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

function fresh(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh temporary folder (`<tmp>/<prefix>XXXXXX`), removed with all it holds when the test `t` is done. */
export function tempDir(t: AfterHook, prefix = 'shuzhi-test-'): string {
  const dir = fresh(prefix);
  t.after(() => remove(dir));
  return dir;
}

/** A maker of fresh temporary folders (`tmp('shuzhi-x-')`) that a whole test file shares, removed after its tests. */
export function tempFolders(): (prefix: string) => string {
  return fresh;
}
