/** Scenario (c): the Outline lists the report's sections (一、…). */
import { DRAFT_NAME, OUTLINE_SECTIONS } from '../fixtures';
import { openFile, poll, runCommand, screenshot } from '../harness';
import type { Scenario } from '../scenario';

export const cOutline: Scenario = {
  id: 'c-outline',
  name: '(c) the Outline lists the sections 一、…',
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    await runCommand(page, 'Explorer: Focus on Outline View');
    const rows = await poll(async () => {
      const texts = (await page.locator('.outline-pane .monaco-list-row').allInnerTexts()).map((s) => s.trim());
      return OUTLINE_SECTIONS.every((s) => texts.some((t) => t.includes(s))) ? texts : undefined;
    }, 30, 1000);
    await screenshot(page, 'c-outline');
    if (!rows) throw new Error(`the Outline does not list ${OUTLINE_SECTIONS.join(', ')}`);
    console.log(`    outline: ${rows.map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
  },
};
