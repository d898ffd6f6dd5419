import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import { spans } from '../helpers/ruleProbe';

test('unit-name-stray: without the title naming the unit, three mentions and three times any other are needed', () => {
  assert.deepEqual(spans('unit-name-stray', '述职报告\n青山镇发展，青山镇团结。大坪镇做法。'), []);
  assert.deepEqual(spans('unit-name-stray', '述职报告\n青山镇发展，青山镇团结，青山镇稳定。大坪镇做法。'), ['大坪镇']);
  assert.equal(lintText('述职报告\n青山镇发展，青山镇团结，青山镇稳定。大坪镇做法。', { only: ['unit-name-stray'] })[0].severity, 'hint');
});
