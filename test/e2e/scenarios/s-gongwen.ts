/**
 * Scenario (s), 公文规范: a draft with `截止12月底` shows the word-confusion warning in
 * Problems, naming 截至; its quick fix makes the line `截至12月底`, and the warning goes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyQuickFix, openFile, poll, runCommand, screenshot } from '../harness';
import type { Scenario } from '../scenario';

const NAME = '公文规范稿.md';
const TEXT = ['# 2023年度述职报告', '', '截止12月底，共完成审计项目46个。', ''].join('\n');

export const sGongwen: Scenario = {
  id: 's-gongwen',
  name: '(s) 公文规范: 截止12月底 is a warning naming 截至; its quick fix makes 截至12月底',
  async run(h) {
    const { page } = h;
    const file = path.join(h.workspace.dir, NAME);
    fs.writeFileSync(file, TEXT, 'utf8');
    await openFile(page, NAME);
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: '截至' }).first();
    const shown = await poll(async () => ((await row.isVisible()) ? await row.innerText() : undefined), 40, 1000);
    await screenshot(page, 's-gongwen-problem');
    if (!shown) throw new Error('no 截止/截至 problem in the Problems view');
    const icon = (await row.locator('.marker-icon').first().getAttribute('class').catch(() => null)) ?? '';
    if (icon && !/warning/.test(icon)) throw new Error(`the problem is not a warning: ${icon}`);
    await row.dblclick();
    const applied = await applyQuickFix(page, '改为“截至”');
    if (!applied) throw new Error('no quick fix 改为“截至”');
    await runCommand(page, 'File: Save');
    const fixed = await poll(async () => (fs.readFileSync(file, 'utf8').includes('截至12月底') ? true : undefined), 20, 250);
    if (!fixed) throw new Error('the fix did not make 截至12月底');
    const gone = await poll(async () => ((await row.isVisible()) ? undefined : true), 20, 500);
    await screenshot(page, 's-gongwen-fixed');
    if (!gone) throw new Error('the warning is still listed after the fix');
    console.log(`    ${shown.replace(/\s+/g, ' ').trim()} → 截至12月底`);
  },
};
