/**
 * Start-up at scale: the server answers while a large corpus is still being indexed,
 * reports progress, publishes a partial corpus, and a restart restores the snapshot
 * (a damaged snapshot is rebuilt, never trusted).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from '../helpers/lspClient';
import { synthesizeCorpus } from '../../bench/synth';
import { tempDir } from '../helpers/tmp';

interface Status {
  state: 'indexing' | 'ready' | 'error';
  reports: number;
  skipped: number;
  source?: string;
}

/** Records corpus statuses and progress kinds as they arrive, and their order in `order` (register right after start). */
function watchStatus(server: TestServer, order: string[] = []) {
  const statuses: Status[] = [];
  const progress: string[] = [];
  server.conn.onNotification('shuzhi/corpusStatus', (s: Status) => {
    statuses.push(s);
    order.push(`status:${s.state}`);
  });
  server.conn.onNotification('$/progress', (p: { value: { kind: string } }) => {
    progress.push(p.value.kind);
  });
  return { statuses, progress };
}

async function waitForLog(server: TestServer, pattern: RegExp, ms = 60_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const line = server.logs.find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > end) throw new Error(`no log line ${pattern} in ${ms} ms:\n${server.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const DRAFT = [
  '某局2023年度个人述职报告',
  '',
  '一、履职情况',
  '一年来，我认真履行职责，加强理论学习，扎实推进各项工作。',
  '二、存在的问题',
  '理论学习还不够深入。',
  '三、下一步打算',
  '继续加强学习。',
  '',
].join('\n');

test('requests are answered while a large corpus is still indexing; progress and a partial corpus are reported; a restart uses the snapshot', { timeout: 300_000 }, async (t) => {
  const corpus = synthesizeCorpus({ sizeMB: 12, seed: 7, dir: path.join(tempDir(t, 'shuzhi-big-'), 'corpus'), minFileKB: 100, maxFileKB: 300 });
  const cache = tempDir(t, 'shuzhi-cache-');
  const env = { XDG_CACHE_HOME: cache };
  const uri = fileUri(path.join(corpus, '..', 'draft.md'));

  const server = await startServer({ initializationOptions: { corpusPaths: [corpus] }, env });
  let restarted: TestServer | undefined;
  t.after(async () => {
    await server.stop();
    await restarted?.stop();
  });
  const order: string[] = [];
  const watch = watchStatus(server, order);
  server.open(uri, DRAFT);
  const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  order.push('symbols');
  const hover = server.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 10 } }).then((h) => {
    order.push('hover');
    return h;
  });
  await hover;
  const ready = await pollStatus(watch.statuses, (s) => s.state === 'ready', server);

  const names = (list: Array<{ name: string; children?: unknown[] }>): string[] => list.flatMap((x) => [x.name, ...names((x.children ?? []) as typeof list)]);
  assert.ok(names(symbols).includes('二、存在的问题'), `outline of the draft: ${JSON.stringify(symbols)}`);
  assert.ok(order.indexOf('symbols') < order.indexOf('status:ready'), `documentSymbol answered before the corpus was ready: ${order.join(' ')}`);
  // Hover is not asked to beat the corpus: it waits a bounded time for it (earlyRequests.test.ts).
  assert.ok(ready.reports > 100, `synthetic corpus loaded: ${ready.reports} reports`);
  const partial = watch.statuses.find((s) => s.state === 'indexing' && s.reports > 0);
  assert.ok(partial && partial.reports < ready.reports, `a partial corpus is published first: ${JSON.stringify(watch.statuses)}`);
  assert.equal(watch.progress[0], 'begin');
  assert.ok(watch.progress.includes('report'), `progress reports: ${watch.progress.join(',')}`);
  assert.equal(watch.progress.at(-1), 'end');
  const stats = await server.request('shuzhi/stats', null);
  assert.equal(stats.reports, ready.reports);

  await waitForLog(server, /语料快照已保存/);
  const snapDir = path.join(cache, 'shuzhi');
  const snaps = fs.readdirSync(snapDir).filter((n) => n.endsWith('.snap'));
  assert.equal(snaps.length, 1, `one snapshot: ${fs.readdirSync(snapDir)}`);
  assert.ok(!fs.readdirSync(snapDir).some((n) => n.endsWith('.tmp')), 'no temporary file left');
  await server.stop();

  // Restart: everything comes from the snapshot.
  restarted = await startServer({ initializationOptions: { corpusPaths: [corpus] }, env });
  const ready2 = await pollStatus(watchStatus(restarted).statuses, (s) => s.state === 'ready', restarted);
  assert.equal(ready2.source, 'snapshot', restarted.logs.join('\n'));
  assert.equal(ready2.reports, ready.reports);
  assert.equal(ready2.skipped, ready.skipped);
  assert.deepEqual(await restarted.request('shuzhi/stats', null), stats);
  await restarted.stop();

  // A damaged snapshot is detected, the corpus is read from the files, and the snapshot rebuilt.
  const snapFile = path.join(snapDir, snaps[0]);
  const bytes = fs.readFileSync(snapFile);
  bytes[bytes.length - 100] ^= 0x5a;
  fs.writeFileSync(snapFile, bytes);
  restarted = await startServer({ initializationOptions: { corpusPaths: [corpus] }, env });
  const ready3 = await pollStatus(watchStatus(restarted).statuses, (s) => s.state === 'ready', restarted);
  assert.equal(ready3.source, 'files');
  assert.equal(ready3.reports, ready.reports);
  assert.ok(restarted.logs.some((l) => /快照无法使用.*损坏/.test(l)), restarted.logs.join('\n'));
  assert.deepEqual(await restarted.request('shuzhi/stats', null), stats);
  await waitForLog(restarted, /语料快照已保存/);
});

async function pollStatus(statuses: Status[], pred: (s: Status) => boolean, server: TestServer, ms = 180_000): Promise<Status> {
  const end = Date.now() + ms;
  for (;;) {
    const s = statuses.find(pred);
    if (s) return s;
    if (server.proc.exitCode !== null) throw new Error(`server exited:\n${server.logs.join('\n')}`);
    if (Date.now() > end) throw new Error(`no such status in ${ms} ms: ${JSON.stringify(statuses)}\n${server.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('the snapshot goes to initializationOptions.storagePath when the client gives one', { timeout: 120_000 }, async (t) => {
  const corpus = tempDir(t, 'shuzhi-small-');
  fs.writeFileSync(path.join(corpus, 'a.txt'), fs.readFileSync(path.join(__dirname, '..', '..', 'corpus', fs.readdirSync(path.join(__dirname, '..', '..', 'corpus')).find((n) => n.endsWith('.txt'))!)));
  const storage = path.join(tempDir(t, 'shuzhi-storage-'), 'globalStorage');
  const xdg = tempDir(t, 'shuzhi-xdg-');
  const server = await startServer({ initializationOptions: { corpusPaths: [corpus], storagePath: storage }, env: { XDG_CACHE_HOME: xdg } });
  t.after(() => server.stop());
  await waitForLog(server, /语料快照已保存/);
  assert.ok(fs.readdirSync(storage).some((n) => n.endsWith('-server.snap')), `snapshot in storagePath: ${fs.readdirSync(storage)}`);
  assert.ok(!fs.existsSync(path.join(xdg, 'shuzhi')), 'nothing written to the XDG cache');
});
