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
