import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import { spans } from '../helpers/ruleProbe';

test('date-dotted: a slash date is a hint; a decimal with a unit is not a date', () => {
  const f = lintText('报告\n会议于2023/12/5召开', { only: ['date-dotted'] })[0];
  assert.equal(f.severity, 'hint');
  assert.deepEqual(spans('date-dotted', '报告\n增长2023.5吨，共2023.12万元'), []);
  assert.deepEqual(spans('date-dotted', '报告\n编号为2023、12的两份文件'), [], 'two numbers in a list');
});
