/**
 * typo-suspect's word check, the decisions added for same-pinyin recall (issue 18): evidence from
 * characters the corpus never uses, rivals ranked by the corpus, guards a correction dissolves,
 * parallel counterparts, particles, rare genre words, and the corpus check's lexicon veto. Each
 * on an in-memory lexicon and corpus, so the figures are the test's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { lexiconOf } from '../../server/src/engine/review/lexicon';
import { findSlips } from '../../server/src/engine/review/slips';
import { findTypos } from '../../server/src/engine/review/typos';
import { findWordSlips, type WordSlipInput } from '../../server/src/engine/review/wordSlips';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import type { CorpusReport } from '../../server/src/engine/types';

/** Jieba-like frequencies (total 60 million). */
const BASE: Array<[string, number]> = [
  ['我们', 50000], ['推进', 9000], ['建设', 40000], ['工作', 66367], ['认真', 4703], ['加强', 20000], ['要', 200000],
  ['的', 3000000], ['是', 800000], ['开展', 20000], ['活动', 20000], ['广泛', 8000], ['结对', 500], ['帮扶', 3000],
  ['会议', 20000], ['服务', 30000], ['思路', 20000], ['提升', 20000], ['现有', 8000], ['队伍', 9000], ['提高', 30000],
  ['书记', 20000], ['待遇', 9000], ['调研', 5000], ['存在', 30000], ['问题', 60000], ['蜻蜓点水', 500], ['发挥', 20000],
  ['助力', 3000], ['作用', 40000], ['交心', 300], ['谈心', 1000], ['社会', 60000], ['目的', 60000], ['局面', 9000],
  ['走势', 3000], ['走', 20000], ['实', 9000], ['深', 8000], ['推', 3000], ['也是', 60000], ['基层', 9000], ['党支部', 2000],
];
const lex = lexiconOf(BASE, { total: 60_000_000 });

