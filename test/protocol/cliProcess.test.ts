/**
 * The built CLI (dist/cli.js, run by `npm test` after the build) as a user runs it: the exit
 * code the shell sees, stdout and stderr kept apart, and the cases a new user hit (issue 13).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDocx } from '../../server/src/engine/delivery/docxExport';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { tempFolders } from '../helpers/tmp';

/** A fresh temporary folder, removed when the file's tests are done. */
const tmp = tempFolders();

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const DRAFT = ['2024年述职报告', '', '一、履职情况', '', '组织学习XX次。', ''].join('\n');

function shuzhi(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('dist/cli.js: the cases from the report of a new user', async () => {
  assert.ok(fs.existsSync(CLI), 'npm run build first');
  const dir = tmp('shuzhi-cli-process-');
  const docx = Buffer.from(await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  fs.writeFileSync(path.join(dir, 'd2.docx'), docx);
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  fs.writeFileSync(path.join(dir, 'b.md'), DRAFT);

  const lost = shuzhi(dir, 'import', 'd2.docx', '-o', 'd2.docx', '--force');
  assert.equal(lost.code, 2);
  assert.equal(lost.out, '');
  assert.ok(fs.readFileSync(path.join(dir, 'd2.docx')).equals(docx), 'the Word file is intact');

  for (const args of [['count', 'draft.md', '--bogus', 'x'], ['count', 'draft.md', '--limit', '5'], ['outline', 'draft.md', '--no-default-corpus']]) {
    const r = shuzhi(dir, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.out, '');
    assert.ok(r.err.includes(args[2]) && !r.err.includes('缺少取值'), r.err);
    assert.equal(r.err.trim().split('\n').length, 1);
  }

  const several = shuzhi(dir, 'lint', 'draft.md', 'b.md', 'missing.md', '--no-default-corpus');
  assert.equal(several.code, 2);
  assert.match(several.out, /^draft\.md:5:5 warning placeholder /m);
  assert.match(several.out, /^b\.md:5:5 warning placeholder /m);
  assert.match(several.err, /missing\.md/);

  const json = shuzhi(dir, 'export', 'draft.md', '--format', 'json');
  assert.equal(json.code, 0, json.err);
  assert.equal(JSON.parse(json.out).output, path.join(dir, 'draft.docx'));
});
