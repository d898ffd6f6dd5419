/**
 * The server's feature functions in-process, data-driven: each case is a draft with a cursor
 * marker (`|`), the feature asked there, and what the answer must hold — no server started.
 * The wire itself (JSON-RPC, guards, registration) keeps its own protocol tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completion, inlineCompletion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { checkDraft, codeActions, CUT_CODE, diagnosticsOf } from '../../server/src/features/lint';
import { documentSymbols, foldingRanges } from '../../server/src/features/outline';
import { HUGE_DRAFT_CHARS } from '../../server/src/features/hugeDrafts';
import { MAX_DIAGNOSTICS } from '../../server/src/engine/lint/cap';
import { A, B, C, corpus } from '../helpers/reportFixtures';
import { testService, type TestService } from '../helpers/service';
import type { Draft } from '../../server/src/engine/lint/draft';
import { proseView } from '../../server/src/engine/lint/prose';
import { SLICED_RULES, type Service } from '../../server/src/features/service';
import { LATE_MS } from '../../server/src/features/lint';
import { MIN_RULES_MS } from '../../server/src/indexWorkers/draftProtocol';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

const never = { isCancellationRequested: false };
const REPORTS = corpus(A, B, C);

/** Diagnostics of a draft as the scheduler would publish them. */
async function diagnostics(t: TestService, draft: Draft, budgetMs?: number) {
  const checked = await checkDraft(t.service, draft, t.service.inputs(), never, budgetMs);
  assert.ok(checked);
  return diagnosticsOf(t.service, draft, checked);
}

const HEAD = '乙单位2024年述职报告\n一、履职情况\n';

interface Case {
  name: string;
  marked: string;
  check(t: TestService, draft: Draft, position: { line: number; character: number }): Promise<void>;
}

const CASES: Case[] = [
  {
    name: 'completion continues a phrase the corpus uses after what is typed',
    marked: HEAD + '严格落实“三会|',
    async check(t, draft, position) {
      const list = await completion(t.service, draft, position);
      assert.ok(list.items.some((i) => i.label.startsWith('三会一课')), JSON.stringify(list.items.map((i) => i.label)));
      // The item replaces the typed part of the phrase (三会), not the whole clause.
      const edit = list.items[0].textEdit as { range: { start: { character: number } } };
      assert.equal(edit.range.start.character, position.character - 2);
    },
  },
  {
    name: 'completion offers numbered headings at the start of a line',
    marked: HEAD + '　　认真履职。\n|',
    async check(t, draft, position) {
      const labels = (await completion(t.service, draft, position)).items.map((i) => i.label);
      assert.ok(labels.some((l) => l.startsWith('二、')), JSON.stringify(labels));
    },
  },
  {
    name: 'no ghost text on an empty line',
    marked: HEAD + '|',
    async check(t, draft, position) {
      assert.deepEqual(await inlineCompletion(t.service, draft, position), []);
    },
  },
  {
    name: 'hover names a phrase the corpus uses, with its examples',
    marked: HEAD + '认真落实三会|一课制度。',
    async check(t, draft, position) {
      const h = await hover(t.service, draft, position);
      assert.ok(h && h.range);
      const line = draft.text.split('\n')[position.line];
      // The longest phrase around the cursor the corpus has.
      assert.match(line.slice(h.range.start.character, h.range.end.character), /^.*三会一课.*$/);
      assert.match((h.contents as { value: string }).value, /三会一课/);
    },
  },
  {
    name: 'no hover where the corpus knows no phrase',
    marked: HEAD + '甲乙丙丁|戊己庚辛',
    async check(t, draft, position) {
      assert.equal(await hover(t.service, draft, position), null);
    },
  },
  {
    name: 'the outline holds the title and its sections, each with its character count',
    marked: '丙局2024年述职报告\n一、履职情况\n　　完成任务。\n二、存在问题\n　　有不足。|',
    async check(t, draft) {
      const [title] = await documentSymbols(t.service, draft);
      assert.equal(title.name, '丙局2024年述职报告');
      assert.deepEqual(
        title.children!.map((c) => c.name),
        ['一、履职情况', '二、存在问题'],
      );
      assert.match(title.children![0].detail ?? '', /^\d+ 字$/);
      const folds = await foldingRanges(t.service, draft);
      assert.deepEqual(
        folds.map((f) => [f.startLine, f.endLine]),
        [
          [1, 2],
          [3, 4],
        ],
      );
    },
  },
  {
    name: 'diagnostics name the rule, and its fix is a code action',
    marked: HEAD + '　　全年召开会议xx次,开展研讨。|',
    async check(t, draft) {
      const ds = await diagnostics(t, draft);
      const codes = ds.map((d) => d.code);
      assert.ok(codes.includes('placeholder') && codes.includes('punctuation-halfwidth'), JSON.stringify(codes));
      const comma = ds.find((d) => d.code === 'punctuation-halfwidth')!;
      const doc = { uri: draft.uri, positionAt: (o: number) => draft.lines.positionAt(o), offsetAt: (p: never) => draft.lines.offsetAt(p), getText: (r?: { start: never; end: never }) => (r ? draft.text.slice(draft.lines.offsetAt(r.start), draft.lines.offsetAt(r.end)) : draft.text) };
      const checked = await checkDraft(t.service, draft, t.service.inputs(), never);
      const actions = codeActions(doc as never, checked!.findings, { textDocument: { uri: draft.uri }, range: comma.range, context: { diagnostics: [comma] } }, (f) => ({ ...comma, code: f.rule, range: { start: draft.lines.positionAt(f.start), end: draft.lines.positionAt(f.end) } }));
      assert.ok(actions.some((a) => a.title.includes('，')), JSON.stringify(actions.map((a) => a.title)));
    },
  },
  {
    name: 'a copied passage points at its corpus report',
    marked: '丁单位2024年述职报告\n一、履职情况\n　　规范落实“三会一课”，开展谈心谈话30余人次。严格执行组织生活会制度，认真开展民主评议党员。|',
    async check(t, draft) {
      const copied = (await diagnostics(t, draft)).find((d) => d.code === 'copied-passage');
      assert.ok(copied, 'copied-passage diagnostic');
      assert.match(copied.message as string, /乙单位支部书记2023年抓基层党建工作述职报告/);
    },
  },
];

