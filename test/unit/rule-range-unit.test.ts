import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from '../helpers/ruleProbe';

test('range-unit: 至 and 到 join ranges too; a range written in full stays', () => {
  assert.deepEqual(spans('range-unit', '报告\n增长15至30%，20%~35%，1.5~2.5'), ['15至30%']);
});
