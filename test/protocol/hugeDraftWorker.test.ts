/**
 * The huge-draft worker (dist/draftWorker.js) through HugeDrafts: a job dropped while it runs
 * (its document changed) is cancelled, and the same worker — its code already compiled —
 * takes the next version's job; the outline of that version arrives before its findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { HugeDrafts, HUGE_DRAFT_CHARS } from '../../server/src/features/hugeDrafts';
import { Draft } from '../../server/src/engine/lint/draft';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { outlineOf } from '../../server/src/engine/lint/folding';
import { SLICED_RULES } from '../../server/src/features/service';

const SCRIPT = path.join(__dirname, '..', '..', 'dist', 'draftWorker.js');

function huge(seed: number): string {
  const body = `　　全年召开第${seed}次会议xx次，认真落实三会一课制度，推动各项工作取得新成效。\n`;
  const sections = Array.from({ length: 4 }, (_, i) => `${'一二三四'[i]}、第${i + 1}部分\n` + body.repeat(Math.ceil((HUGE_DRAFT_CHARS + 1000) / 4 / body.length)));
  return '甲单位2024年述职报告\n' + sections.join('');
}

test('a dropped job is cancelled and the same worker takes the next version', { timeout: 60_000 }, async (t) => {
  const drafts = new HugeDrafts(() => undefined, SCRIPT);
  // The worker is unref'd (it never keeps a server alive): the test keeps the loop alive itself.
  const alive = setInterval(() => undefined, 1000);
  t.after(() => clearInterval(alive));
  const input = { settings: DEFAULT_SETTINGS, showItems: false, budgetMs: 60_000, skipRules: [...SLICED_RULES] };
  const first = new Draft(huge(1), 1, 'file:///huge.md');
  const a = drafts.analyse(first, input);
  await a.masked;
  // The document changes while the first job lints (its deadline is a minute away).
  const second = new Draft(huge(2), 2, 'file:///huge.md');
  const b = drafts.analyse(second, input);
  await assert.rejects(a.lint);
  let linted = false;
  void b.lint.then(() => (linted = true));
  const outline = await b.outline();
  assert.equal(linted, false, 'the outline comes before the findings');
  assert.deepEqual(JSON.parse(JSON.stringify(outline.symbols)), JSON.parse(JSON.stringify(outlineOf(second, false))));
  const lint = await b.lint;
  assert.ok(lint.findings.some((f) => f.rule === 'placeholder'));
  assert.equal(drafts.spawned, 1, 'one worker for both versions');
  drafts.forget('file:///huge.md');
});
