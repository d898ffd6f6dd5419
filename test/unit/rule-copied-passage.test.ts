import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { lintText } from '../../server/src/engine/lint/lint';
import { findCopies } from '../../server/src/engine/review/copied';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';

const OWN = '全年走访困难群众一百二十户，协调解决饮水安全、道路硬化等实际问题十五件，群众满意度明显提升。';
const FORMULA = '以上是我的述职报告，述职完毕，不当之处敬请各位领导和同志们批评指正。';

function corpusOf(bodies: string[]): CorpusReport[] {
  const out: CorpusReport[] = [];
  bodies.forEach((b, i) => out.push(...reportsFromText(`第${i}单位述职报告\n一、履职情况\n${b}\n`, `/mem/${i}.txt`, out.length)));
  return out;
}

const reports = corpusOf([`${OWN}\n${FORMULA}`, `坚持抓好班子建设。\n${FORMULA}`, `认真落实工作责任。\n${FORMULA}`, `推进重点项目建设。\n${FORMULA}`]);
const index = buildPhraseIndex(reports);
const run = (text: string, settings = normalizeSettings()) => lintText(text, { only: ['copied-passage'], phrases: index, settings });

test('copied-passage: a paragraph taken from one report is reported at info level, pointing to its source', () => {
  const text = `# 2024年述职报告\n\n今年以来，${OWN}\n`;
  const fs = run(text);
  assert.equal(fs.length, 1);
  const f = fs[0];
  assert.equal(f.severity, 'info');
  assert.equal(text.slice(f.start, f.end), OWN);
  assert.match(f.message, /《第0单位述职报告》/);
  assert.equal(f.corpusRelated?.length, 1);
  const src = f.corpusRelated![0];
  assert.equal(index.reports[src.report].text.slice(src.start, src.end), OWN);
});

test('copied-passage: a stretch many reports share is formulaic and not reported; short overlaps are not copies', () => {
  assert.deepEqual(run(`# 述职\n\n${FORMULA}`), []);
  assert.deepEqual(run('全年走访困难群众一百二十户。'), []);
  // The threshold is the setting shuzhi.review.copyMinChars.
  assert.deepEqual(run(OWN, normalizeSettings({ review: { copyMinChars: OWN.length + 1 } })), []);
  assert.equal(run(OWN.slice(0, 20), normalizeSettings({ review: { copyMinChars: 12 } })).length, 1);
});

test('copied-passage: a figure changed inside a copied paragraph leaves one span; the summary gives the share and the source', () => {
  const changed = OWN.replace('一百二十', '一百三十');
  const draft = `${changed}\n另外写了一句全新的话，语料里没有这样的说法。`;
  const res = findCopies(index, draft);
  assert.equal(res.spans.length, 1);
  assert.equal(res.spans[0].start, 0);
  assert.equal(res.spans[0].end, changed.length);
  assert.equal(res.sources.length, 1);
  assert.equal(res.sources[0].report, 0);
  assert.equal(res.copied, changed.length);
  assert.ok(Math.abs(res.share - changed.length / res.chars) < 1e-9);
  assert.ok(res.share > 0.6 && res.share < 0.8);
  // Changed near the end: the piece after the change continues the span.
  const late = OWN.replace('十五件', '十六件');
  const spans = findCopies(index, late).spans;
  assert.deepEqual(spans.map((s) => [s.start, s.end]), [[0, late.length]]);
  assert.equal(index.reports[0].text.slice(spans[0].sources[0].start, spans[0].sources[0].end), OWN);
});

test('copied-passage: silent without the corpus index; disables apply', () => {
  assert.deepEqual(lintText(OWN, { only: ['copied-passage'] }), []);
  assert.deepEqual(run(`<!-- shuzhi-disable-next-line copied-passage -->\n${OWN}`), []);
});
