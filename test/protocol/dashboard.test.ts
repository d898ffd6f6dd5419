/**
 * `shuzhi/dashboard` through the built server: the whole page for the webview (CSP and script
 * by the client's nonce) on opening, the changing part after an edit, null for a document the
 * server does not have, and a malformed request answered without harm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusReady, fileUri, startServer } from '../helpers/lspClient';

interface DashboardResult {
  uri: string;
  version: number;
  body?: string;
  html?: string;
}

const DRAFT = ['# 某局干部2024年述职报告', '', '一、履职情况', '', '　　全年完成XX个项目，服务群众。', '', '二、存在的问题', '', '　　工作方法不够灵活。', ''].join('\n');

test('shuzhi/dashboard: the page on opening, the body after an edit, null for an unknown document', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-dashboard.md'));
    server.open(uri, DRAFT);
    const page = await server.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'zh-cn', page: { nonce: 'bm9uY2U=', cspSource: 'https://x.vscode-cdn.net' } });
    assert.equal(page.version, 1);
    assert.equal(page.body, undefined);
    const html = page.html!;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-bm9uY2U=' https:\/\/x\.vscode-cdn\.net; script-src 'nonce-bm9uY2U=';/);
    assert.match(html, /<script nonce="bm9uY2U=">/);
    assert.match(html, /<li class="missing" data-kind="next">/);
    assert.match(html, /<span class="cat">占位符<\/span><span class="n">1<\/span>/);
    // Figures from the bundled corpus: the sections are compared with a range.
    assert.match(html, /语料通常 \d+%–\d+%/);

    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: DRAFT + '三、下一步打算\n\n　　继续加强学习。\n' }],
    });
    const update = await server.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'en' });
    assert.equal(update.version, 2);
    assert.equal(update.html, undefined);
    assert.match(update.body!, /<li class="present" data-kind="next" data-line="9"/);
    assert.match(update.body!, /<h2>Required parts<\/h2>/);

    assert.equal(await server.request('shuzhi/dashboard', { uri: fileUri('/nowhere.md') }), null);
    assert.equal(await server.request('shuzhi/dashboard', { uri: 42 }), null);
    assert.equal(await server.request('shuzhi/dashboard', null), null);
    // Still serving.
    assert.equal((await server.request<DashboardResult>('shuzhi/dashboard', { uri })).version, 2);
  } finally {
    await server.stop();
  }
});
