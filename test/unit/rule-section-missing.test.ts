import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run as runCli } from '../../server/src/cli/lint';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText, type LintOptions } from '../../server/src/engine/lint/lint';
import { normalizeSettings } from '../../server/src/engine/settings';
import { tempDir } from '../helpers/tmp';

const run = (text: string, opts: LintOptions = {}) => lintText(text, { ...opts, only: ['section-missing'] });
const missing = (text: string, opts: LintOptions = {}) => run(text, opts).map((f) => /^缺少“([^”]+)”/.exec(f.message)![1]);

const PARTY = [
  '机关支部书记2024年抓基层党建工作述职报告',
  '一年来，我认真履行第一责任人职责。',
  '一、履职情况',
  '全年组织集中学习12次。',
  '二、存在的问题及原因',
  '一是学习不够深入；二是调研不够扎实。原因在于思想认识不到位。',
  '述职完毕，敬请批评指正。',
].join('\n');

test('section-missing: a 抓基层党建 report without plans is told so, on its title', () => {
  const fs = run(PARTY);
  assert.deepEqual(missing(PARTY), ['下一步打算']);
  assert.equal(PARTY.slice(fs[0].start, fs[0].end), '机关支部书记2024年抓基层党建工作述职报告');
  assert.match(fs[0].message, /抓基层党建工作述职报告通常包括/);
  assert.equal(fs[0].severity, 'warning');
});

test('section-missing: its fix inserts 三、 before the closing line, worded as the corpus heads it', () => {
  const corpusHeadings = { next: ['下一步工作打算', '今后努力方向'] };
  const [f] = run(PARTY, { corpusHeadings });
  assert.match(f.message, /下一步工作打算/);
  const fixed = applyEdits(PARTY, f.fixes![0].edits);
  const lines = fixed.split('\n');
  assert.deepEqual(lines.slice(-3), ['三、下一步工作打算', '（待补充：写明下一步工作打算）', '述职完毕，敬请批评指正。']);
  assert.deepEqual(run(fixed, { corpusHeadings }), []);
});

test('section-missing: a part missing in the middle is inserted in order and later headings move up', () => {
  const text = ['2024年述职报告', '', '一、存在的问题', '', '学习不够。', '', '二、下一步打算', '', '加强学习。'].join('\n');
  assert.deepEqual(missing(text), ['履职情况']);
  const fixed = applyEdits(text, run(text)[0].fixes![0].edits);
  assert.match(fixed, /^2024年述职报告\n\n一、履职情况\n\n（待补充：写明主要工作和成效）\n\n二、存在的问题\n\n学习不够。\n\n三、下一步打算/);
  assert.deepEqual(run(fixed), []);
});

test('section-missing: a 述学述职述廉述法 report without 述法 is told so', () => {
  const text = [
    '2024年述学述职述廉述法报告',
    '一、述学：加强理论学习',
    '二、述职：履职尽责情况',
    '三、述廉：廉洁从政情况',
    '四、存在的问题',
    '五、下一步打算',
  ].join('\n');
  assert.deepEqual(missing(text), ['学法用法（述法）']);
});

test('section-missing: the type may come from front matter or settings instead of the title', () => {
  const general = ['2024年述职报告', '一、履职情况', '二、存在的问题', '三、下一步打算'].join('\n');
  assert.deepEqual(missing(general), []);
  assert.deepEqual(missing('---\ntype: 抓基层党建工作述职报告\n---\n' + general), ['原因分析']);
  assert.deepEqual(missing(general, { settings: normalizeSettings({ reportType: 'party-building' }) }), ['原因分析']);
});

test('section-missing: complete reports stay quiet, with headings or as 一是… paragraphs', () => {
  const headless = [
    '党支部书记2024年述职报告',
    '一年来，我坚持学习。一是加强理论学习，提高站位；二是狠抓工作落实，推动发展。',
    '但也存在一些不足：一是学习不够深入；二是调研不够扎实。',
    '下一步，我将从以下方面努力：一是持续加强学习；二是深入基层调研。',
    '述职完毕，敬请批评指正。',
  ].join('\n');
  assert.deepEqual(missing(headless), []);
  assert.deepEqual(missing(''), [], 'an empty draft has nothing to measure');
});

// The stage of the draft: a draft just begun is greeted with one hint, not a warning per part.
const GENERAL_PARTS = ['履职情况', '存在的问题', '下一步打算'];

