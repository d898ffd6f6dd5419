import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from '../helpers/ruleProbe';

test('punctuation-doubled: an ellipsis of 。 is not a doubled 。 (ellipsis-dash reports it)', () => {
  assert.deepEqual(spans('punctuation-doubled', '报告\n走访。。。调研'), []);
  assert.deepEqual(spans('punctuation-doubled', '报告\n走访，，调研；；总结'), ['，，', '；；']);
});
