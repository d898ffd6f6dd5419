/**
 * Hostile drafts and hostile requests: very long lines, a 10 MB draft, surrogate pairs
 * (CJK Extension B 𠀀, emoji), CRLF line breaks — every range the server returns lies inside
 * the document and never splits a surrogate pair; malformed and cancelled requests are
 * answered (an error or null), and the server keeps serving. Each check counts what it saw
 * (ranges, findings, dropped cancellations) and fails when it saw nothing. Surrogate pairs and
 * CRLF in an ordinary draft are tested in-process (test/unit/features-ranges.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { fileUri, startServer, type Diagnostic, type TestServer } from '../helpers/lspClient';
import { assertRangeIn, checkAll, flatten, type Requester, type Rng, type Symbol } from '../helpers/ranges';
import { CUT_CODE } from '../../server/src/features/lint';

const uriOf = (name: string) => fileUri(path.join(os.tmpdir(), `shuzhi-hostile-${name}`));

const request = (server: TestServer): Requester => (method, params) => server.request(method, params);

/** The diagnostics pushed for `doc`'s current version (none pushed yet: waits), every range checked. */
async function diagnosticsOf(server: TestServer, doc: TextDocument, what: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
  const diags = await server.waitForDiagnostics(doc.uri, what, 120_000);
  for (const d of diags) assertRangeIn(doc, d.range, `diagnostic ${d.code}`);
  return diags;
}

function open(server: TestServer, name: string, text: string): TextDocument {
  const doc = TextDocument.create(uriOf(name), 'markdown', 1, text);
  server.open(doc.uri, text);
  return doc;
}

test('a very long line and a 10 MB draft are answered, with ranges inside the document', { timeout: 300_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const sentence = '一是加强理论学习，深入学习贯彻党的二十大精神😀，认真履行职责𠀀。';
  const longLine = '某局2023年度述职报告\n一、履职情况\n' + sentence.repeat(40_000) + '\n二、存在的问题\n问题。\n';
  const doc1 = open(server, 'long-line.md', longLine);
  const lastLine = doc1.lineCount - 1;
  const long = await checkAll(request(server), doc1, [
    { line: 2, character: 0 },
    { line: 2, character: sentence.length * 20_000 + 3 },
    { line: 2, character: doc1.getText().split('\n')[2].length },
    { line: lastLine, character: 0 },
  ]);
  assert.ok(long.seen.symbol >= 3 && long.seen.folding > 0, `ranges checked: ${JSON.stringify(long.seen)}`);
  // The long line repeats one sentence 40 000 times: at least that is reported — or, on a machine too busy to
  // finish within the huge draft's deadline, the one notice of the cut check names that rule as unfinished.
  const longDiags = await diagnosticsOf(server, doc1, (d) => d.length > 0);
  const repeated = longDiags.some((d) => d.code === 'sentence-repeated' && d.range.start.line === 2);
  const cutNotice = longDiags.find((d) => d.code === CUT_CODE);
  assert.ok(repeated || (cutNotice && /sentence-repeated/.test(cutNotice.message)), JSON.stringify(longDiags.slice(0, 3)));

  const section = (i: number) => `（${i % 9 + 1}）加强学习\n${sentence.repeat(8)}\n${'一二三四五'.repeat(20)}\r\n`;
  const parts = ['某局2023年度述职报告', '一、履职情况'];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    const s = (i % 200 === 0 ? `${['二', '三', '四', '五'][(i / 200) % 4]}、第${i}部分\n` : '') + section(i);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  const doc2 = open(server, 'ten-mb.md', parts.join('\n'));
  const big = await checkAll(request(server), doc2, [
    { line: 0, character: 2 },
    { line: Math.floor(doc2.lineCount / 2), character: 5 },
    { line: doc2.lineCount - 2, character: 3 },
  ]);
  assert.ok(big.seen.symbol > 1000 && big.seen.folding > 1000, `ranges checked: ${JSON.stringify(big.seen)}`);
  const bigDiags = await diagnosticsOf(server, doc2, (d) => d.length > 0);
  assert.ok(bigDiags.length > 0, 'the 10 MB draft has findings, all checked');

  // An incremental edit at the end of the 10 MB draft is applied and re-checked.
  const end = doc2.positionAt(doc2.getText().length);
  const change = { range: { start: end, end }, text: '\n六、补充\n新增内容😀。\n' };
  TextDocument.update(doc2, [change], 2);
  server.notify('textDocument/didChange', { textDocument: { uri: doc2.uri, version: 2 }, contentChanges: [change] });
  const symbols = flatten((await checkAll(request(server), doc2, [{ line: doc2.lineCount - 2, character: 3 }])).symbols);
  assert.ok(symbols.some((s) => s.name === '六、补充'), 'the edit reached the server');
});

/** Every LSP range ({start, end} of {line, character}) anywhere inside `v`. */
function rangesIn(v: unknown, out: Rng[] = []): Rng[] {
  if (Array.isArray(v)) for (const x of v) rangesIn(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const isPos = (p: unknown) => !!p && typeof p === 'object' && 'line' in p && 'character' in p;
    if (isPos(o.start) && isPos(o.end)) out.push(o as unknown as Rng);
    else for (const x of Object.values(o)) rangesIn(x, out);
  }
  return out;
}

