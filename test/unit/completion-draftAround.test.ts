/**
 * A completion request passes the whole document and the cursor's line (DraftAround) instead of
 * a new string of the document without that line: the items must be the same as with that
 * string, wherever the cursor is (first, middle and last lines, empty lines, CRLF, Markdown
 * markers, a lone \r ending a line), and the draft's own phrases must count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { buildPhraseIndex } from '../../server/src/engine/completion/corpusView';
import { completePhrases, type CompletePhrasesOptions } from '../../server/src/engine/completion/complete';
import { prng } from '../helpers/prng';
import { warmUp } from '../../server/src/features/completion';

const MB = 1024 * 1024;

test('completion with the document and its cursor line gives the items of the joined draft', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 20 * MB });
  const index = buildPhraseIndex(reports);
  const next = prng(20);
  // Draft lines from a small pool of the corpus's own lines, so the draft repeats its phrases.
  const pool: string[] = [];
  for (const r of reports.slice(0, 6)) for (const l of r.text.split('\n')) if (l.length >= 20 && pool.length < 40) pool.push(l);
  const pick = () => pool[Math.floor(next() * pool.length)];
  let compared = 0;
  let draftOnly = 0;
  let differsWithoutDraft = 0;
  for (let doc = 0; doc < 8; doc++) {
    const lines: string[] = ['# 某局2023年度述职报告', ''];
    for (let i = 0; i < 30; i++) lines.push(next() < 0.1 ? '' : next() < 0.2 ? `## ${pick().slice(0, 8)}` : pick());
    const eol = doc % 3 === 1 ? '\r\n' : '\n';
    let text = lines.join(eol) + (doc % 2 ? eol : '');
    // A lone \r ending one line: the request falls back to the joined string.
    if (doc === 5) text = text.replace('\n', '\r');
    for (let probe = 0; probe < 25; probe++) {
      // A cursor inside a line (LSP semantics: \r\n, \n and a lone \r end lines).
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') continue;
        if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
      }
      const which = probe === 0 ? 0 : probe === 1 ? starts.length - 1 : Math.floor(next() * starts.length);
      const lineStart = starts[which];
      let lineTextEnd = lineStart;
      while (lineTextEnd < text.length && text[lineTextEnd] !== '\n' && text[lineTextEnd] !== '\r') lineTextEnd++;
      if (lineTextEnd === lineStart) continue;
      const offset = lineStart + 1 + Math.floor(next() * (lineTextEnd - lineStart - 1));
      const lineBefore = text.slice(lineStart, offset);
      // As the server finds the end of the line: the next \n.
      let lineEnd = text.indexOf('\n', offset);
      if (lineEnd < 0) lineEnd = text.length;
      const opts: CompletePhrasesOptions = { maxItems: 20, minPrefix: 1, examples: true };
      const joined = completePhrases(index, lineBefore, { ...opts, draft: text.slice(0, lineStart) + text.slice(lineEnd) });
      const around = completePhrases(index, lineBefore, { ...opts, draft: { text, lineStart, lineEnd } });
      assert.deepEqual(around, joined, `document ${doc}, line ${which}, cursor ${offset - lineStart}: ${lineBefore}`);
      const none = completePhrases(index, lineBefore, opts);
      if (JSON.stringify(none) !== JSON.stringify(joined)) differsWithoutDraft++;
      draftOnly += around.items.filter((i) => i.reports === 0).length;
      compared++;
    }
  }
  assert.ok(compared >= 150, `compared ${compared} positions`);
  // The draft is evidence at many of them (else the comparison would prove nothing).
  assert.ok(differsWithoutDraft >= 20, `the draft changed the items at ${differsWithoutDraft} positions`);
  assert.ok(draftOnly > 0, 'some items come from the draft alone');
});

test('the completion warm-up runs one completion per turn of the event loop and stops when the corpus changes', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 20 * MB });
  const index = buildPhraseIndex(reports);
  let asked = 0;
  let turned = false;
  const warming = warmUp(index, () => ++asked > 3);
  setImmediate(() => (turned = true));
  // Stale from its fourth question on: three completions ran, and a request queued meanwhile got its turn.
  assert.equal(await warming, 3);
  assert.ok(turned, 'the warm-up let the event loop turn');
  assert.equal(await warmUp(index), 48);
});
