import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listCorpusFiles, loadCorpusPaths } from '../../server/src/engine/corpus/loader';
import { CachedCorpus } from '../../server/src/snapshot/cachedCorpus';
import { FolderWatcher } from '../../server/src/snapshot/folderWatcher';
import { tempDir } from '../helpers/tmp';

const REPORT = '甲单位2023年述职报告\n一、履职情况\n一年来，认真履行职责，扎实推进各项工作，取得了较好成效，得到了群众的认可和好评，各项任务圆满完成。\n';

/** Every kind of entry a corpus folder may hold, good and bad. */
function mixedFolder(root: string): void {
  const w = (rel: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), data);
  };
  w('a.txt', REPORT);
  w('b.md', REPORT.replace('甲', '乙'));
  w('deep/er/c.markdown', REPORT.replace('甲', '丙'));
  w('notes.pdf', 'not a corpus file');
  w('.hidden/x.txt', REPORT);
  w('~$lock.docx', 'lock');
  w('empty.txt', '');
  w('binary.txt', Buffer.from([0, 1, 2, 3]));
  w('bad.docx', 'PK\u0003\u0004 broken');
  execFileSync('mkfifo', [path.join(root, 'fifo.txt')]);
  fs.symlinkSync('loop.txt', path.join(root, 'loop.txt'));
  fs.symlinkSync('..', path.join(root, 'deep', 'parent'));
  fs.symlinkSync('a.txt', path.join(root, 'alias.txt'));
  fs.symlinkSync('missing.txt', path.join(root, 'dangling.txt'));
}

test('the listing and CachedCorpus agree with the loader: same files read, same files skipped, same reasons', async (t) => {
  const root = tempDir(t, 'shuzhi-robust-unit-');
  mixedFolder(root);
  const fromLoader = await loadCorpusPaths([root], { maxFileSizeBytes: 1 << 20 });
  const listing = await listCorpusFiles([root]);
  const cached = await new CachedCorpus().load({ paths: [root], useBundled: false, maxFileSizeBytes: 1 << 20 });

  assert.deepEqual(
    [...new Set(cached.reports.map((r) => r.source))],
    fromLoader.files.map((f) => f.path),
    'the same files are read',
  );
  assert.deepEqual(cached.skipped, fromLoader.skipped, 'the same files are skipped, with the same reasons');
  // The listing itself only stats: read-time problems (empty, binary, corrupt) are still candidates.
  for (const name of ['empty.txt', 'binary.txt', 'bad.docx']) assert.ok(listing.files.some((f) => f.path === path.join(root, name)), name);
  assert.ok(!listing.files.some((f) => /notes\.pdf|\.hidden|~\$lock|fifo/.test(f.path)));
  assert.equal(listing.files.filter((f) => f.path.endsWith('a.txt') || f.path.endsWith('alias.txt')).length, 1, 'a file reached twice is listed once');
});

test('FolderWatcher reports a burst of corpus changes once, and ignores files of other types', async (t) => {
  const root = tempDir(t, 'shuzhi-robust-unit-');
  fs.mkdirSync(path.join(root, 'sub'));
  let calls = 0;
  const watcher = new FolderWatcher(() => calls++, () => undefined, 100);
  t.after(() => watcher.close());
  watcher.watch([root]);
  const settle = () => new Promise((r) => setTimeout(r, 400));
  await settle();
  for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(root, 'sub', `f${i}.txt`), REPORT);
  await settle();
  assert.equal(calls, 1, 'one call for the burst');
  fs.writeFileSync(path.join(root, 'sub', 'image.png'), 'x');
  await settle();
  assert.equal(calls, 1, 'a non-corpus file changes nothing');
  fs.rmSync(path.join(root, 'sub', 'f0.txt'));
  await settle();
  assert.equal(calls, 2, 'a deletion is noticed');
  watcher.close();
  fs.writeFileSync(path.join(root, 'sub', 'after.txt'), REPORT);
  await settle();
  assert.equal(calls, 2, 'closed watchers report nothing');
});
