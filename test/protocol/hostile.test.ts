/**
 * Hostile drafts and hostile requests: very long lines, a 10 MB draft, surrogate pairs
 * (CJK Extension B 𠀀, emoji), CRLF line breaks — every range the server returns lies inside
 * the document and never splits a surrogate pair; malformed and cancelled requests are
 * answered (an error or null), and the server keeps serving. Each check counts what it saw
 * (ranges, findings, dropped cancellations) and fails when it saw nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { fileUri, startServer, type Diagnostic, type TestServer } from '../helpers/lspClient';

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

/** How many ranges of each kind a check saw: a check that saw none proved nothing. */
type Tally = Record<'symbol' | 'folding' | 'hover' | 'completion' | 'action' | 'diagnostic', number>;
const tally = (): Tally => ({ symbol: 0, folding: 0, hover: 0, completion: 0, action: 0, diagnostic: 0 });

/** Runs the read-only requests on `doc`, checks every range they return and counts them. */
async function checkAll(server: TestServer, doc: TextDocument, probes: Pos[]): Promise<{ symbols: Symbol[]; seen: Tally }> {
  const seen = tally();
  const textDocument = { uri: doc.uri };
  const symbols = ((await server.request('textDocument/documentSymbol', { textDocument })) ?? []) as Symbol[];
  for (const s of flatten(symbols)) {
    assertRangeIn(doc, s.range, `symbol ${s.name}`);
    assertRangeIn(doc, s.selectionRange, `symbol ${s.name} selection`);
    seen.symbol++;
  }
  const folds = ((await server.request('textDocument/foldingRange', { textDocument })) ?? []) as Array<{ startLine: number; endLine: number }>;
  for (const f of folds) {
    assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineCount, `folding ${JSON.stringify(f)}`);
    seen.folding++;
  }
  for (const position of probes) {
    const hover = await server.request('textDocument/hover', { textDocument, position });
    if (hover?.range) {
      assertRangeIn(doc, hover.range, 'hover');
      seen.hover++;
    }
    const completion = await server.request('textDocument/completion', { textDocument, position });
    const items = Array.isArray(completion) ? completion : completion?.items ?? [];
    for (const item of items) {
      const e = item.textEdit;
      for (const r of e ? [e.range, e.insert, e.replace].filter(Boolean) : []) {
        assertRangeIn(doc, r, `completion ${item.label}`);
        seen.completion++;
      }
      for (const a of item.additionalTextEdits ?? []) {
        assertRangeIn(doc, a.range, `completion ${item.label} additional edit`);
        seen.completion++;
      }
    }
    const end = doc.positionAt(Math.min(doc.getText().length, doc.offsetAt(position) + 50));
    const actions = ((await server.request('textDocument/codeAction', { textDocument, range: { start: position, end }, context: { diagnostics: [] } })) ?? []) as Array<{ edit?: { changes?: Record<string, Array<{ range: Rng }>> } }>;
    for (const a of actions) {
      for (const edits of Object.values(a.edit?.changes ?? {})) {
        for (const e of edits) {
          assertRangeIn(doc, e.range, 'code action edit');
          seen.action++;
        }
      }
    }
  }
  return { symbols, seen };
}

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

