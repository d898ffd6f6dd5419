/**
 * Scenario (w): the getting-started walkthrough's buttons open a draft beside it, fill in a template,
 * open the suggestions in the draft, show its Outline and export it to Word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suggestLabels } from '../completion';
import { DRAFT_NAME } from '../fixtures';
import { openFile, poll, ROOT, runCommand, screenshot } from '../harness';
import { fillFileDialog, type Scenario } from '../scenario';

const HAN = /\p{Script=Han}/u;

export const wWalkthrough: Scenario = {
  id: 'w-walkthrough',
  name: '(w) the walkthrough: its buttons open a draft beside it, insert a template, open suggestions and the Outline there, export it',
  async run(h) {
    const { page } = h;
    // A selected step takes the focus 350 ms after the click when the walkthrough animates,
    // which closes a list its button has opened meanwhile (a reader is slower than that);
    // with reduced motion it takes the focus at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // The palette lists an extension's commands once the extension host has read it: open a
    // Markdown file first, as the other scenarios do.
    await openFile(page, DRAFT_NAME);
    // A walkthrough opens a command's editor beside itself only when the editor area is wider
    // than 700 px; the empty secondary side bar would leave it at about 760 px of 1440.
    await runCommand(page, 'View: Hide Secondary Side Bar');
    await runCommand(page, '述职助手: 入门指南 (Walkthrough)');
    const step = (title: string) => page.locator('.getting-started-step', { hasText: title }).first();
    const button = (title: string, label: string) => step(title).locator('.monaco-button', { hasText: label }).first();
    // Opens a step and waits until it has the focus, before its button is pressed.
    const openStep = async (title: string) => {
      await step(title).locator('.step-title').first().click();
      await page.locator('.getting-started-step.expanded:focus', { hasText: title }).first().waitFor({ timeout: 10_000 });
    };
    await button('Start a draft', 'New draft').waitFor({ state: 'visible', timeout: 30_000 });
    // Beside the step, its page (client/media/walkthrough/draft.md; UI language English here).
    const pageHeading = fs.readFileSync(path.join(ROOT, 'client/media/walkthrough/draft.md'), 'utf8').split('\n')[0].replace(/^#\s*/, '');
    const shown = await poll(async () => {
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        const t = await f.locator('body').innerText({ timeout: 1000 }).catch(() => '');
        if (t.includes(pageHeading)) return true;
      }
      return undefined;
    }, 20, 500);
    if (!shown) throw new Error(`the step's page (${pageHeading}) is not shown`);
    // An untitled tab is named after its first line once it has one, with “Untitled-1” beside it.
    const tabs = page.locator('.tabs-container .tab', { hasText: /Untitled-\d/ });
    const tabsBefore = await tabs.count();
    await button('Start a draft', 'New draft').click();
    const opened = await poll(async () => ((await tabs.count()) === tabsBefore + 1 ? true : undefined), 30, 500);
    if (!opened) throw new Error('the New draft button opened no untitled draft');
    // Beside the walkthrough, not over it: two editor groups.
    const groups = await page.locator('.editor-group-container').count();
    if (groups < 2) throw new Error(`the draft did not open beside the walkthrough (${groups} editor group)`);
    const language = await poll(async () => {
      const item = page.locator('.statusbar-item', { hasText: /^\s*Markdown\s*$/ }).first();
      return (await item.isVisible()) ? true : undefined;
    }, 20, 500);
    if (!language) throw new Error('the new draft is not a Markdown document');
    // The step is ticked off by its button (completionEvents).
    const ticked = await poll(async () => ((await step('Start a draft').locator('[role=checkbox][aria-checked=true]').count()) > 0 ? true : undefined), 20, 500);
    if (!ticked) throw new Error('pressing the button did not tick the step off');
    // Step 2 inserts a template into that draft (the walkthrough has the focus, not the draft).
    await openStep('Insert a template');
    await button('Insert a template', 'Insert a template').click();
    const pick = page.locator('.quick-input-widget .monaco-list-row').first();
    await pick.waitFor({ state: 'visible', timeout: 20_000 });
    // A click, not Enter: Enter right after the list shows can come before it has an active item.
    await pick.click();
    const draft = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '二、' }).first();
    const text = await poll(async () => ((await draft.isVisible()) ? await draft.innerText() : undefined), 30, 500);
    await screenshot(page, 'w-template');
    if (!text) throw new Error('the template was not inserted into the draft');
    if ((await tabs.count()) !== tabsBefore + 1) throw new Error('the template opened another draft instead of filling the one beside the walkthrough');
    // Step 3 puts the cursor in the draft and opens Shuzhi's suggestions there.
    await page.keyboard.press('Escape');
    await openStep('Accept a suggestion');
    await button('Accept a suggestion', 'Try it in the draft').click();
    const labels = await poll(async () => {
      const l = await suggestLabels(page);
      return l.some((x) => HAN.test(x)) ? l : undefined;
    }, 20, 500);
    await screenshot(page, 'walkthrough');
    if (!labels) throw new Error('Try it in the draft opened no Chinese suggestions');
    await page.keyboard.press('Escape');
    // Step 4's Outline button shows the draft's outline (the draft's group is focused first).
    await openStep('Read the outline');
    await button('Read the outline', 'Show the outline').click();
    const outline = await poll(async () => {
      const rows = await page.locator('.outline-pane .monaco-list-row').allInnerTexts();
      return rows.some((r) => r.includes('二、') || r.includes('存在')) ? rows : undefined;
    }, 20, 500);
    await screenshot(page, 'w-outline');
    if (!outline) throw new Error('the Outline button did not show the draft\'s sections');
    // Step 5 exports that draft (still unsaved) to Word.
    const target = path.join(h.workspace.dir, 'walkthrough-draft.docx');
    await openStep('Export to Word');
    await button('Export to Word', 'Export to Word').click();
    // code-server's file dialog fills in the suggested name (the draft's title) a moment after it
    // shows; typing before that mixes both paths.
    const dialog = page.locator('.quick-input-widget input');
    const suggested = await poll(async () => ((await dialog.inputValue()).endsWith('.docx') ? true : undefined), 20, 250);
    if (!suggested) throw new Error('the save dialog did not suggest a .docx name');
    await fillFileDialog(page, target);
    const written = await poll(async () => (fs.existsSync(target) && fs.statSync(target).size > 0 ? true : undefined), 30, 500);
    if (!written) throw new Error(`the Export button wrote nothing to ${target}`);
    if (fs.readFileSync(target).subarray(0, 2).toString('latin1') !== 'PK') throw new Error('the exported file is not a Word (zip) document');
    console.log(`    draft opened beside the walkthrough; template: ${text.split('\n').filter((l) => l.trim()).slice(0, 3).join(' / ')}`);
    console.log(`    suggestions: ${labels.slice(0, 4).join(' | ')}; outline: ${outline.map((r) => r.replace(/\s+/g, ' ')).slice(0, 4).join(' | ')}`);
  },
};
