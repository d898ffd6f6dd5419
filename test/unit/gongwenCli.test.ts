/**
 * The 公文规范 category through the CLI: `shuzhi lint` lists its findings (text and JSON),
 * `shuzhi review` counts them under 公文规范, `--rule id=off` removes one, `--list-rules`
 * names the category, and the check-up panel groups them under 公文规范.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run as lint } from '../../server/src/cli/lint';
import { run as review } from '../../server/src/cli/review';
import type { CliIO } from '../../server/src/cli/io';
import { dashboardData } from '../../server/src/engine/dashboard/data';
import { renderDashboardBody } from '../../server/src/engine/dashboard/render';
import { tempFolders } from '../helpers/tmp';

const tempDir = tempFolders();

function io(cwd: string): CliIO & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', cwd, out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

const DRAFT = ['2023年度述职报告', '', '截止12月底，共培训党员3百余人，增长15～30%。', ''].join('\n');

function draftDir(): string {
  const dir = tempDir('shuzhi-gongwen-cli-');
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  return dir;
}

test('shuzhi lint shows the 公文规范 findings in text, each message naming its source', async () => {
  const o = io(draftDir());
  assert.equal(await lint(['draft.md', '--no-default-corpus'], o), 0);
  const lines = o.stdout.trim().split('\n');
  assert.ok(lines.some((l) => /^draft\.md:3:1 warning word-confusion “截止”.*截至.*现代汉语词典/.test(l)), o.stdout);
  assert.ok(lines.some((l) => /^draft\.md:3:\d+ warning digit-unit-char .*“3百”应写作“300”.*GB\/T 15835-2011/.test(l)), o.stdout);
  assert.ok(lines.some((l) => /^draft\.md:3:\d+ warning range-unit .*15%～30%.*GB\/T 15835-2011/.test(l)), o.stdout);
});

test('shuzhi lint --format json lists the 公文规范 findings; --rule word-confusion=off removes that rule', async () => {
  const o = io(draftDir());
  assert.equal(await lint(['draft.md', '--format', 'json', '--rule', 'word-confusion=off', '--no-default-corpus'], o), 0);
  const rows = JSON.parse(o.stdout) as Array<{ rule: string; line: number; message: string }>;
  assert.ok(!rows.some((r) => r.rule === 'word-confusion'), o.stdout);
  const digit = rows.find((r) => r.rule === 'digit-unit-char');
  assert.equal(digit?.line, 3);
  assert.match(digit!.message, /“300”/);
  assert.ok(rows.some((r) => r.rule === 'range-unit' && r.line === 3), o.stdout);
});

test('shuzhi review counts the findings under 公文规范, in text and JSON', async () => {
  const dir = draftDir();
  const text = io(dir);
  assert.equal(await review(['draft.md', '--no-default-corpus'], text), 0);
  assert.match(text.stdout, /问题：.*公文规范 3/, text.stdout);
  const json = io(dir);
  assert.equal(await review(['draft.md', '--format', 'json', '--no-default-corpus'], json), 0);
  const out = JSON.parse(json.stdout) as { categories: Array<{ name: string; count: number; severity: string }> };
  assert.deepEqual(out.categories.find((c) => c.name === '公文规范'), { name: '公文规范', count: 3, severity: 'warning' });
});

test('shuzhi lint --list-rules names each rule’s category', async () => {
  const o = io(draftDir());
  assert.equal(await lint(['--list-rules', '--format', 'json'], o), 0);
  const rows = JSON.parse(o.stdout) as Array<{ id: string; category?: string }>;
  const gongwen = rows.filter((r) => r.category === '公文规范').map((r) => r.id);
  for (const id of ['year-short', 'year-zero', 'date-mixed-numerals', 'date-dotted', 'range-unit', 'digit-unit-char', 'decimal-zero', 'numbering-style', 'punctuation-doubled', 'ellipsis-dash', 'quote-dunhao', 'word-confusion', 'this-year', 'unit-name-stray']) {
    assert.ok(gongwen.includes(id), id);
  }
});

test('the check-up panel counts the findings under 公文规范 (standards)', () => {
  const data = dashboardData(DRAFT);
  const standards = data.categories.find((c) => c.id === 'standards')!;
  assert.equal(standards.count, 3);
  assert.deepEqual(standards.findings.map((f) => f.rule).sort(), ['digit-unit-char', 'range-unit', 'word-confusion']);
  assert.match(renderDashboardBody(data, 'zh-cn'), /公文规范/);
});
