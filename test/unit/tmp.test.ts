/**
 * The temporary-folder helper (test/helpers/tmp.ts) removes what it makes, and it is the only
 * way the node:test files make temporary folders.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tempDir, tempFolders } from '../helpers/tmp';

const TEST = path.resolve(__dirname, '..');
const tmp = tempFolders();
const shared = tmp('shuzhi-tmp-shared-');
fs.writeFileSync(path.join(shared, 'a.txt'), 'x');
// Runs after the helper's own end-of-file hook (hooks run in the order they were added).
after(() => assert.ok(!fs.existsSync(shared), `${shared} is removed after the file's tests`));

let perTest = '';
test('tempDir: a fresh folder under the system temp folder, for this test', (t) => {
  perTest = tempDir(t, 'shuzhi-tmp-test-');
  fs.mkdirSync(path.join(perTest, 'sub'));
  fs.writeFileSync(path.join(perTest, 'sub', 'b.txt'), 'y');
  assert.equal(path.dirname(perTest), os.tmpdir());
  assert.match(path.basename(perTest), /^shuzhi-tmp-test-/);
  assert.notEqual(tempDir(t, 'shuzhi-tmp-test-'), perTest);
  assert.ok(fs.existsSync(shared), 'the file-level folder lives through the tests');
});

test('tempDir: the folder and all it holds are gone once its test is done', () => {
  assert.ok(perTest !== '' && !fs.existsSync(perTest), perTest);
});

/** The node:test files and their helpers, as text. */
function testSources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const dir of ['unit', 'protocol', 'helpers']) {
    for (const name of fs.readdirSync(path.join(TEST, dir))) {
      if (!name.endsWith('.ts') || name === 'tmp.ts' || name === 'tmp.test.ts') continue;
      out.push({ file: `test/${dir}/${name}`, text: fs.readFileSync(path.join(TEST, dir, name), 'utf8') });
    }
  }
  return out;
}

test('no test makes a temporary folder of its own: mkdtemp and the system temp folder only through test/helpers/tmp.ts', () => {
  const sources = testSources();
  assert.ok(sources.length > 20, `${sources.length} files read`);
  const offenders: string[] = [];
  for (const { file, text } of sources) {
    text.split('\n').forEach((line, i) => {
      // A URI under the temp folder for a document that is only opened in the editor, never written, is fine.
      const rest = line.replace(/fileUri\(path\.join\(os\.tmpdir\(\)/g, '');
      if (/mkdtemp|tmpdir\(\)/.test(rest)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, [], 'use tempDir(t, prefix) or tempFolders() from test/helpers/tmp.ts');
});
