/**
 * Hostile drafts and hostile requests: very long lines, a 10 MB draft, surrogate pairs
 * (CJK Extension B 𠀀, emoji), CRLF line breaks — every range the server returns lies inside
 * the document and never splits a surrogate pair; malformed and cancelled requests are
 * answered (an error or null), and the server keeps serving.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { fileUri, startServer, type TestServer } from '../helpers/lspClient';

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

const uriOf = (name: string) => fileUri(path.join(os.tmpdir(), `shuzhi-hostile-${name}`));

const lineCache = new WeakMap<TextDocument, { version: number; lines: string[] }>();

/** The document's lines without their breaks, computed once per version (documents may be 10 MB). */
function linesOf(doc: TextDocument): string[] {
  const hit = lineCache.get(doc);
  if (hit && hit.version === doc.version) return hit.lines;
  const lines = doc.getText().split(/\r\n|\r|\n/);
  lineCache.set(doc, { version: doc.version, lines });
  return lines;
}

/** Asserts that `r` is a valid range of `doc`: ordered, inside, not splitting a surrogate pair or CRLF. */
export function assertRangeIn(doc: TextDocument, r: Rng, what: string): void {
  const lines = linesOf(doc);
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: ${JSON.stringify(r)}`);
    assert.ok(p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(p.character <= lines[p.line].length, `${what}: character ${p.character} > ${lines[p.line].length} on line ${p.line}`);
    const c = lines[p.line].charCodeAt(p.character);
    const before = lines[p.line].charCodeAt(p.character - 1);
    assert.ok(!(c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff), `${what}: splits a surrogate pair at ${JSON.stringify(p)}`);
  }
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: start after end ${JSON.stringify(r)}`);
}

interface Symbol {
  name: string;
  range: Rng;
  selectionRange: Rng;
  children?: Symbol[];
}

function flatten(symbols: Symbol[]): Symbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/**
 * Completion items, or null. A server built before the completion feature is wired answers
 * MethodNotFound; that is treated as no items so the other checks still run.
 */
export async function completionOf(server: TestServer, params: unknown): Promise<any> {
  try {
    return await server.request('textDocument/completion', params);
  } catch (e) {
    if ((e as { code?: number }).code === -32601) return null;
    throw e;
  }
}

/** Runs the read-only requests on `doc` and checks every range they return. */
async function checkAll(server: TestServer, doc: TextDocument, probes: Pos[]): Promise<Symbol[]> {
  const textDocument = { uri: doc.uri };
  const symbols = ((await server.request('textDocument/documentSymbol', { textDocument })) ?? []) as Symbol[];
  for (const s of flatten(symbols)) {
    assertRangeIn(doc, s.range, `symbol ${s.name}`);
    assertRangeIn(doc, s.selectionRange, `symbol ${s.name} selection`);
  }
  const folds = ((await server.request('textDocument/foldingRange', { textDocument })) ?? []) as Array<{ startLine: number; endLine: number }>;
  for (const f of folds) assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineCount, `folding ${JSON.stringify(f)}`);
  for (const position of probes) {
    const hover = await server.request('textDocument/hover', { textDocument, position });
    if (hover?.range) assertRangeIn(doc, hover.range, 'hover');
    const completion = await completionOf(server, { textDocument, position });
    const items = Array.isArray(completion) ? completion : completion?.items ?? [];
    for (const item of items) {
      const e = item.textEdit;
      if (e) for (const r of [e.range, e.insert, e.replace].filter(Boolean)) assertRangeIn(doc, r, `completion ${item.label}`);
      for (const a of item.additionalTextEdits ?? []) assertRangeIn(doc, a.range, `completion ${item.label} additional edit`);
    }
    const end = doc.positionAt(Math.min(doc.getText().length, doc.offsetAt(position) + 50));
    const actions = ((await server.request('textDocument/codeAction', { textDocument, range: { start: position, end }, context: { diagnostics: [] } })) ?? []) as Array<{ edit?: { changes?: Record<string, Array<{ range: Rng }>> } }>;
    for (const a of actions) for (const edits of Object.values(a.edit?.changes ?? {})) for (const e of edits) assertRangeIn(doc, e.range, 'code action edit');
  }
  return symbols;
}

async function diagnosticsOf(server: TestServer, doc: TextDocument): Promise<void> {
  const diags = await server.waitForDiagnostics(doc.uri, () => true, 120_000);
  for (const d of diags) assertRangeIn(doc, d.range, `diagnostic ${d.code}`);
}

function open(server: TestServer, name: string, text: string): TextDocument {
  const doc = TextDocument.create(uriOf(name), 'markdown', 1, text);
  server.open(doc.uri, text);
  return doc;
}

test('surrogate pairs and CRLF: outline ranges point at the headings, in UTF-16 units', { timeout: 60_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const text = [
    '𠀀😀某局2023年度述职报告',
    '',
    '一、履职情况😀',
    '一年来，𠀀𠀁认真履行职责😀，加强学习。',
    '（一）𠂇加强学习',
    '内容😀😀😀。',
    '二、存在的问题',
    '𠀀问题。',
    '三、下一步打算',
    '继续努力😀',
  ].join('\r\n');
  const doc = open(server, 'surrogates.md', text);
  const symbols = flatten(await checkAll(server, doc, [
    { line: 3, character: 4 },
    { line: 3, character: 6 },
    { line: 5, character: 4 },
    { line: 9, character: 4 },
    { line: 9, character: 6 },
  ]));
  for (const [name, line] of [['二、存在的问题', 6], ['三、下一步打算', 8], ['（一）𠂇加强学习', 4]] as const) {
    const s = symbols.find((x) => x.name === name);
    assert.ok(s, `symbol ${name} in ${JSON.stringify(symbols.map((x) => x.name))}`);
    assert.equal(s.selectionRange.start.line, line, name);
    assert.equal(doc.getText(s.selectionRange), name, `selection of ${name} is its heading text`);
  }
  await diagnosticsOf(server, doc);
});

