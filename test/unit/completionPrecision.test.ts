/**
 * Issue 12's rules for completion that helps instead of interrupts: word-aligned evidence,
 * candidates that end where a writer pauses, a probability that decides what appears by itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { buildPhraseIndex } from '../../server/src/engine/completion/corpusView';
import { completePhrases, ghostOf, mayAppearBySelf, phraseQuery, wordAlignment, type PhraseCompletion } from '../../server/src/engine/completion/complete';
import { chanceOf, expectedWords, features, FEATURE_NAMES, MODEL, withBestCounts } from '../../server/src/engine/completion/ranking';
import type { CorpusReport } from '../../server/src/engine/types';

function corpus(bodies: string[][]): CorpusReport[] {
  return bodies.flatMap((body, i) => reportsFromText([`某单位干部${2020 + i}年述职报告`, ...body].join('\n'), `mem${i}.txt`, i));
}
const FILLER = '一年来，我在局党组的坚强领导下，认真履行岗位职责，圆满完成了各项工作任务。';
const OPTS = { maxItems: 20, minPrefix: 1 };
const texts = (before: string, r: PhraseCompletion) => r.items.map((it) => before.slice(0, r.replaceStart) + it.insertText);

test('word alignment: 南部 is never continued as the 部 of 部署 or 部门', () => {
  const index = buildPhraseIndex(
    corpus([
      [FILLER, '认真部署安排，各部门协同推进。', '按照党委部署，抓好落实。', '加强西南部门协作。'],
      [FILLER, '全面部署各项工作，部门之间密切配合。', '推动东南部署落实。'],
      [FILLER, '科学部署，统筹推进。', '加强西南部门协作。'],
    ]),
  );
  const before = '规划建成了南部';
  const r = completePhrases(index, before, OPTS);
  // 西南|部门 and 东南|部署 hold the characters 南部 but not the word: not evidence either.
  assert.deepEqual(texts(before, r), [], 'no corpus occurrence of the whole word 南部: nothing to offer');
  // The same corpus does continue 部 where the draft's word is 部署 being typed from its start.
  const own = completePhrases(index, '认真部', OPTS);
  assert.ok(texts('认真部', own).some((t) => t.startsWith('认真部署')), texts('认真部', own).join(' | '));
});

test('word alignment: a context must start where a draft word starts and the corpus occurrence must agree', () => {
  const index = buildPhraseIndex(
    corpus([
      [FILLER, '把纪律挺在前面，抓早抓小。', '挺在前面，防微杜渐。'],
      [FILLER, '始终把纪律和规矩挺在前面。'],
      [FILLER, '在的基础上进一步提升。', '存在的问题较多。'],
    ]),
  );
  const before = '坚持把纪律挺在';
  const r = completePhrases(index, before, OPTS);
  const got = texts(before, r);
  assert.ok(got.some((t) => t.endsWith('挺在前面')), got.join(' | '));
  assert.ok(!got.some((t) => t.endsWith('挺在的')), `the 在 of 存在/在的 is not evidence for 挺在: ${got.join(' | ')}`);
});

test('wordAlignment: lengths start at draft word starts and cover the typed word; the line start counts', () => {
  const a = wordAlignment('规划建成了南部', 5, 24);
  assert.equal(a.typed, 2);
  assert.ok(a.lengths.has(2), '南部');
  assert.ok(!a.lengths.has(1), 'never the last character alone');
  assert.ok(a.lengths.has(8), 'the whole line, opened by its line break');
  for (const k of a.lengths) assert.ok(k >= 2);
  // After punctuation nothing is being typed: the mark itself is a context.
  const b = wordAlignment('认真学习，', 5, 24);
  assert.equal(b.typed, 0);
  assert.ok(b.lengths.has(1));
});

test('a phrase never stops inside an enumeration after a dangling word', () => {
  const index = buildPhraseIndex(
    corpus([
      [FILLER, '我们坚定“四个自信”、做到“两个维护”，扎实推进工作。'],
      [FILLER, '始终坚定“四个自信”、做到“两个维护”，提升能力。', '坚定“四个自信”、做到知行合一。'],
      [FILLER, '坚定“四个自信”、做到“两个维护”、增强“四个意识”。'],
    ]),
  );
  const before = '我们要坚定';
  const got = texts(before, completePhrases(index, before, OPTS));
  assert.ok(got.includes('我们要坚定“四个自信”'), got.join(' | '));
  assert.ok(got.includes('我们要坚定“四个自信”、做到“两个维护”'), got.join(' | '));
  // Past a 、 a phrase ends only where a member ends: a closing quote or the clause end.
  assert.ok(!got.some((t) => /、[\p{Script=Han}]{1,4}$/u.test(t)), `stops after a dangling word: ${got.join(' | ')}`);
  assert.ok(got.includes('我们要坚定“四个自信”、做到知行合一'), got.join(' | '));
});

test('material of one report or with figures never appears by itself', () => {
  assert.equal(mayAppearBySelf('“四个自信”', 5, false), true);
  assert.equal(mayAppearBySelf('合冶公路沿线裸露区域生态修复', 1, false), false, 'one report only');
  assert.equal(mayAppearBySelf('共开展12次', 4, false), false, 'figures');
  assert.equal(mayAppearBySelf('的', 9, false), false, 'one character saves nothing');
  assert.equal(mayAppearBySelf('扎实推进', 1, true), true, 'the draft itself uses it');
});

test('ghost text: the likeliest item that may appear by itself, only at or above the confidence', () => {
  const item = (insertText: string, chance: number, general: boolean) => ({ insertText, label: insertText, reports: 2, reportsAtLeast: false, count: 2, chance, general });
  const c: PhraseCompletion = { replaceStart: 0, items: [item('的', 0.9, false), item('“四个自信”', 0.7, true), item('不移', 0.2, true)] };
  assert.equal(ghostOf(c, 0.5)?.insertText, '“四个自信”');
  assert.equal(ghostOf(c, 0.75), undefined);
  assert.equal(ghostOf({ replaceStart: 0, items: [] }, 0), undefined);
});

test('the model is the fitted data, and chances rank candidates: more evidence, higher chance', () => {
  assert.deepEqual([...MODEL.features], [...FEATURE_NAMES]);
  assert.ok(MODEL.confidence > 0 && MODEL.confidence < 1);
  const index = buildPhraseIndex(
    corpus([
      [FILLER, '全面从严治党向纵深发展。', '落实全面从严治党主体责任。'],
      [FILLER, '推进全面从严治党。'],
      [FILLER, '全面从严治党取得成效。', '全面从严要求自己。'],
    ]),
  );
  const q = phraseQuery(index, '坚持全面从严', OPTS)!;
  withBestCounts(q.candidates, q.facts);
  const byText = new Map(q.candidates.map((c) => [c.text, chanceOf(features(c, q.facts))]));
  assert.ok(byText.has('治党') && byText.has('要求'), [...byText.keys()].join(' | '));
  assert.ok(byText.get('治党')! > byText.get('要求')!, `治党 (4 of 5) ${byText.get('治党')} vs 要求 (1 of 5) ${byText.get('要求')}`);
  for (const p of byText.values()) assert.ok(p > 0 && p < 1);
  const r = completePhrases(index, '坚持全面从严', OPTS);
  assert.ok(r.items.length >= 2);
  for (const it of r.items) assert.ok(it.chance > 0 && it.chance < 1);
  // Sorted by expected words saved (the continuation's words times its chance).
  const typed = '坚持全面从严'.slice(r.replaceStart);
  const g = r.items.map((it) => expectedWords(it.insertText.slice(typed.length), it.chance));
  for (let i = 1; i < g.length; i++) assert.ok(g[i - 1] >= g[i] - 1e-12, `item ${i} out of order: ${g.join(', ')}`);
});
