/**
 * The first moments: hover and search sent right after `initialized`, before the bundled
 * corpus is loaded, wait for it (a bounded time) instead of answering nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, ROOT, startServer } from '../helpers/lspClient';
import { corpusLine } from '../helpers/corpusLines';

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

test('hover and search sent right after initialized answer from the bundled corpus, not nothing', { timeout: 60_000 }, async (t) => {
  // No snapshot: the corpus is read from its files, the slow way, on every start.
  const server = await startServer({ initializationOptions: { snapshot: false } });
  t.after(() => server.stop());
  const states: string[] = [];
  server.conn.onNotification('shuzhi/corpusStatus', (s: { state: string }) => void states.push(s.state));

  const line = corpusLine(path.join(ROOT, 'corpus'));
  const query = line.slice(0, 10);
  const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-early-draft.md'));
  server.open(uri, `${line}\n`);
  const character = 5;
  const answers = Promise.all([
    server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } }),
    server.request<Array<{ text: string }>>('shuzhi/search', { query, limit: 10 }),
  ]);
  const readyWhenSent = states.includes('ready');
  const [hover, hits] = await answers;

  assert.equal(readyWhenSent, false, 'the requests went out before the corpus was ready');
  assert.ok(hover, `a hover on “${line}” at ${character}:\n${server.logs.join('\n')}`);
  assert.equal(hover.range.start.line, 0);
  assert.ok(hover.range.start.character <= character && character <= hover.range.end.character, JSON.stringify(hover.range));
  const phrase = line.slice(hover.range.start.character, hover.range.end.character);
  assert.ok(hover.contents.value.includes(phrase), `the hover is about “${phrase}”: ${hover.contents.value}`);
  assert.ok(hits.some((h) => h.text.includes(query)), `a search hit containing “${query}”: ${JSON.stringify(hits.slice(0, 3))}`);
});
