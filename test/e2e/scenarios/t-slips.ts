/**
 * Scenario (t), input-method slips anywhere in the draft (issue 18): typed into a new draft, a
 * sentence with 工做 gets a 疑似错别字 warning; its quick fix makes 工作; a deliberate word the check
 * flags (规章至度 here) is silenced by 忽略此词, which writes it to .shuzhi/words.txt.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { applyQuickFix, openFile, poll, runCommand, screenshot } from '../harness';
import type { Scenario } from '../scenario';

const NAME = '错字稿.md';

/** Opens the fix list at the problem row holding `text` and picks the action matching `title`. */
async function quickFix(page: Page, text: string, title: RegExp): Promise<boolean> {
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
  await row.dblclick();
  return applyQuickFix(page, title);
}

export const tSlips: Scenario = {
  id: 't-slips',
  name: '(t) a typed 工做 is flagged and fixed to 工作; 忽略此词 silences a deliberate word',
  async run(h) {
    const { page } = h;
    const file = path.join(h.workspace.dir, NAME);
    fs.writeFileSync(file, '# 2024年述职报告\n\n一、履职情况\n\n', 'utf8');
    await openFile(page, NAME);
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('我们认真做好各项工做，进一步完善规章至度。\n');
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const row = (text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    const shown = await poll(async () => ((await row('工做').isVisible()) && (await row('规章至度').isVisible()) ? true : undefined), 40, 1000);
    await screenshot(page, 's-slips');
    if (!shown) throw new Error('the Problems view does not list 工做 and 规章至度 as 疑似错别字');
    const message = await row('工做').innerText();
    if (!message.includes('疑似错别字')) throw new Error(`unexpected message: ${message}`);
    if (!(await quickFix(page, '工做', /改为“[^”]*工作”/))) throw new Error('no quick fix 改为“…工作”');
    await runCommand(page, 'File: Save');
    const fixed = await poll(async () => (fs.readFileSync(file, 'utf8').includes('各项工作') ? true : undefined), 20, 250);
    if (!fixed) throw new Error('the fix did not make 工作');
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    if (!(await quickFix(page, '规章至度', /忽略此词/))) throw new Error('no quick fix 忽略此词');
    // VS Code saves files a workspace edit touched (files.refactoring.autoSave); save all in case it did not.
    await runCommand(page, 'File: Save All').catch(() => undefined);
    const words = path.join(h.workspace.dir, '.shuzhi', 'words.txt');
    const listed = await poll(async () => (fs.existsSync(words) && fs.readFileSync(words, 'utf8').includes('规章至度') ? true : undefined), 20, 500);
    if (!listed) throw new Error('忽略此词 did not write the word to .shuzhi/words.txt');
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const silenced = await poll(async () => ((await row('规章至度').isVisible()) ? undefined : true), 20, 500);
    await screenshot(page, 's-ignored');
    if (!silenced) throw new Error('the ignored word is still listed');
    console.log('    工做 → 工作 by the quick fix; 规章至度 listed in .shuzhi/words.txt and no longer flagged');
  },
};
