/**
 * Protocol fuzzing: thousands of random ranged edits (CJK, ASCII, line breaks, CRLF,
 * surrogate pairs, emoji sequences, heading markers) sent as incremental didChange to the
 * real `dist/server.js --stdio`, interleaved with completion, hover, documentSymbol,
 * foldingRange, codeAction and count requests. A mirror of the document (TextDocument)
 * checks that every returned or pushed range lies inside the document version it belongs
 * to, that the server's text stays in step with the mirror, and that the server stays alive.
 *
 * Seeded and bounded: the seed is fixed (DEFAULT_SEED) so CI runs are reproducible;
 * `SHUZHI_FUZZ_SEED=random` draws a new one (printed), `SHUZHI_FUZZ_SEED=<n>` replays a run;
 * `SHUZHI_FUZZ_MS` (default 40000) and `SHUZHI_FUZZ_EDITS` (default 4000) bound it;
 * `SHUZHI_FUZZ_KINDS` (e.g. `hover,symbols`) limits the request kinds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, startServer } from '../helpers/lspClient';
import { countText } from '../../server/src/engine/delivery/count';
import { prng } from '../helpers/prng';
import { assertRangeIn } from '../helpers/ranges';

/** The seed CI runs with. */
const DEFAULT_SEED = 20261130;
const SEED = seedOf(process.env.SHUZHI_FUZZ_SEED);

function seedOf(env: string | undefined): number {
  if (!env) return DEFAULT_SEED;
  if (env === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(env);
  if (!Number.isInteger(n)) throw new Error(`SHUZHI_FUZZ_SEED must be an integer or "random", not ${JSON.stringify(env)}`);
  return n;
}
const TIME_MS = Number(process.env.SHUZHI_FUZZ_MS ?? 40_000);
const MAX_EDITS = Number(process.env.SHUZHI_FUZZ_EDITS ?? 4000);
const ALL_KINDS = ['completion', 'hover', 'symbols', 'folding', 'action', 'count'];
/** `SHUZHI_FUZZ_KINDS=hover,symbols` narrows the requests (to chase one failure). */
const KINDS = process.env.SHUZHI_FUZZ_KINDS ? process.env.SHUZHI_FUZZ_KINDS.split(',').filter((k) => ALL_KINDS.includes(k)) : ALL_KINDS;


const PIECES = [
  '加强', '理论学习', '认真履行职责', '存在的问题', '下一步打算', '述职报告', '一年来，', '。', '，', '；', '：', '“', '”', '（', '）',
  'abc', 'x', 'XX', '2023', ' ', '\t', '\u3000', '*', '**%', '政治i',
  '\n', '\n', '\n\n', '\r\n', '\r\n', '\r',
  '𠀀', '𠀁', '😀', '👨‍👩‍👧', '🇨🇳', 'é', 'e\u0301',
  '一、', '二、', '（一）', '（三）', '1.', '2、', '（1）', '①', '一是', '二是', '# ', '## ', '### ', '- ', '> ',
  '<!-- ', ' -->', '---\n', '\n---\n',
];

const INITIAL = [
  '某局2023年度个人述职报告',
  '',
  '一、履职情况',
  '一年来，我认真履行职责😀，加强理论学习𠀀。',
  '（一）加强学习',
  '一是学习。二是调研。',
  '二、存在的问题',
  '理论学习还不够深入。',
  '三、下一步打算',
  '继续加强学习。',
  '',
].join('\r\n');

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}


/** Moves an offset off the middle of a surrogate pair (editors never put the cursor there). */
function snap(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1)) ? offset - 1 : offset;
}

