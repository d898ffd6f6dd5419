/** Scenario (f): Find Similar Wording lists corpus passages and inserts the chosen one. */
import { DRAFT_LINES, DRAFT_NAME, HOVER_LINE, HOVER_PHRASE } from '../fixtures';
import { gotoChar, openFile, poll, runCommand, screenshot } from '../harness';
import { readDraft, save, type Scenario } from '../scenario';

export const fSimilar: Scenario = {
  id: 'f-similar',
  name: '(f) Find Similar Wording lists corpus passages; choosing one inserts it',
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    // Select the hovered phrase's sentence part: the phrase itself.
    const idx = DRAFT_LINES[HOVER_LINE - 1].indexOf(HOVER_PHRASE);
    await gotoChar(page, HOVER_LINE, idx);
    for (let i = 0; i < HOVER_PHRASE.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await runCommand(page, '述职助手: 查找相似表述 (Find Similar Wording)');
    // Wait for Shuzhi's own list (its title), not the command palette it replaced.
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: /Similar wording|相似表述/ });
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    const listed = await poll(async () => ((await title.isVisible()) && (await rows.count()) > 0 ? await rows.allInnerTexts() : undefined), 30, 500);
    await screenshot(page, 'f-similar');
    if (!listed) throw new Error('no passages were listed');
    if (!listed.some((t) => t.includes(HOVER_PHRASE))) throw new Error(`no passage mentions ${HOVER_PHRASE}: ${listed[0]}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await save(page);
    const grew = await poll(async () => {
      const l = readDraft(h)[HOVER_LINE - 1];
      return l !== undefined && l.length > DRAFT_LINES[HOVER_LINE - 1].length ? l : undefined;
    }, 20, 250);
    if (!grew) throw new Error('choosing a passage inserted nothing');
    // The item's button opens the corpus file the passage comes from, beside the draft.
    // The same phrase selected again (the insertion moved the cursor), so the list is the same query's.
    await gotoChar(page, HOVER_LINE, idx);
    for (let i = 0; i < HOVER_PHRASE.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await runCommand(page, '述职助手: 查找相似表述 (Find Similar Wording)');
    const relisted = await poll(async () => ((await title.isVisible()) && (await rows.count()) > 0 ? true : undefined), 30, 500);
    if (!relisted) throw new Error('the list did not open a second time');
    // The row's action button shows on hover; the list may re-render while it settles, so hover and click again until it takes.
    const clicked = await poll(async () => {
      await rows.first().hover({ timeout: 2_000 });
      await rows.first().locator('.action-label.codicon-go-to-file').click({ timeout: 2_000 });
      return true;
    }, 10, 500);
    if (!clicked) throw new Error('the source button of the first passage could not be clicked');
    const sourceTab = page.locator('.tabs-container .tab', { hasText: /\.txt/ }).first();
    const opened = await poll(async () => ((await sourceTab.isVisible()) ? await sourceTab.innerText() : undefined), 20, 500);
    await screenshot(page, 'f-source');
    if (!opened) throw new Error('the source button did not open the corpus file');
    console.log(`    ${listed.length} passages; first: ${listed[0].replace(/\s+/g, ' ').slice(0, 50)}…`);
  },
};
