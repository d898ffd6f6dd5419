/**
 * Lint in the editor in-process: the diagnostics the scheduler publishes for a draft
 * (checkDraft + diagnosticsOf), the code actions the server answers, the report type a draft
 * is checked as. What only the wire shows (settings from workspace/configuration, diagnostics
 * pushed again on a settings change or a corpus reload) stays in test/protocol/lint.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { corpusReports, testService, type TestService } from '../helpers/service';
import { CLEAN_DRAFT, LINT_DRAFT } from '../helpers/lintDrafts';

const HINT = 4;
const WARNING = 2;

/** Applies LSP edits to text (line/character positions, no overlap). */
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

const DRAFT = LINT_DRAFT;

const CLEAN = CLEAN_DRAFT;

async function service(settings: unknown = {}): Promise<TestService> {
  return testService(await corpusReports(), settings);
}

const quickFixes = (t: TestService, uri: string, diag: Diagnostic) =>
  t.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } });

test('a draft missing a required section, with a numbering slip and a left-over XX shows all three as warnings', async () => {
  const t = await service();
  const diags = await t.diagnostics(t.open(DRAFT));
  const byCode = (code: string) => diags.filter((d) => d.code === code);
  for (const code of ['section-missing', 'numbering-gap', 'placeholder']) {
    const ds = byCode(code);
    assert.equal(ds.length, 1, `${code}: ${JSON.stringify(diags)}`);
    assert.equal(ds[0].severity, WARNING, `${code} is a warning`);
    assert.equal(ds[0].source, 'shuzhi');
  }
  assert.match(byCode('section-missing')[0].message as string, /下一步打算/);
  assert.equal(byCode('section-missing')[0].range.start.line, 0, 'on the title');
  assert.deepEqual(byCode('placeholder')[0].range.start, { line: 6, character: DRAFT.split('\n')[6].indexOf('XX') });
  assert.equal(byCode('numbering-gap')[0].range.start.line, 10);
  assert.equal(diags.length, 3, JSON.stringify(diags));
});

test('a clean report shows no diagnostics', async () => {
  const t = await service();
  assert.deepEqual(await t.diagnostics(t.open(CLEAN)), []);
});

