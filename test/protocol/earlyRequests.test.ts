/**
 * The first moments: hover, search and completion sent right after `initialized`, before the bundled
 * corpus is loaded, wait for it (a bounded time) instead of answering nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, ROOT, startServer } from '../helpers/lspClient';
import { corpusLine } from '../helpers/corpusLines';
import { segmentWords } from '../../server/src/engine/text/segment';

interface Hover {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface CompletionList {
  items: Array<{ textEdit: { range: { start: { character: number } }; newText: string } }>;
}

test('hover, search and completion sent right after initialized answer from the bundled corpus, not nothing', { timeout: 60_000 }, async (t) => {
  // No snapshot: the corpus is read from its files, the slow way, on every start.
  const server = await startServer({ initializationOptions: { snapshot: false } });
  t.after(() => server.stop());
  // What reaches the client, in the order it arrives: the server writes its messages in order,
  // so an answer logged after 'ready' was sent after the corpus was loaded.
  const events: string[] = [];
  server.conn.onNotification('shuzhi/corpusStatus', (s: { state: string }) => void events.push(s.state));
  const logged = <T>(name: string, p: Promise<T>) => p.then((v) => (events.push(name), v));

  const line = corpusLine(path.join(ROOT, 'corpus'));
  const query = line.slice(0, 10);
  const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-early-draft.md'));
  // Line 1 is a line of the file loaded last, cut after a word: completion should go on as the
  // corpus does, not from the part of the corpus loaded by the time the request came.
  const late = corpusLine(path.join(ROOT, 'corpus'), 12, true);
  const cut = segmentWords(late).filter((w) => w.isWord && w.end >= 6)[0].end;
  server.open(uri, `${line}\n${late.slice(0, cut)}\n`);
  const character = 5;
  const answers = Promise.all([
    logged('hover', server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } })),
    logged('search', server.request<Array<{ text: string }>>('shuzhi/search', { query, limit: 10 })),
    logged('completion', server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: cut } })),
  ]);
  // The server reads its messages in order and answers shuzhi/status at once: 'indexing' here
  // means the corpus was still loading when the three requests above reached it.
  const status = await server.request<{ state: string }>('shuzhi/status', {});
  const [hover, hits, completion] = await answers;

  assert.equal(status.state, 'indexing', `the requests reached the server before the corpus was loaded (events: ${events.join(', ')})`);
  const ready = events.indexOf('ready');
  for (const name of ['hover', 'search', 'completion']) {
    assert.ok(ready >= 0 && events.indexOf(name) > ready, `${name} waited for the corpus and was answered after it was loaded: ${events.join(', ')}`);
  }
  assert.ok(hover, `a hover on “${line}” at ${character}:\n${server.logs.join('\n')}`);
  assert.equal(hover.range.start.line, 0);
  assert.ok(hover.range.start.character <= character && character <= hover.range.end.character, JSON.stringify(hover.range));
  const phrase = line.slice(hover.range.start.character, hover.range.end.character);
  assert.ok(hover.contents.value.includes(phrase), `the hover is about “${phrase}”: ${hover.contents.value}`);
  assert.ok(hits.some((h) => h.text.includes(query)), `a search hit containing “${query}”: ${JSON.stringify(hits.slice(0, 3))}`);
  const accepted = completion.items.map((it) => late.slice(0, it.textEdit.range.start.character) + it.textEdit.newText);
  assert.ok(accepted.some((t) => t.length > cut && late.startsWith(t)), `completion after “${late.slice(0, cut)}” goes on as the corpus line: ${accepted.join(' | ')}`);
});
