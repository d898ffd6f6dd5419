/**
 * The word check runs in slices inside lint's sliced run (typo-suspect's steps): it yields every
 * WORD_SLICE_CHARS Han characters, so the server answers requests between slices of a long draft,
 * and its findings are those of the one-go run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftOf } from '../../server/src/engine/lint/draft';
import { lintSteps } from '../../server/src/engine/lint/lint';
import { findWordSlips, WORD_SLICE_CHARS, wordSlipsSteps } from '../../server/src/engine/review/wordSlips';
import { loadLexicon } from '../../server/src/io/lexicon';

const PARAGRAPH = '我们坚持把理论学习作为首要任务，推动各项工作落到实处，不断提高履职能力。';
/** A long draft with one slip (a word used twice counts as deliberate). */
const LONG = `${PARAGRAPH.repeat(30)}认真做好各项工做。${PARAGRAPH.repeat(30)}`;

test('the word check yields between slices and finds what the one-go run finds', () => {
  const { lexicon, error } = loadLexicon();
  assert.ok(lexicon, `the built lexicon (npm run build): ${error}`);
  const text = LONG;
  const steps = wordSlipsSteps(text, { lexicon });
  let yields = 0;
  let r = steps.next();
  for (; !r.done; r = steps.next()) yields++;
  // The check steps over the Han characters (punctuation ends a run).
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c)).length;
  assert.ok(yields >= Math.floor(han / WORD_SLICE_CHARS) - 1, `${yields} yields over ${han} Han characters`);
  assert.deepEqual(r.value, findWordSlips(text, { lexicon }));
  assert.ok(r.value.some((w) => w.phrase === '工做' && w.variant === '工作'), 'the slip is found');
});

test('typo-suspect in lint\'s sliced run yields inside the word check', () => {
  const { lexicon } = loadLexicon();
  const draft = `2024年度述职报告\n一、主要工作\n${LONG}\n`;
  const count = (only: string[]) => {
    const run = lintSteps(draftOf(draft), { lexicon: lexicon!, only });
    let n = 0;
    let r = run.next();
    for (; !r.done; r = run.next()) n++;
    return { n, findings: r.value.findings };
  };
  const typo = count(['typo-suspect']);
  assert.ok(typo.findings.some((f) => f.rule === 'typo-suspect'), 'typo-suspect reports the slip');
  // One yield per rule besides: the rule's own slices come on top.
  assert.ok(typo.n >= 3, `typo-suspect yields ${typo.n} times`);
});
