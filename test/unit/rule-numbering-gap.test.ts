import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['numbering-gap'] });

test('numbering-gap: a skipped number in headings is flagged; the fix renumbers the whole list', () => {
  const text = ['2024年述职报告', '（一）加强学习', '内容。', '（二）狠抓落实', '内容。', '（四）改进作风', '内容。', '（五）廉洁自律', '内容。'].join('\n');
  const fs = run(text);
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), '（四）');
  assert.match(fs[0].message, /（三）/);
  const fix = fs[0].fixes![0];
  assert.equal(fix.safe, true);
  const fixed = applyEdits(text, fix.edits);
  assert.match(fixed, /（三）改进作风[\s\S]*（四）廉洁自律/);
  assert.deepEqual(run(fixed), []);
});

test('numbering-gap: 一是、二是、四是 is flagged', () => {
  const text = '2024年述职报告\n存在的问题：一是学习不够；二是调研不深；四是创新不足。';
  const fs = run(text);
  assert.deepEqual(fs.map((f) => text.slice(f.start, f.end)), ['四是']);
  assert.match(applyEdits(text, fs[0].fixes![0].edits), /三是创新不足/);
});

test('numbering-gap: consecutive lists, lists per section and years stay quiet', () => {
  const text = [
    '2024年述职报告',
    '一、履职情况',
    '（一）加强学习',
    '1.集中学习',
    '2.个人自学',
    '（二）狠抓落实',
    '1.抓项目',
    '二、存在问题',
    '一是学习不够；二是调研不深。2023年以来，成效明显。',
    '三、下一步打算',
  ].join('\n');
  assert.deepEqual(run(text), []);
});

test('numbering-gap: a number standing on a heading written 二，… is no gap (numbering-style asks for 二、 there)', () => {
  const plain = ['2024年述职报告', '一、主要工作', '内容。', '二，存在问题', '内容。', '三、下一步打算', '内容。'].join('\n');
  assert.deepEqual(run(plain), []);
  const markdown = ['# 2024年述职报告', '## 一、主要工作', '内容。', '## 二,存在问题', '内容。', '## 三、下一步打算', '内容。'].join('\n');
  assert.deepEqual(run(markdown), []);
  const style = lintText(plain, { only: ['numbering-style'] });
  assert.deepEqual(style.map((f) => plain.slice(f.start, f.end)), ['二，']);
  // Still a gap: the 二， line stands before 一、, or the number it carries is not the one missing.
  const early = ['2024年述职报告', '二，存在问题', '一、主要工作', '内容。', '三、下一步打算', '内容。'].join('\n');
  assert.deepEqual(run(early).map((f) => early.slice(f.start, f.end)), ['三、']);
  const wrong = ['2024年述职报告', '一、主要工作', '内容。', '四，存在问题', '内容。', '三、下一步打算', '内容。'].join('\n');
  assert.deepEqual(run(wrong).map((f) => wrong.slice(f.start, f.end)), ['三、']);
});
