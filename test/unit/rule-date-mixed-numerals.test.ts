import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import { spans } from '../helpers/ruleProbe';

test('date-mixed-numerals: offers the all-Arabic form first and the all-Chinese form second', () => {
  const text = '报告\n2023年十二月三十一日';
  const f = lintText(text, { only: ['date-mixed-numerals'] })[0];
  assert.equal(f.fixes![0].edits[0].newText, '2023年12月31日');
  assert.equal(f.fixes![1].edits[0].newText, '二〇二三年十二月三十一日');
  assert.deepEqual(spans('date-mixed-numerals', '报告\n2023年一季度，2023年5月6日'), []);
});
