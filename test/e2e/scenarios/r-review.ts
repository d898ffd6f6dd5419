/**
 * Scenario (r): a draft with one slip and one copied paragraph shows both, the slip's fix works, 审校全文
 * sums up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../../../server/src/engine/corpus/corpus';
import { findCopies } from '../../../server/src/engine/review/copied';
import { corpusSoundAlikes } from '../../../server/src/engine/review/corpusChars';
import { findSlips } from '../../../server/src/engine/review/slips';
import { buildPhraseIndex } from '../../../server/src/engine/search/phraseIndex';
import { openFile, poll, runCommand, screenshot } from '../harness';
import { save, type Scenario } from '../scenario';

export const rReview: Scenario = {
  id: 'r-review',
  name: '(r) a draft with one slip and one copied paragraph shows both; the slip\'s fix works; 审校全文 sums up',
  async run(h) {
    const { page } = h;
    const review = await reviewDraftFromCorpus();
    const file = path.join(h.workspace.dir, REVIEW_NAME);
    fs.writeFileSync(file, review.text, 'utf8');
    await openFile(page, REVIEW_NAME);
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const row = (text: string | RegExp) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
    const both = await poll(async () => ((await row('疑似错别字').isVisible()) && (await row('逐字相同').isVisible()) ? true : undefined), 40, 1000);
    await screenshot(page, 'i-problems');
    if (!both) throw new Error('the Problems view does not list both the slip and the copied paragraph');
    await row('疑似错别字').dblclick();
    const applied = await poll(async () => {
      await runCommand(page, 'Quick Fix...');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: `改为“${review.variant}”` }).first();
      if (!(await fix.isVisible().catch(() => false))) {
        await page.keyboard.press('Escape');
        return undefined;
      }
      await fix.click();
      return true;
    }, 10, 1000);
    if (!applied) throw new Error(`no quick fix “改为“${review.variant}””`);
    await save(page);
    const fixed = await poll(async () => (fs.readFileSync(file, 'utf8').includes(review.variant) ? true : undefined), 20, 250);
    if (!fixed) throw new Error('the fix did not write the corpus wording');
    const gone = await poll(async () => ((await row('疑似错别字').isVisible()) ? undefined : true), 20, 500);
    await screenshot(page, 'i-fixed');
    if (!gone) throw new Error('the slip is still listed after the fix');
    await runCommand(page, '述职助手: 审校全文 (Review Before Submission)');
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: /与语料重复|Review/ });
    const shown = await poll(async () => ((await title.isVisible()) ? await title.innerText() : undefined), 30, 500);
    await screenshot(page, 'i-review');
    if (!shown || !shown.includes('与语料重复')) throw new Error(`the review shows no copied share: ${shown}`);
    await page.keyboard.press('Escape');
    console.log(`    ${review.phrase} → ${review.variant}; ${shown.trim()}`);
  },
};

const REVIEW_NAME = '审校稿.md';

/**
 * A draft made from the bundled corpus at run time: one sentence with a sound-alike slip the
 * review finds in a phrase several reports use, and one paragraph copied from one report.
 */
async function reviewDraftFromCorpus(): Promise<{ text: string; phrase: string; variant: string }> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  const index = buildPhraseIndex(reports);
  let slip: { line: string; phrase: string; variant: string } | undefined;
  let copied: string | undefined;
  for (const r of reports) {
    for (const line of r.text.split('\n').map((l) => l.trim())) {
      if (!copied && line.length >= 60 && line.length <= 200) {
        const c = findCopies(index, line);
        if (c.sources.length === 1 && c.share > 0.9) copied = line;
      }
      for (let k = 1; !slip && k + 1 < line.length && line.length < 80; k++) {
        const d = line.charCodeAt(k);
        for (const c of corpusSoundAlikes(index, d)) {
          const altered = line.slice(0, k) + String.fromCharCode(c) + line.slice(k + 1);
          const found = findSlips(index, altered).find((f) => f.at === k && f.replacement === line[k]);
          if (found) {
            slip = { line: altered, phrase: found.phrase, variant: found.variant };
            break;
          }
        }
      }
    }
    if (slip && copied) break;
  }
  if (!slip || !copied) throw new Error('the bundled corpus gave no slip or no copied paragraph to test with');
  return { text: ['# 2024年度述职报告', '', '一、履职情况', '', slip.line, '', copied, ''].join('\n'), phrase: slip.phrase, variant: slip.variant };
}
