import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusReady, startServer } from '../helpers/lspClient';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

function userFolder(): string {
  const dir = tmp('shuzhi-proto-');
  fs.writeFileSync(
    path.join(dir, 'a.md'),
    '# 2024年个人述职报告\n\n## 一、履职情况\n\n一年来，我认真学习贯彻党的二十大精神，扎实推进各项工作，较好完成了全年目标任务，取得了一定成效。\n\n## 二、存在的问题\n\n学习不够深入。\n\n## 三、下一步打算\n\n继续加强学习。\n',
  );
  fs.writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 0, 0, 1, 2, 3]));
  return dir;
}

test('the server starts on the bundled corpus with no set-up', async () => {
  const server = await startServer();
  try {
    assert.equal(server.initializeResult.serverInfo.name, 'shuzhi');
    const caps = server.initializeResult.capabilities;
    assert.ok(caps.completionProvider && caps.hoverProvider && caps.documentSymbolProvider && caps.codeActionProvider);
    // Two channels of completion: ghost text, and a list that never opens by itself on a typed mark.
    assert.equal(caps.inlineCompletionProvider, true, 'inline completion is declared');
    assert.equal(caps.completionProvider.triggerCharacters, undefined, 'the list never opens by itself on a typed mark');
    const status = await corpusReady(server);
    assert.equal(status.reports, 17);
    const stats = await server.request('shuzhi/stats', {});
    assert.equal(stats.reports, 17);
    assert.equal(Object.values(stats.byType as Record<string, number>).reduce((a, b) => a + b, 0), 17);
    assert.ok(stats.byKind['履职情况'] > 10);
  } finally {
    await server.stop();
  }
});

test('corpusPaths from initializationOptions add a folder; broken files are skipped and reported', async () => {
  const dir = userFolder();
  const server = await startServer({ initializationOptions: { corpusPaths: [dir] } });
  try {
    const status = await corpusReady(server);
    assert.equal(status.reports, 18);
    assert.equal(status.skipped, 1);
    const stats = await server.request('shuzhi/stats', {});
    assert.equal(stats.skipped[0].path, path.join(dir, 'junk.txt'));
  } finally {
    await server.stop();
  }
});

test('workspace/configuration section shuzhi is read (useBundledCorpus off, a user folder on)', async () => {
  const dir = userFolder();
  const server = await startServer({ configuration: { corpusPaths: [dir], useBundledCorpus: false } });
  try {
    const status = await corpusReady(server);
    assert.equal(status.reports, 1);
  } finally {
    await server.stop();
  }
});

test('an untrusted workspace does not read corpus folders from settings; the bundled corpus still works', async () => {
  const dir = userFolder();
  const server = await startServer({ initializationOptions: { corpusPaths: [dir], trusted: false } });
  try {
    const status = await corpusReady(server);
    assert.equal(status.reports, 17);
  } finally {
    await server.stop();
  }
});
