/**
 * The decisions of `npm run test:electron` (test/electron/runTest.ts), with the download and the
 * suite replaced: it always tries to get VS Code, skips with one SKIPPED line only when that
 * fails or takes too long, and otherwise runs the suite and reports its failure in the exit code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOWNLOAD_MS, runElectronSuite, SKIPPED, type ElectronRun } from '../electron/runTest';

function fake(vscode: () => Promise<string>, suite: (exe: string) => Promise<void> = async () => undefined) {
  const lines: string[] = [];
  const ran: string[] = [];
  const run: ElectronRun = {
    vscode,
    suite: async (exe) => {
      ran.push(exe);
      await suite(exe);
    },
    log: (l) => void lines.push(l),
  };
  return { run, lines, ran };
}

test('a failed download: one SKIPPED line with the reason, exit 0, no suite', async () => {
  const { run, lines, ran } = fake(() => Promise.reject(new Error('getaddrinfo ENOTFOUND update.code.visualstudio.com')));
  assert.equal(await runElectronSuite(run), 0);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.ok(lines[0].startsWith(SKIPPED) && lines[0].includes('ENOTFOUND'), lines[0]);
  assert.deepEqual(ran, []);
});

test('a download that does not answer is given up after the bound: SKIPPED, exit 0', { timeout: 10_000 }, async () => {
  const { run, lines, ran } = fake(() => new Promise<string>(() => undefined));
  assert.equal(await runElectronSuite(run, 50), 0);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.ok(lines[0].startsWith(SKIPPED), lines[0]);
  assert.deepEqual(ran, []);
  assert.ok(DOWNLOAD_MS > 0 && DOWNLOAD_MS <= 60_000, `the bound CI waits at most: ${DOWNLOAD_MS} ms`);
});

test('VS Code at hand: the suite runs in it, and its failure is exit 1', async () => {
  const failing = fake(() => Promise.resolve('/opt/code'), () => Promise.reject(new Error('1 scenario(s) failed')));
  assert.equal(await runElectronSuite(failing.run), 1);
  assert.deepEqual(failing.ran, ['/opt/code']);
  assert.ok(failing.lines.some((l) => l.includes('FAILED') && l.includes('1 scenario(s) failed')), failing.lines.join('\n'));
  assert.ok(!failing.lines.some((l) => l.startsWith(SKIPPED)));

  const passing = fake(() => Promise.resolve('/opt/code'));
  assert.equal(await runElectronSuite(passing.run), 0);
  assert.deepEqual(passing.ran, ['/opt/code']);
  assert.ok(passing.lines.some((l) => l.includes('passed')), passing.lines.join('\n'));
});
