/**
 * The delivery adapter's custom requests (shuzhi/export, shuzhi/import, shuzhi/count), driven
 * through a stand-in connection: the handlers are what the server runs for the client.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusStore } from '../../server/src/engine/corpus/store';
import { normalizeSettings } from '../../server/src/engine/settings';
import { countText } from '../../server/src/engine/delivery/count';
import { buildDocx } from '../../server/src/engine/delivery/docxExport';
import type { ServerContext } from '../../server/src/context';
import { register } from '../../server/src/features/delivery';
import { EXPORT_TARGET_EXISTS } from '../../server/src/protocol/contract';
import { tempDir } from '../helpers/tmp';

type Handler = (params: any) => any;

function fakeServer(docs: TextDocument[], settings = normalizeSettings({})) {
  const handlers = new Map<string, Handler>();
  const ctx = {
    connection: { onRequest: (method: string, h: Handler) => handlers.set(method, h) },
    documents: { get: (uri: string) => docs.find((d) => d.uri === uri) },
    settings: () => settings,
    corpus: new CorpusStore(),
    log: () => undefined,
    onSettingsChanged: () => undefined,
  } as unknown as ServerContext;
  register(ctx);
  return async (method: string, params: unknown) => {
    const h = handlers.get(method);
    assert.ok(h, `${method} is registered`);
    return h(params);
  };
}

const DRAFT = '# 某某述职报告（100字以内）\n\n## 一、履职情况\n\n**认真**完成各项任务。\n';

test('shuzhi/count: total, selection and limit for the status bar', async () => {
  const doc = TextDocument.create('file:///tmp/draft.md', 'markdown', 1, DRAFT);
  const request = fakeServer([doc]);
  const line = 4; // **认真**完成各项任务。
  const r = await request('shuzhi/count', {
    uri: doc.uri,
    ranges: [
      { start: { line, character: 0 }, end: { line, character: 8 } }, // **认真**完成 → 认真完成 = 4
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, // empty: ignored
    ],
  });
  assert.deepEqual(r, { total: countText(DRAFT), selection: 4, limit: 100, limitSource: 'title' });
  const noSel = await request('shuzhi/count', { uri: doc.uri });
  assert.equal(noSel.selection, undefined);
});

test('shuzhi/export: writes the .docx, refuses an existing target unless overwrite', async (t) => {
  const dir = tempDir(t, 'shuzhi-req-');
  const draftPath = path.join(dir, '草稿.md');
  fs.writeFileSync(draftPath, '磁盘上的旧内容\n');
  // The open document's text wins over the file on disk.
  const doc = TextDocument.create(pathToFileURL(draftPath).toString(), 'markdown', 1, DRAFT);
  const request = fakeServer([doc]);
  const r = await request('shuzhi/export', { uri: doc.uri, target: '草稿.docx' });
  assert.equal(r.path, path.join(dir, '草稿.docx'));
  const bytes = fs.readFileSync(r.path);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  assert.equal(fs.readFileSync(draftPath, 'utf8'), '磁盘上的旧内容\n');

  await assert.rejects(request('shuzhi/export', { uri: doc.uri, target: r.path }), (e: unknown) => {
    assert.ok(e instanceof ResponseError);
    assert.equal(e.code, EXPORT_TARGET_EXISTS);
    assert.match(e.message, /已存在/);
    return true;
  });
  const again = await request('shuzhi/export', { uri: doc.uri, target: pathToFileURL(r.path).toString(), overwrite: true });
  assert.equal(again.path, r.path);
});

test('shuzhi/import: Markdown from a .docx, a plain error for a broken one', async (t) => {
  const dir = tempDir(t, 'shuzhi-req-');
  const request = fakeServer([]);
  const docx = path.join(dir, '去年.docx');
  fs.writeFileSync(docx, await buildDocx(DRAFT, normalizeSettings({}).export));
  const r = await request('shuzhi/import', { path: docx });
  assert.match(r.markdown, /^# 某某述职报告（100字以内）\n\n## 一、履职情况\n\n\*\*认真\*\*完成各项任务。\n$/);
  assert.equal(r.title, '某某述职报告（100字以内）');

  fs.writeFileSync(path.join(dir, '坏.docx'), 'not a zip');
  await assert.rejects(request('shuzhi/import', { path: path.join(dir, '坏.docx') }), (e: unknown) => e instanceof ResponseError && /无法读取 Word 文件/.test(e.message));
});
