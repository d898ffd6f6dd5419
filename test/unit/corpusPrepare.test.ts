/**
 * CorpusStore.prepare: the work features do once a corpus is in and before it is announced ready
 * (the completion warm-up on a restored phrase index). It waits for every task, at most its budget;
 * a failing task is reported and does not stop the others; a task learns when the reports change
 * under it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusStore } from '../../server/src/engine/corpus/store';

const later = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

test('prepare waits for every task, and reports a failing one without stopping the others', async () => {
  const store = new CorpusStore();
  const done: string[] = [];
  store.onPrepare(async () => {
    await later(30);
    done.push('slow');
  });
  store.onPrepare(async () => {
    throw new Error('坏了');
  });
  store.onPrepare(async () => void done.push('quick'));
  const errors: string[] = [];
  await store.prepare(5_000, (e) => errors.push((e as Error).message));
  assert.deepEqual(done.sort(), ['quick', 'slow']);
  assert.deepEqual(errors, ['坏了']);
});

test('prepare stops waiting at its budget; the task goes on and learns when the reports change', async () => {
  const store = new CorpusStore();
  let staleSeen: boolean | undefined;
  let finished = false;
  store.onPrepare(async (stale) => {
    await later(80);
    staleSeen = stale();
    finished = true;
  });
  const t0 = performance.now();
  await store.prepare(20);
  const waited = performance.now() - t0;
  assert.equal(finished, false, 'not awaited past the budget');
  assert.ok(waited < 80, `returned at the budget (${waited.toFixed(0)} ms)`);
  store.set([]);
  await later(100);
  assert.equal(finished, true);
  assert.equal(staleSeen, true, 'the reports changed meanwhile');
});

test('prepare with no task, or a task of an unchanged corpus, sees nothing stale', async () => {
  const store = new CorpusStore();
  await store.prepare(10);
  let staleSeen: boolean | undefined;
  store.onPrepare(async (stale) => void (staleSeen = stale()));
  await store.prepare(1_000);
  assert.equal(staleSeen, false);
});
