import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusReady, startServer, fileUri, type TestServer } from '../helpers/lspClient';

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  filterText?: string;
  sortText?: string;
  insertTextFormat?: number;
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
}
interface List {
  isIncomplete: boolean;
  items: Item[];
}

const complete = (server: TestServer, uri: string, line: number, character: number) =>
  server.request<List>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

/** The line as it reads after accepting `item` (its edit applied). */
function applied(lineText: string, item: Item): string {
  const r = item.textEdit.range;
  return lineText.slice(0, r.start.character) + item.textEdit.newText + lineText.slice(r.end.character);
}

test('phrase completion: next phrase after 坚定, ranges over exactly the typed part, ranks and examples', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-completion-draft.md'));
    const lines = ['# 2024年度述职报告', '', '一年来，我始终坚定', '我们进一步增强“四个', ''];
    server.open(uri, lines.join('\n'));

    const after = await complete(server, uri, 2, lines[2].length);
    assert.equal(after.isIncomplete, true);
    assert.ok(after.items.length > 0);
    const hit = after.items.find((i) => applied(lines[2], i).endsWith('坚定“四个自信”'));
    assert.ok(hit, JSON.stringify(after.items.map((i) => i.textEdit.newText)));
    assert.match(hit.detail ?? '', /^语料中 \d+ 篇报告使用 · 把握 \d+%$/);
    assert.equal(hit.documentation?.kind, 'markdown');
    assert.match(hit.documentation!.value, /\*\*.+\*\*[\s\S]*—— 《.+》/);
    const sorted = [...after.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.deepEqual(sorted, after.items, 'sortText carries the rank');

    for (const [line, typed] of [
      [2, '坚定'],
      [3, '四个'],
    ] as const) {
      const list = line === 2 ? after : await complete(server, uri, line, lines[line].length);
      assert.ok(list.items.length > 0, `items at line ${line}`);
      for (const item of list.items) {
        const r = item.textEdit.range;
        assert.equal(r.start.line, line);
        assert.deepEqual(r.end, { line, character: lines[line].length }, 'the range ends at the cursor');
        assert.equal(lines[line].slice(r.start.character), typed, 'the range covers exactly the typed part');
        assert.ok(item.filterText!.startsWith(typed), 'filterText starts with the typed part');
        assert.ok(item.textEdit.newText.startsWith(typed));
      }
    }
    const finish = await complete(server, uri, 3, lines[3].length);
    assert.ok(finish.items.some((i) => applied(lines[3], i).endsWith('“四个意识”')), JSON.stringify(finish.items.map((i) => i.label)));
  } finally {
    await server.stop();
  }
});

test('snippets at a line start are numbered to fit the draft', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-completion-headings.md'));
    const lines = ['2024年度述职报告', '一年来，我认真履行职责。', '一、履职情况', '扎实推进各项工作。', '二、存在的问题', '学习不够深入。', '', ''];
    server.open(uri, lines.join('\n'));
    const list = await complete(server, uri, 6, 0);
    assert.equal(list.isIncomplete, true);
    const labels = list.items.map((i) => i.label);
    const next = list.items.find((i) => i.label.startsWith('三、'));
    assert.ok(next, JSON.stringify(labels));
    assert.equal(next.insertTextFormat, 2, 'a snippet');
    assert.match(next.textEdit.newText, /^三、\$\{1:.+\}/);
    assert.ok(!labels.some((l) => /^[一二]、/.test(l)), 'numbers already used are not offered');
    assert.ok(labels.some((l) => l.startsWith('（一）')), 'a first sub-heading inside 二、');

    // A typed 三 is replaced by the heading.
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '三' }],
    });
    const typed = await complete(server, uri, 6, 1);
    const item = typed.items.find((i) => i.label.startsWith('三、'));
    assert.ok(item);
    assert.deepEqual(item.textEdit.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } });
    assert.ok(item.filterText!.startsWith('三'));
  } finally {
    await server.stop();
  }
});

