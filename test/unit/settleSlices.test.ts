/**
 * While a corpus settles (a draft's first check at 50 MB), no piece of background work may hold a
 * request for long: the corpus rules yield every few characters, a sliced run waits while a
 * request is being answered (guard.ts), and the stepped runs find what the one-go runs find.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { copiesSteps, findCopies } from '../../server/src/engine/review/copied';
import { corpusSoundAlikes, soundTableSteps } from '../../server/src/engine/review/corpusChars';
import { isHan, soundGroups, soundKeys } from '../../server/src/engine/review/pinyin';
import { findSlips, slipsSteps } from '../../server/src/engine/review/slips';
import { findWordSlips, WORD_STEP_MS, wordSlipsSteps } from '../../server/src/engine/review/wordSlips';
import { protectedMask, protectedMaskSteps } from '../../server/src/engine/review/protect';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import { runSliced, runToEnd, type Steps } from '../../server/src/engine/slices';
import type { CorpusReport } from '../../server/src/engine/types';
import { AFTER_ANSWER_HOLD_MS, answering, beginAnswer, MAX_HOLD_MS, noteInput } from '../../server/src/guard';
import { loadLexicon } from '../../server/src/io/lexicon';

function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`单位${i}述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}

const COMMON = '始终不忘初心、牢记使命，扎实推进全面从严治党。';
const OWN = '全年走访困难群众一百二十户，协调解决饮水安全、道路硬化等实际问题十五件，群众满意度明显提升。';
const bodies = [COMMON + '认真抓好班子建设。', COMMON + '持续改进工作作风。', COMMON + '加强理论学习。', OWN];
/** A long run of Han characters holding a slip (出心 for 初心) and a copied sentence, with no punctuation to cut it. */
const RUN = `我们始终不忘出心牢记使命${'扎实推进全面从严治党认真抓好班子建设'.repeat(20)}`;
const DRAFT = `${RUN}。${OWN}\n${RUN}`;

/** The steps' result and how many times they yielded. */
function stepped<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (let r = steps.next(); ; r = steps.next(), yields++) if (r.done) return { value: r.value, yields };
}

const hanCount = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).length;

test('the corpus slip search yields every few characters of a long run and finds what the one-go search finds', () => {
  const index = buildPhraseIndex(corpusOf(bodies));
  const { value, yields } = stepped(slipsSteps(index, DRAFT));
  assert.deepEqual(value, findSlips(index, DRAFT));
  assert.ok(value.some((s) => s.replacement === '初'), 'the slip is found');
  // Each step covers at most 8 characters of a run (one character can cost a few hundred µs at 50 MB).
  assert.ok(yields >= hanCount(DRAFT) / 8, `${yields} yields over ${hanCount(DRAFT)} Han characters`);
});

test('the copied-passage search yields every few dozen characters and finds what the one-go search finds', () => {
  // Two indexes of the same corpus: the search remembers its last result per index.
  const stepIndex = buildPhraseIndex(corpusOf(bodies));
  const oneGo = findCopies(buildPhraseIndex(corpusOf(bodies)), DRAFT);
  const { value, yields } = stepped(copiesSteps(stepIndex, DRAFT));
  assert.deepEqual(value, oneGo);
  assert.ok(value.spans.length > 0, 'the copied sentence is found');
  assert.ok(yields >= DRAFT.length / 128, `${yields} yields over ${DRAFT.length} characters`);
});

test('the word check yields every few characters and finds what the one-go check finds', () => {
  const { lexicon, error } = loadLexicon();
  assert.ok(lexicon, `the built lexicon (npm run build): ${error}`);
  const text = `${'我们坚持把理论学习作为首要任务推动各项工作落到实处'.repeat(10)}认真做好各项工做`;
  const { value, yields } = stepped(wordSlipsSteps(text, { lexicon }));
  assert.deepEqual(value, findWordSlips(text, { lexicon }));
  assert.ok(yields >= text.length / 16, `${yields} yields over ${text.length} characters`);
});

test('the word check also yields on the clock: a character whose look-ups are slow does not make a long step', () => {
  const { lexicon } = loadLexicon();
  const text = `${'我们坚持把理论学习作为首要任务推动各项工作落到实处'.repeat(4)}认真做好各项工做`;
  const byCount = stepped(wordSlipsSteps(text, { lexicon: lexicon! }));
  // A clock that moves WORD_STEP_MS each time it is read: every look-up "takes" the whole budget.
  const real = performance.now.bind(performance);
  let t = real();
  performance.now = () => (t += WORD_STEP_MS);
  let byClock: { value: unknown; yields: number };
  try {
    byClock = stepped(wordSlipsSteps(text, { lexicon: lexicon! }));
  } finally {
    performance.now = real;
  }
  assert.deepEqual(byClock.value, byCount.value);
  // Yields between windows and between alternatives, not only every WORD_SLICE_CHARS characters.
  assert.ok(byClock.yields >= 2 * text.length, `${byClock.yields} yields on the clock, ${byCount.yields} by count, ${text.length} characters`);
});

