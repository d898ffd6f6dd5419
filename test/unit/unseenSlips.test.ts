/**
 * Review (typo-suspect) on reports written for the acceptance check by someone who saw neither
 * the review code nor its bench (test/fixtures/unseen/slips/, keyed). The keys are checked
 * against the texts; then the figures the README states are held as floors, so a change that
 * loses slips or adds false alarms on unseen writing fails here, not only in the bench.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewDraft } from '../../server/src/engine/check/review';
import { lintText } from '../../server/src/engine/lint/lint';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import { loadLexicon } from '../../server/src/io/lexicon';
import { names, unseenSlipFixtures } from '../helpers/unseenSlips';

const { clean, slipped } = unseenSlipFixtures();

test('the unseen fixtures: every key names the one character its slipped copy changes', () => {
  assert.ok(clean.length >= 12 && slipped.length >= 24, `${clean.length} clean, ${slipped.length} slipped`);
  for (const d of slipped) {
    const twin = clean.find((c) => c.name === d.name);
    assert.ok(twin, `${d.name}: clean twin`);
    assert.equal(d.text.length, twin.text.length, d.name);
    const diffs: number[] = [];
    for (let i = 0; i < d.text.length; i++) if (d.text[i] !== twin.text[i]) diffs.push(i);
    assert.equal(diffs.length, d.key.length, `${d.name}-${d.kind}: one changed character per key`);
    const cleanLines = twin.text.split('\n');
    for (const k of d.key) {
      assert.ok(d.lines.lineText(k.line - 1).includes(k.wrong), `${d.name}: ${k.wrong} on line ${k.line}`);
      assert.ok(cleanLines[k.line - 1].includes(k.right), `${d.name}: ${k.right} on line ${k.line}`);
      assert.ok(k.wrong.includes(k.char) && k.right.includes(k.fix), `${d.name}: ${JSON.stringify(k)}`);
    }
  }
});

test('review on the unseen reports: slips found and false alarms at most as the README states', async () => {
  const { lexicon, error } = loadLexicon();
  assert.ok(lexicon, `the built lexicon (npm run build): ${error}`);
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  const phrases = buildPhraseIndex(reports);
  const typos = (text: string) => reviewDraft(text, { phrases, lexicon }).findings.filter((f) => f.rule === 'typo-suspect');
  const found = { sound: 0, shape: 0 };
  const total = { sound: 0, shape: 0 };
  for (const d of slipped) {
    const fs = typos(d.text);
    for (const k of d.key) {
      total[d.kind]++;
      if (fs.some((f) => names(d, f, k))) found[d.kind]++;
    }
  }
  const alarms = clean.flatMap((c) => typos(c.text).map((f) => `${c.name}: ${c.text.slice(f.start, f.end)}`));
  // README (review, unseen reports): 135 of 240 same-pinyin slips, 14 of 56 shape slips, 6 false alarms in 31,881 Han characters.
  assert.ok(found.sound >= 133, `same pinyin: ${found.sound} of ${total.sound}`);
  assert.ok(found.shape >= 13, `shape: ${found.shape} of ${total.shape}`);
  assert.ok(alarms.length <= 6, `false alarms: ${alarms.join(' · ')}`);
});

test('unit-name-stray on the clean unseen reports: at most the one hint the README states', () => {
  const { lexicon } = loadLexicon();
  assert.ok(lexicon, 'the built lexicon (npm run build)');
  const hints = clean.flatMap((c) => lintText(c.text, { only: ['unit-name-stray'], lexicon }).map((f) => `${c.name}: ${c.text.slice(f.start, f.end)}`));
  // README (公文规范, unit-name-stray): 创成镇级 is the one left; without the lexicon's reading there were 20.
  assert.ok(hints.length <= 1, hints.join(' · '));
  assert.ok(clean.flatMap((c) => lintText(c.text, { only: ['unit-name-stray'] })).length > 10, 'without the lexicon the rule still takes verbs for names (else this proves nothing)');
});
