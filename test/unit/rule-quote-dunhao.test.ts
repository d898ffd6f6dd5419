import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import {  } from '../helpers/ruleProbe';

test('quote-dunhao: info level, and its fix is not applied by “fix all”', () => {
  const f = lintText('报告\n开展“三会一课”、“两学一做”', { only: ['quote-dunhao'] })[0];
  assert.equal(f.severity, 'info');
  assert.equal(f.fixes![0].safe, false);
});
