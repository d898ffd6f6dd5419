import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import type { CliIO } from '../../server/src/cli/io';
import type { ReviewJson } from '../../server/src/cli/review';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

process.env.SHUZHI_NO_SNAPSHOT = '1';

function io(cwd: string): CliIO & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', cwd, out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

const COMMON = '始终不忘初心、牢记使命，扎实推进全面从严治党。';
const OWN = '全年走访困难群众一百二十户，协调解决饮水安全、道路硬化等实际问题十五件，群众满意度明显提升。';

/** A corpus folder of three reports and a draft with one slip and one paragraph copied from the first report. */
function setup(): string {
  const dir = tmp('shuzhi-review-cli-');
  fs.mkdirSync(path.join(dir, 'corpus'));
  const bodies = [`${COMMON}\n${OWN}`, `${COMMON}\n认真抓好班子建设。`, `${COMMON}\n持续改进工作作风。`];
  bodies.forEach((b, i) => fs.writeFileSync(path.join(dir, 'corpus', `r${i}.txt`), `第${i}单位2023年述职报告\n一、履职情况\n${b}\n`));
  fs.writeFileSync(path.join(dir, 'draft.md'), `# 2024年述职报告\n\n一、履职情况\n\n我始终不忘出心，努力工作。\n\n${OWN}\n`);
  return dir;
}

test('shuzhi review prints the copied share with its source, counts per category, and each finding with its place', async () => {
  const dir = setup();
  const o = io(dir);
  const code = await main(['review', 'draft.md', '--no-default-corpus', '--corpus', 'corpus'], o);
  assert.equal(code, 0, o.stderr);
  const lines = o.stdout.trim().split('\n');
  assert.match(lines[0], /^draft\.md：与语料重复 \d+\.\d%（《第0单位2023年述职报告》\d+\.\d%）$/);
  assert.match(lines[1], /^问题：.*疑似错别字 1.*与语料重复 1/);
  const slip = lines.find((l) => l.includes(' typo-suspect '));
  assert.ok(slip?.startsWith('draft.md:5:'), o.stdout);
  assert.match(slip!, /疑似错别字：“[^”]*出[^”]*”，语料中常用“[^”]*初[^”]*”（3 篇报告）/);
  const copied = lines.findIndex((l) => l.startsWith('draft.md:7:1 info copied-passage '));
  assert.ok(copied > 0, o.stdout);
  assert.equal(lines[copied + 1], `    来源：${path.join('corpus', 'r0.txt')}:4《第0单位2023年述职报告》`);
});

test('shuzhi review --format json gives the same, and exits 1 when a finding is at error level', async () => {
  const dir = setup();
  const o = io(dir);
  const code = await main(['review', 'draft.md', '--format', 'json', '--rule', 'typo-suspect=error', '--no-default-corpus', '--corpus', 'corpus'], o);
  assert.equal(code, 1);
  const r = JSON.parse(o.stdout) as ReviewJson;
  assert.equal(r.file, 'draft.md');
  assert.ok(r.copy && r.copy.share > 0.3 && r.copy.share < 0.9);
  assert.equal(r.copy.sources.length, 1);
  assert.equal(r.copy.sources[0].file, path.join(dir, 'corpus', 'r0.txt'));
  assert.deepEqual(
    r.categories.map((c) => [c.name, c.count, c.severity]).filter(([n]) => n === '疑似错别字' || n === '与语料重复'),
    [
      ['疑似错别字', 1, 'error'],
      ['与语料重复', 1, 'info'],
    ],
  );
  const copied = r.findings.find((f) => f.rule === 'copied-passage')!;
  assert.deepEqual(copied.sources, [{ title: '第0单位2023年述职报告', file: path.join(dir, 'corpus', 'r0.txt'), line: 4 }]);
  assert.equal(copied.line, 7);
});

test('shuzhi review: no file, or two, is a usage error', async () => {
  const o = io(tmp('shuzhi-review-cli-'));
  assert.equal(await main(['review'], o), 2);
  assert.match(o.stderr, /用法：shuzhi review/);
});

test('shuzhi review --html writes the check-up page (the panel renderer) with the copied share of the review, and refuses to overwrite', async () => {
  const dir = setup();
  const o = io(dir);
  const code = await main(['review', 'draft.md', '--html', 'check.html', '--format', 'json', '--no-default-corpus', '--corpus', 'corpus'], o);
  assert.equal(code, 0, o.stderr);
  JSON.parse(o.stdout); // stdout stays JSON: the page's path goes to stderr
  assert.match(o.stderr, /已写出体检页：.*check\.html/);
  const page = fs.readFileSync(path.join(dir, 'check.html'), 'utf8');
  assert.match(page, /<!DOCTYPE html>/i);
  assert.match(page, /第0单位2023年述职报告/, 'the copied source is on the page');
  assert.match(page, /Content-Security-Policy/);
  // A file that is not a page of ours is not replaced without --force.
  fs.writeFileSync(path.join(dir, 'other.html'), 'mine');
  const again = io(dir);
  assert.equal(await main(['review', 'draft.md', '--html', 'other.html', '--no-default-corpus', '--corpus', 'corpus'], again), 2);
  assert.equal(fs.readFileSync(path.join(dir, 'other.html'), 'utf8'), 'mine');
});
