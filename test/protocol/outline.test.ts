import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, fileUri } from '../helpers/lspClient';

interface Sym {
  name: string;
  detail?: string;
  kind: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  selectionRange: { start: { line: number; character: number }; end: { line: number; character: number } };
  children?: Sym[];
}

const LINES = [
  '---',
  'type: 抓基层党建工作述职报告',
  '---',
  '',
  '# 机关支部书记2024年抓基层党建工作述职报告',
  '',
  '一年来，我认真履行第一责任人职责。',
  '',
  '一、履职情况',
  '',
  '（一）加强理论学习',
  '',
  '一是坚持集中学习；二是坚持个人自学。',
  '',
  '（二）抓实组织建设',
  '',
  '严格落实“三会一课”制度。',
  '',
  '二、存在的问题及原因',
  '',
  '学习不够深入。',
  '',
  '三、下一步工作打算',
  '',
  '持续加强学习。',
];
const TEXT = LINES.join('\n');

function names(syms: Sym[], depth = 0): string[] {
  return syms.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...names(s.children ?? [], depth + 1)]);
}

test('documentSymbol: title holds the sections, nested by level, with heading selection ranges and counts', async () => {
  const server = await startServer();
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-outline.md'));
    server.open(uri, TEXT);
    const syms = await server.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(names(syms), [
      '机关支部书记2024年抓基层党建工作述职报告',
      '  一、履职情况',
      '    （一）加强理论学习',
      '    （二）抓实组织建设',
      '  二、存在的问题及原因',
      '  三、下一步工作打算',
    ]);
    const title = syms[0];
    assert.equal(title.range.start.line, 4, 'front matter is not the title');
    const duty = title.children![0];
    assert.deepEqual(duty.selectionRange, { start: { line: 8, character: 0 }, end: { line: 8, character: '一、履职情况'.length } });
    assert.equal(duty.range.start.line, 8);
    assert.equal(duty.range.end.line, 16, 'the section runs to its last paragraph');
    assert.match(duty.detail ?? '', /^\d[\d,]* 字$/);
    assert.notEqual(duty.kind, duty.children![0].kind, 'levels have distinct symbol kinds');
    // selectionRange lies inside range, as the protocol requires.
    const inside = (s: Sym): boolean =>
      (s.selectionRange.start.line > s.range.start.line ||
        (s.selectionRange.start.line === s.range.start.line && s.selectionRange.start.character >= s.range.start.character)) &&
      (s.children ?? []).every(inside);
    assert.ok(syms.every(inside));
  } finally {
    await server.stop();
  }
});

test('documentSymbol shows 一是… items when shuzhi.outline.showOrdinals is on', async () => {
  const server = await startServer({ configuration: { outline: { showOrdinals: true } } });
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-outline-items.md'));
    server.open(uri, TEXT);
    // Settings arrive after initialized; ask until they apply.
    let list: string[] = [];
    for (let i = 0; i < 50 && !list.some((n) => n.includes('一是')); i++) {
      list = names(await server.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      await new Promise((r) => setTimeout(r, 50));
    }
    const study = list.findIndex((n) => n.trim() === '（一）加强理论学习');
    assert.ok(list[study + 1].trim().startsWith('一是坚持集中学习'), list.join('\n'));
    assert.ok(list[study + 2].trim().startsWith('二是坚持个人自学'), list.join('\n'));
  } finally {
    await server.stop();
  }
});

test('foldingRange folds the front matter and every multi-line section', async () => {
  const server = await startServer();
  try {
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-outline-fold.md'));
    server.open(uri, TEXT);
    const ranges = await server.request<Array<{ startLine: number; endLine: number; kind?: string }>>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    const has = (s: number, e: number) => ranges.some((r) => r.startLine === s && r.endLine === e && r.kind === 'region');
    assert.ok(has(0, 2), `front matter: ${JSON.stringify(ranges)}`);
    assert.ok(has(8, 16), '一、 section');
    assert.ok(has(10, 12), '（一） section');
    assert.ok(has(18, 20), '二、 section');
    assert.ok(has(22, 24), '三、 section');
    assert.equal(new Set(ranges.map((r) => r.startLine)).size, ranges.length, 'one range per start line');
  } finally {
    await server.stop();
  }
});
