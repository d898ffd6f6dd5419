import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spans } from '../helpers/ruleProbe';

test('decimal-zero: version numbers, paths and ellipses are not decimals', () => {
  assert.deepEqual(spans('decimal-zero', '报告\n版本v1.2，文件a.46，共1.46，走访...46户'), []);
});
