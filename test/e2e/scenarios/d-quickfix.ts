/** Scenario (d): a missing-section warning in Problems, fixed with its quick fix, goes away. */
import { DRAFT_LINES, DRAFT_NAME, MISSING_PART } from '../fixtures';
import { openFile, poll, runCommand, screenshot } from '../harness';
import { readDraft, save, type Scenario } from '../scenario';

export const dQuickfix: Scenario = {
  id: 'd-quickfix',
  name: '(d) a missing-section warning is fixed by its quick fix',
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const problemRow = () => page.locator('.markers-panel .monaco-list-row', { hasText: MISSING_PART }).first();
    const found = await poll(async () => ((await problemRow().isVisible()) ? true : undefined), 30, 1000);
    if (!found) {
      await screenshot(page, 'd-problems');
      throw new Error('no missing-section problem in the Problems view');
    }
    const message = (await problemRow().innerText()).replace(/\s+/g, ' ');
    // The fix may add text that other rules flag (a placeholder naming the part), so the
    // problem is told apart by the start of its own message.
    const key = message.slice(0, 12);
    const sameProblem = () => page.locator('.markers-panel .monaco-list-row', { hasText: key }).first();
    await screenshot(page, 'd-problems');
    // Opening the problem puts the cursor on its range; Ctrl+. lists the fixes there.
    await problemRow().dblclick();
    const applied = await poll(async () => {
      await runCommand(page, 'Quick Fix...');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: MISSING_PART }).first();
      if (!(await fix.isVisible().catch(() => false))) {
        await page.keyboard.press('Escape');
        return undefined;
      }
      await screenshot(page, 'd-quickfix-menu');
      await fix.click();
      return true;
    }, 10, 1000);
    if (!applied) throw new Error(`no quick fix for: ${message}`);
    await save(page);
    const gone = await poll(async () => ((await sameProblem().isVisible()) ? undefined : true), 20, 500);
    await screenshot(page, 'd-fixed');
    if (!gone) throw new Error(`the problem is still listed after the quick fix: ${message}`);
    const added = readDraft(h).filter((l) => MISSING_PART.test(l) && !DRAFT_LINES.includes(l));
    if (added.length === 0) throw new Error('the quick fix did not add the missing part to the draft');
    console.log(`    fixed “${message.slice(0, 60)}” by adding: ${added[0].trim()}`);
  },
};
