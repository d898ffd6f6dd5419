import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusReport } from '../../server/src/engine/types';
import { CorpusStore } from '../../server/src/engine/corpus/store';
import { buildPhraseIndex, countOccurrences, phraseIndexSteps } from '../../server/src/engine/search/phraseIndex';
import { peekIndex, SlicedIndex } from '../../server/src/engine/search/slicedIndex';
import { BuildCancelled } from '../../server/src/engine/slices';
import { findPhraseAt } from '../../server/src/engine/search/hoverPhrase';
import { buildSuffixArray, keyOfOffset, newBitSet, setBit, type KeyedText } from '../../server/src/engine/search/suffixArray';
import { segmentWords } from '../../server/src/engine/text/segment';
import { textNoiseSpans } from '../../server/src/engine/corpus/clean';
import { prng } from '../helpers/prng';
import { compareKeys, keysOf } from '../helpers/suffixKeys';


// A small alphabet makes repeats (and long shared prefixes) frequent; punctuation and line
// breaks are terminators, 𠀀 (a surrogate pair) and Latin letters are phrase characters.
const ALPHABET = ['党', '建', '工', '作', '会', '课', '三', '一', 'x', '2', '，', '。', '\n', '𠀀'];

function randomText(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return s;
}

function reportOf(text: string, id: number): CorpusReport {
  return { id, title: `报告${id}`, source: `/mem/${id}.txt`, text, typeId: 'general', tree: { text, sections: [], anomalies: [] } };
}

/**
 * Occurrences of `needle` in `hay` that touch no text noise (`x` next to Han characters is a
 * glued letter or a placeholder here; the index never matches across noise).
 */
function naiveCount(hay: string, needle: string): number {
  const noisy = new Set<number>();
  let at = 0;
  for (const line of hay.split('\n')) {
    for (const [a, b] of textNoiseSpans(line)) for (let i = a; i < b; i++) noisy.add(at + i);
    at += line.length + 1;
  }
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    let clean = true;
    for (let j = i; j < i + needle.length && clean; j++) clean = !noisy.has(j);
    if (clean) n++;
  }
  return n;
}

/** True when `phrase` occurs in `hay` clear of noise. */
const occursIn = (hay: string, phrase: string): boolean => naiveCount(hay, phrase) > 0;

const key = keysOf;

/** Phrase characters of a draft as hover sees them: not punctuation, not a line break. */
const codeAt = (text: string, i: number): number => (i < text.length && !'，。\n'.includes(text[i]) ? text.charCodeAt(i) : 0);

test('the suffix array holds every position and line anchor once, in order of the keys up to the first terminator', () => {
  const next = prng(7);
  for (let round = 0; round < 20; round++) {
    const text = randomText(next, 50 + Math.floor(next() * 400));
    // Some offsets are noise (terminators), as template placeholders are in a corpus.
    const noise = newBitSet(text.length);
    for (let i = 0; i < text.length; i++) if (next() < 0.05) setBit(noise, i);
    const t: KeyedText = { text, noise };
    const anchors = Int32Array.from([...Array(text.length).keys()].filter((i) => (i === 0 || text[i - 1] === '\n') && keyOfOffset(t, i) !== 0));
    const sa = buildSuffixArray(t, anchors);
    const positions = [...Array(text.length).keys()].filter((i) => keyOfOffset(t, i) !== 0);
    const expected = [...[...anchors].map((b) => ~b), ...positions].sort((a, b) => a - b);
    assert.deepEqual([...sa].sort((a, b) => a - b), expected, 'each position and anchor exactly once');
    for (let x = 1; x < sa.length; x++) {
      assert.ok(compareKeys(key(t, sa[x - 1]), key(t, sa[x])) <= 0, `order at ${x} in round ${round}`);
    }
  }
});

test('occurrence counts equal a naive scan for random phrases', () => {
  const next = prng(11);
  const texts = [0, 1, 2].map(() => randomText(next, 600));
  const index = buildPhraseIndex(texts.map(reportOf));
  const phraseChars = ALPHABET.filter((c) => !'，。\n'.includes(c));
  for (let k = 0; k < 300; k++) {
    const len = 1 + Math.floor(next() * 5);
    let phrase = '';
    for (let i = 0; i < len; i++) phrase += phraseChars[Math.floor(next() * phraseChars.length)];
    const expected = texts.reduce((n, t) => n + naiveCount(t, phrase), 0);
    assert.equal(countOccurrences(index, phrase), expected, phrase);
  }
});

