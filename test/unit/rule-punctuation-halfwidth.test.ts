import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['punctuation-halfwidth'] });
const found = (text: string) => run(text).map((f) => text.slice(f.start, f.end));

test('punctuation-halfwidth: half-width marks between Chinese are flagged, with a safe fix', () => {
  assert.deepEqual(found('按照要求,与班子成员一起学习;现报告如下:'), [',', ';', ':']);
  assert.deepEqual(found('你学习了吗?学了!'), ['?', '!']);
  assert.deepEqual(found('杂志报刊网站(共产党员网等)都已订阅。'), ['(共产党员网等)']);
  assert.deepEqual(found('(一)加强学习'), ['(一)']);
  assert.deepEqual(found('网站(共产党员网等）'), ['(']);
  const text = '组织学习,开展研讨(共3次)。';
  const fixed = applyEdits(text, run(text).flatMap((f) => f.fixes![0].edits));
  assert.equal(fixed, '组织学习，开展研讨（共3次）。');
  assert.ok(run(text).every((f) => f.fixes![0].safe));
});

test('punctuation-halfwidth: times, figures, English, code, links and URLs stay quiet', () => {
  assert.deepEqual(found('会议于8:30开始，投入1,000万元，比例3:1。'), []);
  assert.deepEqual(found('使用APP: 学习强国, PPT; 序号(1)(2)。'), []);
  assert.deepEqual(found('见 `中文,代码` 与 [链接](https://x.cn/a?b=1,2) 及 https://y.cn/中,文'), []);
  assert.deepEqual(found('组织学习，开展研讨（共3次）。'), []);
});
