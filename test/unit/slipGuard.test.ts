/**
 * The corpus check's common-word guard (review/slips.ts inCommonWord): a correct common word of
 * the draft is not suggested away for a corpus phrase one homophone off it (集中整治工作 is not a
 * slip of 政治工作, 为群众办事 not one of 办实事), while a slip that makes no word is still found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus, reportsFromText } from '../../server/src/engine/corpus/corpus';
import { lexiconOf } from '../../server/src/engine/review/lexicon';
import { COLLOCATION_SHARE, COMMON_WORD_Q, findSlips, inCommonWord } from '../../server/src/engine/review/slips';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import { findTypos } from '../../server/src/engine/review/typos';
import type { CorpusReport } from '../../server/src/engine/types';
import { loadLexicon } from '../../server/src/io/lexicon';

function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`单位${i}述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}

const COMMON = '加强思想政治工作，始终不忘初心，坚持为群众办实事。';
const index = buildPhraseIndex(corpusOf([COMMON + '认真抓好班子建设。', COMMON + '持续改进工作作风。', COMMON + '加强理论学习，开展环境整治，做好本职工作，推动工作落实，改进工作方法。']));
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
  // 为群众 comes with 办实事 in this corpus (see the collocation test below): the guard lets it through and
  // the lexicon's veto in the rule's composition drops it, the sentence reading far worse with 办实.
  assert.equal(findSlips(index, '坚持为群众办事，解决急难愁盼。', {}, { lexicon: lex }).length, 1);
  assert.deepEqual(findTypos('坚持为群众办事，解决急难愁盼。', { index, lexicon: lex }), []);
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
    // The rule's composition: the guard, then the lexicon's veto (为群众 comes mostly with 办实事 in the
    // corpus, so the guard lets that one through and the veto, the sentence reading far worse, drops it).
    assert.deepEqual(findTypos(draft, { index: full, lexicon: load.lexicon }), [], draft);
  }
  assert.deepEqual(findSlips(full, '开展集中整治工作，取得实效。', {}, guard), []);
  assert.ok(findSlips(full, '我们始终不忘出心，牢记使命。', {}, guard).some((s) => s.replacement === '初'));
});

/** A corpus whose reports say `phrase` (three reports) beside `rest`, and a lexicon with `words` common. */
function setting(phrase: string, rest: string[], words: string[]) {
  const idx = buildPhraseIndex(corpusOf([`认真${phrase}。`, `继续${phrase}，抓好落实。`, `全面${phrase}。`, ...rest]));
  const lx = lexiconOf([...words.map((w): [string, number] => [w, 5000]), ['工作', 66000]], { total: 60_000_000 });
  return { idx, lx };
}

test('slip guard: a common word the corpus phrase frames on both sides vouches for nothing (学习惯彻 → 学习贯彻)', () => {
  const { idx, lx } = setting('学习贯彻党的精神', ['养成良好习惯。'], ['习惯', '学习', '贯彻']);
  const found = findSlips(idx, '深入学习惯彻党的精神。', {}, { lexicon: lx });
  assert.deepEqual(found.map((f) => f.replacement), ['贯']);
  // Not framed (the draft's word at the window's edge, its other side not the corpus's): the guard holds.
  assert.deepEqual(findSlips(idx, '学生习惯彻底改变。', {}, { lexicon: lx }), []);
  // The framing alone, the corpus's other reasons out of play (习惯 used, no part beside it of 2 characters):
  const corpus = { index: idx, occurrences: 0 };
  assert.ok(!inCommonWord(lx, '学习惯彻', 0, 4, 2, COMMON_WORD_Q, corpus), '习惯 framed by 学 and 彻');
  assert.ok(inCommonWord(lx, '学习惯彻', 1, 4, 2, COMMON_WORD_Q, corpus), '习惯 at the window\'s edge');
});

test('slip guard: a common word the corpus never uses vouches for nothing (老实不到位 → 落实)', () => {
  const draft = '老实不到位的问题仍然存在。';
  const never = setting('工作落实不到位', ['加强作风建设。', '责任不到位，措施不到位，宣传不到位，检查不到位。'], ['老实', '落实']);
  assert.deepEqual(findSlips(never.idx, draft, {}, { lexicon: never.lx }).map((f) => f.replacement), ['落']);
  const used = setting('工作落实不到位', ['做老实人，说老实话。', '责任不到位，措施不到位，宣传不到位，检查不到位。'], ['老实', '落实']);
  assert.deepEqual(findSlips(used.idx, draft, {}, { lexicon: used.lx }), [], 'the corpus uses 老实: the word vouches');
});

test('slip guard: a word beside a part the corpus uses mostly in the phrase vouches for nothing (主体党日 → 主题党日)', () => {
  const draft = '开展支部主体党日活动。';
  const fixed = setting('开展主题党日活动', ['落实主体责任。'], ['主体', '主题', '活动']);
  assert.deepEqual(findSlips(fixed.idx, draft, {}, { lexicon: fixed.lx }).map((f) => f.replacement), ['题']);
  // 党日 used more often without 主题 than with it: a loose partner, the word vouches.
  const loose = setting('开展主题党日活动', ['落实主体责任。', '组织党日活动。固定党日活动。支部党日活动。党员党日活动。每月党日活动。'], ['主体', '主题', '活动']);
  assert.deepEqual(findSlips(loose.idx, draft, {}, { lexicon: loose.lx }), []);
  assert.ok(COLLOCATION_SHARE > 0 && COLLOCATION_SHARE < 1);
});


test('slip guard: a word whose suggestion the corpus reads with both its neighbours vouches for nothing (思想整治建设 → 政治)', () => {
  const draft = '加强教师思想整治建设。';
  const lx = lexiconOf([['整治', 5000], ['政治', 20000], ['思想', 20000], ['建设', 20000], ['工作', 66000]], { total: 60_000_000 });
  const both = buildPhraseIndex(corpusOf(['加强思想政治工作，抓好思想政治教育。', '做好思想政治工作。', '推进政治建设，加强政治建设。', '全面政治建设。', '开展环境整治。', '解放思想，转变思想观念，统一思想认识，端正思想作风。', '抓好班子建设，加强队伍建设，推进制度建设，注重作风建设。']));
  assert.deepEqual(findSlips(both, draft, {}, { lexicon: lx }).map((f) => f.replacement), ['政']);
  // One side only (思想政治, no 政治建设): 整治 vouches, as in 集中整治工作 beside 政治工作.
  const one = buildPhraseIndex(corpusOf(['加强思想政治工作，抓好思想政治教育。', '做好思想政治工作。', '推进党的建设。', '开展环境整治，狠抓工作。', '解放思想，转变思想观念，统一思想认识，端正思想作风。']));
  assert.deepEqual(findSlips(one, draft, {}, { lexicon: lx }), []);
});
