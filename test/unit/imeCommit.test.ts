import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isImeCommit, MAX_COMMIT_LENGTH } from '../../client/src/imeCommit';

test('isImeCommit: one short single-line change with Han characters, inserted or replacing the composition', () => {
  assert.equal(isImeCommit([{ text: '坚定' }]), true);
  // The commit replaces composed pinyin or identical composed characters; the rule reads only the new text.
  assert.equal(isImeCommit([{ text: '四个' }]), true);
  assert.equal(isImeCommit([{ text: '，我们' }]), true);
  assert.equal(isImeCommit([{ text: '汉'.repeat(MAX_COMMIT_LENGTH) }]), true);
});

test('isImeCommit: composed pinyin, pastes, line breaks, deletions and multi-cursor edits are not commits', () => {
  assert.equal(isImeCommit([{ text: 'sizhi' }]), false, 'pinyin while composing');
  assert.equal(isImeCommit([{ text: '' }]), false, 'a deletion');
  assert.equal(isImeCommit([{ text: '汉'.repeat(MAX_COMMIT_LENGTH + 1) }]), false, 'a paste');
  assert.equal(isImeCommit([{ text: '坚定\n' }]), false);
  assert.equal(isImeCommit([{ text: '坚定\r\n我们' }]), false);
  assert.equal(isImeCommit([{ text: '坚' }, { text: '定' }]), false, 'two cursors');
  assert.equal(isImeCommit([]), false);
});