for (const c of CASES) {
  test(`feature function: ${c.name}`, async () => {
    const t = testService(REPORTS);
    const { draft, position } = t.at(c.marked);
    await c.check(t, draft, position);
  });
}

test('a check past its time budget is cut, and one information diagnostic says so', async () => {
  const t = testService(REPORTS);
  const draft = t.open(HEAD + '　　全年召开会议xx次,开展研讨。\n');
  const ds = await diagnostics(t, draft, 0);
  const cut = ds.filter((d) => d.code === CUT_CODE);
  assert.equal(cut.length, 1);
  assert.equal(cut[0].severity, 3 /* Information */);
  assert.match(cut[0].message as string, /没有查完/);
  // Nothing was checked: the rules are all named as cut, no other diagnostic.
  assert.equal(ds.length, 1);
  // Within the budget, no such diagnostic.
  assert.equal((await diagnostics(t, draft)).filter((d) => d.code === CUT_CODE).length, 0);
});

test('one Draft per document version: every feature reads the same parse', async () => {
  const t = testService(REPORTS);
  const { draft, position } = t.at(HEAD + '认真落实三会|一课制度。');
  await documentSymbols(t.service, draft);
  const tree = draft.tree;
  await diagnostics(t, draft);
  await completion(t.service, draft, position);
  assert.equal(t.service.openDraft(draft.uri), draft);
  assert.equal(draft.tree, tree);
});

test('a draft is parsed at the turn after it is opened, not in its first completion', async () => {
  const t = testService(REPORTS);
  const draft = t.open(HEAD + '认真落实三会一课制度。\n');
  t.announceOpen(draft.uri);
  assert.equal(draft.hasTree, false, 'not inside the didOpen notification itself');
  await new Promise((r) => setImmediate(r));
  assert.equal(draft.hasTree, true);
  // With completion off there is nothing to prepare for.
  const off = testService(REPORTS, { completion: { enable: false } });
  const other = off.open(HEAD + '认真落实三会一课制度。\n');
  off.announceOpen(other.uri);
  await new Promise((r) => setImmediate(r));
  assert.equal(other.hasTree, false);
});

