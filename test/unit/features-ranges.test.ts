/**
 * Surrogate pairs (CJK Extension B 𠀀, emoji) and CRLF line breaks in-process: outline, folds,
 * hover, completion, diagnostics and fixes point at the right text, in UTF-16 units, every
 * range inside the document. Hostile requests and huge drafts over the wire stay in
 * test/protocol/hostile.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver/node';
import { assertRangeIn, checkAll, flatten } from '../helpers/ranges';
import { corpusReports, testService } from '../helpers/service';

// Each finding sits next to a surrogate pair (𠀀 𠀁 𠂇 are CJK Extension B, 😀 an emoji) or at a CRLF line end.
const TEXT = [
  '𠀀😀某局2023年度述职报告',
  '',
  '一、履职情况😀',
  '一年来，𠀀𠀁认真履行职责𠀀,加强学习XX次。',
  '（一）𠂇加强学习',
  '内容😀😀😀。政治i𠀀学习“到位',
  '二、存在的问题',
  '𠀀问题，计划完成XX',
  '四、下一步打算',
  '继续努力😀',
].join('\r\n');

test('surrogate pairs and CRLF: outline, diagnostics and fixes point at the right text, in UTF-16 units', async () => {
  const s = testService(await corpusReports());
  const draft = s.open(TEXT, 'file:///surrogates.md');
  const doc = TextDocument.create(draft.uri, 'markdown', 1, TEXT);
  const { symbols: tree, seen } = await checkAll((m, p) => s.request(m, p), doc, [
    { line: 3, character: 4 },
    { line: 3, character: 6 },
    { line: 5, character: 4 },
    { line: 7, character: 2 },
    { line: 9, character: 4 },
    { line: 9, character: 6 },
  ]);
  const symbols = flatten(tree);
  // [heading, its line]
  for (const [name, line] of [['二、存在的问题', 6], ['四、下一步打算', 8], ['（一）𠂇加强学习', 4]] as const) {
    const sym = symbols.find((x) => x.name === name);
    assert.ok(sym, `symbol ${name} in ${JSON.stringify(symbols.map((x) => x.name))}`);
    assert.equal(sym.selectionRange.start.line, line, name);
    assert.equal(doc.getText(sym.selectionRange), name, `selection of ${name} is its heading text`);
  }
  assert.ok(seen.symbol >= 5 && seen.folding > 0 && seen.action > 0, `ranges checked: ${JSON.stringify(seen)}`);

  // Every finding's range covers exactly the text it is about.
  const diags = await s.diagnostics(draft);
  for (const d of diags) assertRangeIn(doc, d.range, `diagnostic ${String(d.code)}`);
  assert.deepEqual(
    diags.map((d) => [d.code, d.range.start.line, doc.getText(d.range)]),
    [
      ['punctuation-halfwidth', 3, ','],
      ['placeholder', 3, 'XX'],
      ['stray-latin', 5, 'i'],
      ['quote-unbalanced', 5, '“'],
      ['placeholder', 7, 'XX'],
      ['numbering-gap', 8, '四、'],
    ],
  );

  // Their fixes edit the right spot: after a surrogate pair, and at a line end just before its CRLF.
  const fixed = async (code: string) => {
    const d = diags.find((x) => x.code === code)!;
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    const edits = fix.edit!.changes![doc.uri];
    for (const e of edits) assertRangeIn(doc, e.range, `fix of ${code}`);
    return TextDocument.applyEdits(doc, edits).split('\r\n');
  };
  // [rule, line, the line after its fix]
  const FIXES: Array<[string, number, string]> = [
    ['punctuation-halfwidth', 3, '一年来，𠀀𠀁认真履行职责𠀀，加强学习XX次。'],
    ['stray-latin', 5, '内容😀😀😀。政治𠀀学习“到位'],
    ['quote-unbalanced', 5, '内容😀😀😀。政治i𠀀学习“到位”'],
  ];
  for (const [code, line, after] of FIXES) {
    const lines = await fixed(code);
    assert.equal(lines[line], after, code);
    assert.equal(lines.length, 10, `${code}: no line break added or lost`);
  }
});