test(`fuzz: random incremental edits and requests keep the server alive and its ranges inside the document (seed ${SEED})`, { timeout: TIME_MS + 120_000 }, async (t) => {
  console.log(`fuzz seed ${SEED} — replay with SHUZHI_FUZZ_SEED=${SEED}`);
  const rand = prng(SEED);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const server = await startServer();
  t.after(() => server.stop());
  const uri = fileUri(path.join(os.tmpdir(), `shuzhi-fuzz-${SEED}.md`));
  const mirror = TextDocument.create(uri, 'markdown', 1, INITIAL);
  server.open(uri, INITIAL);

  // Texts of the versions not yet diagnosed, to check every pushed diagnostic set against the
  // version it names. The server lints the current version only, so versions before a diagnosed
  // one are dropped; past HISTORY_MAX undiagnosed versions the oldest are dropped too, and
  // counted, so that a set naming one is told apart from a set naming a version never sent.
  const HISTORY_MAX = 1000;
  const history = new Map<number, string>([[1, INITIAL]]);
  let oldestKept = 1;
  let diagnosticsChecked = 0;
  let diagnosticsUncheckable = 0;
  let latestDiagnosed = 0;
  const failures: string[] = [];
  server.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Array<{ range: never; code?: unknown }> }) => {
    if (p.uri !== uri) return;
    if (p.version === undefined) {
      failures.push(`diagnostics published without a version: ${JSON.stringify(p.diagnostics.slice(0, 2))}`);
      return;
    }
    if (p.version < latestDiagnosed) failures.push(`diagnostics for version ${p.version} after version ${latestDiagnosed}`);
    latestDiagnosed = Math.max(latestDiagnosed, p.version);
    const text = history.get(p.version);
    if (text === undefined) {
      if (p.version < oldestKept) diagnosticsUncheckable++;
      else failures.push(`diagnostics for version ${p.version}, which was never sent (latest sent: ${mirror.version})`);
      return;
    }
    for (const v of history.keys()) if (v < p.version) history.delete(v);
    oldestKept = Math.max(oldestKept, p.version);
    const doc = TextDocument.create(uri, 'markdown', p.version, text);
    try {
      for (const d of p.diagnostics) assertRangeIn(doc, d.range, `diagnostic ${String(d.code)} (version ${p.version})`);
      diagnosticsChecked++;
    } catch (e) {
      failures.push((e as Error).message);
    }
  });

  const insertion = () => {
    const n = rand() < 0.1 ? 10 + Math.floor(rand() * 40) : 1 + Math.floor(rand() * 4);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(PIECES);
    return s;
  };

  const started = Date.now();
  let edits = 0;
  let requests = 0;
  const checkedVersion = { count: 0 };
  while (edits < MAX_EDITS && Date.now() - started < TIME_MS) {
    // A batch of edits, sometimes several in one didChange (applied in order, as LSP says).
    const changes = [];
    const inOne = rand() < 0.3 ? 2 + Math.floor(rand() * 3) : 1;
    for (let k = 0; k < inOne; k++) {
      const text = mirror.getText();
      const a = snap(text, Math.floor(rand() * (text.length + 1)));
      const big = text.length > 20_000;
      const del = rand() < (big ? 0.9 : 0.45) ? Math.floor(rand() * (big ? 2000 : 30)) : 0;
      const b = snap(text, Math.min(text.length, a + del));
      const change = { range: { start: mirror.positionAt(a), end: mirror.positionAt(b) }, text: rand() < 0.15 ? '' : insertion() };
      TextDocument.update(mirror, [change], mirror.version + 1);
      changes.push(change);
      edits++;
    }
    const version = mirror.version;
    server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    history.set(version, mirror.getText());
    if (history.size > HISTORY_MAX) {
      const oldest = Math.min(...history.keys());
      history.delete(oldest);
      oldestKept = oldest + 1;
    }

    // Now and then, pause like a user: lint runs after a debounce and pushes diagnostics.
    if (rand() < 0.01) {
      const until = Date.now() + 5000;
      while (latestDiagnosed < version && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    }

    if (rand() < 0.35) {
      const doc = TextDocument.create(uri, 'markdown', version, mirror.getText());
      const text = doc.getText();
      const at = () => doc.positionAt(snap(text, Math.floor(rand() * (text.length + 1))));
      const batch = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(KINDS));
      await Promise.all(
        batch.map(async (kind) => {
          requests++;
          const textDocument = { uri };
          const where = `${kind} at version ${version} (seed ${SEED}, edit ${edits})`;
          if (kind === 'completion') {
            const position = at();
            // No escape for MethodNotFound: a server without completion fails here.
            const r = await server.request('textDocument/completion', { textDocument, position, context: { triggerKind: 1 } });
            for (const item of Array.isArray(r) ? r : r?.items ?? []) {
              const e = item.textEdit;
              if (e) for (const x of [e.range, e.insert, e.replace].filter(Boolean)) assertRangeIn(doc, x, where);
              for (const x of item.additionalTextEdits ?? []) assertRangeIn(doc, x.range, where);
            }
          } else if (kind === 'hover') {
            const r = await server.request('textDocument/hover', { textDocument, position: at() });
            if (r?.range) assertRangeIn(doc, r.range, where);
          } else if (kind === 'symbols') {
            const walk = (list: Array<{ range: never; selectionRange: never; children?: never[] }>): void => {
              for (const s of list ?? []) {
                assertRangeIn(doc, s.range, where);
                assertRangeIn(doc, s.selectionRange, where);
                walk(s.children ?? []);
              }
            };
            walk(await server.request('textDocument/documentSymbol', { textDocument }));
          } else if (kind === 'folding') {
            for (const f of (await server.request('textDocument/foldingRange', { textDocument })) ?? []) {
              assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineCount, `${where}: ${JSON.stringify(f)}`);
            }
          } else if (kind === 'action') {
            const p = at();
            const q = at();
            const range = doc.offsetAt(p) <= doc.offsetAt(q) ? { start: p, end: q } : { start: q, end: p };
            for (const a of (await server.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } })) ?? []) {
              for (const edits2 of Object.values(a.edit?.changes ?? {}) as Array<Array<{ range: never; newText: string }>>) {
                for (const e of edits2) assertRangeIn(doc, e.range, `${where}: “${a.title}” edit ${JSON.stringify(e.newText)}`);
              }
            }
          } else {
            // The server's text is in step with the mirror.
            const r = await server.request('shuzhi/count', { uri });
            assert.equal(r.total, countText(text), `${where}: the server's document differs from the mirror`);
            checkedVersion.count++;
          }
        }),
      );
    }
  }
  assert.equal(server.proc.exitCode, null, `the server is alive (seed ${SEED})`);
  // A last full check on the final version.
  const finalCount = await server.request('shuzhi/count', { uri });
  assert.equal(finalCount.total, countText(mirror.getText()), `final text in step (seed ${SEED})`);
  // The final version is linted and its diagnostics are checked like every other set.
  const until = Date.now() + 15_000;
  while (latestDiagnosed < mirror.version && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(failures, [], `pushed diagnostics (seed ${SEED})`);
  console.log(
    `fuzz: ${edits} edits, ${requests} requests, ${diagnosticsChecked} diagnostic sets checked ` +
      `(${diagnosticsUncheckable} for versions past the history), ${checkedVersion.count} text checks in ${Date.now() - started} ms`,
  );
  assert.ok(edits >= 100, 'the fuzz loop ran');
  assert.equal(latestDiagnosed, mirror.version, `the final version ${mirror.version} was diagnosed (seed ${SEED})`);
  assert.ok(diagnosticsChecked > 1, `diagnostic sets were checked: ${diagnosticsChecked} (seed ${SEED})`);
  assert.ok(checkedVersion.count > 0, `the server's text was compared with the mirror (seed ${SEED})`);
});
