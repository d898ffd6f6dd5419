/**
 * The corpus under change and under attack, end to end through the server and the CLI:
 * incremental updates (workspace/didChangeWatchedFiles and the server's own fs.watch),
 * hostile corpus folders (binary, empty, invalid UTF-8, FIFO, symlink loops, corrupt .docx,
 * a 75 MB one-line file, files deleted while indexing) — each skipped with a reason or read
 * safely, and the server keeps serving.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, ROOT, startServer, type TestServer } from '../helpers/lspClient';
import { detectReportType, getReportType } from '../../server/src/engine/report/reportTypes';
import { tempDir, type AfterHook } from '../helpers/tmp';

interface Status {
  state: 'indexing' | 'ready' | 'error';
  reports: number;
  skipped: number;
}

const MB = 1024 * 1024;

/** Starts a server on `corpus` alone, recording statuses. */
async function start(t: AfterHook, init: Record<string, unknown>) {
  const cache = tempDir(t, 'shuzhi-cache-');
  const server = await startServer({ initializationOptions: { useBundledCorpus: false, ...init }, env: { XDG_CACHE_HOME: cache } });
  const statuses: Status[] = [];
  server.conn.onNotification('shuzhi/corpusStatus', (s: Status) => {
    statuses.push(s);
  });
  t.after(() => server.stop());
  /** Waits for a status after index `from` that satisfies `pred`. */
  const until = async (pred: (s: Status) => boolean, from = 0, ms = 240_000): Promise<Status> => {
    const end = Date.now() + ms;
    for (;;) {
      const s = statuses.slice(from).find(pred);
      if (s) return s;
      if (server.proc.exitCode !== null) throw new Error(`server exited (${server.proc.exitCode}):\n${server.logs.join('\n')}`);
      if (Date.now() > end) throw new Error(`no such status: ${JSON.stringify(statuses)}\n${server.logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { server, statuses, until };
}

const BODY = (who: string) =>
  `一、履职情况\n一年来，${who}认真履行职责，扎实推进各项工作，取得了较好成效，得到了群众的认可和好评。\n` +
  `二、存在的问题\n${who}理论学习还不够深入，工作方法还需改进，创新意识有待加强，离上级要求还有差距。\n三、下一步打算\n继续加强学习，改进作风。\n`;
const report = (title: string, who: string) => `${title}\n${BODY(who)}`;

/** The outline still answers: the server is alive and serving. */
async function stillServing(server: TestServer): Promise<void> {
  const uri = fileUri(path.join(os.tmpdir(), `alive-${Math.random()}.md`));
  server.open(uri, '某局2023年述职报告\n一、履职情况\n内容。\n二、存在的问题\n内容。\n');
  const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols) && symbols.length > 0, 'documentSymbol answers');
}

function cliCorpus(dir: string, cwd: string): { reports: Array<{ title: string; source: string; chars: number }>; skipped: Array<{ path: string; reason: string }> } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'corpus', '--no-default-corpus', '--corpus', dir, '--format', 'json'], {
    cwd,
    env: { ...process.env, XDG_CACHE_HOME: path.join(cwd, '.cache') },
    encoding: 'utf8',
    maxBuffer: 256 * MB,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('didChangeWatchedFiles: added, changed and deleted corpus files update the corpus, reading only those files', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t, 'shuzhi-robust-');
  fs.writeFileSync(path.join(dir, 'a.txt'), report('甲单位2023年述职报告', '甲') + '\n' + report('乙单位2023年述职报告', '乙'));
  fs.writeFileSync(path.join(dir, 'b.txt'), report('丙单位2023年述职报告', '丙'));
  fs.writeFileSync(path.join(dir, 'keep.txt'), report('丁单位2023年述职报告', '丁'));
  const { server, statuses, until } = await start(t, { corpusPaths: [dir] });
  assert.equal((await until((s) => s.state === 'ready')).reports, 4);

  const newTitle = '某局2023年述学述职述廉述法报告';
  fs.rmSync(path.join(dir, 'a.txt'));
  fs.appendFileSync(path.join(dir, 'b.txt'), '\n' + report('戊单位2023年述职报告', '戊'));
  fs.writeFileSync(path.join(dir, 'c.txt'), report(newTitle, '己'));
  const from = statuses.length;
  server.notify('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: fileUri(path.join(dir, 'a.txt')), type: 3 },
      { uri: fileUri(path.join(dir, 'b.txt')), type: 2 },
      { uri: fileUri(path.join(dir, 'c.txt')), type: 1 },
    ],
  });
  const updated = await until((s) => s.state === 'ready', from);
  assert.equal(updated.reports, 4, 'b.txt now has two reports, c.txt one, keep.txt one');
  assert.ok(server.logs.some((l) => /读取 2 个、移除 1 个/.test(l)), `only the two new/changed files are read:\n${server.logs.join('\n')}`);
  const stats = await server.request('shuzhi/stats', null);
  const typeName = getReportType(detectReportType(newTitle).id)!.name;
  assert.equal(stats.byType[typeName], 1, JSON.stringify(stats.byType));

  // Events for files outside the corpus change nothing.
  const before = statuses.length;
  server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(os.tmpdir(), 'elsewhere.txt')), type: 2 }] });
  await stillServing(server);
  assert.equal(statuses.length, before);
});

test('fs.watch: with watchCorpus the server notices corpus changes by itself', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t, 'shuzhi-robust-');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'a.txt'), report('甲单位2023年述职报告', '甲'));
  const { statuses, until } = await start(t, { corpusPaths: [dir], watchCorpus: true });
  const soon = (pred: (s: Status) => boolean, from: number) => until(pred, from, 60_000);
  assert.equal((await until((s) => s.state === 'ready')).reports, 1);
  const from = statuses.length;
  fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), report('乙单位2023年述职报告', '乙'));
  assert.equal((await soon((s) => s.state === 'ready' && s.reports === 2, from)).reports, 2);
  fs.rmSync(path.join(dir, 'sub', 'a.txt'));
  assert.equal((await soon((s) => s.state === 'ready' && s.reports === 1, from)).reports, 1);
});

/** A folder with one good report and one of each kind of bad file. Returns the expected skipped names. */
function hostileFolder(dir: string): string[] {
  const w = (rel: string, data: string | Uint8Array) => fs.writeFileSync(path.join(dir, rel), data);
  fs.mkdirSync(path.join(dir, 'sub'));
  w('good.txt', report('甲单位2023年述职报告', '甲'));
  w('binary.txt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 0, 0]));
  w('empty.txt', '');
  w('bad-utf8.txt', Buffer.from(Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 256) | 0x80)));
  w('corrupt.docx', Buffer.from('PK\u0003\u0004 这不是 Word 文件'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
  fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
  return ['bad-utf8.txt', 'binary.txt', 'corrupt.docx', 'empty.txt', 'pipe.txt', 'self.txt', 'up'];
}

/** A single line of real report text, `bytes` long (UTF-8), with no line break at all. */
function oneLineFile(file: string, bytes: number): void {
  const src = fs.readdirSync(path.join(ROOT, 'corpus')).filter((n) => n.endsWith('.txt')).map((n) => fs.readFileSync(path.join(ROOT, 'corpus', n), 'utf8')).join('');
  const line = Buffer.from(src.replace(/\s+/g, ''), 'utf8');
  const out = Buffer.alloc(bytes, 0x20);
  let pos = 0;
  while (pos + line.length <= bytes) pos += line.copy(out, pos);
  // Fill the tail with ASCII so no character is cut in half.
  out.fill('a', pos);
  fs.writeFileSync(file, out);
}

test('hostile corpus folder: every bad file is skipped with a reason, listed by the server and the CLI alike, and the server keeps serving', { timeout: 240_000 }, async (t) => {
  const dir = tempDir(t, 'shuzhi-robust-');
  const expected = hostileFolder(dir);
  oneLineFile(path.join(dir, 'huge-one-line.txt'), 75 * MB);
  expected.push('huge-one-line.txt');
  expected.sort();

  const { server, until } = await start(t, { corpusPaths: [dir] });
  const ready = await until((s) => s.state === 'ready');
  assert.equal(ready.reports, 1);
  const stats = await server.request('shuzhi/stats', null);
  const skipped = stats.skipped as Array<{ path: string; reason: string }>;
  assert.deepEqual(skipped.map((s) => path.basename(s.path)).sort(), expected);
  for (const s of skipped) assert.match(s.reason, /[\u4e00-\u9fff]{2}/, `a Chinese reason for ${s.path}`);
  assert.match(skipped.find((s) => s.path.endsWith('huge-one-line.txt'))!.reason, /太大.*20/);
  for (const s of skipped) assert.ok(server.logs.some((l) => l.includes(s.path) && l.includes(s.reason)), `logged: ${s.path}`);
  await stillServing(server);

  const cwd = tempDir(t, 'shuzhi-cli-');
  const cli = cliCorpus(dir, cwd);
  assert.deepEqual(cli.skipped, skipped);
  assert.deepEqual(cli.reports.map((r) => r.title), ['甲单位2023年述职报告']);
});

test('a 75 MB one-line file is read without hanging when maxFileSizeMB allows it', { timeout: 300_000 }, async (t) => {
  const dir = tempDir(t, 'shuzhi-robust-');
  const file = path.join(dir, 'one-line.txt');
  oneLineFile(file, 75 * MB);
  const { server, until } = await start(t, { corpusPaths: [dir], maxFileSizeMB: 100 });
  const uri = fileUri(path.join(dir, 'draft.md'));
  server.open(uri, '某局2023年述职报告\n一、履职情况\n加强理论学习，认真履行职责。\n');
  // Requests sent while the file is being read and parsed are answered.
  const early = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(early));
  const ready = await until((s) => s.state === 'ready');
  assert.equal(ready.reports, 1);
  assert.equal(ready.skipped, 0);
  await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
  await stillServing(server);

  const cwd = tempDir(t, 'shuzhi-cli-');
  fs.writeFileSync(path.join(cwd, '.shuzhirc.json'), JSON.stringify({ maxFileSizeMB: 100 }));
  const cli = cliCorpus(dir, cwd);
  assert.equal(cli.reports.length, 1);
  assert.deepEqual(cli.skipped, []);
  assert.ok(cli.reports[0].chars > 20_000_000, `the whole line is read: ${cli.reports[0].chars} characters`);
});

test('files deleted while the corpus is being indexed: the server survives and the next update matches the disk', { timeout: 240_000 }, async (t) => {
  const dir = tempDir(t, 'shuzhi-robust-');
  const text = report('甲单位2023年述职报告', '甲').padEnd(60_000, '加强学习，改进作风。');
  for (let i = 0; i < 120; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.txt`), text);
  const { server, statuses, until } = await start(t, { corpusPaths: [dir] });
  // Once the first batch is published, the rest is still being read: delete every other file.
  await until((s) => s.state === 'indexing' && s.reports > 0);
  const deleted: string[] = [];
  for (let i = 119; i >= 0; i -= 2) {
    const p = path.join(dir, `f${String(i).padStart(3, '0')}.txt`);
    fs.rmSync(p);
    deleted.push(p);
  }
  await until((s) => s.state === 'ready');
  const first = await server.request('shuzhi/stats', null);
  for (const s of first.skipped as Array<{ path: string; reason: string }>) {
    assert.ok(deleted.includes(s.path), `only deleted files can be skipped: ${s.path}`);
    assert.match(s.reason, /删除|移动|不存在/);
  }
  const from = statuses.length;
  server.notify('workspace/didChangeWatchedFiles', { changes: deleted.map((p) => ({ uri: fileUri(p), type: 3 })) });
  if (first.reports !== 60 || first.skipped.length > 0) await until((s) => s.state === 'ready', from);
  const after = await server.request('shuzhi/stats', null);
  assert.equal(after.reports, 60);
  assert.deepEqual(after.skipped, []);
  await stillServing(server);
});
