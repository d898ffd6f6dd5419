import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, spans } from '../helpers/ruleProbe';

test('ellipsis-dash: 。。。 is one ellipsis; English text is left alone; a lone … is doubled', () => {
  assert.deepEqual(spans('ellipsis-dash', '报告\n走访。。。调研'), ['。。。']);
  assert.deepEqual(spans('ellipsis-dash', '报告\nsee the docs... -- ok'), [], 'English text');
  assert.equal(fixed('ellipsis-dash', '报告\n走访…调研'), '报告\n走访……调研');
});