test('a huge draft is outlined and checked without this thread parsing it', async () => {
  const t = testService(REPORTS);
  const body = '　　全年召开会议xx次,开展研讨，认真落实三会一课制度，推动各项工作取得新成效。\n';
  const sections = Array.from({ length: 3 }, (_, i) => `${'一二三'[i]}、第${i + 1}部分\n` + body.repeat(Math.ceil((HUGE_DRAFT_CHARS + 1000) / 3 / body.length))).join('');
  const draft = t.open('甲单位2024年述职报告\n' + sections);
  assert.ok(draft.text.length > HUGE_DRAFT_CHARS);
  const symbols = await documentSymbols(t.service, draft);
  assert.deepEqual(
    symbols[0].children!.map((c) => c.name),
    ['一、第1部分', '二、第2部分', '三、第3部分'],
  );
  const folds = await foldingRanges(t.service, draft);
  assert.equal(folds.length, 3);
  const ds = await diagnostics(t, draft);
  assert.ok(ds.some((d) => d.code === 'placeholder'), JSON.stringify([...new Set(ds.map((d) => d.code))]) + JSON.stringify(ds.find((d) => d.code === CUT_CODE)?.message));
  assert.ok(ds.length <= MAX_DIAGNOSTICS + 1);
  // The parse happened elsewhere (the worker, or its job run apart when the bundle is missing).
  assert.equal(draft.hasTree, false);
  // The diagnostics' positions come from the line starts the job sent: no line index of the draft built on this thread.
  assert.ok((draft.lines as unknown as { starts: unknown }).starts instanceof Uint32Array);
});

test("a huge draft's check ends at its job's deadline: a worker still running then is not waited for, its rules are named as cut", { timeout: 20_000 }, async () => {
  const t = testService(REPORTS);
  const body = '　　全年召开会议xx次,开展研讨，认真落实三会一课制度，推动各项工作取得新成效。\n';
  const draft = t.open('甲单位2024年述职报告\n一、履职情况\n' + body.repeat(Math.ceil((HUGE_DRAFT_CHARS + 1000) / body.length)));
  const deadline = Date.now() + 100;
  // A worker that sends the prose view, then never the findings (a rule without steps running long).
  const stuck: Service = {
    ...t.service,
    hugeAnalysis: () => ({ deadline, masked: Promise.resolve({ masked: proseView(draft.text).masked, lineStarts: new LineIndex(draft.text).lineStarts() }), outline: () => new Promise(() => undefined), lint: new Promise(() => undefined) }),
  };
  const checked = await checkDraft(stuck, draft, t.service.inputs(), never);
  assert.ok(checked);
  // The deadline has its floor (MIN_RULES_MS after the prose view), then LATE_MS for the worker.
  assert.ok(Date.now() - deadline < MIN_RULES_MS + LATE_MS + 1500, `published ${Date.now() - deadline} ms after the deadline`);
  assert.ok(checked.cut.includes('placeholder') && checked.cut.includes('section-missing'), JSON.stringify(checked.cut));
  assert.ok(!checked.findings.some((f) => !SLICED_RULES.includes(f.rule)));
  const ds = await diagnosticsOf(stuck, draft, checked);
  assert.equal(ds.filter((d) => d.code === CUT_CODE).length, 1);
});

test("a huge draft's background check held back by requests all the time still ends at its deadline and takes the worker's findings", { timeout: 20_000 }, async () => {
  const t = testService(REPORTS);
  const body = '　　全年召开会议xx次,开展研讨，认真落实三会一课制度，推动各项工作取得新成效。\n';
  const draft = t.open('甲单位2024年述职报告\n一、履职情况\n' + body.repeat(Math.ceil((HUGE_DRAFT_CHARS + 1000) / body.length)));
  const deadline = Date.now() + 100;
  // The worker's findings come at once; the server is answering requests all the while.
  const theirs = { id: 0, part: 'lint' as const, findings: [{ rule: 'placeholder', severity: 'warning' as const, start: 30, end: 32, message: '占位符' }], total: 1, cut: [] };
  const ready: Service = {
    ...t.service,
    hugeAnalysis: () => ({ deadline, masked: Promise.resolve({ masked: proseView(draft.text).masked, lineStarts: new LineIndex(draft.text).lineStarts() }), outline: () => new Promise(() => undefined), lint: Promise.resolve(theirs) }),
  };
  // Held for 6 s, far past the deadline (a check that honoured it all that time would lose the worker's findings).
  const checked = await checkDraft(ready, draft, t.service.inputs(), never, undefined, undefined, () => Date.now() < deadline + 6000);
  assert.ok(checked);
  assert.ok(checked.findings.some((f) => f.rule === 'placeholder'), `the worker's findings are kept: ${JSON.stringify(checked.cut)}`);
  assert.ok(!checked.cut.includes('placeholder'), JSON.stringify(checked.cut));
  assert.ok(Date.now() - deadline < MIN_RULES_MS + LATE_MS + 1500, `ended ${Date.now() - deadline} ms after the deadline`);
});
