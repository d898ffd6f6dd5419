/**
 * The huge-draft job (indexWorkers/draftJob.ts), run in-process: its replies come in the order
 * the server needs them — the outline first (it waits for nothing else), then the prose view
 * for the corpus rules, then the findings — and rules still running at its deadline are cut.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDraftJob } from '../../server/src/indexWorkers/draftJob';
import {
  blankedRuns,
  bufferToText,
  MAX_BLANKED_RUNS,
  TEXT_CHUNK,
  textToBuffer,
  textToBufferInSlices,
  withRunsBlanked,
  type DraftJob,
  type DraftReply,
} from '../../server/src/indexWorkers/draftProtocol';
import { proseView } from '../../server/src/engine/lint/prose';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { SLICED_RULES } from '../../server/src/features/service';

const TEXT = '甲单位2024年述职报告\n一、履职情况\n　　全年召开会议xx次,开展研讨。\n二、存在的问题\n　　学习不够深入。\n';

function run(deadline: number, minRulesMs = 0, cancel?: Int32Array): DraftReply[] {
  const job: DraftJob = { id: 7, text: textToBuffer(TEXT), cancel, settings: DEFAULT_SETTINGS, stage: 'editing', showItems: false, deadline, minRulesMs, maxFindings: 1000, skipRules: [...SLICED_RULES] };
  const replies: DraftReply[] = [];
  runDraftJob(job, (r, transfer) => {
    // Every buffer of a reply goes in its transfer list (moved, not copied, to the server's thread).
    const buffers = Object.values(r).filter((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v)).map((v) => (ArrayBuffer.isView(v) ? v.buffer : v));
    assert.deepEqual(new Set(transfer ?? []), new Set(buffers), r.part);
    replies.push(r);
  });
  return replies;
}

test('a huge-draft job replies with the outline, then the prose view, then the findings', () => {
  const replies = run(Date.now() + 60_000);
  assert.deepEqual(replies.map((r) => r.part), ['outline', 'prose', 'lint']);
  const [outline, prose, lint] = replies;
  assert.ok(outline.part === 'outline' && prose.part === 'prose' && lint.part === 'lint');
  // The outline reply carries no prose view: it is not held back while that is worked out.
  assert.deepEqual(Object.keys(outline).sort(), ['id', 'outline', 'part']);
  assert.deepEqual(JSON.parse(bufferToText(outline.outline)).symbols[0].children.map((c: { name: string }) => c.name), ['一、履职情况', '二、存在的问题']);
  // The prose goes as the runs it blanks (here the full-width indents), not as a copy of the draft.
  assert.equal(prose.masked, undefined);
  assert.equal(withRunsBlanked(TEXT, prose.blanked!), proseView(TEXT).masked);
  assert.deepEqual([...prose.lineStarts], [0, ...[...TEXT.matchAll(/\n/g)].map((m) => m.index + 1)]);
  assert.ok(lint.findings.some((f) => f.rule === 'placeholder'));
  assert.deepEqual(lint.cut, []);
});

test('rules still running at the job deadline are cut and named', () => {
  const lint = run(Date.now() - 1).find((r) => r.part === 'lint');
  assert.ok(lint?.part === 'lint');
  assert.deepEqual(lint.findings, []);
  assert.ok(lint.cut.includes('placeholder') && lint.cut.includes('section-missing'), JSON.stringify(lint.cut));
  assert.ok(!lint.cut.some((id) => SLICED_RULES.includes(id)));
});

test('past the deadline, the rules still get their minimum time after the prose view is ready', () => {
  const lint = run(Date.now() - 1, 60_000).find((r) => r.part === 'lint');
  assert.ok(lint?.part === 'lint');
  assert.deepEqual(lint.cut, []);
  assert.ok(lint.findings.some((f) => f.rule === 'placeholder'));
});

test('a cancelled job stops at its next check: the worker is free for the next job without a restart', () => {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(cancel, 0, 1);
  assert.deepEqual(run(Date.now() + 60_000, 0, cancel).map((r) => r.part), ['outline', 'error']);
});

test("the draft is written for the worker at most TEXT_CHUNK code units between two yields of the server's thread", async () => {
  const text = '述职报告𠀀'.repeat(Math.ceil((TEXT_CHUNK * 2.5) / 6));
  let pauses = 0;
  const buffer = await textToBufferInSlices(text, async () => void pauses++, () => false);
  assert.equal(pauses, Math.ceil(text.length / TEXT_CHUNK) - 1);
  assert.equal(bufferToText(buffer!), text);
  // Dropped meanwhile (the document changed): nothing is sent.
  let asked = 0;
  assert.equal(await textToBufferInSlices(text, async () => undefined, () => ++asked > 1), undefined);
});

test('the masked prose crosses threads as the runs it blanks, and is rebuilt equal', () => {
  const md = '---\ntitle: 述职\n---\n# 一、履职情况\n\n正文**加粗**和`代码`、[链接](http://x.y)、<b>标签</b>、见 https://a.b/c 。\r\n<!-- 备注\n两行 -->\n- 列表\n> 引用\n';
  for (const text of [md, TEXT]) {
    const masked = proseView(text).masked;
    const runs = blankedRuns(text, masked);
    assert.ok(runs, 'a prose view only blanks');
    assert.equal(withRunsBlanked(text, runs), masked);
  }
  // A draft with nothing to blank: its prose is the draft's own string, nothing copied.
  const plain = '甲单位述职报告\n一、履职情况\n全年工作。\n';
  assert.deepEqual([...blankedRuns(plain, proseView(plain).masked)!], []);
  assert.equal(withRunsBlanked(plain, new Uint32Array(0)), plain);
  // Not a blanking (a character changed into another), or too many runs: the whole prose is sent.
  assert.equal(blankedRuns('甲乙丙', '甲丁丙'), undefined);
  const many = 'a b '.repeat(MAX_BLANKED_RUNS + 1);
  assert.equal(blankedRuns(many, many.replace(/a/g, ' ')), undefined);
  assert.ok(blankedRuns(many.slice(4), many.slice(4).replace(/a/g, ' ')));
  assert.equal(blankedRuns(md.repeat(50), proseView(md.repeat(50)).masked), undefined);
});
