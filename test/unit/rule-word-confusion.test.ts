import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, spans } from '../helpers/ruleProbe';

test('word-confusion: 截止 before a time or a placeholder; 截止 ending a clause stays', () => {
  assert.deepEqual(spans('word-confusion', '报告\n截止xxxx年xx月，截止发稿时，报名于昨日截止。截止时间为5日'), ['截止', '截止']);
  assert.equal(fixed('word-confusion', '报告\n拍摄图象资料'), '报告\n拍摄图像资料');
  assert.equal(fixed('word-confusion', '报告\n报名截至日期为5日'), '报告\n报名截止日期为5日');
});
