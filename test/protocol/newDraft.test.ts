/**
 * A new draft is not scolded: a title-only draft open in the editor gets one section-missing
 * hint listing the parts still to write; once it has a section, each missing part is a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer } from '../helpers/lspClient';

const HINT = 4;
const WARNING = 2;

test('a title-only draft gets a section-missing hint; after a section is written, warnings', { timeout: 60_000 }, async (t) => {
  const server = await startServer();
  t.after(() => server.stop());
  const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-new-draft.md'));
  const title = '# 2024年述职报告\n';
  server.open(uri, title);
  const first = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'section-missing'));
  const hints = first.filter((d) => d.code === 'section-missing');
  assert.deepEqual(hints.map((d) => d.severity), [HINT], JSON.stringify(first));
  assert.deepEqual(hints[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 2 + '2024年述职报告'.length } }, 'on the title');
  assert.match(hints[0].message, /^尚未写出“履职情况”、“存在的问题”、“下一步打算”部分/);
  assert.ok(!first.some((d) => d.severity === WARNING || d.severity === 1), `nothing louder than a hint: ${JSON.stringify(first)}`);

  // Its quick fixes insert each part, the first part preferred.
  const actions = await server.request<Array<{ title: string; isPreferred?: boolean }>>('textDocument/codeAction', {
    textDocument: { uri },
    range: hints[0].range,
    context: { diagnostics: [hints[0]], only: ['quickfix'] },
  });
  const inserts = actions.filter((a) => a.title.startsWith('插入'));
  assert.equal(inserts.length, 3, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(inserts.map((a) => a.isPreferred), [true, false, false]);

  const withSection = title + '\n## 一、履职情况\n\n全年组织集中学习12次。\n';
  server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: withSection }] });
  const second = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'section-missing' && x.severity === HINT));
  const warnings = second.filter((d) => d.code === 'section-missing');
  assert.deepEqual(warnings.map((d) => d.severity), [WARNING, WARNING], JSON.stringify(second));
  assert.deepEqual(warnings.map((d) => /^缺少“([^”]+)”/.exec(d.message)?.[1]), ['存在的问题', '下一步打算']);
});
