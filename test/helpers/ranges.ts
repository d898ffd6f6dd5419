/**
 * Ranges a server answers with, checked against the document: inside it, ordered, never
 * splitting a surrogate pair or a CRLF — for answers over the wire (test/protocol) and from the
 * feature functions in-process alike.
 */
import assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Sends a request and resolves with its answer: a TestServer's (lspClient.ts) or a TestService's (service.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Requester = (method: string, params: unknown) => Promise<any>;

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

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

export interface Symbol {
  name: string;
  range: Rng;
  selectionRange: Rng;
  children?: Symbol[];
}

export function flatten(symbols: Symbol[]): Symbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** How many ranges of each kind a check saw: a check that saw none proved nothing. */
export type Tally = Record<'symbol' | 'folding' | 'hover' | 'completion' | 'action' | 'diagnostic', number>;
const tally = (): Tally => ({ symbol: 0, folding: 0, hover: 0, completion: 0, action: 0, diagnostic: 0 });

/** Runs the read-only requests on `doc`, checks every range they return and counts them. */
export async function checkAll(request: Requester, doc: TextDocument, probes: Pos[]): Promise<{ symbols: Symbol[]; seen: Tally }> {
  const seen = tally();
  const textDocument = { uri: doc.uri };
  const symbols = ((await request('textDocument/documentSymbol', { textDocument })) ?? []) as Symbol[];
  for (const s of flatten(symbols)) {
    assertRangeIn(doc, s.range, `symbol ${s.name}`);
    assertRangeIn(doc, s.selectionRange, `symbol ${s.name} selection`);
    seen.symbol++;
  }
  const folds = ((await request('textDocument/foldingRange', { textDocument })) ?? []) as Array<{ startLine: number; endLine: number }>;
  for (const f of folds) {
    assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineCount, `folding ${JSON.stringify(f)}`);
    seen.folding++;
  }
  for (const position of probes) {
    const hover = await request('textDocument/hover', { textDocument, position });
    if (hover?.range) {
      assertRangeIn(doc, hover.range, 'hover');
      seen.hover++;
    }
    const completion = await request('textDocument/completion', { textDocument, position });
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
    const actions = ((await request('textDocument/codeAction', { textDocument, range: { start: position, end }, context: { diagnostics: [] } })) ?? []) as Array<{ edit?: { changes?: Record<string, Array<{ range: Rng }>> } }>;
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

