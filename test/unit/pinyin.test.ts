/**
 * The readings behind the sound-alike check (engine/review/pinyin.ts). They are read from
 * pinyin-pro's character table (`polyphonic`), not with `pinyin(ch, { multiple: true })`, which
 * builds the library's word automaton first (one block of 40–80 ms on the server's thread): the
 * two must give the same readings for every character the check reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pinyin } from 'pinyin-pro';
import { fuzzySyllable, isHan, soundAlike, soundKeys, tonelessReadings } from '../../server/src/engine/review/pinyin';

/** The toneless readings of `ch` as `pinyin(…, { multiple: true })` gives them, each once. */
const readingsByPinyin = (ch: string) => [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).filter((r) => /^[a-zü]+$/i.test(r)))];
/** Their fuzzy syllables. */
const keysByPinyin = (ch: string) => [...new Set(readingsByPinyin(ch).map(fuzzySyllable))].sort();

test('soundKeys: the same readings as pinyin(…, { multiple: true }) for every Han character of both blocks', () => {
  const differ: string[] = [];
  let read = 0;
  for (const [lo, hi] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]]) {
    for (let c = lo; c <= hi; c++) {
      assert.ok(isHan(c));
      const mine = [...soundKeys(c)].sort();
      if (mine.length) read++;
      const ch = String.fromCharCode(c);
      const theirs = keysByPinyin(ch);
      if (mine.join() !== theirs.join() && differ.length < 10) differ.push(`${ch}: ${mine.join()} ≠ ${theirs.join()}`);
      const readings = tonelessReadings(c).join();
      if (readings !== readingsByPinyin(ch).join() && differ.length < 10) differ.push(`${ch}: readings ${readings} ≠ ${readingsByPinyin(ch).join()}`);
    }
  }
  assert.deepEqual(differ, []);
  assert.ok(read > 20_000, `readings for ${read} characters`);
});

test('soundKeys: every reading of a polyphone, tones dropped and fuzzy pairs merged', () => {
  assert.ok(soundKeys('行'.charCodeAt(0)).includes('xin'), 'xing → xin (in/ing merged)');
  assert.ok(soundKeys('行'.charCodeAt(0)).includes('han'), 'hang → han (an/ang merged)');
  assert.ok(soundKeys('重'.charCodeAt(0)).includes('zong') && soundKeys('重'.charCodeAt(0)).includes('cong'), '重: zhong and chong');
  assert.deepEqual(soundKeys('A'.charCodeAt(0)), [], 'no reading for a non-Han character');
  assert.ok(soundAlike('做'.charCodeAt(0), '作'.charCodeAt(0)));
  assert.ok(soundAlike('制'.charCodeAt(0), '治'.charCodeAt(0)), 'zhi / zhi');
  assert.ok(!soundAlike('做'.charCodeAt(0), '学'.charCodeAt(0)));
});
