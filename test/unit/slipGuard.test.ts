/**
 * The corpus check's common-word guard (review/slips.ts inCommonWord): a correct common word of
 * the draft is not suggested away for a corpus phrase one homophone off it (集中整治工作 is not a
 * slip of 政治工作, 为群众办事 not one of 办实事), while a slip that makes no word is still found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus, reportsFromText } from '../../server/src/engine/corpus/corpus';
import { lexiconOf } from '../../server/src/engine/review/lexicon';
import { COMMON_WORD_Q, findSlips, inCommonWord } from '../../server/src/engine/review/slips';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import type { CorpusReport } from '../../server/src/engine/types';
import { loadLexicon } from '../../server/src/io/lexicon';

function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`单位${i}述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}

const COMMON = '加强思想政治工作，始终不忘初心，坚持为群众办实事。';
const index = buildPhraseIndex(corpusOf([COMMON + '认真抓好班子建设。', COMMON + '持续改进工作作风。', COMMON + '加强理论学习。']));
/** Frequencies as jieba gives them, about: 整治 is a common word (bucket ≈ 26), 出心 none. */
const lex = lexiconOf(
  [
    ['整治', 700],
    ['政治', 22000],
    ['工作', 66000],
    ['办事', 2300],
    ['实事', 520],
    ['群众', 17000],
    ['初心', 3],
    ['集中', 10000],
  ],
  { total: 60_000_000 },
);

test('slip guard: a common word of the draft is not suggested away for a corpus phrase (整治工作 → 政治工作)', () => {
  const draft = '开展集中整治工作，取得实效。';
  // Without the lexicon the corpus alone calls it a slip: the guard is what silences it.
  assert.deepEqual(
    findSlips(index, draft).map((s) => s.variant),
    ['政治工作'],
  );
  assert.deepEqual(findSlips(index, draft, {}, { lexicon: lex }), []);
  assert.deepEqual(findSlips(index, '坚持为群众办事，解决急难愁盼。', {}, { lexicon: lex }), []);
});

test('slip guard: a slip that makes no common word is still found (不忘出心 → 初心)', () => {
  const found = findSlips(index, '始终不忘出心，牢记使命。', {}, { lexicon: lex });
  assert.equal(found.length, 1);
  assert.equal(found[0].replacement, '初');
});

test('slip guard: a rare word does not vouch; the bucket is an option', () => {
  const draft = '开展集中整治工作，取得实效。';
  const rare = lexiconOf([['整治', 50]], { total: 60_000_000 }); // bucket 16, under COMMON_WORD_Q
  assert.equal(findSlips(index, draft, {}, { lexicon: rare }).length, 1);
  assert.equal(findSlips(index, draft, {}, { lexicon: lex, minWordQ: 40 }).length, 1);
  assert.ok(COMMON_WORD_Q > 16 && COMMON_WORD_Q <= 26, `COMMON_WORD_Q ${COMMON_WORD_Q}`);
});

test('slip guard: inCommonWord looks at words of 2–4 characters within the span that cover the character', () => {
  const text = '集中整治工作';
  assert.ok(inCommonWord(lex, text, 0, 6, 2)); // 整治
  assert.ok(inCommonWord(lex, text, 0, 6, 3));
  assert.ok(!inCommonWord(lex, text, 3, 6, 3), '整治 reaches outside the span [3, 6)');
  assert.ok(inCommonWord(lex, text, 2, 6, 4)); // 工作
  assert.ok(!inCommonWord(lex, '不忘出心', 0, 4, 2), '出心 is no word');
  assert.ok(!inCommonWord(lex, text, 0, 6, 2, 99));
});

test('slip guard: with the shipped lexicon and the bundled corpus, the words an unseen report was wrongly flagged on pass', async () => {
  const load = loadLexicon();
  assert.ok(load.lexicon, 'dist/lexicon.txt: run npm run build');
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  const full = buildPhraseIndex(reports);
  const guard = { lexicon: load.lexicon };
  for (const draft of ['开展集中整治工作，取得实效。', '坚持为群众办事，解决急难愁盼问题。']) {
    assert.ok(findSlips(full, draft).length > 0, `${draft}: flagged without the guard (else the test proves nothing)`);
    assert.deepEqual(findSlips(full, draft, {}, guard), [], draft);
  }
  assert.ok(findSlips(full, '我们始终不忘出心，牢记使命。', {}, guard).some((s) => s.replacement === '初'));
});
