import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, ROOT, startServer } from '../helpers/lspClient';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

/**
 * A corpus over two million characters (the bundled files, copied under other names; a
 * smaller one is indexed at once by the first completion) is
 * indexed in worker threads by the built server (dist/phraseIndexWorker.js); the hovers it
 * then gives are those of the same server indexing in slices on its own thread.
 */
function largeCorpus(): { dir: string; phrases: string[] } {
  const dir = tmp('shuzhi-workers-corpus-');
  const texts = fs
    .readdirSync(path.join(ROOT, 'corpus'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => fs.readFileSync(path.join(ROOT, 'corpus', n), 'utf8'));
  let chars = 0;
  for (let copy = 0; chars < 2_200_000; copy++) {
    texts.forEach((t, i) => fs.writeFileSync(path.join(dir, `copy${copy}-${i}.txt`), t));
    chars += texts.reduce((n, t) => n + t.length, 0);
  }
  // Phrases to hover: the first four Han characters of a few body lines, whatever the corpus says.
  const phrases = texts
    .flatMap((t) => t.split('\n'))
    .map((l) => /^[\p{Script=Han}]{4}/u.exec(l.trim())?.[0])
    .filter((p): p is string => !!p)
    .filter((_, i) => i % 37 === 5)
    .slice(0, 12);
  return { dir, phrases };
}

async function hoversWith(workers: string, dir: string, phrases: string[]): Promise<{ logs: string[]; hovers: unknown[] }> {
  const cache = tmp('shuzhi-workers-cache-');
  const server = await startServer({
    initializationOptions: { corpusPaths: [dir], storagePath: path.join(cache, 'storage') },
    env: { XDG_CACHE_HOME: cache, SHUZHI_INDEX_WORKERS: workers },
  });
  try {
    let reports = -1;
    server.conn.onNotification('shuzhi/corpusStatus', (s: { state: string; reports: number }) => {
      if (s.state === 'ready') reports = s.reports;
    });
    const end = Date.now() + 120_000;
    while (!(reports > 0 && server.logs.some((l) => l.includes(`短语索引已建立：${reports} 篇报告`)))) {
      assert.ok(Date.now() < end, `no phrase index:\n${server.logs.slice(-5).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-workers-draft.md'));
    server.open(uri, phrases.join('\n'));
    const hovers: unknown[] = [];
    for (let line = 0; line < phrases.length; line++) {
      hovers.push(await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } }));
    }
    return { logs: [...server.logs], hovers };
  } finally {
    await server.stop();
  }
}

test('a corpus of two million characters is indexed in worker threads, and hovers are those of the one-thread build', async () => {
  const { dir, phrases } = largeCorpus();
  assert.ok(phrases.length >= 5, 'phrases to hover');
  const inWorkers = await hoversWith('2', dir, phrases);
  assert.ok(
    inWorkers.logs.some((l) => l.includes('短语索引在 2 个工作线程中建立')),
    inWorkers.logs.filter((l) => l.includes('索引')).join('\n'),
  );
  assert.ok(!inWorkers.logs.some((l) => l.includes('工作线程建立短语索引失败')), 'no fallback to slices');
  const inSlices = await hoversWith('0', dir, phrases);
  assert.ok(!inSlices.logs.some((l) => l.includes('工作线程中建立')), 'SHUZHI_INDEX_WORKERS=0 builds in slices');
  const answered = inWorkers.hovers.filter((h) => h !== null);
  assert.ok(answered.length >= phrases.length / 2, `${answered.length} of ${phrases.length} phrases answered`);
  assert.deepEqual(inWorkers.hovers, inSlices.hovers);
});
