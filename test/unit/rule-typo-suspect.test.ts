import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import { findSlips } from '../../server/src/engine/review/slips';
import { fuzzySyllable, soundAlike } from '../../server/src/engine/review/pinyin';
import { findRange, shortRange } from '../../server/src/engine/search/suffixArray';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';

/** A corpus of `n` small reports, each holding the given sentences. */
function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`单位${i}述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}

const COMMON = '始终不忘初心、牢记使命，扎实推进全面从严治党。';
const index = buildPhraseIndex(
  corpusOf([
    COMMON + '认真抓好班子建设。',
    COMMON + '持续改进工作作风。',
    COMMON + '加强理论学习。',
    '全年召开专题会议四次，只在这一篇里出现的说法。',
  ]),
);
const run = (text: string) => lintText(text, { only: ['typo-suspect'], phrases: index });

test('typo-suspect: a sound-alike slip in a phrase the corpus uses is flagged with the corpus wording and fixed', () => {
  const text = '# 述职报告\n\n我们始终不忘出心，努力工作。';
  const fs = run(text);
  assert.equal(fs.length, 1);
  const f = fs[0];
  assert.equal(f.severity, 'warning');
  assert.ok(text.slice(f.start, f.end).includes('出'));
  assert.match(f.message, /^疑似错别字：“[^”]*出[^”]*”，语料中常用“[^”]*初[^”]*”（3 篇报告）$/);
  const fixed = applyEdits(text, f.fixes![0].edits);
  assert.equal(fixed, '# 述职报告\n\n我们始终不忘初心，努力工作。');
  assert.deepEqual(run(fixed), []);
});

test('typo-suspect: near pinyin (z/zh, an/ang …) counts, an unrelated character does not', () => {
  // 严 yan / 言 yan: same syllable; 从 cong / 重 chong: c/ch merged.
  assert.equal(run('扎实推进全面从言治党。').length, 1);
  assert.equal(run('扎实推进全面重严治党。').length, 1);
  assert.deepEqual(run('扎实推进全面大严治党。'), [], '大 da sounds like none of 从/严');
  assert.ok(soundAlike('从'.charCodeAt(0), '重'.charCodeAt(0)));
  assert.ok(!soundAlike('大'.charCodeAt(0), '从'.charCodeAt(0)));
  assert.equal(fuzzySyllable('zhuang'), 'zuan');
});

test('typo-suspect: wording the corpus uses, or a variant from one report only, is not suspect', () => {
  assert.deepEqual(run(COMMON), []);
  // 专题会议 occurs in one report only: 砖题会议 is not flagged.
  assert.deepEqual(run('全年召开砖题会议四次。'), []);
  // Non-prose (code) is not read.
  assert.deepEqual(run('`不忘出心`'), []);
});

test('typo-suspect: silent without a corpus index; thresholds are options', () => {
  assert.deepEqual(lintText('始终不忘出心', { only: ['typo-suspect'] }), []);
  assert.equal(findSlips(index, '始终不忘出心').length, 1);
  assert.equal(findSlips(index, '始终不忘出心', { minReports: 4 }).length, 0);
  assert.equal(findSlips(index, '始终不忘出心', { minOccurrences: 4 }).length, 0);
});

test('typo-suspect: inline disables and levels apply', () => {
  assert.deepEqual(run('<!-- shuzhi-disable-next-line typo-suspect -->\n始终不忘出心'), []);
  const settings = normalizeSettings({ lint: { rules: { 'typo-suspect': 'off' } } });
  assert.deepEqual(lintText('始终不忘出心', { only: ['typo-suspect'], phrases: index, settings }), []);
  const error = normalizeSettings({ lint: { rules: { 'typo-suspect': 'error' } } });
  assert.equal(lintText('始终不忘出心', { only: ['typo-suspect'], phrases: index, settings: error })[0].severity, 'error');
});

test('shortRange (the memoised one- and two-character ranges the review rules start from) equals findRange', () => {
  const chars = [...new Set(index.text)].filter((c) => c.charCodeAt(0) >= 0x20);
  for (const a of chars) {
    assert.deepEqual(shortRange(index, index.sa, a.charCodeAt(0)), findRange(index, index.sa, a), a);
    for (const b of chars.slice(0, 12)) {
      const [lo, hi] = findRange(index, index.sa, a + b);
      const got = shortRange(index, index.sa, a.charCodeAt(0), b.charCodeAt(0));
      assert.equal(got[1] - got[0], hi - lo, a + b);
      if (hi > lo) assert.deepEqual(got, [lo, hi], a + b);
    }
  }
});
