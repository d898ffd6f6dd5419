import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { standardMarker } from '../../server/src/engine/lint/rules/numbering-style';
import { spans } from '../helpers/ruleProbe';

const run = (text: string) => lintText(text, { only: ['numbering-style'] });

test('numbering-style: `（五）、` is flagged and fixed safely', () => {
  const text = ['2024年述职报告', '（一）加强学习', '（二）、狠抓落实'].join('\n');
  const fs = run(text);
  assert.deepEqual(fs.map((f) => text.slice(f.start, f.end)), ['（二）、']);
  assert.equal(fs[0].fixes![0].safe, true);
  const fixed = applyEdits(text, fs[0].fixes![0].edits);
  assert.match(fixed, /\n（二）狠抓落实$/);
  assert.deepEqual(run(fixed), []);
});

test('numbering-style: 1. and 1、 mixed in one list take the first item’s form', () => {
  const text = ['2024年述职报告', '一、履职情况', '1.加强学习', '2、狠抓落实', '3.改进作风'].join('\n');
  const fs = run(text);
  assert.deepEqual(fs.map((f) => text.slice(f.start, f.end)), ['2、']);
  assert.match(applyEdits(text, fs[0].fixes![0].edits), /\n2\.狠抓落实\n/);
});

test('numbering-style: a level standing where its parent level is missing has no fix', () => {
  const text = ['2024年述职报告', '（一）加强学习', '（二）狠抓落实', '一、存在问题', '（一）学习不够', '二、下一步打算', '（一）加强学习'].join('\n');
  const fs = run(text);
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), '（一）');
  assert.equal(fs[0].start, text.indexOf('（一）'));
  assert.equal(fs[0].fixes, undefined);
});

test('numbering-style: well-formed numbering stays quiet', () => {
  const text = ['2024年述职报告', '一、履职情况', '（一）加强学习', '1.集中学习', '（1）读原著', '2.个人自学', '（二）狠抓落实', '二、存在问题'].join('\n');
  assert.deepEqual(run(text), []);
});

test('numbering-style: a list mixing 1. and 1、 is reported at the 1、 items only, with the standard form', () => {
  const text = '报告\n一、工作\n1.学理论\n2、学业务\n3.抓落实\n';
  const found = lintText(text, { only: ['numbering-style'] });
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['2、']);
  assert.match(found[0].message, /GB\/T 9704-2012 第7\.3\.3条/);
  assert.equal(applyEdits(text, found[0].fixes![0].edits), '报告\n一、工作\n1.学理论\n2.学业务\n3.抓落实\n');
  assert.deepEqual(spans('numbering-style', '报告\n一．2023年度党建工作\n二、存在问题\n'), ['一．'], 'a dot before a figure');
  assert.equal(standardMarker('（一）'), undefined);
  assert.equal(standardMarker('十二.'), '十二、');
  assert.deepEqual(spans('numbering-style', '报告\n一，是加强学习，二是改进作风，三是狠抓落实，确保各项工作落到实处。'), [], 'no 一、 heading: a comma line is prose');
});
