/**
 * `shuzhi/dashboard` through the built server: the whole page for the webview (CSP and script
 * by the client's nonce) on opening, the changing part after an edit, null for a document the
 * server does not have, and a malformed request answered without harm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusReady, fileUri, ROOT, startServer } from '../helpers/lspClient';
import { tempDir } from '../helpers/tmp';

interface DashboardResult {
  uri: string;
  version: number;
  body?: string;
  html?: string;
  pending?: boolean;
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
    assert.equal(page.pending, undefined, 'the bundled corpus is measured on the spot');
    const html = page.html!;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-bm9uY2U=' https:\/\/x\.vscode-cdn\.net; script-src 'nonce-bm9uY2U=';/);
    assert.match(html, /<script nonce="bm9uY2U=">/);
    assert.match(html, /<li class="missing" data-kind="next">/);
    assert.match(html, /<span class="cat">占位符<\/span><span class="n">1<\/span>/);
    // Figures from the bundled corpus: the sections are compared with a range.
    assert.match(html, /语料通常 \d+%–\d+%/);
    // The review's copy check runs for the panel too: this draft copies nothing.
    assert.match(html, /<p class="copied-share">与语料重复 0(\.0)?%<\/p>/);

    // A paragraph taken from a bundled report: the panel names it as copied, with its source.
    const corpusText = fs.readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(ROOT, 'corpus', f), 'utf8')).join('\n');
    const copiedLine = corpusText.split('\n').map((l) => l.trim()).find((l) => /^[\u4e00-\u9fff，、“”]{60,}。/.test(l))!;
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: DRAFT + '三、下一步打算\n\n　　继续加强学习。\n\n' + copiedLine + '\n' }],
    });
    const update = await server.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'en' });
    assert.equal(update.version, 2);
    assert.equal(update.html, undefined);
    assert.match(update.body!, /<li class="present" data-kind="next" data-line="9"/);
    assert.match(update.body!, /<h2>Required parts<\/h2>/);
    const share = /<p class="copied-share">[^<]*?(\d+(?:\.\d)?)%/.exec(update.body!);
    assert.ok(share && Number(share[1]) > 20, `the copied paragraph counts: ${share?.[0]}`);
    assert.match(update.body!, /<table class="sources">/);

    assert.equal(await server.request('shuzhi/dashboard', { uri: fileUri('/nowhere.md') }), null);
    assert.equal(await server.request('shuzhi/dashboard', { uri: 42 }), null);
    assert.equal(await server.request('shuzhi/dashboard', null), null);
    // Still serving.
    assert.equal((await server.request<DashboardResult>('shuzhi/dashboard', { uri })).version, 2);
  } finally {
    await server.stop();
  }
});

test('shuzhi/dashboard on a corpus too large to measure on the spot: pending, then the ranges', async (t) => {
  // Over 2,000,000 characters: the figures are built in slices between requests.
  const dir = tempDir(t, 'shuzhi-dash-big-');
  const para = '　　认真落实各项工作要求，推动任务落地见效，全年完成项目12个，工作作风持续改进。'.repeat(40);
  for (let f = 0; f < 16; f++) {
    const reports = Array.from({ length: 20 }, (_, i) =>
      [`第${f * 20 + i}单位干部年度述职报告`, '一、履职情况', para, para, para, '二、存在的问题', para, '三、下一步打算', para].join('\n'),
    );
    fs.writeFileSync(path.join(dir, `r${f}.txt`), reports.join('\n\n'));
  }
  const server = await startServer({ initializationOptions: { corpusPaths: [dir], useBundledCorpus: false }, env: { XDG_CACHE_HOME: path.join(dir, 'cache') } });
  try {
    await corpusReady(server, 60_000);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-dashboard-big.md'));
    server.open(uri, DRAFT);
    const first = await server.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'zh-cn' });
    assert.equal(first.pending, true);
    assert.match(first.body!, /语料中无可比数据/);
    let later = first;
    for (let i = 0; i < 300 && later.pending; i++) {
      await new Promise((r) => setTimeout(r, 100));
      later = await server.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'zh-cn' });
    }
    assert.equal(later.pending, undefined, 'the figures were built');
    assert.match(later.body!, /语料通常 \d+%–\d+%/);
  } finally {
    await server.stop();
  }
});
