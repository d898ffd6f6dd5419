import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusReport } from '../../server/src/engine/types';
import { assemblePhraseIndex, buildPhraseIndex, corpusTextOf } from '../../server/src/engine/search/phraseIndex';
import { bodyStart, LINE_WINDOW, mergeTables, partTablesSteps, phraseTablesSteps, splitText, wholeText } from '../../server/src/engine/search/phraseTables';
import { buildSuffixArray, hasBit, keyOfOffset, MAX_DEPTH, newBitSet, setBit, suffixSortSteps, type KeyedText } from '../../server/src/engine/search/suffixArray';
import { corpusTree } from '../../server/src/engine/report/tree';
import { runToEnd } from '../../server/src/engine/slices';
import { prng } from '../helpers/prng';
import { compareKeys, keysOf } from '../helpers/suffixKeys';


/** The suffix array by its definition: every entry sorted by its keys, entries with equal keys in ascending entry order. */
function naiveSuffixArray(t: KeyedText, anchors: Int32Array): Int32Array {
  const entries = [...[...anchors].map((b) => ~b)];
  for (let p = 0; p < t.text.length; p++) if (keyOfOffset(t, p) !== 0) entries.push(p);
  const keyed = entries.map((e) => ({ e, k: keysOf(t, e) }));
  keyed.sort((a, b) => compareKeys(a.k, b.k) || a.e - b.e);
  return Int32Array.from(keyed, (x) => x.e);
}

/**
 * Text with long repeats (so many suffixes tie on all MAX_DEPTH keys and the sort goes to
 * its full depth), characters above U+8000 and below, and line breaks: phrases copied from
 * a pool, with a character changed now and then.
 */