test('section-missing while editing: a title-only draft gets one hint listing the parts still to write, a fix for each', () => {
  const text = '# 2024年述职报告\n';
  const found = run(text, { stage: 'editing' });
  assert.equal(found.length, 1, JSON.stringify(found));
  const [f] = found;
  assert.equal(f.severity, 'hint');
  assert.equal(text.slice(f.start, f.end), '2024年述职报告');
  assert.match(f.message, /^尚未写出“履职情况”、“存在的问题”、“下一步打算”部分：述职报告通常包括履职情况、存在的问题、下一步打算。/);
  assert.match(f.message, /写出小标题或正文后，缺少的部分会逐条提示。$/);
  assert.deepEqual(f.fixes!.map((x) => x.title), ['插入“履职情况”部分', '插入“存在的问题和不足”部分', '插入“下一步工作打算”部分']);
  assert.deepEqual(f.fixes!.map((x) => x.preferred), [true, false, false]);
  // The same draft under the full check: a warning per part, as before.
  const full = run(text);
  assert.deepEqual(full.map((x) => x.severity), ['warning', 'warning', 'warning']);
  assert.deepEqual(missing(text), GENERAL_PARTS);
  assert.deepEqual(run(text, { stage: 'full' }), full);
});

test('section-missing while editing: a hint whatever the configured level, nothing when the rule is off', () => {
  const text = '2024年抓基层党建工作述职报告';
  const settings = normalizeSettings({ lint: { rules: { 'section-missing': 'error' } } });
  assert.deepEqual(run(text, { stage: 'editing', settings }).map((f) => f.severity), ['hint']);
  assert.deepEqual(run(text, { settings }).map((f) => f.severity), ['error', 'error', 'error', 'error']);
  const off = normalizeSettings({ lint: { rules: { 'section-missing': 'off' } } });
  assert.deepEqual(run(text, { stage: 'editing', settings: off }), []);
});

test('section-missing while editing: warnings once the draft has a section, or 200 characters of body', () => {
  // PARTY has sections: its missing plans are a warning even while editing.
  assert.deepEqual(run(PARTY, { stage: 'editing' }).map((f) => [f.severity, /^缺少“([^”]+)”/.exec(f.message)?.[1]]), [['warning', '下一步打算']]);
  const oneHeading = '2024年述职报告\n\n一、履职情况\n';
  assert.deepEqual(run(oneHeading, { stage: 'editing' }).map((f) => f.severity), ['warning', 'warning']);
  // Body without headings: 199 characters (spaces and the title not counted) is still a beginning, 200 is not.
  // n characters of body, a line break after every 20 and a space after every 5 (neither counts).
  const body = (n: number) => '2024年述职报告\n\n' + Array.from({ length: n }, (_, i) => '认真学习工作'[i % 6] + (i % 20 === 19 ? '\n' : i % 5 === 4 ? ' ' : '')).join('');
  const early = body(199);
  assert.equal(early.slice('2024年述职报告\n\n'.length).replace(/\s/g, '').length, 199);
  assert.deepEqual(run(early, { stage: 'editing' }).map((f) => f.severity), ['hint']);
  const begun = body(200);
  assert.equal(begun.slice('2024年述职报告\n\n'.length).replace(/\s/g, '').length, 200);
  assert.deepEqual(run(begun, { stage: 'editing' }).map((f) => f.severity), ['warning', 'warning', 'warning']);
});

test('section-missing through `shuzhi lint`: the full check, a warning per part even for a title-only draft', async (t) => {
  const dir = tempDir(t, 'shuzhi-section-missing-');
  fs.writeFileSync(path.join(dir, 'draft.md'), '# 2024年述职报告\n');
  let out = '';
  const io = { cwd: dir, out: (t: string) => void (out += t), err: () => undefined };
  assert.equal(await runCli(['draft.md', '--format', 'json', '--no-default-corpus'], io), 0);
  const rows = (JSON.parse(out) as Array<{ rule: string; severity: string; line: number; message: string }>).filter((r) => r.rule === 'section-missing');
  assert.deepEqual(rows.map((r) => [r.severity, r.line, /^缺少“([^”]+)”/.exec(r.message)?.[1]]), GENERAL_PARTS.map((p) => ['warning', 1, p]));
});
