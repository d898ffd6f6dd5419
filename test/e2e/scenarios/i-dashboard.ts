/**
 * Scenario (i), the draft check-up panel (体检面板): opened on the fixture draft, which lacks its
 * 下一步打算, it shows the ✗ for that part and a bar per section; a click on a finding moves the
 * editor to its line; typing the part turns the ✗ into ✓ (the panel follows the draft); light and
 * dark screenshots (test-results/e2e/dashboard-{light,dark}.png, copied to docs/images for the
 * README); the time from the command to the page, cold and opened again.
 */
import type { Frame, Page } from 'playwright-core';
import { DRAFT_NAME } from '../fixtures';
import { openFile, poll, runCommand, screenshot, type Harness } from '../harness';
import type { Scenario } from '../scenario';

export const iDashboard: Scenario = {
  id: 'i-dashboard',
  name: '(i) the check-up panel shows the missing part and the bars; a finding reveals its line; light and dark',
  async run(h) {
    const { page } = h;
    await setColorTheme(h, 'light');
    await openFile(page, DRAFT_NAME);
    const corpus = page.locator('.statusbar-item', { hasText: /Corpus: \d+ reports|语料 \d+ 篇/ }).first();
    await poll(async () => ((await corpus.isVisible()) ? true : undefined), 30, 1000);
    // A roomier view for the screenshots: no secondary side bar.
    if (await page.locator('.part.auxiliarybar').isVisible()) {
      await runCommand(page, 'View: Toggle Secondary Side Bar Visibility').catch(() => page.keyboard.press('Escape'));
    }
    await runCommand(page, '述职助手: 打开体检面板 (Open the draft check-up)');
    // From the command to the page in the panel (polled every 50 ms; includes the browser's paint).
    const started = Date.now();
    const frame = await poll(() => dashboardFrame(page), 400, 50);
    const painted = Date.now() - started;
    if (!frame) throw new Error('the check-up panel did not open');
    // The draft lacks its plans: the checklist marks them ✗; each top-level section has a bar.
    const missing = frame.locator('.checklist li.missing[data-kind="next"] .mark');
    if ((await missing.innerText()).trim() !== '✗') throw new Error('no ✗ for the missing 下一步打算');
    const bars = await poll(async () => {
      const n = await frame.locator('#structure svg.chart rect.bar').count();
      return n >= 2 ? n : undefined;
    }, 20, 500);
    if (!bars) throw new Error('no section bars');
    const ranges = await frame.locator('#structure .range').allInnerTexts();
    // The placeholder finding (xx) reveals its line in the editor.
    const finding = frame.locator('.finding.warning[data-line], .finding[data-line]', { hasText: /xx/ }).first();
    const line = Number(await finding.getAttribute('data-line'));
    await page.mouse.move(700, 880);
    await screenshot(page, 'dashboard-light');
    await finding.click();
    const cursor = page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line + 1}, Col \\d+`) }).first();
    const moved = await poll(async () => ((await cursor.isVisible()) ? await cursor.innerText() : undefined), 20, 500);
    if (!moved) throw new Error(`clicking the finding did not move the cursor to line ${line + 1}`);
    // Typing the missing part turns its ✗ into ✓ (debounced update, no reload).
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n三、下一步打算\n\n　　一是持续加强理论学习；二是提高工作质量。\n');
    const fixed = await poll(async () => ((await frame.locator('.checklist li.present[data-kind="next"]').count()) > 0 ? true : undefined), 30, 500);
    if (!fixed) throw new Error('the panel did not follow the typing');
    await setColorTheme(h, 'dark');
    const dark = await poll(async () => ((await frame.locator('body.vscode-dark').count()) > 0 ? true : undefined), 30, 500);
    if (!dark) throw new Error('the dark theme did not reach the panel');
    await page.mouse.move(700, 880);
    await screenshot(page, 'dashboard-dark');
    // Opened again, once the editor's webview machinery is warm.
    const tab = page.locator('.tabs-container .tab', { hasText: /Check-up|体检/ }).first();
    await tab.click();
    await runCommand(page, 'View: Close Editor');
    if (!(await poll(async () => ((await dashboardFrame(page)) ? undefined : true), 40, 100))) throw new Error('the check-up panel did not close');
    await openFile(page, DRAFT_NAME);
    await runCommand(page, '述职助手: 打开体检面板 (Open the draft check-up)');
    const again = Date.now();
    if (!(await poll(() => dashboardFrame(page), 400, 50))) throw new Error('the check-up panel did not open again');
    const repainted = Date.now() - again;
    console.log(`    painted ${painted} ms after the command (${repainted} ms when opened again); ${bars} bars (${ranges.map((r) => r.trim()).join(' | ')}); finding → ${moved.trim()}; ✗ → ✓ after typing`);
  },
};

/** The frame of Shuzhi's check-up panel (webviews are nested iframes), once its page is in. */
async function dashboardFrame(page: Page): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    if ((await f.locator('body.webview #parts .checklist').count().catch(() => 0)) > 0) return f;
  }
  return undefined;
}

/** Puts the workbench in a light or dark theme (toggling between the two default themes). */
async function setColorTheme(h: Harness, scheme: 'light' | 'dark'): Promise<void> {
  const { page } = h;
  const selector = scheme === 'light' ? '.monaco-workbench.vs' : '.monaco-workbench.vs-dark';
  const now = async () => ((await page.locator(selector).count()) > 0 ? true : undefined);
  if (await now()) return;
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  if (!(await poll(now, 20, 500))) throw new Error(`the workbench did not turn ${scheme}`);
}
