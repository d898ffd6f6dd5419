/**
 * The snapshot cache stays bounded (age, total size, the snapshot in use kept, only our files
 * touched) and can be cleared; the save scheduler coalesces events into one write and flushes
 * within a bound; the corpus store tells when an index was built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cacheEntryKind, clearSnapshotCache, pruneSnapshotCache, STALE_TMP_MS } from '../../server/src/snapshot/cacheBounds';
import { snapshotPath } from '../../server/src/snapshot/cacheLocation';
import { writeSnapshotFile } from '../../server/src/snapshot/snapshotFile';
import { SaveScheduler } from '../../server/src/snapshot/saveScheduler';
import { CorpusStore } from '../../server/src/engine/corpus/store';
import { CachedCorpus } from '../../server/src/snapshot/cachedCorpus';
import { tempDir } from '../helpers/tmp';

const DAY = 24 * 3600 * 1000;
const MB = 1024 * 1024;

/** A file of `bytes` bytes last modified `ageMs` before `now`. */
function put(dir: string, name: string, bytes: number, ageMs: number, now: number): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, Buffer.alloc(bytes, 1));
  const when = new Date(now - ageMs);
  fs.utimesSync(p, when, when);
  return p;
}

const key = (i: number) => i.toString(16).padStart(20, '0');
const snapName = (i: number, flavour = 'server') => path.basename(snapshotPath('/x', key(i), flavour));

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(String(r.stdout));
}

test('our names: snapshots and their writer’s temporary files, nothing else', async (t) => {
  assert.deepEqual(cacheEntryKind(snapName(1)), { kind: 'snapshot' });
  assert.deepEqual(cacheEntryKind(snapName(2, 'cli')), { kind: 'snapshot' });
  for (const foreign of ['notes.txt', 'corpus-abc.snap', `${snapName(1)}.bak`, `x${snapName(1)}`, 'corpus-.snap', `${snapName(1)}.12.zz.tmp`]) {
    assert.equal(cacheEntryKind(foreign), undefined, foreign);
  }
  // The temporary name the atomic writer really uses is recognised, with its pid.
  const dir = tempDir(t, 'shuzhi-cache-unit-');
  const file = snapshotPath(dir, key(7), 'server');
  let seen: string[] = [];
  await writeSnapshotFile(file, (function* () {
    seen = fs.readdirSync(dir);
    yield Buffer.from('x');
  })());
  const tmp = seen.find((n) => n.endsWith('.tmp'));
  assert.ok(tmp, `a temporary file while writing: ${seen}`);
  assert.deepEqual(cacheEntryKind(tmp), { kind: 'temp', pid: process.pid });
});

test('prune: old snapshots go, the total stays under the cap (least recently used first), the one in use stays', async (t) => {
  const dir = tempDir(t, 'shuzhi-cache-unit-');
  const now = Date.now();
  const current = put(dir, snapName(1), 3 * MB, 60 * DAY, now); // old and big, but in use
  const fresh = put(dir, snapName(2), 1 * MB, 1 * DAY, now);
  const older = put(dir, snapName(3), 1 * MB, 2 * DAY, now);
  const oldest = put(dir, snapName(4), 1 * MB, 3 * DAY, now);
  const stale = put(dir, snapName(5, 'cli'), 10, 31 * DAY, now);
  const foreign = [put(dir, 'notes.txt', 10, 400 * DAY, now), put(dir, 'corpus-abc.snap', 10, 400 * DAY, now)];
  fs.mkdirSync(path.join(dir, snapName(6))); // a folder with our name is not ours
  fs.symlinkSync(fresh, path.join(dir, snapName(8)));

  const r = await pruneSnapshotCache(dir, { keep: current, now, maxTotalBytes: 5 * MB });
  const left = (p: string) => fs.existsSync(p);
  assert.ok(left(current), 'the snapshot in use is kept, however old and big');
  assert.ok(!left(stale), 'a snapshot unused for over 30 days is removed');
  // 3 MB in use + 1 MB fresh + 1 MB older = 5 MB: the oldest goes.
  assert.ok(left(fresh) && left(older), 'the most recently used fit under the cap');
  assert.ok(!left(oldest), 'the least recently used over the cap is removed');
  for (const f of foreign) assert.ok(left(f), `not ours, kept: ${f}`);
  assert.ok(fs.statSync(path.join(dir, snapName(6))).isDirectory());
  assert.ok(fs.lstatSync(path.join(dir, snapName(8))).isSymbolicLink(), 'a symbolic link is never removed');
  assert.equal(r.files, 2);
  assert.equal(r.bytes, 1 * MB + 10);
  assert.deepEqual(r.failed, []);
});

test('prune: temporary files of a dead writer or older than the limit go; a live writer’s stays', async (t) => {
  const dir = tempDir(t, 'shuzhi-cache-unit-');
  const now = Date.now();
  const base = snapName(1);
  const live = put(dir, `${base}.${process.pid}.0123abcd.tmp`, 10, 1000, now);
  const dead = put(dir, `${base}.${deadPid()}.0123abcd.tmp`, 10, 1000, now);
  const old = put(dir, `${base}.${process.pid}.89abcdef.tmp`, 10, STALE_TMP_MS + 60_000, now);
  const r = await pruneSnapshotCache(dir, { now });
  assert.ok(fs.existsSync(live), 'a write in progress is left alone');
  assert.ok(!fs.existsSync(dead), 'the file of a killed writer is removed');
  assert.ok(!fs.existsSync(old), 'a temporary file past the limit is removed');
  assert.equal(r.files, 2);
});