test('surrogate pairs and CRLF: outline, diagnostics and fixes point at the right text, in UTF-16 units', { timeout: 60_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  // Each finding sits next to a surrogate pair (𠀀 𠀁 𠂇 are CJK Extension B, 😀 an emoji) or at a CRLF line end.
  const text = [
    '𠀀😀某局2023年度述职报告',
    '',
    '一、履职情况😀',
    '一年来，𠀀𠀁认真履行职责𠀀,加强学习XX次。',
    '（一）𠂇加强学习',
    '内容😀😀😀。政治i𠀀学习“到位',
    '二、存在的问题',
    '𠀀问题，计划完成XX',
    '四、下一步打算',
    '继续努力😀',
  ].join('\r\n');
  const doc = open(server, 'surrogates.md', text);
  const { symbols: tree, seen } = await checkAll(server, doc, [
    { line: 3, character: 4 },
    { line: 3, character: 6 },
    { line: 5, character: 4 },
    { line: 7, character: 2 },
    { line: 9, character: 4 },
    { line: 9, character: 6 },
  ]);
  const symbols = flatten(tree);
  for (const [name, line] of [['二、存在的问题', 6], ['四、下一步打算', 8], ['（一）𠂇加强学习', 4]] as const) {
    const s = symbols.find((x) => x.name === name);
    assert.ok(s, `symbol ${name} in ${JSON.stringify(symbols.map((x) => x.name))}`);
    assert.equal(s.selectionRange.start.line, line, name);
    assert.equal(doc.getText(s.selectionRange), name, `selection of ${name} is its heading text`);
  }
  assert.ok(seen.symbol >= 5 && seen.folding > 0 && seen.action > 0, `ranges checked: ${JSON.stringify(seen)}`);

  // Every finding's range covers exactly the text it is about.
  const diags = await diagnosticsOf(server, doc, (d) => d.length > 0);
  assert.deepEqual(
    diags.map((d) => [d.code, d.range.start.line, doc.getText(d.range)]),
    [
      ['punctuation-halfwidth', 3, ','],
      ['placeholder', 3, 'XX'],
      ['stray-latin', 5, 'i'],
      ['quote-unbalanced', 5, '“'],
      ['placeholder', 7, 'XX'],
      ['numbering-gap', 8, '四、'],
    ],
  );

  // Their fixes edit the right spot: after a surrogate pair, and at a line end just before its CRLF.
  const fixed = async (code: string) => {
    const d = diags.find((x) => x.code === code)!;
    const actions = (await server.request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as Array<{ isPreferred?: boolean; edit: { changes: Record<string, Array<{ range: Rng; newText: string }>> } }>;
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    const edits = fix.edit.changes[doc.uri];
    for (const e of edits) assertRangeIn(doc, e.range, `fix of ${code}`);
    return TextDocument.applyEdits(doc, edits).split('\r\n');
  };
  assert.equal((await fixed('punctuation-halfwidth'))[3], '一年来，𠀀𠀁认真履行职责𠀀，加强学习XX次。');
  assert.equal((await fixed('stray-latin'))[5], '内容😀😀😀。政治𠀀学习“到位');
  const quoted = await fixed('quote-unbalanced');
  assert.equal(quoted[5], '内容😀😀😀。政治i𠀀学习“到位”', 'the closing mark goes before the CRLF');
  assert.equal(quoted.length, 10, 'no line break added or lost');
});

test('a very long line and a 10 MB draft are answered, with ranges inside the document', { timeout: 300_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const sentence = '一是加强理论学习，深入学习贯彻党的二十大精神😀，认真履行职责𠀀。';
  const longLine = '某局2023年度述职报告\n一、履职情况\n' + sentence.repeat(40_000) + '\n二、存在的问题\n问题。\n';
  const doc1 = open(server, 'long-line.md', longLine);
  const lastLine = doc1.lineCount - 1;
  const long = await checkAll(server, doc1, [
    { line: 2, character: 0 },
    { line: 2, character: sentence.length * 20_000 + 3 },
    { line: 2, character: doc1.getText().split('\n')[2].length },
    { line: lastLine, character: 0 },
  ]);
  assert.ok(long.seen.symbol >= 3 && long.seen.folding > 0, `ranges checked: ${JSON.stringify(long.seen)}`);
  // The long line repeats one sentence 40 000 times: at least that is reported.
  const longDiags = await diagnosticsOf(server, doc1, (d) => d.length > 0);
  assert.ok(longDiags.some((d) => d.code === 'sentence-repeated' && d.range.start.line === 2), JSON.stringify(longDiags.slice(0, 3)));

  const section = (i: number) => `（${i % 9 + 1}）加强学习\n${sentence.repeat(8)}\n${'一二三四五'.repeat(20)}\r\n`;
  const parts = ['某局2023年度述职报告', '一、履职情况'];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    const s = (i % 200 === 0 ? `${['二', '三', '四', '五'][(i / 200) % 4]}、第${i}部分\n` : '') + section(i);
    parts.push(s);
    size += Buffer.byteLength(s);
  }
  const doc2 = open(server, 'ten-mb.md', parts.join('\n'));
  const big = await checkAll(server, doc2, [
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
  const symbols = flatten((await checkAll(server, doc2, [{ line: doc2.lineCount - 2, character: 3 }])).symbols);
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
