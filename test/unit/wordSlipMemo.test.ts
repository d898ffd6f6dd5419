/**
 * The word check memoises which source relates two characters (sound, shape) in a fixed,
 * direct-mapped table (RelationMemo): bounded however many pairs a long-running server meets,
 * and always the answer the sources give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RELATION_SLOTS, RelationMemo, SHAPE, SOUND, type CharSource } from '../../server/src/engine/review/wordSlips';
import { prng } from '../helpers/prng';

test('the memo of related characters answers as the sources do, for more pairs than it has slots', () => {
  const sources: CharSource[] = [SOUND, SHAPE];
  const memo = new RelationMemo(sources);
  const rand = prng(3);
  // Pairs among the common Han characters (U+4E00…U+9FA5), many times the table's slots, some met twice.
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < RELATION_SLOTS * 3; i++) pairs.push([0x4e00 + Math.floor(rand() * 0x51a6), 0x4e00 + Math.floor(rand() * 0x51a6)]);
  pairs.push([0x5de5, 0x516c], [0x5df1, 0x5df2], [0x5de5, 0x516c]); // 工/公 same pinyin; 己/已 shape
  let related = 0;
  for (const [i, [d, c]] of pairs.entries()) {
    const want = sources.find((x) => x.alike(d, c));
    const got = memo.sourceOf(d, c);
    assert.equal(got, want, `pair ${i}: ${String.fromCharCode(d)}/${String.fromCharCode(c)}`);
    if (got) related++;
  }
  assert.ok(related > 0, 'some pairs are related');
  assert.equal(memo.sourceOf(0x5de5, 0x516c), SOUND);
  assert.equal(memo.sourceOf(0x5df1, 0x5df2), SHAPE);
  assert.ok(memo.filled <= RELATION_SLOTS && memo.filled > RELATION_SLOTS / 2, `slots filled: ${memo.filled}`);
});