test('shuzhi/skeleton returns a report skeleton snippet for a type', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const r = await server.request<{ snippet: string }>('shuzhi/skeleton', { type: '抓基层党建工作述职报告' });
    assert.match(r.snippet, /\$\{1:/);
    for (const n of ['一、', '二、', '三、', '四、']) assert.ok(r.snippet.includes(n), r.snippet);
    const general = await server.request<{ snippet: string }>('shuzhi/skeleton', { type: '' });
    assert.ok(general.snippet.includes('三、') && !general.snippet.includes('四、'), general.snippet);
  } finally {
    await server.stop();
  }
});

test('completion can be switched off', async () => {
  const server = await startServer({ initializationOptions: { completion: { enable: false } } });
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-completion-off.md'));
    server.open(uri, '一年来，我始终坚定');
    assert.equal((await complete(server, uri, 0, 9)).items.length, 0);
  } finally {
    await server.stop();
  }
});

interface InlineItem {
  insertText: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
const inline = (server: TestServer, uri: string, line: number, character: number) =>
  server.request<InlineItem[] | { items: InlineItem[] } | null>('textDocument/inlineCompletion', {
    textDocument: { uri },
    position: { line, character },
    context: { triggerKind: 2 },
  });
const inlineItems = (r: InlineItem[] | { items: InlineItem[] } | null) => (r === null ? [] : Array.isArray(r) ? r : r.items);

test('two channels: ghost text only when confident, the full list on demand, and no list trigger characters', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const caps = server.initializeResult.capabilities;
    assert.equal(caps.inlineCompletionProvider, true, 'inline completion is declared');
    assert.equal(caps.completionProvider.triggerCharacters, undefined, 'the list never opens by itself on a typed mark');
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-ghost-draft.md'));
    const lines = ['# 2024年度述职报告', '', '我们坚持全面从严', '规划建成了南部', ''];
    server.open(uri, lines.join('\n'));

    // Where the corpus is sure, the ghost text is the list's first item that may appear by itself.
    const ghost = inlineItems(await inline(server, uri, 2, lines[2].length));
    const list = await complete(server, uri, 2, lines[2].length);
    assert.ok(list.items.length > 0);
    assert.equal(ghost.length, 1, JSON.stringify(list.items.map((i) => `${i.label} ${i.detail}`)));
    const chanceOf = (it: Item) => Number(/把握 (\d+)%/.exec(it.detail ?? '')?.[1]) / 100;
    const first = list.items.find((it) => it.textEdit.newText === ghost[0].insertText);
    assert.ok(first, `the ghost ${ghost[0].insertText} is one of the list's items`);
    assert.ok(chanceOf(first!) >= 0.5, `its chance ${first!.detail} reaches the default confidence`);
    assert.deepEqual(ghost[0].range, first!.textEdit.range, 'it replaces the typed part, like the list item');
    assert.ok(applied(lines[2], first!).startsWith(lines[2]));

    // The 部 of 南部 is not the 部 of 部署: nothing appears, and the list has nothing from it either.
    assert.deepEqual(inlineItems(await inline(server, uri, 3, lines[3].length)), []);
    const quiet = await complete(server, uri, 3, lines[3].length);
    assert.ok(!quiet.items.some((it) => /^南部[署门分队]/.test(it.textEdit.newText)), JSON.stringify(quiet.items.map((i) => i.label)));

    // On an empty line nothing appears by itself (the list has the heading snippets).
    assert.deepEqual(inlineItems(await inline(server, uri, 4, 0)), []);
  } finally {
    await server.stop();
  }
});

test('ghost text can be switched off while the list stays', async () => {
  const server = await startServer({ initializationOptions: { completion: { inline: false } } });
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-ghost-off.md'));
    const lines = ['# 2024年度述职报告', '', '我们坚持全面从严'];
    server.open(uri, lines.join('\n'));
    assert.deepEqual(inlineItems(await inline(server, uri, 2, lines[2].length)), []);
    assert.ok((await complete(server, uri, 2, lines[2].length)).items.length > 0);
  } finally {
    await server.stop();
  }
});
