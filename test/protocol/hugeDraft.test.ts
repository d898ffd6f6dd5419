/**
 * A pasted draft of more than a million characters over the wire: its outline and folds come
 * from the huge-draft worker (dist/draftWorker.js), its diagnostics are published once with the
 * corpus rules run in slices here, and a completion in another draft is answered meanwhile.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer } from '../helpers/lspClient';
import { HUGE_DRAFT_CHARS } from '../../server/src/features/hugeDrafts';

/** A compilation of many sections of varied paragraphs, over HUGE_DRAFT_CHARS characters. */
function hugeDraft(): string {
  const lines = ['某局2024年度述职报告汇编'];
  const cn = '一二三四五六七八九十';
  for (let s = 0, n = 0; n < HUGE_DRAFT_CHARS + 50_000; s++) {
    const heading = `${cn[s % 10]}、第${s + 1}部分工作`;
    lines.push(heading);
    for (let p = 0; p < 40; p++) {
      const line = `　　全年召开第${s}-${p}次会议xx次,认真落实三会一课制度，推动第${p}项工作取得新成效。`;
      lines.push(line);
      n += line.length + 1;
    }
  }
  return lines.join('\n') + '\n';
}

test('a huge draft: outline and folds from the worker, diagnostics once, other drafts answered meanwhile', async () => {
  const server = await startServer();
  try {
    const small = fileUri(path.join(os.tmpdir(), 'shuzhi-huge-small.md'));
    server.open(small, '2024年述职报告\n一、履职情况\n　　认真落实三会');
    await server.waitForDiagnostics(small, () => true, 30_000);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-huge.md'));
    const text = hugeDraft();
    let published = 0;
    // Counted where the client keeps them (a second notification handler would replace the client's).
    const record = server.diagnostics.set.bind(server.diagnostics);
    server.diagnostics.set = (key, value) => {
      if (key === uri) published++;
      return record(key, value);
    };
    server.open(uri, text);
    const diagnostics = server.waitForDiagnostics(uri, (d) => d.length > 0, 120_000);
    const list = await server.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri: small }, position: { line: 2, character: 8 } });
    assert.ok(Array.isArray(list.items));
    const symbols = await server.request<Array<{ name: string; children?: unknown[] }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, '某局2024年度述职报告汇编');
    assert.ok(symbols[0].children!.length > 100);
    const folds = await server.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length > 100);
    const ds = await diagnostics;
    assert.ok(ds.length <= 1001);
    assert.ok(ds.some((d) => d.code === 'placeholder' || d.code === 'check-cut'), JSON.stringify([...new Set(ds.map((d) => d.code))]));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(published, 1, 'one publish for the one version');
  } finally {
    await server.stop();
  }
});
