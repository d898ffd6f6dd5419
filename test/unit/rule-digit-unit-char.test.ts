import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runValue } from '../../server/src/engine/lint/rules/digit-unit-char';
import { fixed, spans } from '../helpers/ruleProbe';

test('digit-unit-char: runs of units, metric prefixes and mixed numbers', () => {
  assert.equal(runValue('3千5百'), 3500);
  assert.equal(runValue('5百3千'), undefined);
  assert.equal(runValue('12千5百'), undefined);
  assert.equal(fixed('digit-unit-char', '报告\n投资5千万元'), '报告\n投资5000万元');
  assert.deepEqual(spans('digit-unit-char', '报告\n行程3千米，功率5千瓦，3千5人，提高2百分点'), []);
  assert.equal(fixed('digit-unit-char', '报告\n投资3百万元'), '报告\n投资300万元');
});
