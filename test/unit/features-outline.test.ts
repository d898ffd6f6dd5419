/** The outline (document symbols) and folding ranges in-process, over one draft with front matter. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { documentSymbols, foldingRanges } from '../../server/src/features/outline';
import { testService } from '../helpers/service';

const TEXT = [
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
].join('\n');

function names(syms: DocumentSymbol[], depth = 0): string[] {
  return syms.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...names(s.children ?? [], depth + 1)]);
}

test('documentSymbol: title holds the sections, nested by level, with heading selection ranges and counts', async () => {
  const t = testService();
  const syms = await documentSymbols(t.service, t.open(TEXT));
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
  const inside = (s: DocumentSymbol): boolean =>
    (s.selectionRange.start.line > s.range.start.line ||
      (s.selectionRange.start.line === s.range.start.line && s.selectionRange.start.character >= s.range.start.character)) &&
    (s.children ?? []).every(inside);
  assert.ok(syms.every(inside));
});

test('documentSymbol shows 一是… items when shuzhi.outline.showOrdinals is on', async () => {
  const t = testService([], { outline: { showOrdinals: true } });
  const list = names(await documentSymbols(t.service, t.open(TEXT)));
  const study = list.findIndex((n) => n.trim() === '（一）加强理论学习');
  assert.ok(list[study + 1].trim().startsWith('一是坚持集中学习'), list.join('\n'));
  assert.ok(list[study + 2].trim().startsWith('二是坚持个人自学'), list.join('\n'));
});

// [first line, last line, what it folds]
const FOLDS: Array<[number, number, string]> = [
  [0, 2, 'front matter'],
  [8, 16, '一、 section'],
  [10, 12, '（一） section'],
  [18, 20, '二、 section'],
  [22, 24, '三、 section'],
];

test('foldingRange folds the front matter and every multi-line section, one range per start line', async () => {
  const t = testService();
  const ranges = await foldingRanges(t.service, t.open(TEXT));
  for (const [s, e, what] of FOLDS) assert.ok(ranges.some((r) => r.startLine === s && r.endLine === e && r.kind === 'region'), `${what}: ${JSON.stringify(ranges)}`);
  assert.equal(new Set(ranges.map((r) => r.startLine)).size, ranges.length, 'one range per start line');
});
