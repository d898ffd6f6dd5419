/**
 * When the snapshot is written: after an index build (no polling), and on shutdown for a save
 * still pending, so a restart right after the phrase index is ready restores it. The cache can
 * be cleared through `shuzhi/clearCache`, and only our files go.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, ROOT, startServer, type TestServer } from '../helpers/lspClient';
import { corpusLine } from '../helpers/corpusLines';
import { synthesizeCorpus } from '../../bench/synth';
import { PHRASE_INDEX_KEY } from '../../server/src/features/sharedPhraseIndex';
import { SNAPSHOT_HEADER_BYTES } from '../../server/src/snapshot/snapshotFile';
import { tempDir } from '../helpers/tmp';

interface Status {
  state: 'indexing' | 'ready' | 'error';
  reports: number;
  source?: string;
  /** The server's log lines when the status came. */
  logsBefore: string[];
}

function statuses(server: TestServer): Status[] {
  const list: Status[] = [];
  server.conn.onNotification('shuzhi/corpusStatus', (s: Status) => void list.push({ ...s, logsBefore: [...server.logs] }));
  return list;
}

async function until<T>(what: string, server: TestServer, probe: () => T | undefined, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (server.proc.exitCode !== null) throw new Error(`server exited while waiting for ${what}:\n${server.logs.join('\n')}`);
    if (Date.now() > end) throw new Error(`no ${what} in ${ms} ms:\n${server.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The corpus is ready and the phrase index of that whole corpus (not of a partial one) is built: a corpus over 2 M characters, built in slices, which log their end. */
async function phraseIndexReady(server: TestServer, list: Status[]): Promise<Status> {
  const ready = await until('ready status', server, () => list.find((s) => s.state === 'ready'));
  await until('phrase index of the whole corpus', server, () =>
    server.logs.find((l) => Number(/短语索引已建立：(\d+) 篇报告/.exec(l)?.[1]) === ready.reports),
  );
  return ready;
}

/** Index keys in the snapshot files of `dir` (read from the meta, as a restart would). */
function snapshotIndexKeys(dir: string): string[][] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.snap'))
    .map((n) => {
      const buf = fs.readFileSync(path.join(dir, n));
      const meta = JSON.parse(buf.subarray(SNAPSHOT_HEADER_BYTES, SNAPSHOT_HEADER_BYTES + buf.readUInt32LE(12)).toString('utf8'));
      return (meta.indexes as Array<{ key: string }>).map((i) => i.key);
    });
}

/** Shutdown (awaited, with a generous limit), exit, and the process's exit code. */
async function shutdownAndExit(server: TestServer): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    if (server.proc.exitCode !== null) resolve(server.proc.exitCode);
    server.proc.once('exit', (code) => resolve(code));
  });
  await Promise.race([
    server.request('shutdown', null),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`shutdown not answered in 10 s:\n${server.logs.join('\n')}`)), 10_000)),
  ]);
  server.notify('exit', null);
  const code = await exited;
  server.conn.dispose();
  return code;
}

test('a restart right after the phrase index is ready restores it from the snapshot', { timeout: 300_000 }, async (t) => {
  const corpus = synthesizeCorpus({ sizeMB: 7, seed: 11, dir: path.join(tempDir(t, 'shuzhi-save-'), 'corpus'), minFileKB: 100, maxFileKB: 300 });
  const cache = tempDir(t, 'shuzhi-save-cache-');
  const env = { XDG_CACHE_HOME: cache };
  const snapDir = path.join(cache, 'shuzhi');
  const init = { corpusPaths: [corpus], useBundledCorpus: false };

  const first = await startServer({ initializationOptions: init, env });
  t.after(() => first.stop());
  const ready = await phraseIndexReady(first, statuses(first));
  // At once: no time for a timer to save it.
  assert.equal(await shutdownAndExit(first), 0);
  const keys = snapshotIndexKeys(snapDir);
  assert.equal(keys.length, 1, `one snapshot: ${fs.existsSync(snapDir) ? fs.readdirSync(snapDir) : 'no cache folder'}\n${first.logs.join('\n')}`);
  assert.ok(keys[0].includes(PHRASE_INDEX_KEY), `the phrase index is in the snapshot: ${keys[0]}\n${first.logs.join('\n')}`);

  const second = await startServer({ initializationOptions: init, env });
  t.after(() => second.stop());
  const list = statuses(second);
  const ready2 = await until('ready status', second, () => list.find((s) => s.state === 'ready'));
  assert.equal(ready2.source, 'snapshot', second.logs.join('\n'));
  assert.equal(ready2.reports, ready.reports);
  // The completion path was compiled on the restored index before the corpus was announced ready, not between the first requests.
  assert.ok(ready2.logsBefore.some((l) => /补全已预热：48 次/.test(l)), `warm-up logged before ready:\n${second.logs.join('\n')}`);
  // The restored index answers at once: a hover on a corpus sentence, and no build logged.
  const sentence = corpusLine(corpus);
  const uri = fileUri(path.join(corpus, '..', 'draft.md'));
  second.open(uri, `${sentence}\n`);
  const hover = await second.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
  assert.ok(hover, `a hover for a corpus sentence: ${sentence}`);
  assert.ok(!second.logs.some((l) => /短语索引已建立/.test(l)), `the phrase index was restored, not rebuilt:\n${second.logs.join('\n')}`);

  // Clearing the cache removes our snapshot and nothing else.
  const foreign = path.join(snapDir, 'notes.txt');
  fs.writeFileSync(foreign, '不是快照');
  const snapBytes = fs.readdirSync(snapDir).filter((n) => n.endsWith('.snap')).reduce((n, f) => n + fs.statSync(path.join(snapDir, f)).size, 0);
  const cleared = await second.request('shuzhi/clearCache', null);
  assert.equal(cleared.files, 1, JSON.stringify(cleared));
  assert.equal(cleared.bytes, snapBytes);
  assert.deepEqual(fs.readdirSync(snapDir), ['notes.txt']);
  // Cleared means cleared: the server does not write the same snapshot back on its way out.
  assert.equal(await shutdownAndExit(second), 0);
  assert.deepEqual(fs.readdirSync(snapDir), ['notes.txt']);
});

test('shutdown writes a snapshot save that is still pending, and exit follows', { timeout: 120_000 }, async (t) => {
  const cache = tempDir(t, 'shuzhi-pending-');
  const env = { XDG_CACHE_HOME: cache };
  const snapDir = path.join(cache, 'shuzhi');
  // The quiet time before a save is an hour: only the shutdown can write it.
  const server = await startServer({ initializationOptions: { snapshotSaveDelayMs: 3_600_000 }, env });
  t.after(() => server.stop());
  // The bundled corpus is indexed in one go: a hover that answers shows its phrase index is built.
  const uri = fileUri(path.join(cache, 'draft.md'));
  server.open(uri, `${corpusLine(path.join(ROOT, 'corpus'))}\n`);
  let hover: unknown = null;
  for (let i = 0; i < 100 && !hover; i++) {
    hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
  }
  assert.ok(hover, 'the bundled corpus answers a hover on its own sentence');
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(snapshotIndexKeys(snapDir), [], 'nothing saved before shutdown');
  assert.equal(await shutdownAndExit(server), 0);
  const keys = snapshotIndexKeys(snapDir);
  assert.equal(keys.length, 1, server.logs.join('\n'));
  assert.ok(keys[0].includes(PHRASE_INDEX_KEY), `phrase index saved on shutdown: ${keys[0]}`);
  assert.ok(server.logs.some((l) => /关闭前的语料快照保存已完成/.test(l)), server.logs.join('\n'));
  assert.ok(!fs.readdirSync(snapDir).some((n) => n.endsWith('.tmp')), 'no temporary file left');
});