test('quick fixes: applying each fix clears its finding in the next version', async () => {
  const t = await service();
  let text = DRAFT;
  const uri = t.open(text).uri;
  let diags = await t.diagnostics(t.service.openDraft(uri)!);
  assert.equal(diags.length, 3);
  for (const code of ['numbering-gap', 'section-missing']) {
    const diag = diags.find((d) => d.code === code)!;
    const actions = await quickFixes(t, uri, diag);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `${code}: a preferred fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), [code]);
    text = applyLspEdits(text, fix.edit!.changes![uri]);
    diags = await t.diagnostics(t.change(uri, text));
    assert.ok(!diags.some((x) => x.code === code), JSON.stringify(diags));
  }
  assert.match(text, /三是创新意识有待增强/, 'the list was renumbered');
  assert.match(text, /## 三、下一步工作/, 'the missing part was inserted with the next number');
  assert.ok(text.indexOf('## 三、') < text.indexOf('述职完毕'), 'before the closing line');
  // The inserted placeholder line is itself flagged until it is filled in.
  assert.ok(diags.some((d) => d.code === 'placeholder' && /待补充/.test((d.message as string) + text.split('\n')[d.range.start.line])));
});

test('the quick fixes asked for one diagnostic are that diagnostic\'s, not those of the same rule elsewhere', async () => {
  const t = await service();
  const draft = t.open(['# 2024年述职报告', '', '一、履职情况', '', '全年组织学习XX次。', '', '走访群众XX户。'].join('\n'));
  const placeholders = (await t.diagnostics(draft)).filter((d) => d.code === 'placeholder');
  assert.equal(placeholders.length, 2, JSON.stringify(placeholders));
  for (const diag of placeholders) {
    const actions = await quickFixes(t, draft.uri, diag);
    assert.ok(actions.length > 0);
    for (const a of actions) assert.deepEqual(a.diagnostics?.map((d) => d.range), [diag.range], a.title);
  }
});

test('source.fixAll.shuzhi applies the safe fixes (punctuation, numbering) only', async () => {
  const t = await service();
  const text = ['# 2024年述职报告', '', '（一）加强学习,提高站位', '', '（二）狠抓落实', '', '（四）、改进作风：组织学习xx次。'].join('\n');
  const draft = t.open(text);
  assert.ok((await t.diagnostics(draft)).some((x) => x.code === 'numbering-gap'));
  const actions = await t.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: draft.uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.shuzhi');
  const fixed = applyLspEdits(text, actions[0].edit!.changes![draft.uri]);
  assert.match(fixed, /（一）加强学习，提高站位/);
  assert.match(fixed, /（三）改进作风/);
  assert.match(fixed, /xx次/, 'placeholders are left for the writer');
  const after = await t.diagnostics(t.change(draft.uri, fixed));
  assert.deepEqual(
    after.map((d) => d.code).filter((c) => ['punctuation-halfwidth', 'numbering-gap', 'numbering-style'].includes(String(c))),
    [],
  );
});

// [rule levels set, rule, the severity its diagnostic must have (undefined: none)]
const LEVELS: Array<[Record<string, string>, string, number | undefined]> = [
  [{ placeholder: 'error' }, 'placeholder', 1],
  [{ 'numbering-gap': 'off' }, 'numbering-gap', undefined],
  [{ placeholder: 'off' }, 'section-missing', WARNING],
];
for (const [rules, rule, severity] of LEVELS) {
  test(`settings: with ${JSON.stringify(rules)}, ${rule} is ${severity ?? 'gone'}`, async () => {
    const t = await service({ lint: { rules } });
    const diags = await t.diagnostics(t.open(DRAFT));
    assert.deepEqual(diags.filter((d) => d.code === rule).map((d) => d.severity), severity === undefined ? [] : [severity], JSON.stringify(diags));
  });
}

test('a title-only draft gets a section-missing hint; after a section is written, warnings', async () => {
  const t = await service();
  const title = '# 2024年述职报告\n';
  const draft = t.open(title);
  const first = await t.diagnostics(draft);
  const hints = first.filter((d) => d.code === 'section-missing');
  assert.deepEqual(hints.map((d) => d.severity), [HINT], JSON.stringify(first));
  assert.deepEqual(hints[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 2 + '2024年述职报告'.length } }, 'on the title');
  assert.match(hints[0].message as string, /^尚未写出“履职情况”、“存在的问题”、“下一步打算”部分/);
  assert.ok(!first.some((d) => d.severity === WARNING || d.severity === 1), `nothing louder than a hint: ${JSON.stringify(first)}`);

  // Its quick fixes insert each part, the first part preferred.
  const inserts = (await quickFixes(t, draft.uri, hints[0])).filter((a) => a.title.startsWith('插入'));
  assert.equal(inserts.length, 3, JSON.stringify(inserts.map((a) => a.title)));
  assert.deepEqual(inserts.map((a) => a.isPreferred), [true, false, false]);

  const second = await t.diagnostics(t.change(draft.uri, title + '\n## 一、履职情况\n\n全年组织集中学习12次。\n'));
  const warnings = second.filter((d) => d.code === 'section-missing');
  assert.deepEqual(warnings.map((d) => d.severity), [WARNING, WARNING], JSON.stringify(second));
  assert.deepEqual(warnings.map((d) => /^缺少“([^”]+)”/.exec(d.message as string)?.[1]), ['存在的问题', '下一步打算']);
});

const BODY = ['', '一、履职情况', '', '全年组织学习XX次。', '', '二、存在的问题', '', '学习不够深入。', '', '三、下一步打算', '', '加强学习。', ''];
const missingParts = (d: Diagnostic[]) => d.filter((x) => x.code === 'section-missing').map((x) => /^缺少“([^”]+)”/.exec(x.message as string)?.[1]);

test('report type: the reportType setting < a title naming a type < front matter, as in the CLI', async () => {
  const t = testService([], { reportType: 'party-building' });
  const got = async (lines: string[]) => {
    const diags = await t.diagnostics(t.open([...lines, ...BODY].join('\n')));
    // Every draft has a placeholder: its warning shows the draft has been linted.
    assert.ok(diags.some((x) => x.code === 'placeholder'));
    return missingParts(diags);
  };
  const plain = await got(['# 2024年个人述职报告']);
  assert.ok(plain.includes('原因分析'), `the setting for a plain title: ${plain}`);
  const virtue = await got(['# 某局长2024年述德述廉述职报告']);
  assert.ok(!virtue.includes('原因分析') && virtue.length > 0, `the title's own type: ${virtue}`);
  assert.deepEqual(await got(['---', 'type: 述职报告', '---', '# 2024年个人述职报告']), [], 'front matter names the general type: nothing is missing');
});
