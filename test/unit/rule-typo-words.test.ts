/**
 * typo-suspect's word check (review/wordSlips.ts, protect.ts, typos.ts, lexicon.ts): each
 * decision on an in-memory lexicon, so the figures are the test's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { lexiconOf, LexiconError, parseLexicon, type Lexicon } from '../../server/src/engine/review/lexicon';
import { findTypos, WORD_CHECK_MAX_CHARS } from '../../server/src/engine/review/typos';
import { findWordSlips, segmentWords, WORD_SLIP_DEFAULTS, type CharSource } from '../../server/src/engine/review/wordSlips';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';
import { loadLexicon } from '../../server/src/io/lexicon';
import { parseWordList, readWordList } from '../../server/src/io/words';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

/** A lexicon of a few words with jieba-like frequencies (total 60 million). */
const WORDS: Array<[string, number]> = [
  ['工作', 66367], ['工', 3000], ['做', 30000], ['作', 20000], ['认真', 4703], ['认', 2000], ['人', 100000], ['真', 10000],
  ['负责', 5000], ['我们', 50000], ['做好', 8000], ['各项', 9000], ['建设', 40000], ['建', 3000], ['社', 3000], ['设', 2000],
  ['乡村', 3000], ['美丽', 6000], ['同志', 20000], ['推进', 9000], ['推', 3000], ['进', 30000], ['今', 5000], ['改革', 20000],
  ['走势', 3000], ['走', 20000], ['实', 9000], ['深', 8000], ['就是', 60000], ['就', 100000], ['是', 800000], ['九', 6000],
  ['加强', 20000], ['的', 3000000], ['村', 9000], ['镇', 5000], ['李', 10000], ['要', 200000], ['作人', 21], ['扎实', 3000],
  ['共青团', 8000], ['共青', 100],
];
const lex: Lexicon = lexiconOf(WORDS, { total: 60_000_000 });

