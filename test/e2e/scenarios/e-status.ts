/** Scenario (e): the status bar items (corpus, character count) and the statistics view. */
import * as fs from 'node:fs';
import { loadCorpus } from '../../../server/src/engine/corpus/corpus';
import { countText, formatCount } from '../../../server/src/engine/delivery/count';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import { DRAFT_NAME } from '../fixtures';
import { type Harness, openFile, poll, screenshot } from '../harness';
import { save, type Scenario } from '../scenario';

export const eStatus: Scenario = {
  id: 'e-status',
  name: '(e) the status bar shows the corpus and the character count; clicking opens the statistics',
  async run(h) {
    const { page } = h;
    await openFile(page, DRAFT_NAME);
    // The figures the editor must show, derived here by the engine from the same inputs: the
    // bundled corpus (the workspace adds none) and the draft as saved.
    await save(page);
    const expected = await expectedFigures(h);
    const corpus = page.locator('.statusbar-item', { hasText: /Corpus: \d+ reports|语料 \d+ 篇/ }).first();
    const shown = await poll(async () => {
      const t = (await corpus.isVisible()) ? (await corpus.innerText()).trim() : '';
      return new RegExp(`(Corpus: ${expected.reports} reports|语料 ${expected.reports} 篇)$`).test(t) ? t : undefined;
    }, 30, 1000);
    const count = page.locator('.statusbar-item', { hasText: /Characters [\d,]+|字数 [\d,]+/ }).first();
    const wanted = new RegExp(`(Characters|字数) ${expected.characters}( / [\\d,]+)?$`);
    const counted = await poll(async () => {
      const t = (await count.isVisible()) ? (await count.innerText()).trim() : '';
      return wanted.test(t) ? t : undefined;
    }, 20, 500);
    await screenshot(page, 'e-status');
    if (!shown) throw new Error(`the corpus status item does not show the ${expected.reports} reports of the bundled corpus: “${await corpus.innerText().catch(() => '')}”`);
    if (!counted) throw new Error(`the character count is not ${expected.characters}: “${await count.innerText().catch(() => '')}”`);
    await corpus.click();
    const tab = page.locator('.tabs-container .tab', { hasText: /Corpus statistics|语料统计/ }).first();
    await tab.waitFor({ timeout: 20_000 });
    const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
    const summary = new RegExp(`(^|\\D)${expected.reports} reports in the corpus\\.|语料中共有 ${expected.reports} 篇报告。`);
    const text = await poll(async () => {
      const t = await body.innerText({ timeout: 2000 });
      return summary.test(t) ? t : undefined;
    }, 20, 500);
    await screenshot(page, 'e-stats');
    if (!text) throw new Error(`the statistics view does not say the corpus has ${expected.reports} reports`);
    console.log(`    ${shown} · ${counted} · stats: ${text.replace(/\s+/g, ' ').slice(0, 60)}…`);
  },
};

/** What scenario (e) expects to see: the bundled corpus's report count and the saved draft's character count, by the engine. */
async function expectedFigures(h: Harness): Promise<{ reports: number; characters: string }> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: DEFAULT_SETTINGS.maxFileSizeMB * 1024 * 1024 });
  if (!reports.length) throw new Error('the engine finds no report in the bundled corpus');
  return { reports: reports.length, characters: formatCount(countText(fs.readFileSync(h.workspace.draft, 'utf8'))) };
}
