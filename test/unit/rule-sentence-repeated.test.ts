import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['sentence-repeated'] });

test('sentence-repeated: the second occurrence of a long sentence is flagged, pointing to the first', () => {
  const text = '我们组织开展调研。认真学习党的二十大精神。\n\n一是认真学习党的二十大精神。二是狠抓落实。';
  const fs = run(text);
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), '一是认真学习党的二十大精神。', 'the item number does not hide the repeat');
  assert.ok(fs[0].start > text.indexOf('\n'), 'the later one');
  assert.match(fs[0].message, /第 1 行/);
  assert.equal(fs[0].related?.length, 1);
  const fixed = applyEdits(text, fs[0].fixes![0].edits);
  assert.deepEqual(run(fixed), []);
});

test('sentence-repeated: short stock phrases, distinct sentences and repeated headings stay quiet', () => {
  assert.deepEqual(run('加强学习。狠抓落实。\n加强学习。狠抓落实。'), []);
  assert.deepEqual(run('认真学习党的二十大精神。认真学习党的十九大精神。'), []);
  assert.deepEqual(run('一、加强理论武装提高政治站位\n内容甲。\n二、存在问题\n（一）加强理论武装提高政治站位\n内容乙。'), []);
});