test('malformed, unknown and cancelled requests are answered and the server keeps serving', { timeout: 60_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const doc = open(server, 'plain.md', '某局2023年度述职报告\n一、履职情况\n内容。\n');
  const missing = { uri: uriOf('never-opened.md') };
  const settle = (p: Promise<unknown>) => p.then((v) => ({ ok: v }), (e: { code?: number }) => ({ error: e.code ?? -1 }));
  const far = { line: 1e6, character: 1e6 };

  const [
    hoverMissing, hoverFar, hoverNegative, completionNoPosition, completionGarbage, symbolsNull, foldingBadUri, actionReversed, statsBogus, unknown,
    completionFar, actionPastEnd,
  ] = await Promise.all([
    settle(server.request('textDocument/hover', { textDocument: missing, position: { line: 0, character: 0 } })),
    settle(server.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: far })),
    settle(server.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: -1, character: -5 } })),
    settle(server.request('textDocument/completion', { textDocument: { uri: doc.uri } })),
    settle(server.request('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: 'x', character: null } })),
    settle(server.request('textDocument/documentSymbol', null)),
    settle(server.request('textDocument/foldingRange', { textDocument: 42 })),
    settle(server.request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: {} })),
    settle(server.request('shuzhi/stats', { bogus: true })),
    settle(server.request('shuzhi/noSuchMethod', {})),
    // Positions past the end are clamped (clients send them): answered with ranges inside the document.
    settle(server.request('textDocument/completion', { textDocument: { uri: doc.uri }, position: far })),
    settle(server.request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: far }, context: { diagnostics: [] } })),
  ]);
  // Garbage in: nothing, or an error naming the bad parameter — never a crash, never a range from garbage.
  assert.deepEqual(hoverMissing, { ok: null }, 'hover on a document never opened');
  assert.deepEqual(hoverFar, { ok: null }, 'hover past the end (the last line is empty)');
  assert.deepEqual(hoverNegative, { error: -32602 }, 'a negative position is InvalidParams');
  // Completion without a position throws inside its handler: the guard logs it and answers null.
  assert.deepEqual(completionNoPosition, { ok: null }, 'completion without a position');
  assert.ok(server.logs.some((l) => /处理 onCompletion 时出错/.test(l)), `the failing handler is logged:\n${server.logs.join('\n')}`);
  assert.deepEqual(completionGarbage, { error: -32602 }, 'completion at {line: "x", character: null} is InvalidParams');
  assert.deepEqual(symbolsNull, { error: -32602 }, 'documentSymbol(null) is InvalidParams');
  assert.deepEqual(foldingBadUri, { ok: null }, 'foldingRange of textDocument 42');
  assert.deepEqual(actionReversed, { ok: null }, 'a code action range ending before it starts');
  const stats = (statsBogus as { ok?: { reports?: unknown; byKind?: unknown } }).ok;
  assert.ok(stats && typeof stats.reports === 'number' && typeof stats.byKind === 'object', `shuzhi/stats ignores unknown params: ${JSON.stringify(statsBogus)}`);
  assert.deepEqual(unknown, { error: -32601 }, 'an unknown method is MethodNotFound');

  // The clamped requests did answer, with ranges, every one inside the document.
  const items = ((completionFar as { ok?: { items?: unknown[] } }).ok?.items ?? []);
  assert.ok(items.length > 0, `completion at the clamped end of the document offers something: ${JSON.stringify(completionFar)}`);
  const ranges = [...rangesIn(completionFar), ...rangesIn(actionPastEnd)];
  assert.ok(ranges.length > items.length, `ranges from both answers: ${ranges.length}`);
  for (const r of ranges) assertRangeIn(doc, r, 'clamped answer');
  assert.ok(rangesIn(actionPastEnd).length > 0, `code actions over the whole document edit it: ${JSON.stringify(actionPastEnd)}`);

  // Requests cancelled right after they are sent are each answered: RequestCancelled or null when the
  // cancellation reached the server first, else the full answer.
  const methods = ['textDocument/hover', 'textDocument/foldingRange', 'textDocument/documentSymbol'];
  const cancelled = [];
  for (let i = 0; i < 50; i++) {
    const source = new CancellationTokenSource();
    cancelled.push(settle(server.conn.sendRequest(methods[i % 3], { textDocument: { uri: doc.uri }, position: { line: 2, character: 1 } }, source.token)));
    source.cancel();
  }
  let dropped = 0;
  for (const [i, a] of (await Promise.all(cancelled)).entries()) {
    const method = methods[i % 3];
    if ('error' in a) {
      assert.equal(a.error, -32800, `${method}: a cancelled request is answered RequestCancelled`);
      dropped++;
    } else if (a.ok === null) {
      if (method !== 'textDocument/hover') dropped++;
    } else if (method === 'textDocument/documentSymbol') {
      assert.ok(flatten(a.ok as Symbol[]).some((s) => s.name === '一、履职情况'), `${method} answered in full: ${JSON.stringify(a.ok)}`);
    } else if (method === 'textDocument/foldingRange') {
      assert.ok(Array.isArray(a.ok) && a.ok.length > 0, `${method} answered in full: ${JSON.stringify(a.ok)}`);
    } else {
      for (const r of rangesIn(a.ok)) assertRangeIn(doc, r, 'hover');
    }
  }
  // Outline and folding requests cancelled before their turn are dropped without work.
  assert.ok(dropped > 0, 'some cancellations reached the server before the work was done');
  assert.equal(server.proc.exitCode, null, 'the server is alive');
  const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
  assert.ok(flatten(symbols).some((s) => s.name === '一、履职情况'));
});
