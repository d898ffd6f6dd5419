/** Scenario (g): Word export writes a .docx, Word import opens it as an untitled Markdown draft. */
import * as fs from 'node:fs';
import { DRAFT_NAME, OUTLINE_SECTIONS } from '../fixtures';
import { openFile, poll, runCommand, screenshot } from '../harness';
import { fillFileDialog, type Scenario } from '../scenario';

export const gWord: Scenario = {
  id: 'g-word',
  name: '(g) Export to Word writes a .docx; Import from Word opens it as a Markdown draft',
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    const target = h.workspace.draft.replace(/\.md$/, '.docx');
    await runCommand(page, '述职助手: 导出为 Word (Export to Word)');
    // code-server's own file dialog is a quick input holding the path.
    await fillFileDialog(page, target);
    const written = await poll(async () => (fs.existsSync(target) && fs.statSync(target).size > 0 ? true : undefined), 30, 500);
    await screenshot(page, 'g-exported');
    if (!written) throw new Error(`nothing was written to ${target}`);
    const head = fs.readFileSync(target).subarray(0, 2).toString('latin1');
    if (head !== 'PK') throw new Error('the exported file is not a Word (zip) document');
    await runCommand(page, '述职助手: 从 Word 导入 (Import from Word)');
    await fillFileDialog(page, target);
    const untitled = page.locator('.tabs-container .tab', { hasText: /Untitled/ }).first();
    await untitled.waitFor({ timeout: 20_000 });
    const text = await poll(async () => {
      const t = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
      return OUTLINE_SECTIONS.every((s) => t.includes(s)) ? t : undefined;
    }, 20, 500);
    await screenshot(page, 'g-imported');
    if (!text) throw new Error('the imported draft does not show the sections of the report');
    console.log(`    exported ${fs.statSync(target).size} bytes; imported draft starts “${text.split('\n')[0].slice(0, 30)}”`);
  },
};
