import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['numbering-duplicate'] });

test('numbering-duplicate: two “2.” in one list are flagged; the fix renumbers the list', () => {
  const text = ['2024年述职报告', '一、履职情况', '1.加强学习', '内容。', '2.狠抓落实', '内容。', '2.改进作风', '内容。', '3.廉洁自律', '内容。'].join('\n');
  const fs = run(text);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].start, text.indexOf('2.改进作风'));
  assert.match(fs[0].message, /3\./);
  const fixed = applyEdits(text, fs[0].fixes![0].edits);
  assert.match(fixed, /2\.狠抓落实[\s\S]*3\.改进作风[\s\S]*4\.廉洁自律/);
  assert.deepEqual(run(fixed), []);
});

test('numbering-duplicate: distinct numbers and lists restarting under new headings stay quiet', () => {
  const text = ['2024年述职报告', '一、履职情况', '1.加强学习', '2.狠抓落实', '二、存在问题', '1.学习不够', '2.调研不深'].join('\n');
  assert.deepEqual(run(text), []);
});

test('numbering-duplicate: in a list that starts over at 1 under the same heading, the fix renumbers only the run holding the duplicate', () => {
  const text = ['2024年述职报告', '一、履职情况', '1.加强学习', '2.狠抓落实', '3.改进作风', '1.廉洁自律', '2.转变作风', '2.担当作为', '3.务实创新'].join('\n');
  const fs = run(text);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].start, text.indexOf('2.担当作为'));
  const fixed = applyEdits(text, fs[0].fixes![0].edits);
  // The first run keeps its numbers; the second becomes 1, 2, 3, 4.
  assert.match(fixed, /1\.加强学习\n2\.狠抓落实\n3\.改进作风\n1\.廉洁自律\n2\.转变作风\n3\.担当作为\n4\.务实创新/);
});
