import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from '../helpers/ruleProbe';

test('this-year: needs one year in the title; only a year right beside 今年/本年度 counts', () => {
  assert.deepEqual(spans('this-year', '述职报告\n今年（2022年）以来'), []);
  assert.deepEqual(spans('this-year', '2021—2023年述职报告\n今年（2022年）以来'), [], 'two years in the title');
  assert.deepEqual(spans('this-year', '2023年述职报告\n本年度即2022年度，2023年（今年），2021年（今年）'), ['2022', '2021']);
  assert.deepEqual(spans('this-year', '2023年述职报告\n今年继续巩固2021年的成果，今年完成量较2022年增长。'), []);
});
