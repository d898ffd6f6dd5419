import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/lint/lint';
import { spans } from '../helpers/ruleProbe';
import { lexiconOf } from '../../server/src/engine/review/lexicon';

test('unit-name-stray: without the title naming the unit, three mentions and three times any other are needed', () => {
  assert.deepEqual(spans('unit-name-stray', '述职报告\n青山镇发展，青山镇团结。大坪镇做法。'), []);
  assert.deepEqual(spans('unit-name-stray', '述职报告\n青山镇发展，青山镇团结，青山镇稳定。大坪镇做法。'), ['大坪镇']);
  assert.equal(lintText('述职报告\n青山镇发展，青山镇团结，青山镇稳定。大坪镇做法。', { only: ['unit-name-stray'] })[0].severity, 'hint');
});

/** Frequencies about as jieba gives them: common words, and two proper nouns. */
const lex = lexiconOf(
  [
    ['配合', 20000],
    ['参加', 60000],
    ['平台', 20000],
    ['党员', 15000],
    ['教育局', 900],
    ['县委', 3000],
    ['组织部', 2000],
    ['大坪', 40],
    ['东湖', 8000],
  ],
  { total: 60_000_000, proper: ['大坪', '东湖'] },
);
const withLex = (text: string) => lintText(text, { only: ['unit-name-stray'], lexicon: lex }).map((f) => text.slice(f.start, f.end));

test('unit-name-stray: with the lexicon, a common word before the suffix is no name (配合街道, 参加街道)', () => {
  const text = '长宁街道述职报告\n长宁街道发展。配合街道纪工委开展监督。认真参加街道党工委组织的学习。';
  assert.deepEqual(spans('unit-name-stray', text).sort(), ['参加街道', '配合街道'], 'without the lexicon both are taken for names');
  assert.deepEqual(withLex(text), []);
  // A proper noun stays a name, however common: 东湖街道 named once is still a stray.
  assert.deepEqual(withLex('长宁街道述职报告\n长宁街道发展。学习东湖街道做法。'), ['东湖街道']);
});

test('unit-name-stray: with the lexicon, a pair that takes the first character of the word before it is no name (平台和县委, 党员到县)', () => {
  const text = '青山县某局述职报告\n青山县发展。依托平台和县委组织部开展学习，选派党员到县教育局跟岗。学习大坪县做法。';
  assert.deepEqual(withLex(text), ['大坪县']);
  assert.ok(spans('unit-name-stray', text).includes('台和县'), 'without the lexicon the pair is taken for a name');
});

test('unit-name-stray: a pair after a number is no name (11月经镇党委)', () => {
  assert.deepEqual(spans('unit-name-stray', '柳河镇某村述职报告\n柳河镇发展。同年11月经镇党委研究。'), []);
  assert.deepEqual(spans('unit-name-stray', '柳河镇某村述职报告\n柳河镇发展。同年赴经镇考察。'), ['赴经镇'], 'the same pair without the number is read as a name');
});
