import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, spans } from '../helpers/ruleProbe';

test('year-zero: 零, ○ and a letter O all become 〇; quantities keep 零', () => {
  assert.equal(fixed('year-zero', '报告\n二○二三年'), '报告\n二〇二三年');
  assert.equal(fixed('year-zero', '报告\n一九九零年'), '报告\n一九九〇年');
  assert.deepEqual(spans('year-zero', '报告\n一百零八年来，二〇二三年'), []);
});
