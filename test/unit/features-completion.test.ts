/**
 * Completion, ghost text and `shuzhi/skeleton` in-process, over the bundled corpus: each case
 * is a draft with a cursor marker (`|`) and what the answer there must hold. The capabilities
 * the server declares for them stay a stdio test (test/protocol/server.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, InlineCompletionItem } from 'vscode-languageserver/node';
import { completion, inlineCompletion } from '../../server/src/features/completion';
import { corpusReports, testService, type TestService } from '../helpers/service';

type Item = CompletionItem & { textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } };

async function service(settings: unknown = {}): Promise<TestService> {
  return testService(await corpusReports(), settings);
}

async function completeAt(t: TestService, marked: string) {
  const { draft, position } = t.at(marked);
  const list = (await completion(t.service, draft, position)) as Omit<CompletionList, 'items'> & { items: Item[] };
  const lineText = draft.text.split('\n')[position.line];
  return { list, position, lineText, ghost: () => inlineCompletion(t.service, draft, position) };
}

/** The line as it reads after accepting `item` (its edit applied). */
function applied(lineText: string, item: Item): string {
  const r = item.textEdit.range;
  return lineText.slice(0, r.start.character) + item.textEdit.newText + lineText.slice(r.end.character);
}

const PHRASE_DRAFT = ['# 2024年度述职报告', '', '一年来，我始终坚定', '我们进一步增强“四个', ''];
/** The phrase draft with the cursor at the end of `line`. */
const phraseAt = (line: number) => PHRASE_DRAFT.map((l, i) => (i === line ? l + '|' : l)).join('\n');

// [draft with cursor, the typed part each item replaces, how the line must end after one of the items]
const PHRASE_CASES: Array<[string, string, string]> = [
  [phraseAt(2), '坚定', '坚定“四个自信”'],
  [phraseAt(3), '四个', '“四个意识”'],
];

for (const [marked, typed, ending] of PHRASE_CASES) {
  test(`phrase completion after ${typed}: ranges over exactly the typed part, and offers …${ending}`, async () => {
    const { list, position, lineText } = await completeAt(await service(), marked);
    assert.equal(list.isIncomplete, true);
    assert.ok(list.items.length > 0, `items at line ${position.line}`);
    assert.ok(
      list.items.some((i) => applied(lineText, i).endsWith(ending)),
      JSON.stringify(list.items.map((i) => i.textEdit.newText)),
    );
    for (const item of list.items) {
      const r = item.textEdit.range;
      assert.equal(r.start.line, position.line);
      assert.deepEqual(r.end, { line: position.line, character: lineText.length }, 'the range ends at the cursor');
      assert.equal(lineText.slice(r.start.character), typed, 'the range covers exactly the typed part');
      assert.ok(item.filterText!.startsWith(typed), 'filterText starts with the typed part');
      assert.ok(item.textEdit.newText.startsWith(typed));
    }
  });
}

test('phrase completion: its item says how the corpus uses it, with an example, and sortText carries the rank', async () => {
  const { list, lineText } = await completeAt(await service(), phraseAt(2));
  const hit = list.items.find((i) => applied(lineText, i).endsWith('坚定“四个自信”'));
  assert.ok(hit, JSON.stringify(list.items.map((i) => i.textEdit.newText)));
  assert.match(hit.detail ?? '', /^语料中 \d+ 篇报告使用 · 把握 \d+%$/);
  const doc = hit.documentation as { kind: string; value: string };
  assert.equal(doc.kind, 'markdown');
  assert.match(doc.value, /\*\*.+\*\*[\s\S]*—— 《.+》/);
  const sorted = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  assert.deepEqual(sorted, list.items, 'sortText carries the rank');
});

const HEADINGS = ['2024年度述职报告', '一年来，我认真履行职责。', '一、履职情况', '扎实推进各项工作。', '二、存在的问题', '学习不够深入。', '', ''].join('\n');
/** HEADINGS with `typed` and the cursor on its line 6. */
const headingAt = (typed: string) => {
  const lines = HEADINGS.split('\n');
  lines[6] = typed + '|';
  return lines.join('\n');
};

