import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusReady, startServer, fileUri, type Diagnostic } from '../helpers/lspClient';

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, Edit[]> };
}

/** Applies LSP edits to text (line/character positions, no overlap). */
function applyLspEdits(text: string, edits: Edit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

const DRAFT = [
  '# 2024年抓基层党建工作述职报告',
  '',
  '一年来，我认真履行抓基层党建第一责任人职责，现将有关情况报告如下。',
  '',
  '## 一、履职情况',
  '',
  '全年组织集中学习XX次，推动党建与业务深度融合。',
  '',
  '## 二、存在的问题及原因',
  '',
  '一是理论学习不够深入；二是调查研究不够扎实；四是创新意识有待增强。原因在于思想认识还不到位。',
  '',
  '述职完毕，敬请批评指正。',
].join('\n');

const CLEAN = [
  '# 2024年抓基层党建工作述职报告',
  '',
  '一年来，我认真履行抓基层党建第一责任人职责，现将有关情况报告如下。',
  '',
  '## 一、履职情况',
  '',
  '全年组织集中学习12次，推动党建与业务深度融合。',
  '',
  '## 二、存在的问题及原因',
  '',
  '一是理论学习不够深入；二是调查研究不够扎实。原因在于思想认识还不到位。',
  '',
  '## 三、下一步工作打算',
  '',
  '一是持续加强理论学习；二是深入基层调查研究。',
  '',
  '述职完毕，敬请批评指正。',
].join('\n');

test('a draft missing a required section, with a numbering slip and a left-over XX shows all three as warnings', async () => {
  const server = await startServer();
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-draft.md'));
    server.open(uri, DRAFT);
    const diags = await server.waitForDiagnostics(uri, (d) => d.length > 0);
    const byCode = (code: string) => diags.filter((d) => d.code === code);
    for (const code of ['section-missing', 'numbering-gap', 'placeholder']) {
      const ds = byCode(code);
      assert.equal(ds.length, 1, `${code}: ${JSON.stringify(diags)}`);
      assert.equal(ds[0].severity, 2, `${code} is a warning`);
      assert.equal(ds[0].source, 'shuzhi');
    }
    assert.match(byCode('section-missing')[0].message, /下一步打算/);
    assert.equal(byCode('section-missing')[0].range.start.line, 0, 'on the title');
    assert.deepEqual(byCode('placeholder')[0].range.start, { line: 6, character: DRAFT.split('\n')[6].indexOf('XX') });
    assert.equal(byCode('numbering-gap')[0].range.start.line, 10);
    assert.equal(diags.length, 3, JSON.stringify(diags));
  } finally {
    await server.stop();
  }
});

test('a clean report shows no diagnostics', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-clean.md'));
    server.open(uri, CLEAN);
    // Diagnostics are pushed even when empty; wait for the push, then check it stays empty.
    const diags = await server.waitForDiagnostics(uri, () => true);
    assert.deepEqual(diags, []);
  } finally {
    await server.stop();
  }
});

test('quick fixes: applying each fix and sending didChange clears its finding', async () => {
  const server = await startServer();
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-fix.md'));
    let text = DRAFT;
    let version = 1;
    server.open(uri, text);
    let diags = await server.waitForDiagnostics(uri, (d) => d.length === 3);

    for (const code of ['numbering-gap', 'section-missing']) {
      const diag = diags.find((d) => d.code === code)!;
      const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diag.range,
        context: { diagnostics: [diag], only: ['quickfix'] },
      });
      const fix = actions.find((a) => a.isPreferred);
      assert.ok(fix, `${code}: a preferred fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(fix.kind, 'quickfix');
      assert.deepEqual(fix.diagnostics?.map((d) => d.code), [code]);
      text = applyLspEdits(text, fix.edit!.changes![uri]);
      version++;
      server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      diags = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === code));
    }
    assert.match(text, /三是创新意识有待增强/, 'the list was renumbered');
    assert.match(text, /## 三、下一步工作/, 'the missing part was inserted with the next number');
    assert.ok(text.indexOf('## 三、') < text.indexOf('述职完毕'), 'before the closing line');
    // The inserted placeholder line is itself flagged until it is filled in.
    assert.ok(diags.some((d) => d.code === 'placeholder' && /待补充/.test(d.message + text.split('\n')[d.range.start.line])));
  } finally {
    await server.stop();
  }
});

test('source.fixAll.shuzhi applies the safe fixes (punctuation, numbering) only', async () => {
  const server = await startServer();
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-fixall.md'));
    const text = ['# 2024年述职报告', '', '（一）加强学习,提高站位', '', '（二）狠抓落实', '', '（四）、改进作风：组织学习xx次。'].join('\n');
    server.open(uri, text);
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'numbering-gap'));
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.shuzhi');
    const fixed = applyLspEdits(text, actions[0].edit!.changes![uri]);
    assert.match(fixed, /（一）加强学习，提高站位/);
    assert.match(fixed, /（三）改进作风/);
    assert.match(fixed, /xx次/, 'placeholders are left for the writer');
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'numbering-gap'));
    assert.deepEqual(
      after.map((d) => d.code).filter((c) => ['punctuation-halfwidth', 'numbering-gap', 'numbering-style'].includes(String(c))),
      [],
    );
  } finally {
    await server.stop();
  }
});

test('settings: a rule set to off disappears, one set to error is an error', async () => {
  const server = await startServer({ configuration: { lint: { rules: { placeholder: 'error', 'numbering-gap': 'off' } } } });
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-settings.md'));
    server.open(uri, DRAFT);
    const diags = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'placeholder' && x.severity === 1));
    assert.equal(diags.find((d) => d.code === 'placeholder')!.severity, 1);
    assert.ok(!diags.some((d) => d.code === 'numbering-gap'));
  } finally {
    await server.stop();
  }
});

test('diagnostics are pushed again when settings change and when the corpus is reloaded', async () => {
  // No workspace/configuration capability: the server takes settings from didChangeConfiguration.
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-lint-push.md'));
    server.open(uri, DRAFT);
    await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'placeholder'));
    server.notify('workspace/didChangeConfiguration', { settings: { shuzhi: { lint: { rules: { placeholder: 'off' } } } } });
    const after = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'placeholder'));
    assert.ok(after.some((d) => d.code === 'numbering-gap'), 'other rules still run');

    server.diagnostics.delete(uri);
    await server.request('shuzhi/rebuild', null);
    const again = await server.waitForDiagnostics(uri, () => true);
    assert.ok(again.some((d) => d.code === 'section-missing'));
  } finally {
    await server.stop();
  }
});
