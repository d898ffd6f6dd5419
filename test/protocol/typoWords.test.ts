/**
 * typo-suspect over the built server: a slip of an ordinary word gets a warning with the
 * lexicon's word; the fix makes it; 忽略此词 is a workspace edit creating/appending
 * .shuzhi/words.txt, after which the word is silent; without the lexicon the corpus check still
 * runs and the user is told once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusReady, fileUri, startServer, type Diagnostic } from '../helpers/lspClient';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();
const DRAFT = '# 述职报告\n\n一、履职情况\n\n我们始终不忘出心，完善规章至度。\n';

interface Action {
  title: string;
  command?: { command: string; arguments?: unknown[] };
  edit?: { changes?: Record<string, Array<{ newText: string }>>; documentChanges?: Array<Record<string, any>> };
}

const typos = (d: Diagnostic[]) => d.filter((x) => x.code === 'typo-suspect');

test('a word slip is flagged with the lexicon word, fixed by the quick fix, and silenced by 忽略此词', async () => {
  const root = tmp('shuzhi-typo-ws-');
  const server = await startServer({ root });
  try {
    await corpusReady(server);
    const file = path.join(root, '稿.md');
    const uri = fileUri(file);
    server.open(uri, DRAFT);
    const diags = await server.waitForDiagnostics(uri, (d) => typos(d).length >= 2);
    const word = typos(diags).find((d) => d.message.includes('规章至度'))!;
    assert.match(word.message, /^疑似错别字：“规章至度”，常用“规章制度”（通用词典/);
    assert.ok(typos(diags).some((d) => d.message.includes('不忘出心')), 'the corpus check still finds its slip');
    const actions: Action[] = await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: word.range,
      context: { diagnostics: [word] },
    });
    const fix = actions.find((a) => a.title === '改为“规章制度”')!;
    assert.equal(fix.edit!.changes![uri][0].newText, '制');
    const ignore = actions.find((a) => a.title.startsWith('忽略此词'))!;
    assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
    const words = fileUri(path.join(root, '.shuzhi', 'words.txt'));
    const [create, edit] = ignore.edit!.documentChanges!;
    assert.deepEqual(create, { kind: 'create', uri: words, options: { ignoreIfExists: true } });
    assert.equal(edit.textDocument.uri, words);
    assert.equal(edit.edits[0].newText, '规章至度\n');
    // The client applies the edit (the file) and runs the action's command.
    fs.mkdirSync(path.join(root, '.shuzhi'));
    fs.writeFileSync(path.join(root, '.shuzhi', 'words.txt'), edit.edits[0].newText);
    await server.request('workspace/executeCommand', ignore.command);
    const after = await server.waitForDiagnostics(uri, (d) => !typos(d).some((x) => x.message.includes('规章至度')));
    assert.ok(typos(after).some((d) => d.message.includes('不忘出心')), 'other findings stay');
    // A second word is appended to the existing list.
    const more: Action[] = await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: typos(after)[0].range,
      context: { diagnostics: [typos(after)[0]] },
    });
    const append = more.find((a) => a.title.startsWith('忽略此词'))!.edit!.documentChanges![1];
    assert.deepEqual(append.edits[0].range.start, { line: 1, character: 0 });
  } finally {
    await server.stop();
  }
});

test('without the lexicon the corpus check still runs and the user is told once', async () => {
  const server = await startServer({ env: { SHUZHI_LEXICON: path.join(tmp('shuzhi-nolex-'), 'missing.txt') } });
  const shown: string[] = [];
  // showWarningMessage is the request window/showMessageRequest (VS Code shows a warning).
  server.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
    shown.push(p.message);
    return null;
  });
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(tmp('shuzhi-nolex-d-'), '稿.md'));
    server.open(uri, DRAFT);
    const diags = await server.waitForDiagnostics(uri, (d) => typos(d).length >= 1);
    assert.ok(typos(diags).some((d) => d.message.includes('不忘出心')));
    assert.ok(!typos(diags).some((d) => d.message.includes('规章至度')));
    server.open(fileUri(path.join(tmp('shuzhi-nolex-e-'), '稿2.md')), DRAFT);
    await new Promise((r) => setTimeout(r, 800));
    const told = shown.filter((m) => m.includes('通用词典不可用'));
    assert.equal(told.length, 1, JSON.stringify(shown) + server.logs.join(''));
  } finally {
    await server.stop();
  }
});
