/**
 * The review rules on the bundled corpus, leave-one-report-out: each report checked against
 * the phrase index of the other reports. Real reports are (nearly) free of slips, so what
 * typo-suspect finds there are false alarms; the bench (bench/review.ts) measures recall too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { proseView } from '../../server/src/engine/lint/prose';
import { isHan } from '../../server/src/engine/review/pinyin';
import { findSlips } from '../../server/src/engine/review/slips';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';

test('typo-suspect: at most 1 false alarm per 10,000 characters of the bundled reports, leave-one-report-out', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  assert.ok(reports.length >= 10);
  let alarms = 0;
  let chars = 0;
  const seen: string[] = [];
  const all = buildPhraseIndex(reports);
  for (let r = 0; r < reports.length; r++) {
    const others = buildPhraseIndex(reports.filter((_, i) => i !== r));
    const text = proseView(reports[r].text).masked;
    for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) chars++;
    const found = findSlips(others, text);
    alarms += found.length;
    seen.push(...found.map((f) => `${f.phrase}→${f.variant}`));
    // With the report itself in the index, nothing of its own text is ever suspect.
    assert.deepEqual(findSlips(all, text), []);
  }
  assert.ok(chars > 30_000);
  assert.ok((alarms / chars) * 10_000 <= 1, `${alarms} false alarms in ${chars} characters: ${seen.join('、')}`);
});