test('the protected mask is built in steps (names and places looked up one suffix at a time), the same as in one go', () => {
  const { lexicon } = loadLexicon();
  const isWord = (w: string) => lexicon!.q(w) !== undefined;
  const text = '张建军同志在清水河镇和城关街道调研，王书记参加《决定》学习，走访二〇二四年全市乡村。';
  const { value, yields } = stepped(protectedMaskSteps(text, ['调研'], isWord));
  assert.deepEqual([...value], [...protectedMask(text, ['调研'], isWord)]);
  assert.ok(value.some((b) => b !== 0), 'something is protected');
  assert.ok(yields >= 5, `${yields} yields`);
});

test('the corpus sound-alike table is built in steps, inside the first slip search, the same as in one go', () => {
  const distinct = new Set([...bodies.join('')].filter((c) => /\p{Script=Han}/u.test(c))).size;
  assert.ok(distinct > 48, `${distinct} characters`);
  const stepIndex = buildPhraseIndex(corpusOf(bodies));
  const oneGo = buildPhraseIndex(corpusOf(bodies));
  const { yields } = stepped(soundTableSteps(stepIndex));
  // One step per 48 characters grouped by sound (their readings are looked up the first time), after the text's scan.
  assert.ok(yields >= 1 + Math.ceil(distinct / 48), `${yields} yields for ${distinct} characters`);
  // The table in one go: the corpus's Han characters grouped by sound (pinyin.ts's soundGroups).
  const han = [...new Set([...oneGo.text].map((c) => c.charCodeAt(0)).filter(isHan))].sort((a, b) => a - b);
  const groups = soundGroups(han);
  for (const c of han) {
    const expected = [...new Set(soundKeys(c).flatMap((k) => groups.get(k) ?? []))].filter((x) => x !== c);
    assert.deepEqual(corpusSoundAlikes(stepIndex, c), expected, String.fromCharCode(c));
  }
  assert.equal(stepped(soundTableSteps(stepIndex)).yields, 0, 'built once');
  // The slip search builds it in its own steps on a fresh index.
  const fresh = buildPhraseIndex(corpusOf(bodies));
  const first = stepped(slipsSteps(fresh, DRAFT)).yields;
  const again = stepped(slipsSteps(fresh, DRAFT)).yields;
  assert.ok(first - again >= Math.ceil(distinct / 48), `${first} yields the first time, ${again} after`);
});

/** Steps that count how often they were advanced. */
function* counting(n: number, seen: { steps: number }): Steps<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    seen.steps++;
    sum += i;
    yield;
  }
  return sum;
}

test('a sliced run does no work while held, then ends with the one-go result', async () => {
  const seen = { steps: 0 };
  let asked = 0;
  let stepsWhileHeld = -1;
  const held = () => {
    asked++;
    // Held for the first five turns: nothing may be stepped meanwhile.
    if (asked <= 5) stepsWhileHeld = seen.steps;
    return asked <= 5;
  };
  const value = await runSliced(counting(50, seen), 0, undefined, held);
  assert.equal(stepsWhileHeld, 0);
  assert.ok(asked > 5, 'asked again after being held');
  assert.equal(value, runToEnd(counting(50, { steps: 0 })));
  assert.equal(seen.steps, 50);
});

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

test('answering: a request holds background work until two turns after its answer and AFTER_ANSWER_HOLD_MS more, at most MAX_HOLD_MS', async () => {
  // Let an earlier test's input window pass.
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(answering(), false);
  const done = beginAnswer();
  assert.equal(answering(), true);
  assert.equal(answering(performance.now() + MAX_HOLD_MS + 1), false, 'a long request does not stop background work');
  const answered = performance.now();
  done();
  done(); // a second call changes nothing
  await turn();
  assert.equal(answering(), true, 'the answer is written from the next turn');
  await turn();
  await turn();
  // Answered: the next request of a burst may come at once, so background work waits a moment more
  // (asked for a moment within the hold, counted from before the answer: a busy machine may be slower).
  assert.equal(answering(answered + AFTER_ANSWER_HOLD_MS - 0.01), true, 'just after the answer');
  assert.equal(answering(performance.now() + AFTER_ANSWER_HOLD_MS + 0.5), false, 'a moment after the answer');
  await new Promise((r) => setTimeout(r, AFTER_ANSWER_HOLD_MS + 2));
  assert.equal(answering(), false);
});

test('answering: a message just read holds background work for a moment only', () => {
  noteInput();
  assert.equal(answering(), true);
  assert.equal(answering(performance.now() + 10), false);
});