test('a very long line and a 10 MB draft are answered, with ranges inside the document', { timeout: 300_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const sentence = '一是加强理论学习，深入学习贯彻党的二十大精神😀，认真履行职责𠀀。';
  const longLine = '某局2023年度述职报告\n一、履职情况\n' + sentence.repeat(40_000) + '\n二、存在的问题\n问题。\n';
  const doc1 = open(server, 'long-line.md', longLine);
  const lastLine = doc1.lineCount - 1;
  await checkAll(server, doc1, [
    { line: 2, character: 0 },
    { line: 2, character: sentence.length * 20_000 + 3 },
    { line: 2, character: doc1.getText().split('\n')[2].length },
    { line: lastLine, character: 0 },
  ]);
  await diagnosticsOf(server, doc1);

  const section = (i: number) => `（${i % 9 + 1}）加强学习\n${sentence.repeat(8)}\n${'一二三四五'.repeat(20)}\r\n`;
  const parts = ['某局2023年度述职报告', '一、履职情况'];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    const s = (i % 200 === 0 ? `${['二', '三', '四', '五'][(i / 200) % 4]}、第${i}部分\n` : '') + section(i);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  const doc2 = open(server, 'ten-mb.md', parts.join('\n'));
  await checkAll(server, doc2, [
    { line: 0, character: 2 },
    { line: Math.floor(doc2.lineCount / 2), character: 5 },
    { line: doc2.lineCount - 2, character: 3 },
  ]);
  await diagnosticsOf(server, doc2);

  // An incremental edit at the end of the 10 MB draft is applied and re-checked.
  const end = doc2.positionAt(doc2.getText().length);
  const change = { range: { start: end, end }, text: '\n六、补充\n新增内容😀。\n' };
  TextDocument.update(doc2, [change], 2);
  server.notify('textDocument/didChange', { textDocument: { uri: doc2.uri, version: 2 }, contentChanges: [change] });
  const symbols = flatten(await checkAll(server, doc2, [{ line: doc2.lineCount - 2, character: 3 }]));
  assert.ok(symbols.some((s) => s.name === '六、补充'), 'the edit reached the server');
});

test('malformed, unknown and cancelled requests are answered and the server keeps serving', { timeout: 60_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const doc = open(server, 'plain.md', '某局2023年度述职报告\n一、履职情况\n内容。\n');
  const missing = { uri: uriOf('never-opened.md') };
  const settle = (p: Promise<unknown>) => p.then((v) => ({ ok: v }), (e: { code?: number }) => ({ error: e.code ?? -1 }));

  const answers = await Promise.all([
    settle(server.request('textDocument/hover', { textDocument: missing, position: { line: 0, character: 0 } })),
    settle(server.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 1e6, character: 1e6 } })),
    settle(server.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: -1, character: -5 } })),
    settle(completionOf(server, { textDocument: { uri: doc.uri } })),
    settle(completionOf(server, { textDocument: { uri: doc.uri }, position: { line: 'x', character: null } })),
    settle(server.request('textDocument/documentSymbol', null)),
    settle(server.request('textDocument/foldingRange', { textDocument: 42 })),
    settle(server.request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: {} })),
    settle(server.request('shuzhi/stats', { bogus: true })),
    settle(server.request('shuzhi/noSuchMethod', {})),
  ]);
  assert.equal(answers.length, 10);
  // documentSymbol(null) throws inside its handler: the guard logs it and answers.
  assert.ok(server.logs.some((l) => /处理 .*时出错/.test(l)), `a failing handler is logged:\n${server.logs.join('\n')}`);
  const unknown = answers.at(-1) as { error?: number };
  assert.equal(unknown.error, -32601, 'an unknown method is MethodNotFound');
  for (const a of answers.slice(0, 8)) {
    const v = (a as { ok?: unknown }).ok;
    // Garbage in: nothing, or an error — never a crash, never a range outside the document.
    if (v && typeof v === 'object' && 'range' in (v as object)) assertRangeIn(doc, (v as { range: Rng }).range, 'hover');
  }

  // Requests cancelled right after they are sent are answered (null or RequestCancelled).
  const cancelled = [];
  for (let i = 0; i < 50; i++) {
    const source = new CancellationTokenSource();
    const method = ['textDocument/hover', 'textDocument/foldingRange', 'textDocument/documentSymbol'][i % 3];
    cancelled.push(settle(server.conn.sendRequest(method, { textDocument: { uri: doc.uri }, position: { line: 2, character: 1 } }, source.token)));
    source.cancel();
  }
  for (const a of await Promise.all(cancelled)) {
    if ('error' in a) assert.equal(a.error, -32800, 'a cancelled request is answered RequestCancelled');
  }
  assert.equal(server.proc.exitCode, null, 'the server is alive');
  const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
  assert.ok(flatten(symbols).some((s) => s.name === '一、履职情况'));
});