test('clearSnapshotCache removes every snapshot and reports files and bytes; other files and a missing folder are fine', async (t) => {
  const dir = tempDir(t, 'shuzhi-cache-unit-');
  const now = Date.now();
  put(dir, snapName(1), 1000, 0, now);
  put(dir, snapName(2, 'cli'), 234, 5 * DAY, now);
  put(dir, `${snapName(2)}.${deadPid()}.0123abcd.tmp`, 66, 0, now);
  const live = put(dir, `${snapName(3)}.${process.pid}.0123abcd.tmp`, 5, 0, now);
  const notes = put(dir, 'notes.txt', 7, 0, now);
  const r = await clearSnapshotCache(dir);
  assert.deepEqual(r, { dir, files: 3, bytes: 1300, failed: [] });
  assert.deepEqual(fs.readdirSync(dir).sort(), [path.basename(live), path.basename(notes)].sort());
  assert.deepEqual(await clearSnapshotCache(path.join(dir, 'missing')), { dir: path.join(dir, 'missing'), files: 0, bytes: 0, failed: [] });
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

test('save scheduler: a burst of events makes one save after the quiet time; nothing new, no save', async () => {
  let saves = 0;
  const s = new SaveScheduler(async () => void saves++, { delayMs: 300, maxDelayMs: 10_000 });
  await sleep(150);
  assert.equal(saves, 0, 'no timer without something to save');
  for (let i = 0; i < 5; i++) {
    s.schedule();
    await sleep(10);
  }
  assert.equal(saves, 0, 'still within the quiet time');
  assert.ok(s.pending);
  await sleep(700);
  assert.equal(saves, 1, 'five events, one save');
  assert.ok(!s.pending);
});

test('save scheduler: a stream of events is saved after maxDelayMs at the latest', async () => {
  let saves = 0;
  const s = new SaveScheduler(async () => void saves++, { delayMs: 1000, maxDelayMs: 150 });
  const until = performance.now() + 800;
  while (performance.now() < until && saves === 0) {
    s.schedule();
    await sleep(20);
  }
  assert.equal(saves, 1, 'saved although events never paused for the quiet time');
  s.close();
});

test('save scheduler: flush runs a pending save at once, waits for it, and accepts nothing after', async () => {
  let saves = 0;
  const s = new SaveScheduler(async () => {
    await sleep(30);
    saves++;
  }, { delayMs: 60_000, maxDelayMs: 60_000 });
  s.schedule();
  assert.equal(await s.flush(5000), 'saved');
  assert.equal(saves, 1);
  s.schedule();
  assert.ok(!s.pending, 'closed after the flush');
  assert.equal(await s.flush(5000), 'idle');
});

test('save scheduler: flush gives up after its bound when the save hangs, and waits for a save already running', async () => {
  let release!: () => void;
  const hang = new Promise<void>((r) => (release = r));
  const s = new SaveScheduler(() => hang, { delayMs: 0, maxDelayMs: 0 });
  s.schedule();
  await sleep(20); // the save has started and hangs
  assert.ok(!s.pending);
  assert.equal(await s.flush(50), 'timeout');
  release();
  const s2 = new SaveScheduler(() => sleep(40), { delayMs: 0, maxDelayMs: 0 });
  s2.schedule();
  await sleep(10);
  assert.equal(await s2.flush(5000), 'saved', 'the running save is awaited');
  assert.equal(await new SaveScheduler(async () => undefined, { delayMs: 0, maxDelayMs: 0 }).flush(50), 'idle');
});

test('corpus store: onIndexBuilt fires when an index is built, not when it is reused or restored', () => {
  const store = new CorpusStore();
  const built: string[] = [];
  store.onIndexBuilt((k) => built.push(k));
  store.set([]);
  store.index('a', () => 1);
  store.index('a', () => 2);
  store.setIndex('b', 3);
  assert.deepEqual(built, ['a']);
  store.set([]);
  store.index('a', () => 4);
  assert.deepEqual(built, ['a', 'a']);
});

test('CachedCorpus: a restore marks the snapshot as used, and a save prunes the folder around the one in use', async (t) => {
  const corpus = tempDir(t, 'shuzhi-cache-unit-');
  const cache = tempDir(t, 'shuzhi-cache-unit-');
  fs.writeFileSync(path.join(corpus, 'a.txt'), '甲单位2023年述职报告\n一、履职情况\n认真履行职责，扎实推进各项工作，取得了较好成效。\n');
  const source = { paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 };
  const opts = { cacheDir: cache, flavour: 'test', engine: 'e1' };
  const first = new CachedCorpus(opts);
  const loaded = await first.load(source);
  assert.equal(await first.save(loaded.reports), true);
  const file = first.snapshotFile!;
  const longAgo = new Date(Date.now() - 60 * DAY);
  fs.utimesSync(file, longAgo, longAgo);

  const second = new CachedCorpus(opts);
  assert.equal((await second.load(source)).restored, 1);
  assert.ok(Date.now() - fs.statSync(file).mtimeMs < DAY, 'restoring it made it recently used');

  // Another configuration's save prunes: the old unused snapshot and a dead writer's file go, the restored one stays.
  const now = Date.now();
  const unused = put(cache, snapName(9, 'test'), 100, 40 * DAY, now);
  const dead = put(cache, `${snapName(9, 'test')}.${deadPid()}.0123abcd.tmp`, 100, 0, now);
  const other = path.join(corpus, 'b');
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(other, 'b.txt'), '乙单位2023年述职报告\n一、履职情况\n认真履行职责。\n');
  const third = new CachedCorpus(opts);
  const loaded3 = await third.load({ ...source, paths: [other] });
  assert.equal(await third.save(loaded3.reports), true);
  assert.ok(!fs.existsSync(unused) && !fs.existsSync(dead), fs.readdirSync(cache).join(', '));
  assert.ok(fs.existsSync(file) && fs.existsSync(third.snapshotFile!));
});
