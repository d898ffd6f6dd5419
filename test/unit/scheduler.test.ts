/**
 * The one scheduler of checks (features/scheduler.ts): however many triggers touch a document,
 * it is checked and published once per version and inputs stamp; a check whose document
 * changes under it is dropped and the new version published instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler, type CheckToken } from '../../server/src/features/scheduler';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function harness(checkMs = 0, observesToken = true) {
  const state = { version: 1, stamp: 'a', checks: 0, published: [] as Array<[number, string]> };
  const scheduler = new Scheduler<string>({
    delayMs: 5,
    version: () => state.version,
    stamp: () => state.stamp,
    check: async (_uri: string, token: CheckToken) => {
      state.checks++;
      const v = state.version;
      // A check in slices: it looks at its token between them.
      for (let i = 0; i < 5; i++) {
        await sleep(checkMs / 5);
        if (observesToken && token.isCancellationRequested) return undefined;
      }
      return `v${v}`;
    },
    publish: (_uri, version, result) => state.published.push([version, result]),
    log: () => undefined,
  });
  return { state, scheduler };
}

/** Waits until `n` results are published (at most 10 s), then a little longer for any extra one. */
async function published(state: { published: unknown[] }, n: number): Promise<void> {
  const end = Date.now() + 10_000;
  while (state.published.length < n && Date.now() < end) await sleep(5);
  await sleep(100);
}

test('six triggers of one version: one check, one publish', async () => {
  const { state, scheduler } = harness();
  // didChange, a setting, the corpus, an index built, the phrase index, a corpus file read.
  for (let i = 0; i < 6; i++) scheduler.touch('file:///a.md');
  scheduler.touchAll(['file:///a.md']);
  await published(state, 1);
  assert.equal(state.checks, 1);
  assert.deepEqual(state.published, [[1, 'v1']]);
});

test('a touch that changes neither version nor inputs publishes nothing; new inputs publish again', async () => {
  const { state, scheduler } = harness();
  scheduler.touch('file:///a.md');
  await published(state, 1);
  scheduler.touch('file:///a.md');
  await sleep(200);
  assert.deepEqual(state.published, [[1, 'v1']]);
  state.stamp = 'b';
  scheduler.touch('file:///a.md');
  await published(state, 2);
  assert.deepEqual(state.published, [
    [1, 'v1'],
    [1, 'v1'],
  ]);
});

test('a check whose document changes under it is dropped; the new version is published once', async () => {
  // The check does not look at its token: the scheduler itself drops the stale result.
  const { state, scheduler } = harness(60, false);
  scheduler.touch('file:///a.md');
  await sleep(30);
  state.version = 2;
  scheduler.touch('file:///a.md');
  await published(state, 1);
  assert.deepEqual(state.published, [[2, 'v2']]);
});

test('a closed document is not checked', async () => {
  const { state, scheduler } = harness();
  scheduler.touch('file:///a.md');
  scheduler.forget('file:///a.md');
  await sleep(200);
  assert.equal(state.checks, 0);
});
