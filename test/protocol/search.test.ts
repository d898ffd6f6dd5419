import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusReady, startServer } from '../helpers/lspClient';
import type { SearchHit } from '../../server/src/protocol/contract';
import { tempDir } from '../helpers/tmp';

type Hit = SearchHit;

test('shuzhi/search returns corpus sentences containing the query first, placed on their source file lines', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const hits = await server.request<Hit[]>('shuzhi/search', { query: '三会一课', limit: 5 });
    assert.equal(hits.length, 5);
    for (const h of hits) {
      assert.ok(h.text.includes('三会一课'), h.text);
      assert.ok(h.title && h.source && typeof h.score === 'number');
      // `line` is the line of the source file, so “open the source” lands on the sentence.
      assert.equal(typeof h.line, 'number');
      const fileLines = fs.readFileSync(h.source, 'utf8').split(/\r\n|\r|\n/);
      assert.ok(fileLines[h.line!].includes(h.text.slice(0, 10)), `${h.source}:${h.line} → ${fileLines[h.line!]}`);
    }
    assert.deepEqual(await server.request('shuzhi/search', { query: '量子纠缠' }), []);
    assert.deepEqual(await server.request('shuzhi/search', { query: '' }), []);
    assert.deepEqual(await server.request('shuzhi/search', { limit: 3 }), [], 'a request without a query matches nothing');
  } finally {
    await server.stop();
  }
});

test('shuzhi/search over a user corpus folder only', async (t) => {
  const dir = tempDir(t, 'shuzhi-search-');
  fs.writeFileSync(
    path.join(dir, 'a.txt'),
    ['甲单位2023年述职报告', '一、廉洁自律情况', '　　严格遵守中央八项规定精神，从未收受礼品礼金，自觉接受党员群众监督，筑牢拒腐防变思想防线。', ''].join('\n'),
  );
  const server = await startServer({ initializationOptions: { corpusPaths: [dir], useBundledCorpus: false } });
  try {
    await corpusReady(server);
    const hits = await server.request<Hit[]>('shuzhi/search', { query: '八项规定', limit: 10 });
    assert.equal(hits.length, 1);
    assert.equal(hits[0].title, '甲单位2023年述职报告');
    assert.equal(hits[0].section, '一、廉洁自律情况');
    assert.equal(hits[0].line, 2);
    assert.equal(hits[0].reportLine, 2);
  } finally {
    await server.stop();
  }
});
