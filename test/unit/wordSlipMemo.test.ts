/**
 * The word check memoises which characters are alike (sound, shape) per pair it meets; a server
 * reviews drafts for days, so the memo is bounded: it starts over at RELATION_MEMO_MAX pairs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findWordSlips, RELATION_MEMO_MAX, relationMemoSize } from '../../server/src/engine/review/wordSlips';
import { loadLexicon } from '../../server/src/io/lexicon';
import { prng } from '../helpers/prng';

test('the memo of alike characters stays bounded over many drafts', () => {
  const { lexicon, error } = loadLexicon();
  assert.ok(lexicon, `the built lexicon (npm run build): ${error}`);
  const common: string[] = [];
  for (const [w, q] of lexicon.entries(1)) if (q >= 28) common.push(w);
  const rand = prng(7);
  const draft = () => Array.from({ length: 20_000 }, (_, i) => common[Math.floor(rand() * common.length)] + (i % 30 === 29 ? '。' : '')).join('');
  const sizes: number[] = [];
  for (let n = 0; n < 3; n++) {
    findWordSlips(draft(), { lexicon });
    sizes.push(relationMemoSize());
  }
  // Three drafts of random common characters meet more pairs than the bound: the memo started over once at least.
  assert.ok(sizes.every((n) => n > 0 && n <= RELATION_MEMO_MAX), `sizes ${sizes.join(', ')} within ${RELATION_MEMO_MAX}`);
  assert.ok(sizes.some((n, i) => i > 0 && n < sizes[i - 1]), `the memo started over: ${sizes.join(', ')}`);
});