test('snippets at a line start are numbered to fit the draft', async () => {
  const { list } = await completeAt(await service(), headingAt(''));
  assert.equal(list.isIncomplete, true);
  const labels = list.items.map((i) => i.label);
  const next = list.items.find((i) => i.label.startsWith('三、'));
  assert.ok(next, JSON.stringify(labels));
  assert.equal(next.insertTextFormat, 2, 'a snippet');
  assert.match(next.textEdit.newText, /^三、\$\{1:.+\}/);
  assert.ok(!labels.some((l) => /^[一二]、/.test(l)), 'numbers already used are not offered');
  assert.ok(labels.some((l) => l.startsWith('（一）')), 'a first sub-heading inside 二、');
});

test('a typed 三 at a line start is replaced by the heading', async () => {
  const { list } = await completeAt(await service(), headingAt('三'));
  const item = list.items.find((i) => i.label.startsWith('三、'));
  assert.ok(item);
  assert.deepEqual(item.textEdit.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } });
  assert.ok(item.filterText!.startsWith('三'));
});

// [report type asked for, headings the skeleton must hold, headings it must not]
const SKELETONS: Array<[string, string[], string[]]> = [
  ['抓基层党建工作述职报告', ['一、', '二、', '三、', '四、'], []],
  ['', ['三、'], ['四、']],
];
for (const [type, has, hasNot] of SKELETONS) {
  test(`shuzhi/skeleton for ${type || 'the general type'} is a snippet with its headings`, async () => {
    const r = await (await service()).request<{ snippet: string }>('shuzhi/skeleton', { type });
    assert.match(r.snippet, /\$\{1:/);
    for (const n of has) assert.ok(r.snippet.includes(n), r.snippet);
    for (const n of hasNot) assert.ok(!r.snippet.includes(n), r.snippet);
  });
}

test('completion can be switched off', async () => {
  const { list } = await completeAt(await service({ completion: { enable: false } }), '一年来，我始终坚定|');
  assert.equal(list.items.length, 0);
});

const GHOST_DRAFT = ['# 2024年度述职报告', '', '我们坚持全面从严', '规划建成了南部', ''];
const ghostAt = (line: number) => GHOST_DRAFT.map((l, i) => (i === line ? l + '|' : l)).join('\n');

test('ghost text where the corpus is sure: the list’s first item that may appear by itself', async () => {
  const { list, lineText, ghost: ghostOf } = await completeAt(await service(), ghostAt(2));
  const ghost = (await ghostOf()) as InlineCompletionItem[];
  assert.ok(list.items.length > 0);
  assert.equal(ghost.length, 1, JSON.stringify(list.items.map((i) => `${i.label} ${i.detail}`)));
  const chanceOf = (it: Item) => Number(/把握 (\d+)%/.exec(it.detail ?? '')?.[1]) / 100;
  const first = list.items.find((it) => it.textEdit.newText === ghost[0].insertText);
  assert.ok(first, `the ghost ${String(ghost[0].insertText)} is one of the list's items`);
  assert.ok(chanceOf(first) >= 0.5, `its chance ${first.detail} reaches the default confidence`);
  assert.deepEqual(ghost[0].range, first.textEdit.range, 'it replaces the typed part, like the list item');
  assert.ok(applied(lineText, first).startsWith(lineText));
});

test('no ghost text and no list item from the 部 of 南部 (not the 部 of 部署)', async () => {
  const { list, ghost } = await completeAt(await service(), ghostAt(3));
  assert.deepEqual(await ghost(), []);
  assert.ok(!list.items.some((it) => /^南部[署门分队]/.test(it.textEdit.newText)), JSON.stringify(list.items.map((i) => i.label)));
});

test('no ghost text on an empty line (the list has the heading snippets)', async () => {
  const { ghost } = await completeAt(await service(), ghostAt(4));
  assert.deepEqual(await ghost(), []);
});

test('ghost text can be switched off while the list stays', async () => {
  const { list, ghost } = await completeAt(await service({ completion: { inline: false } }), ghostAt(2));
  assert.deepEqual(await ghost(), []);
  assert.ok(list.items.length > 0);
});
