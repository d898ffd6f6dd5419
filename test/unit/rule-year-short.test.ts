import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullYear } from '../../server/src/engine/lint/rules/year-short';
import { fixed, spans } from '../helpers/ruleProbe';

test('year-short: the century comes from the title year; a year ahead of it belongs to the century before', () => {
  assert.equal(fullYear(23, 2023), 2023);
  assert.equal(fullYear(98, 2023), 1998);
  assert.equal(fullYear(24, 2023), 2024);
  assert.equal(fixed('year-short', '1999年度述职报告\n98年5月，我参加工作。'), '1999年度述职报告\n1998年5月，我参加工作。');
  assert.deepEqual(spans('year-short', '2023年述职报告\n第23年，增长23.5年，2023年5月，时间为8:30年'), []);
  assert.deepEqual(spans('year-short', '2023年述职报告\n参加工作20年以来，我坚持学习。'), [], 'years of service');
  assert.deepEqual(spans('year-short', '2023年述职报告\n至22年底，完成任务。'), ['22']);
  assert.deepEqual(spans('year-short', '2023年述职报告\n自23年起参加中心组学习，从22年开始驻村。'), ['23', '22']);
  assert.deepEqual(spans('year-short', '2023年述职报告\n与22年相比，收入增长，较22年同期多3项。'), ['22', '22'], 'the year a figure is compared with');
  assert.deepEqual(spans('year-short', '2023年述职报告\n比工作20年相比更有经验，我们工作10年同期。'), [], 'not after a word');
});