test('findPhraseAt returns the longest word-aligned phrase in the corpus covering the position', () => {
  const next = prng(23);
  const corpus = [0, 1].map(() => randomText(next, 800));
  const index = buildPhraseIndex(corpus.map(reportOf));
  const joined = corpus.join('\n');
  for (let k = 0; k < 150; k++) {
    const draft = randomText(next, 40);
    const offset = Math.floor(next() * draft.length);
    const found = findPhraseAt(index, draft, offset);
    // Brute force over the same boundaries: words of the run of phrase characters.
    let runStart = offset;
    let runEnd = offset;
    if (codeAt(draft, offset) !== 0) {
      while (runStart > 0 && codeAt(draft, runStart - 1) !== 0) runStart--;
      while (runEnd < draft.length && codeAt(draft, runEnd) !== 0) runEnd++;
    }
    const cuts = new Set<number>([runStart, runEnd]);
    for (const w of segmentWords(draft.slice(runStart, runEnd))) cuts.add(runStart + w.start);
    let bestLen = 0;
    for (const s of cuts) {
      for (const e of cuts) {
        const phrase = draft.slice(s, e);
        const hasHan = /\p{Script=Han}|[\ud800-\udfff]/u.test(phrase);
        if (s <= offset && e > offset && e - s >= 2 && e - s <= 12 && hasHan && occursIn(joined, phrase)) bestLen = Math.max(bestLen, e - s);
      }
    }
    if (bestLen === 0) {
      assert.equal(found, undefined, `nothing expected at ${offset} of ${JSON.stringify(draft)}`);
      continue;
    }
    assert.ok(found, `a phrase expected at ${offset} of ${JSON.stringify(draft)}`);
    const phrase = draft.slice(found.start, found.end);
    assert.equal(phrase.length, bestLen, `longest phrase at ${offset} of ${JSON.stringify(draft)}`);
    assert.ok(found.start <= offset && offset < found.end);
    assert.equal(found.stats.occurrences, naiveCount(joined, phrase));
  }
});

test('an empty corpus and a corpus without phrase characters answer nothing', () => {
  assert.equal(findPhraseAt(buildPhraseIndex([]), '三会一课', 1), undefined);
  assert.equal(findPhraseAt(buildPhraseIndex([reportOf('，。\n！', 0)]), '三会一课', 1), undefined);
});

test('a sliced build gives the same index, is memoised in the store, and is abandoned when the corpus changes', async () => {
  const next = prng(5);
  const reports = [0, 1, 2].map((i) => reportOf(randomText(next, 200_000), i));
  const store = new CorpusStore();
  store.set(reports);
  const sliced = new SlicedIndex(store, 'hover', phraseIndexSteps);
  assert.equal(peekIndex(store, 'hover'), undefined, 'not built before asked');
  const [a, b] = await Promise.all([sliced.get(), sliced.get()]);
  assert.equal(a, b, 'concurrent callers share one build');
  assert.equal(peekIndex(store, 'hover'), a, 'memoised in the store');
  const sync = buildPhraseIndex(reports);
  assert.deepEqual(a.sa, sync.sa);
  assert.deepEqual(a.sentStart, sync.sentStart);

  store.set(reports.slice(0, 2));
  const pending = sliced.get();
  store.set(reports.slice(0, 1)); // changes before the build can finish its first slice
  await assert.rejects(pending, BuildCancelled);
  const fresh = await sliced.get();
  assert.equal(fresh.reports.length, 1);
});

test('a report of one very long line (no line breaks) is indexed in windows and still found', () => {
  const next = prng(31);
  const line = Array.from({ length: 300_000 }, () => ['党', '建', '工', '作', '会', '课', '三', '一'][Math.floor(next() * 8)]).join('') + '三会一课';
  const index = buildPhraseIndex([reportOf(line, 0)]);
  assert.equal(countOccurrences(index, '三会一课'), naiveCount(line, '三会一课'));
  // Word boundaries are marked along the whole line, not only in its first window.
  let breaks = 0;
  for (let i = 250_000; i < 260_000; i++) if (index.wordBreaks[i >> 3] & (1 << (i & 7))) breaks++;
  assert.ok(breaks > 1000, `word boundaries late in the line: ${breaks}`);
  const found = findPhraseAt(index, '坚持三会一课', 3);
  assert.equal(found && '坚持三会一课'.slice(found.start, found.end), '三会一课');
});
