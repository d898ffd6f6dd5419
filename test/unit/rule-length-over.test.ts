import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import { normalizeSettings } from '../../server/src/engine/settings';

const BODY = '一年来，我认真履行职责，扎实推进各项工作，取得了一定成效。'.repeat(10);

test('length-over: a draft over its limit is flagged (setting or title)', () => {
  const text = `2024年述职报告\n${BODY}`;
  const fs = lintText(text, { only: ['length-over'], settings: normalizeSettings({ length: { limit: 100 } }) });
  assert.equal(fs.length, 1);
  assert.equal(fs[0].rule, 'length-over');
  assert.equal(fs[0].severity, 'warning');
  assert.match(fs[0].message, /超过字数限制 100 字/);
  const titled = `2024年述职报告（100字以内）\n${BODY}`;
  assert.equal(lintText(titled, { only: ['length-over'] }).length, 1);
});

test('length-over: no limit, or a draft within it, stays quiet', () => {
  assert.deepEqual(lintText(`2024年述职报告\n${BODY}`, { only: ['length-over'] }), []);
  assert.deepEqual(lintText(`2024年述职报告\n${BODY}`, { only: ['length-over'], settings: normalizeSettings({ length: { limit: 10000 } }) }), []);
});
