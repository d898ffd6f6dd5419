import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { tempDir } from '../helpers/tmp';

test('shuzhi corpus --clear-cache removes our snapshots and nothing else, in text and JSON', async (t) => {
  const home = tempDir(t, 'shuzhi-cache-');
  const saved = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = home;
  t.after(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });
  const dir = path.join(home, 'shuzhi');
  fs.mkdirSync(dir);
  const snap = (i: number) => path.join(dir, `corpus-${'0123456789abcdef0123'.slice(0, 19)}${i}-cli.snap`);
  fs.writeFileSync(snap(1), Buffer.alloc(1000));
  fs.writeFileSync(snap(2), Buffer.alloc(500));
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), cwd: home });
    return { code, out, err };
  };
  const text = await run(['corpus', '--clear-cache']);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /已清除语料缓存：2 个文件/);
  assert.deepEqual(fs.readdirSync(dir), ['notes.txt'], 'only our snapshot files are removed');
  fs.writeFileSync(snap(3), Buffer.alloc(300));
  const json = await run(['corpus', '--clear-cache', '--format', 'json']);
  assert.equal(json.code, 0);
  const r = JSON.parse(json.out) as { dir: string; files: number; bytes: number };
  assert.deepEqual({ dir: r.dir, files: r.files, bytes: r.bytes }, { dir, files: 1, bytes: 300 });
  assert.equal((await run(['count', 'x.md', '--clear-cache'])).code, 2, 'only the corpus command takes it');
});
