import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['section-order'] });

test('section-order: plans before problems are flagged at the early part', () => {
  const text = ['2024年述职报告', '一、履职情况', '内容。', '二、下一步工作打算', '内容。', '三、存在的问题', '内容。'].join('\n');
  const fs = run(text);
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), '二、下一步工作打算');
  assert.match(fs[0].message, /存在的问题/);
  assert.equal(fs[0].severity, 'info');
});

test('section-order: causes before the problems they explain are flagged', () => {
  const text = ['2024年述职报告', '一、主要工作', '二、原因分析', '三、存在的主要问题', '四、下一步打算'].join('\n');
  assert.deepEqual(run(text).map((f) => text.slice(f.start, f.end)), ['二、原因分析']);
});

test('section-order: the usual order, merged parts and any order of the first phase stay quiet', () => {
  assert.deepEqual(run(['2024年述职报告', '一、履职情况', '二、存在的问题', '三、原因分析', '四、下一步打算'].join('\n')), []);
  assert.deepEqual(run(['2024年述职报告', '一、履职情况', '二、存在问题及下一步打算'].join('\n')), []);
  assert.deepEqual(run(['2024年述职报告', '一、廉洁自律情况', '二、理论学习情况', '三、履职情况', '四、存在问题', '五、下一步打算'].join('\n')), []);
});