function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`单位${i}述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}
const slips = (text: string, input: Partial<WordSlipInput> = {}) =>
  findWordSlips(text, { lexicon: lex, ...input, options: { unsupported: 0, ...input.options } }).map((s) => `${s.phrase}→${s.variant}`);

test('a character the corpus never uses needs only rareUnsupported more gain, not unsupported', () => {
  const never = buildPhraseIndex(corpusOf(['认真做好工作。', '扎实推进改革。']));
  const uses = buildPhraseIndex(corpusOf(['认真做好工作。', '社区推进改革。']));
  const options = { unsupported: 99, rareChar: 1, rareUnsupported: 0 };
  assert.deepEqual(slips('我们推进建社。', { index: never, options }), ['建社→建设'], '社 never in the corpus');
  assert.deepEqual(slips('我们推进建社。', { index: uses, options }), [], '社 in the corpus (社区): the full margin');
  assert.deepEqual(slips('我们推进建社。', { options }), [], 'without a corpus nothing is rare');
  assert.deepEqual(slips('我们推进建社。', { index: never, options: { ...options, rareChar: 0 } }), []);
});

test('among rival alternatives, a word the corpus uses ranks preferSupported higher', () => {
  const rival = lexiconOf([...BASE, ['工作', 5000], ['工座', 20000]], { total: 60_000_000 });
  const index = buildPhraseIndex(corpusOf(['认真工作。', '做好工作。', '工作有力。']));
  const pick = (preferSupported: number) => findWordSlips('我们认真做好各项工做。', { lexicon: rival, index, options: { unsupported: 0, preferSupported } }).map((s) => s.variant);
  assert.deepEqual(pick(0), ['工座'], 'by gain alone the more frequent word wins');
  assert.deepEqual(pick(3), ['工作'], 'the corpus uses 工作');
  // One correction in several windows (规章至度, 至度): the first, longest window is kept, with the better rank.
  const rules = lexiconOf([...BASE, ['规章制度', 2000], ['制度', 30000], ['完善', 9000]], { total: 60_000_000 });
  const idx = buildPhraseIndex(corpusOf(['健全制度。', '制度建设。', '落实制度。']));
  assert.deepEqual(findWordSlips('我们完善规章至度。', { lexicon: rules, index: idx, options: { unsupported: 0, preferSupported: 3 } }).map((x) => x.phrase), ['规章至度']);
});

test('guards a correction dissolves: a place suffix that becomes an ordinary word, a name that starts with a particle', () => {
  // 路 after 斯 reads as a place suffix (…的斯路); corrected, 思路 is an ordinary word and no place.
  assert.deepEqual(slips('坚持以点带面的斯路。'), ['斯路→思路']);
  // The suffix character itself stays protected (及市教育局: 市 may begin a unit's name).
  assert.deepEqual(slips('提省现有队伍。'), []);
  // Three characters after 书记 are a name, unless they start with a particle.
  assert.deepEqual(slips('提高书记的待愈。'), ['待愈→待遇']);
  assert.deepEqual(slips('提高书记李待愈。'), []);
});

test('a quote of four characters or more that the correction makes ordinary words is checked; a short quote is a coinage', () => {
  assert.deepEqual(slips('调研存在“蜻停点水”的问题。'), ['蜻停点水→蜻蜓点水']);
  assert.deepEqual(slips('发挥筑力作用。'), ['筑力→助力']);
  assert.deepEqual(slips('发挥“筑力”作用。'), [], 'a pun in quotation marks');
  assert.deepEqual(slips('发挥“要走实推”作用。'), [], 'corrected (要走势推) it is no ordinary words: a coinage');
  assert.deepEqual(slips('发挥要走实推作用。'), ['走实→走势']);
});

test('a four-character unit of a 、 list is checked when the correction reads as two words, outside quotes; 二、 is no list', () => {
  assert.deepEqual(slips('开展双报到、结对帮佛、会议服务活动。'), ['帮佛→帮扶']);
  assert.deepEqual(slips('开展“双报到、结对帮佛”活动。'), [], 'a quoted slogan');
  assert.deepEqual(slips('要走实推、加强建设。'), [], 'the correction (要走势推) is no two words');
  assert.deepEqual(slips('二、要走实推，加强建设。'), ['走实→走势'], 'a heading number, not a list');
});

test('a recurrence whose counterpart is an ordinary word is no parallel coinage', () => {
  assert.deepEqual(slips('广泛开展嚼心谈心活动。'), ['嚼心→交心'], '谈心 is a word');
  assert.deepEqual(slips('推动工作走深走实。'), [], '走深 is none: a coinage');
});

test('a structural particle stays a particle: a word ending in it only where the corpus uses it', () => {
  assert.deepEqual(slips('社会和睦的局面。'), []);
  const index = buildPhraseIndex(corpusOf(['明确目的。', '目的明确。', '达到目的。']));
  assert.deepEqual(slips('社会和睦的局面。', { index }), ['睦的→目的']);
});

test('a proper noun is suggested for a character the corpus never uses', () => {
  const proper = lexiconOf(BASE, { total: 60_000_000, proper: ['建设'] });
  const index = buildPhraseIndex(corpusOf(['认真做好工作。', '扎实推进改革。']));
  const run = (idx?: ReturnType<typeof buildPhraseIndex>, rareChar = 1) =>
    findWordSlips('我们推进建社。', { lexicon: proper, index: idx, options: { unsupported: 0, rareChar } }).length;
  assert.equal(run(index), 1);
  assert.equal(run(index, 0), 0, 'not rare: a proper noun the corpus does not use is never suggested');
  assert.equal(run(undefined), 0);
});

test('rare genre words (5 ≤ f < 50) are suggested where the corpus uses them, for a character it never uses', () => {
  const trade = lexiconOf([...BASE, ['抓手', 9]], { total: 60_000_000 });
  const uses = buildPhraseIndex(corpusOf(['重要抓手。', '以此为抓手。', '抓手作用。']));
  const run = (index?: ReturnType<typeof buildPhraseIndex>) => findWordSlips('党建工作的重要爪手。', { lexicon: trade, index, options: { unsupported: 0 } }).map((s) => s.variant);
  assert.deepEqual(run(uses), ['抓手']);
  assert.deepEqual(run(buildPhraseIndex(corpusOf(['重要抓手。', '爪牙。', '抓手作用。', '抓手。']))), [], '爪 in the corpus: the rare list is not searched');
  assert.deepEqual(run(buildPhraseIndex(corpusOf(['认真工作。', '推进建设。']))), [], 'the corpus does not use 抓手');
  assert.deepEqual(run(undefined), []);
});

test('typos: a corpus slip that the general lexicon reads worse than the draft is dropped', () => {
  const common = '夯实基层党建，';
  const index = buildPhraseIndex(corpusOf([common + '认真工作。' + common, common + '推进建设。', common]));
  const draft = '党组织书记也是基层党支部书记。';
  const corpus = findSlips(index, draft);
  assert.ok(corpus.some((s) => s.replacement === '实'), `precondition: the corpus check suggests 实 (${JSON.stringify(corpus)})`);
  assert.ok(findTypos(draft, { index }).some((t) => t.evidence === 'corpus'), 'without the lexicon it stands');
  assert.deepEqual(findTypos(draft, { index, lexicon: lex }).filter((t) => t.evidence === 'corpus'), [], '也是 reads better');
  // A true slip still stands: the correction reads better.
  const idx = buildPhraseIndex(corpusOf(['始终不忘初心、牢记使命。', '始终不忘初心、牢记使命。', '不忘初心。']));
  const withInitial = lexiconOf([...BASE, ['不忘', 3000], ['初心', 2000], ['牢记', 3000], ['使命', 9000], ['始终', 20000]], { total: 60_000_000 });
  assert.deepEqual(findTypos('始终不忘出心、牢记使命。', { index: idx, lexicon: withInitial }).map((t) => t.evidence), ['corpus']);
  // … also where the lexicon lacks the corpus's word (初心) and so reads the draft a little better (出 10× 初: −2.3).
  const lacking = lexiconOf([...BASE, ['不忘', 3000], ['牢记', 3000], ['使命', 9000], ['始终', 20000], ['出', 30000], ['初', 3000]], { total: 60_000_000 });
  assert.deepEqual(findTypos('始终不忘出心、牢记使命。', { index: idx, lexicon: lacking }).map((t) => t.evidence), ['corpus']);
});
