/** Scenario (h): a crashed language server is restarted with a message and answers again. */
import * as fs from 'node:fs';
import { DRAFT_NAME, OUTLINE_SECTIONS } from '../fixtures';
import { type Harness, openFile, poll, runCommand, screenshot } from '../harness';
import type { Scenario } from '../scenario';

export const hRestart: Scenario = {
  id: 'h-restart',
  name: '(h) after the language server crashes it is restarted with a message, and answers again',
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    const corpus = page.locator('.statusbar-item', { hasText: /Corpus: \d+ reports|语料 \d+ 篇/ }).first();
    if (!(await poll(async () => ((await corpus.isVisible()) ? true : undefined), 30, 1000))) throw new Error('the server never became ready');
    const before = serverPids(h);
    if (before.length !== 1) throw new Error(`expected one server process, found ${before.length}`);
    process.kill(before[0], 'SIGKILL');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /restarted|已重新启动/ }).first();
    const told = await poll(async () => ((await toast.isVisible()) ? await toast.innerText() : undefined), 30, 500);
    await screenshot(page, 'h-restarted');
    if (!told) throw new Error('no message about the restart');
    const after = await poll(async () => {
      const p = serverPids(h);
      return p.length === 1 && p[0] !== before[0] ? p : undefined;
    }, 30, 500);
    if (!after) throw new Error('no new server process');
    // The new server answers: the Outline is rebuilt from it.
    await runCommand(page, 'Explorer: Focus on Outline View');
    const rows = await poll(async () => {
      const texts = await page.locator('.outline-pane .monaco-list-row').allInnerTexts();
      return OUTLINE_SECTIONS.every((sec) => texts.some((t) => t.includes(sec))) ? texts : undefined;
    }, 30, 1000);
    if (!rows) throw new Error('the restarted server does not answer');
    console.log(`    server ${before[0]} killed; restarted as ${after[0]}: “${told.replace(/\s+/g, ' ').slice(0, 70)}”`);
  },
};

/**
 * Ids of this run's language server processes: node processes whose command line names the
 * server bundle inside this run's own temp folder (so nothing else on the machine matches).
 */
function serverPids(h: Harness): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes(h.tmp) && cmd.includes('dist/server.js')) pids.push(Number(entry));
  }
  return pids;
}
