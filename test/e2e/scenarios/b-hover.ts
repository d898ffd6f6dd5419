/** Scenario (b): hovering a phrase shows corpus examples. */
import { DRAFT_LINES, DRAFT_NAME, HOVER_LINE, HOVER_PHRASE } from '../fixtures';
import { gotoChar, openFile, poll, runCommand, screenshot } from '../harness';
import type { Scenario } from '../scenario';

export const bHover: Scenario = {
  id: 'b-hover',
  name: `(b) hovering ${HOVER_PHRASE} shows an example from the corpus`,
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    const text = await poll(async () => {
      // Put the cursor inside the phrase (its second character) and ask for the hover there.
      await page.keyboard.press('Escape');
      await gotoChar(page, HOVER_LINE, DRAFT_LINES[HOVER_LINE - 1].indexOf(HOVER_PHRASE) + 1);
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover:visible').first();
      const t = await hover.innerText({ timeout: 3000 }).catch(() => '');
      // An example is a corpus sentence: Chinese text longer than the phrase itself.
      return t.includes(HOVER_PHRASE) && t.replace(/\s/g, '').length > HOVER_PHRASE.length + 10 ? t : undefined;
    }, 15, 2000);
    await screenshot(page, 'b-hover');
    if (!text) throw new Error('no hover with examples appeared');
    console.log(`    hover: ${text.replace(/\s+/g, ' ').slice(0, 80)}…`);
  },
};