function repetitiveText(next: () => number, n: number): string {
  const alphabet = ['党', '建', '工', '作', 'a', 'Z', '2', '，', '。', '\n', '＂', '𠀀', '\u3000', '会'];
  const pool = Array.from({ length: 6 }, () => Array.from({ length: 10 + Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
  let s = '';
  while (s.length < n) {
    let piece = pool[Math.floor(next() * pool.length)];
    if (next() < 0.3) {
      const i = Math.floor(next() * piece.length);
      piece = piece.slice(0, i) + alphabet[Math.floor(next() * alphabet.length)] + piece.slice(i + 1);
    }
    s += piece;
  }
  return s.slice(0, n);
}

test('the suffix array is the naive sort entry for entry: keys up to a terminator or MAX_DEPTH, ties in entry order', () => {
  const next = prng(5);
  let deepTies = 0;
  for (let round = 0; round < 12; round++) {
    const text = repetitiveText(next, 300 + Math.floor(next() * 2500));
    const noise = newBitSet(text.length);
    // Noise anywhere, or (as in a corpus) only on some characters, so that the sort meets characters
    // that are never noise beside ones that are noise at some offsets and not at others.
    const noisy = round % 2 ? (c: string) => c === 'a' || c === 'Z' : () => true;
    for (let i = 0; i < text.length; i++) if (noisy(text[i]) && next() < (round % 2 ? 0.3 : 0.02)) setBit(noise, i);
    const t: KeyedText = { text, noise };
    const anchors = Int32Array.from([...Array(text.length).keys()].filter((i) => (i === 0 || text[i - 1] === '\n') && keyOfOffset(t, i) !== 0));
    const expected = naiveSuffixArray(t, anchors);
    assert.deepEqual(buildSuffixArray(t, anchors), expected, `round ${round}`);
    // The same through the sort's steps on their own (what a worker runs).
    assert.deepEqual(runToEnd(suffixSortSteps(t, anchors)), expected, `round ${round}, the sort in steps`);
    for (let x = 1; x < expected.length; x++) if (keysOf(t, expected[x]).length === MAX_DEPTH && keysOf(t, expected[x]).join() === keysOf(t, expected[x - 1]).join()) deepTies++;
  }
  // The texts did exercise suffixes equal as far as the index looks.
  assert.ok(deepTies > 100, `only ${deepTies} ties at full depth`);
});

test('the sort looks exactly MAX_DEPTH keys deep: lines differing only at key 23, 24 or 25 of an anchor', () => {
  const next = prng(17);
  const base = Array.from({ length: 30 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
  // Lines equal up to character k and different from there on, for k around MAX_DEPTH, in random order.
  const lines: string[] = [];
  // Groups larger than what insertion sort finishes, so the quicksort itself goes that deep.
  for (let k = MAX_DEPTH - 4; k <= MAX_DEPTH + 1; k++) {
    for (const c of '丁丂七丄丅丆万丈三上') for (let copy = 0; copy < 2; copy++) lines.push(base.slice(0, k) + c + base.slice(k + 1));
  }
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const text = lines.join('\n');
  const t: KeyedText = { text, noise: newBitSet(text.length) };
  const anchors = Int32Array.from([...Array(text.length).keys()].filter((i) => i === 0 || text[i - 1] === '\n'));
  assert.deepEqual(buildSuffixArray(t, anchors), naiveSuffixArray(t, anchors));
});

/** Reports with headings (kinds and section labels), noise (XX placeholders) and reports with no heading at all. */
function reportsOf(next: () => number, count: number): CorpusReport[] {
  const headings = ['一、履职情况', '（一）加强理论学习', '二、存在的问题', '三、下一步打算', '# 述职报告', '1.抓好落实'];
  const sentences = ['认真学习党的理论。', '推动工作落实XX项。', '全面从严治党。', '深入调查研究，', '存在不足。', '  缩进的一行。'];
  const reports: CorpusReport[] = [];
  for (let r = 0; r < count; r++) {
    const lines = [`某局${2015 + r}年度述职报告`];
    const plain = next() < 0.3;
    for (let i = 0, n = 3 + Math.floor(next() * 25); i < n; i++) {
      if (!plain && next() < 0.25) lines.push(headings[Math.floor(next() * headings.length)]);
      else lines.push(Array.from({ length: 1 + Math.floor(next() * 4) }, () => sentences[Math.floor(next() * sentences.length)]).join(''));
    }
    const text = lines.join('\n');
    reports.push({ id: r, title: lines[0], source: `/mem/${r}.txt`, text, typeId: 'general', tree: corpusTree(text) });
  }
  return reports;
}

test('tables read in parts and merged are those of one pass over the whole text, for any cut', () => {
  const next = prng(9);
  for (let round = 0; round < 6; round++) {
    const reports = reportsOf(next, 5 + Math.floor(next() * 30));
    const { text, reportStart, lengths } = corpusTextOf(reports);
    const whole = runToEnd(phraseTablesSteps(wholeText(text, reportStart, lengths), (r) => reports[r].tree));
    assert.ok(whole.labels.length > 1 && whole.kindStart.length > 1, 'the reports have sections');
    for (const count of [2, 3, 7, 40]) {
      const parts = splitText(text, reportStart, lengths, count);
      assert.ok(parts.length > 1, `${count} parts asked, ${parts.length} made`);
      // Every report in exactly one part, in order.
      assert.deepEqual(
        parts.flatMap((p) => [...p.starts].map((s, i) => [p.firstReport + i, s + p.base])),
        [...reportStart].map((s, r) => [r, s]),
      );
      const merged = mergeTables(
        parts.map((p) => ({ base: p.base, tables: runToEnd(partTablesSteps(p)) })),
        text.length,
      );
      assert.deepEqual(merged, whole, `round ${round}, ${count} parts`);
    }
  }
});

test('the phrase index assembled from parts equals the one built in one go', () => {
  const reports = reportsOf(prng(13), 25);
  const { text, reportStart, lengths } = corpusTextOf(reports);
  const parts = splitText(text, reportStart, lengths, 4);
  const tables = mergeTables(parts.map((p) => ({ base: p.base, tables: runToEnd(partTablesSteps(p)) })), text.length);
  const sa = runToEnd(suffixSortSteps({ text, noise: tables.noise }, tables.anchors));
  const fromParts = assemblePhraseIndex(reports, text, reportStart, tables, sa, 0);
  const oneGo = buildPhraseIndex(reports);
  for (const k of Object.keys(oneGo) as Array<keyof typeof oneGo>) {
    if (k === 'buildMs' || k === 'cache') continue;
    assert.deepEqual(fromParts[k], oneGo[k], k);
  }
  assert.ok(oneGo.sa.length > text.length / 2);
});

/**
 * Word boundaries by their definition: in each line's text (after indentation and Markdown
 * markers), in windows of LINE_WINDOW characters, the segmenter runs on every stretch
 * between terminators (noise, control characters, U+E000); a word ends at every segment's
 * start, at every terminator and at the end of each window.
 */
function naiveWordBreaks(text: string, noise: Uint8Array, lineWindow: number): Uint8Array {
  const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });
  const breaks = newBitSet(text.length);
  for (let a = 0; a < text.length; ) {
    let e = text.indexOf('\n', a);
    if (e < 0) e = text.length;
    for (let w = bodyStart(text, a); w < e; w += lineWindow) {
      const we = Math.min(e, w + lineWindow);
      let start = w;
      for (let i = w; i <= we; i++) {
        const c = text.charCodeAt(i);
        if (i < we && c >= 0x20 && c !== 0xe000 && !hasBit(noise, i)) continue;
        for (const s of segmenter.segment(text.slice(start, i))) setBit(breaks, start + s.index);
        setBit(breaks, i);
        start = i + 1;
      }
    }
    a = e + 1;
  }
  return breaks;
}

test('word boundaries are those of the segmenter run on each stretch between terminators, whatever the script', () => {
  const next = prng(23);
  // Han, punctuation, Latin words and numbers, placeholders (noise), Kana, Hangul, Thai, emoji with
  // joiners and modifiers, combining marks, full-width forms, tabs, U+E000, indentation and Markdown markers.
  const pieces = ['党建', '工作', '全面从严治党', '，', '。', '、', '（一）', 'XX', '某某', '政治i理论', 'COVID-19', '3.5%', "don't", '12,000',
    'カタカナ', 'ひらがな', '한국어', 'ภาษาไทย', '👩‍👩‍👧', '👍🏽', 'é', 'a\u0301', '\u0301', 'ＡＢ１２', '\t', '\ue000', '  ', '\u3000', '# ', '> ', '𠀀𠀁', ' '];
  let long = 0;
  for (let round = 0; round < 8; round++) {
    const lines: string[] = [];
    for (let l = 0, n = 20 + Math.floor(next() * 200); l < n; l++) {
      const len = next() < 0.05 ? 0 : next() < 0.05 ? 400 : next() < 0.01 ? 9000 : 1 + Math.floor(next() * 30);
      lines.push(Array.from({ length: len }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
    }
    // A line of Han words alone, longer than a window: segmented across the window's end it would be cut otherwise.
    const han = ['党建', '工作', '全面从严治党', '深入', '调查研究', '推动', '落实', '学习', '理论', '中国'];
    lines.splice(lines.length >> 1, 0, Array.from({ length: 6000 }, () => han[Math.floor(next() * han.length)]).join(''));
    const text = lines.join('\n') + (round % 2 ? '\n' : '');
    const report: CorpusReport = { id: 0, title: '', source: '/mem/0.txt', text, typeId: 'general', tree: corpusTree('') };
    const { text: joined, reportStart, lengths } = corpusTextOf([report]);
    const tables = runToEnd(phraseTablesSteps(wholeText(joined, reportStart, lengths), () => undefined));
    let noisy = 0;
    for (let i = 0; i < joined.length; i++) if (hasBit(tables.noise, i)) noisy++;
    assert.ok(noisy > 0, 'the text has noise');
    assert.deepEqual(tables.wordBreaks, naiveWordBreaks(joined, tables.noise, LINE_WINDOW), `round ${round}`);
    long += lines.filter((l) => l.length > LINE_WINDOW).length;
  }
  assert.ok(long > 0, 'some line is longer than a window');
});
