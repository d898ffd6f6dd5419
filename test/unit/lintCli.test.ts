import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run } from '../../server/src/cli/lint';
import { main } from '../../server/src/cli';
import type { CliIO } from '../../server/src/cli/io';
import { RULES } from '../../server/src/engine/lint/registry';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

function io(cwd: string): CliIO & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', cwd, out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

const DRAFT = ['2024年抓基层党建工作述职报告', '', '一、履职情况', '', '组织学习XX次,开展研讨。', '', '二、存在的问题及原因', '', '四、下一步打算', ''].join('\n');

test('shuzhi lint prints file:line:col severity rule message and exits 0 without errors', async () => {
  const dir = tmp('shuzhi-lint-cli-');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  const o = io(dir);
  const code = await run(['draft.md', '--no-default-corpus'], o);
  assert.equal(code, 0);
  const lines = o.stdout.trim().split('\n');
  assert.ok(lines.includes('draft.md:5:5 warning placeholder “XX”是模板留下的占位符，请填入实际数字。'), o.stdout);
  assert.ok(lines.some((l) => l.startsWith('draft.md:5:8 info punctuation-halfwidth ')), o.stdout);
  assert.ok(lines.some((l) => l.startsWith('draft.md:9:1 warning numbering-gap ')), o.stdout);
  for (const l of lines) assert.match(l, /^draft\.md:\d+:\d+ (hint|info|warning|error) [a-z-]+ \S/);
});

test('shuzhi lint --format json lists findings with 1-based ranges; an error-level rule makes exit 1', async () => {
  const dir = tmp('shuzhi-lint-cli-');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  const o = io(dir);
  const code = await run(['draft.md', '--format', 'json', '--rule', 'placeholder=error', '--rule', 'numbering-gap=off', '--no-default-corpus'], o);
  assert.equal(code, 1);
  const rows = JSON.parse(o.stdout) as Array<Record<string, unknown>>;
  const ph = rows.find((r) => r.rule === 'placeholder')!;
  assert.deepEqual(ph, { file: 'draft.md', rule: 'placeholder', severity: 'error', line: 5, column: 5, endLine: 5, endColumn: 7, message: ph.message });
  assert.ok(!rows.some((r) => r.rule === 'numbering-gap'));
});

test('.shuzhirc.json sets rules and the report type; flags override it', async () => {
  const dir = tmp('shuzhi-lint-cli-');
  fs.writeFileSync(path.join(dir, 'draft.md'), ['2024年述职报告', '一、履职情况', '二、存在的问题', '三、下一步打算', '组织学习XX次。'].join('\n'));
  fs.writeFileSync(path.join(dir, '.shuzhirc.json'), JSON.stringify({ reportType: 'party-building', lint: { rules: { placeholder: 'error' } } }));
  const o = io(dir);
  assert.equal(await run(['draft.md', '--format', 'json', '--no-default-corpus'], o), 1);
  const rows = JSON.parse(o.stdout) as Array<{ rule: string; message: string }>;
  assert.ok(rows.some((r) => r.rule === 'section-missing' && r.message.includes('原因分析')), 'type from the rc file');
  const o2 = io(dir);
  assert.equal(await run(['draft.md', '--format', 'json', '--rule', 'placeholder=warning', '--report-type', '述职报告', '--no-default-corpus'], o2), 0);
  assert.ok(!(JSON.parse(o2.stdout) as Array<{ rule: string }>).some((r) => r.rule === 'section-missing'));
});

test('usage errors exit 2 with one plain sentence', async () => {
  const dir = tmp('shuzhi-lint-cli-');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  for (const args of [
    ['lint', 'draft.md', '--rule', 'nonsense=error'],
    ['lint', 'draft.md', '--rule', 'placeholder=loud'],
    ['lint', 'draft.md', '--rule', 'placeholder'],
    ['lint', 'draft.md', '--report-type', '年终总结'],
    ['lint', 'missing.md'],
    ['lint'],
  ]) {
    const o = io(dir);
    assert.equal(await main(args, o), 2, args.join(' '));
    assert.equal(o.stdout, '');
    assert.equal(o.stderr.trim().split('\n').length, 1, o.stderr);
    assert.match(o.stderr, /\p{Script=Han}/u);
  }
});

test('--list-rules prints every rule with its default level', async () => {
  const o = io(tmp('shuzhi-lint-cli-'));
  assert.equal(await run(['--list-rules'], o), 0);
  const lines = o.stdout.trimEnd().split('\n');
  assert.equal(lines.length, RULES.length, o.stdout);
  RULES.forEach((r, i) => assert.ok(lines[i].startsWith(`${r.id}\t${r.defaultSeverity}\t`) && /\p{Script=Han}/u.test(lines[i]), lines[i]));
});