function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`单位${i}述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}
/** A corpus that uses 工作, 认真, 建设, 推进 often (so they are supported) and never the slips. */
const index = buildPhraseIndex(corpusOf(['认真做好工作，推进建设。', '认真负责地工作，推进乡村建设。', '工作认真，建设有力，推进改革。', '扎实推进工作。']));
const words = (text: string, extra: Partial<Parameters<typeof findWordSlips>[1]> = {}) =>
  findWordSlips(text, { lexicon: lex, index, ...extra }).map((s) => `${s.phrase}→${s.variant}`);

test('word check: a sound-alike slip of an ordinary word is flagged with the word the lexicon has, and fixed', () => {
  const text = '# 述职报告\n\n我们认真做好各项工做。';
  const fs = lintText(text, { only: ['typo-suspect'], phrases: index, lexicon: lex });
  assert.equal(fs.length, 1, JSON.stringify(fs));
  assert.equal(fs[0].message, '疑似错别字：“工做”，常用“工作”（通用词典；语料中 4 篇报告）');
  assert.equal(fs[0].severity, 'warning');
  assert.equal(fs[0].ignoreWord, '工做');
  const fixed = applyEdits(text, fs[0].fixes![0].edits);
  assert.equal(fixed, '# 述职报告\n\n我们认真做好各项工作。');
  assert.deepEqual(lintText(fixed, { only: ['typo-suspect'], phrases: index, lexicon: lex }), []);
  assert.deepEqual(words('推今改革'), ['推今→推进']);
});

test('word check: the segmentation must gain at least minGain, more when the corpus does not use the word', () => {
  const [slip] = findWordSlips('我们认真做好各项工做。', { lexicon: lex, index });
  assert.ok(slip.gain > 0);
  assert.deepEqual(words('我们认真做好各项工做。', { options: { minGain: { sound: slip.gain + 0.01, shape: 99 } } }), []);
  assert.deepEqual(words('我们认真做好各项工做。', { options: { minGain: { sound: slip.gain - 0.01, shape: 99 } } }), ['工做→工作']);
  // Without a corpus the word is unsupported: `unsupported` more gain is needed.
  const bare = findWordSlips('我们认真做好各项工做。', { lexicon: lex, options: { unsupported: 0 } });
  assert.equal(bare.length, 1);
  assert.deepEqual(findWordSlips('我们认真做好各项工做。', { lexicon: lex, options: { unsupported: slip.gain } }), []);
  // … unless the alternative is a very common word of the lexicon (commonLogFreq).
  const bareGain = bare[0].gain;
  assert.equal(findWordSlips('我们认真做好各项工做。', { lexicon: lex, options: { unsupported: bareGain, commonLogFreq: Math.log(66367) - 0.5 } }).length, 1);
  assert.deepEqual(findWordSlips('我们认真做好各项工做。', { lexicon: lex, options: { unsupported: bareGain, commonLogFreq: Math.log(66367) + 0.5 } }), []);
  // The alternative must be frequent enough — or a word the corpus uses (a term of the trade, 抓手, is rare in the lexicon).
  assert.deepEqual(findWordSlips('我们认真做好各项工做。', { lexicon: lex, options: { unsupported: 0, minAltLogFreq: Math.log(66367) + 1 } }), []);
  assert.deepEqual(words('我们认真做好各项工做。', { options: { minAltLogFreq: Math.log(66367) + 1 } }), ['工做→工作'], 'the corpus uses 工作');
  assert.deepEqual(words('我们认真做好各项工做。', { options: { minAltLogFreq: Math.log(66367) + 1, altSupport: 99 } }), [], 'not often enough');
});

test('word check: a known word is never flagged for a rarer sound-alike, nor for another word (that needs context)', () => {
  // 作人 (21) is a word and 做人 is not in the lexicon … and a draft word itself is never suspect.
  const rare = lexiconOf([...WORDS, ['公做', 40]], { total: 60_000_000 });
  assert.deepEqual(findWordSlips('我们认真做好各项工作。', { lexicon: rare, index }), [], '工作 is not flagged for the rarer 公做');
  // 工作 is flagged for nothing even when a more frequent sound-alike word exists: both are words.
  const rival = lexiconOf([...WORDS, ['公作', 5_000_000]], { total: 60_000_000 });
  assert.deepEqual(findWordSlips('我们认真做好各项工作。', { lexicon: rival, options: { unsupported: 0 } }), []);
  // A word of the draft covering the character, at least as frequent as the alternative, vouches for it.
  const cover = lexiconOf([...WORDS.filter(([w]) => w !== '作人'), ['作人', 5000]], { total: 60_000_000 });
  assert.deepEqual(findWordSlips('工作人真负责。', { lexicon: cover, index }), []);
  assert.deepEqual(words('工作人真负责。'), ['人真→认真'], 'with 作人 rare (21) the slip is found');
});

test('word check: names beside a title and places before a unit word are left alone', () => {
  assert.deepEqual(words('李建社同志认真负责。'), []);
  assert.deepEqual(words('同志李建社、'), []);
  assert.deepEqual(words('在建社村推进改革。'), []);
  assert.deepEqual(words('在建社镇推进改革。'), []);
  // An ordinary word ending in a place character is no name: the slip before it is found.
  assert.deepEqual(words('推进建社乡村。'), ['建社→建设']);
  // A protected character inside the window protects the window (建 listed, 社 not).
  assert.deepEqual(words('我们推进建社。', { words: ['建'] }), []);
  // The same characters elsewhere are a slip: the protection is what silenced them.
  assert.deepEqual(words('我们推进建社。'), ['建社→建设']);
});

test('word check: Chinese numerals and ordinals, 《titles》, short quoted coinages and parallel constructions are left alone', () => {
  assert.deepEqual(words('九是加强建设。', { options: { unsupported: 0 } }), []);
  assert.deepEqual(words('我九是加强建设。', { options: { unsupported: 0 } }).length, 0);
  assert.deepEqual(words('要九加强建设。', { options: { unsupported: 0 } }), [], 'a lone numeral is no ordinal, but 九加 is no slip either');
  assert.deepEqual(words('学习《建社》。'), []);
  assert.deepEqual(words('发挥“建社”作用。'), []);
  const loose = { options: { unsupported: 0 } };
  assert.deepEqual(words('推动工作走深走实。', loose), []);
  assert.deepEqual(words('推动工作要走实。', loose), ['走实→走势'], 'not parallel: flagged');
  const proper = lexiconOf(WORDS, { total: 60_000_000, proper: ['建设'] });
  assert.deepEqual(findWordSlips('我们推进建社。', { lexicon: proper, options: { unsupported: 0 } }), [], 'a proper noun the corpus does not use is never suggested');
  assert.deepEqual(findWordSlips('我们推进建社。', { lexicon: proper, index, options: { unsupported: 0 } }).length, 1, '… one it uses is');
});

test('word check: a four-character unit of a 、 list and a classifier after a number are left alone', () => {
  const loose = { options: { unsupported: 0 } };
  // 四字格 in a list (以学带干、以干促效): each character stands for a word, so the segmentation misleads.
  assert.deepEqual(words('要走实推、加强建设。', loose), []);
  assert.deepEqual(words('加强建设、要走实推。', loose), []);
  assert.deepEqual(words('要走实推，加强建设。', loose), ['走实→走势'], 'not in a 、 list: flagged');
  assert.deepEqual(words('我们要走实推、加强建设。', loose), ['走实→走势'], 'not four characters: flagged');
  // A classifier after a number (对5名失联党员) belongs to the count: 名失 is no slip of 名师.
  const named = lexiconOf([...WORDS, ['名师', 60000], ['名', 30000], ['失', 5000], ['联', 3000], ['党员', 20000]], { total: 60_000_000 });
  const slips = (t: string) => findWordSlips(t, { lexicon: named, options: { unsupported: 0 } }).map((s) => `${s.phrase}→${s.variant}`);
  assert.deepEqual(slips('我们要名失党员。'), ['名失→名师'], 'no number before it: flagged');
  assert.deepEqual(slips('处置5名失联党员。'), []);
  assert.deepEqual(slips('处置五名失联党员。'), []);
});

test('word check: the corpus or the draft itself vouches for an unusual word', () => {
  const own = buildPhraseIndex(corpusOf(['我们推进建社工作。', '工作认真，建设有力。']));
  assert.deepEqual(findWordSlips('我们推进建社。', { lexicon: lex, index: own, options: { unsupported: 0 } }), []);
  assert.deepEqual(words('建社有力，建社有为。'), [], 'used twice in the draft: deliberate');
});

test('word list and setting: a listed word is never suspect, in either check', () => {
  assert.deepEqual(words('我们推进建社。', { words: ['建社'] }), []);
  assert.deepEqual(findTypos('我们推进建社。', { lexicon: lex, index, words: ['建社'] }), []);
  const settings = normalizeSettings({ review: { words: ['工做'] } });
  assert.deepEqual(lintText('我们认真做好各项工做。', { only: ['typo-suspect'], phrases: index, lexicon: lex, settings }), []);
  assert.deepEqual(lintText('我们认真做好各项工做。', { only: ['typo-suspect'], phrases: index, lexicon: lex, words: ['工做'] }), []);
  assert.deepEqual(parseWordList('\uFEFF工做  # 故意的\n\n李建社\n工做\n'), ['工做', '李建社']);
  const dir = tmp('shuzhi-words-');
  assert.deepEqual(readWordList(dir), []);
  mkdirSync(join(dir, '.shuzhi'));
  writeFileSync(join(dir, '.shuzhi', 'words.txt'), '建社\n');
  assert.deepEqual(readWordList(dir), ['建社']);
});

test('typos: slips in corpus phrases are still found first; the word check adds the rest without overlapping', () => {
  const common = '始终不忘初心、牢记使命，扎实推进全面从严治党。';
  const idx = buildPhraseIndex(corpusOf([common + '认真做好工作。', common + '推进建设。', common]));
  const ts = findTypos('始终不忘出心、牢记使命。我们推进建社。', { index: idx, lexicon: lex });
  assert.deepEqual(ts.map((t) => t.evidence), ['corpus', 'lexicon']);
  assert.ok(ts[0].phrase.includes('出心') && ts[0].variant.includes('初心'));
  assert.deepEqual([ts[1].phrase, ts[1].variant], ['建社', '建设']);
  // The corpus and the word check finding the same slip: one finding, the corpus's.
  const both = findTypos('我们推进建社。', { index: buildPhraseIndex(corpusOf(['我们推进建设。', '我们推进建设。', '我们推进建设。'])), lexicon: lex });
  assert.deepEqual(both.map((t) => t.evidence), ['corpus']);
  // A listed word silences the corpus check too.
  assert.deepEqual(findTypos('始终不忘出心、牢记使命。', { index: idx, words: ['不忘出心'] }), []);
  // A text over WORD_CHECK_MAX_CHARS gets no word check (a pasted compilation).
  const long = '我们推进建社。' + '。'.repeat(WORD_CHECK_MAX_CHARS);
  assert.deepEqual(findTypos(long, { lexicon: lex }), []);
  assert.equal(findTypos(long.slice(0, WORD_CHECK_MAX_CHARS), { lexicon: lex }).length, 1);
  // Without the lexicon: the corpus check alone, as before.
  assert.deepEqual(findTypos('我们推进建社。', { index: idx }), []);
});

test('sources plug in: a shape source adds its own alternatives with its own threshold', () => {
  const shapes: CharSource = { kind: 'shape', alike: (d, c) => String.fromCharCode(d) === '乍' && String.fromCharCode(c) === '作' };
  const l = lexiconOf([...WORDS, ['乍', 100]], { total: 60_000_000 });
  assert.deepEqual(findWordSlips('我们认真做好各项工乍。', { lexicon: l, index }), []);
  const found = findWordSlips('我们认真做好各项工乍。', { lexicon: l, index, sources: [shapes] });
  assert.deepEqual(found.map((s) => [s.variant, s.kind]), [['工作', 'shape']]);
  assert.deepEqual(findWordSlips('我们认真做好各项工乍。', { lexicon: l, index, sources: [shapes], options: { minGain: { sound: 0, shape: found[0].gain + 0.01 } } }), []);
  assert.ok(WORD_SLIP_DEFAULTS.minGain.shape >= WORD_SLIP_DEFAULTS.minGain.sound, 'shape needs at least the evidence sound needs');
});

test('lexicon table: built from dict.txt lines, parsed back; a corrupt or missing file is reported, never thrown', async () => {
  const { lexiconTable } = await import('../../server/scripts/lexicon.mjs');
  const dict = ['工作 66367 vn', '工 3000 n', '做 30000 v', '羟基 490 nz', '认真 4703 ad', '4S店 3 n', '罕见 4 a', '罕事 20 n', ''].join('\n');
  const table = parseLexicon(lexiconTable(dict));
  assert.equal(table.q('工作'), Math.round(4 * Math.log(66367)));
  assert.equal(table.q('做'), Math.round(4 * Math.log(30000)));
  assert.equal(table.q('4S店'), undefined, 'only Han words');
  assert.equal(table.q('工做'), undefined);
  assert.ok(table.proper('羟基') && !table.proper('工作'));
  assert.equal(table.fillers('工做', 0, 2, 1), '作');
  assert.equal(table.fillers('人真', 0, 2, 0), '认');
  assert.equal(table.fillers('我们认真', 2, 4, 2), '认', 'a window inside a longer text');
  assert.equal(table.fillers('罕有', 0, 2, 1), '', 'a rare word (< 50) is not among the common fillers');
  assert.equal(table.fillers('罕有', 0, 2, 1, true), '事', 'the rare list has 罕事 (20), not 罕见 (4 < 5): suggested only where the corpus uses it (wordSlips)');
  assert.equal(table.fillers('羟甲', 0, 2, 1), '基', 'a proper noun is suggested (where the corpus uses it: wordSlips)');
  assert.equal(segmentWords(table, '工作认真').length, 2);
  assert.throws(() => parseLexicon('hello'), LexiconError);
  assert.throws(() => parseLexicon('shuzhi-lexicon 2 100\nW 2 工作认\n'), LexiconError);
  const dir = tmp('shuzhi-lex-');
  writeFileSync(join(dir, 'bad.txt'), 'not a lexicon');
  const bad = loadLexicon(join(dir, 'bad.txt'));
  assert.equal(bad.lexicon, undefined);
  assert.match(bad.error!, /通用词典不可用.*只依据语料/);
  assert.match(loadLexicon(join(dir, 'missing.txt')).error!, /找不到词表文件/);
  // Review keeps working on corpus evidence without it.
  const common = '始终不忘初心、牢记使命。';
  const idx = buildPhraseIndex(corpusOf([common, common, common]));
  assert.equal(lintText('始终不忘出心、牢记使命。', { only: ['typo-suspect'], phrases: idx }).length, 1);
});

test('inline disables and levels apply to the word check', () => {
  const opts = { only: ['typo-suspect'], phrases: index, lexicon: lex };
  assert.deepEqual(lintText('<!-- shuzhi-disable-next-line typo-suspect -->\n我们认真做好各项工做。', opts), []);
  const off = normalizeSettings({ lint: { rules: { 'typo-suspect': 'off' } } });
  assert.deepEqual(lintText('我们认真做好各项工做。', { ...opts, settings: off }), []);
});

test('whole-word confusions: typo-suspect reports those its context settles, except 截止/截至 (word-confusion reports them once)', () => {
  const f = lintText('依法享有的权力和义务。', { only: ['typo-suspect'] });
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^疑似错别字：“权力”，此处应为“权利”：.*（依据：/);
  assert.equal(applyEdits('依法享有的权力和义务。', f[0].fixes![0].edits), '依法享有的权利和义务。');
  const both = lintText('截止目前，工作进展顺利。', { only: ['typo-suspect', 'word-confusion'] });
  assert.deepEqual(both.map((x) => x.rule), ['word-confusion']);
});
