/**
 * In-editor scenarios against code-server (see harness.ts):
 *  (a) committed Chinese input opens Shuzhi's phrase suggestions; accepting one changes the text;
 *  (b) hovering a phrase shows corpus examples;
 *  (c) the Outline lists the report's sections (一、…);
 *  (d) a missing-section warning in Problems, fixed with its quick fix, goes away;
 *  (e) the status bar items (corpus, character count) and the statistics view;
 *  (f) Find Similar Wording lists corpus passages and inserts the chosen one;
 *  (g) Word export writes a .docx, Word import opens it as an untitled Markdown draft;
 *  (h) a crashed language server is restarted with a message and answers again;
 *  (i) a draft with one slip and one copied paragraph shows both, the slip's fix works, 审校全文 sums up.
 * Prints `N passed, M failed` and exits non-zero on failure. Screenshots: test-results/e2e/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { corpusSoundAlikes } from '../../server/src/engine/review/corpusChars';
import { findCopies } from '../../server/src/engine/review/copied';
import { findSlips } from '../../server/src/engine/review/slips';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';
import type { Page } from 'playwright-core';
import { DRAFT_LINES, DRAFT_NAME, HOVER_LINE, HOVER_PHRASE, MISSING_PART, OUTLINE_SECTIONS, TYPE_LINE } from './fixtures';
import { gotoChar, gotoLineEnd, openFile, poll, runCommand, screenshot, startHarness, type Harness } from './harness';

type Scenario = { id: string; name: string; run: (h: Harness) => Promise<void> };

const HAN = /\p{Script=Han}/u;

function readDraft(h: Harness): string[] {
  return fs.readFileSync(h.workspace.draft, 'utf8').split('\n');
}

async function save(page: Page): Promise<void> {
  await runCommand(page, 'File: Save');
}

/** Labels of the visible suggest widget rows. */
async function suggestLabels(page: Page): Promise<string[]> {
  const rows = page.locator('.suggest-widget.visible .monaco-list-row .label-name');
  return (await rows.allInnerTexts()).map((s) => s.trim()).filter((s) => s !== '');
}

const scenarios: Scenario[] = [
  {
    id: 'a-completion',
    name: '(a) typing 坚定 shows phrase suggestions; accepting one inserts it',
    async run(h) {
      const { page } = h;
      await openFile(page, DRAFT_NAME);
      await gotoLineEnd(page, TYPE_LINE);
      // The first request can come back empty while the extension activates: retype, bounded.
      const labels = await poll(async () => {
        await page.keyboard.type('坚定');
        const got = await poll(async () => {
          const l = await suggestLabels(page);
          return l.length > 0 ? l : undefined;
        }, 10, 300);
        if (got) return got;
        await page.keyboard.press('Escape');
        await page.keyboard.press('Backspace');
        await page.keyboard.press('Backspace');
        return undefined;
      }, 20, 1000);
      if (!labels) throw new Error('no suggestions appeared after typing 坚定');
      // Word-based suggestions are off for Markdown, so these come from Shuzhi: Chinese phrases.
      const phrases = labels.filter((l) => HAN.test(l) && l !== '坚定');
      if (phrases.length === 0) throw new Error(`suggestions are not phrases: ${labels.join(' | ')}`);
      await screenshot(page, 'a-suggest');
      await page.keyboard.press('Enter');
      await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      await save(page);
      const before = DRAFT_LINES[TYPE_LINE - 1] + '坚定';
      const line = await poll(async () => {
        const l = readDraft(h)[TYPE_LINE - 1];
        return l !== undefined && l !== before && l.startsWith(DRAFT_LINES[TYPE_LINE - 1]) ? l : undefined;
      }, 20, 250);
      if (!line) throw new Error(`accepting a suggestion did not change the line (still ${JSON.stringify(readDraft(h)[TYPE_LINE - 1])})`);
      if (line.length <= before.length) throw new Error(`the accepted suggestion added nothing: ${JSON.stringify(line)}`);
      await screenshot(page, 'a-accepted');
      console.log(`    suggestions: ${labels.slice(0, 5).join(' | ')}; line now ends “${line.slice(-20)}”`);
    },
  },
  {
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
  },
  {
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
  },
  {
    id: 'd-quickfix',
    name: '(d) a missing-section warning is fixed by its quick fix',
    async run(h) {
      const { page } = h;
      await openFile(page, DRAFT_NAME);
      await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      const problemRow = () => page.locator('.markers-panel .monaco-list-row', { hasText: MISSING_PART }).first();
      const found = await poll(async () => ((await problemRow().isVisible()) ? true : undefined), 30, 1000);
      if (!found) {
        await screenshot(page, 'd-problems');
        throw new Error('no missing-section problem in the Problems view');
      }
      const message = (await problemRow().innerText()).replace(/\s+/g, ' ');
      // The fix may add text that other rules flag (a placeholder naming the part), so the
      // problem is told apart by the start of its own message.
      const key = message.slice(0, 12);
      const sameProblem = () => page.locator('.markers-panel .monaco-list-row', { hasText: key }).first();
      await screenshot(page, 'd-problems');
      // Opening the problem puts the cursor on its range; Ctrl+. lists the fixes there.
      await problemRow().dblclick();
      const applied = await poll(async () => {
        await runCommand(page, 'Quick Fix...');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: MISSING_PART }).first();
        if (!(await fix.isVisible().catch(() => false))) {
          await page.keyboard.press('Escape');
          return undefined;
        }
        await screenshot(page, 'd-quickfix-menu');
        await fix.click();
        return true;
      }, 10, 1000);
      if (!applied) throw new Error(`no quick fix for: ${message}`);
      await save(page);
      const gone = await poll(async () => ((await sameProblem().isVisible()) ? undefined : true), 20, 500);
      await screenshot(page, 'd-fixed');
      if (!gone) throw new Error(`the problem is still listed after the quick fix: ${message}`);
      const added = readDraft(h).filter((l) => MISSING_PART.test(l) && !DRAFT_LINES.includes(l));
      if (added.length === 0) throw new Error('the quick fix did not add the missing part to the draft');
      console.log(`    fixed “${message.slice(0, 60)}” by adding: ${added[0].trim()}`);
    },
  },
  {
    id: 'e-status',
    name: '(e) the status bar shows the corpus and the character count; clicking opens the statistics',
    async run(h) {
      const { page } = h;
      await openFile(page, DRAFT_NAME);
      const corpus = page.locator('.statusbar-item', { hasText: /Corpus: \d+ reports|语料 \d+ 篇/ }).first();
      const ready = await poll(async () => ((await corpus.isVisible()) ? true : undefined), 30, 1000);
      const count = page.locator('.statusbar-item', { hasText: /Characters [\d,]+|字数 [\d,]+/ }).first();
      const counted = await poll(async () => ((await count.isVisible()) ? await count.innerText() : undefined), 20, 500);
      await screenshot(page, 'e-status');
      if (!ready) throw new Error('the corpus status item does not show the number of reports');
      if (!counted) throw new Error('the character count is not shown');
      await corpus.click();
      const tab = page.locator('.tabs-container .tab', { hasText: /Corpus statistics|语料统计/ }).first();
      await tab.waitFor({ timeout: 20_000 });
      const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
      const text = await poll(async () => {
        const t = await body.innerText({ timeout: 2000 });
        return /\d+/.test(t) && HAN.test(t) ? t : undefined;
      }, 20, 500);
      await screenshot(page, 'e-stats');
      if (!text) throw new Error('the statistics view stayed empty');
      console.log(`    ${(await corpus.innerText()).trim()} · ${counted.trim()} · stats: ${text.replace(/\s+/g, ' ').slice(0, 60)}…`);
    },
  },
  {
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
      await runCommand(page, '述职助手: 查找相似表述 (Find Similar Wording)');
      await poll(async () => ((await title.isVisible()) && (await rows.count()) > 0 ? true : undefined), 30, 500);
      await rows.first().hover();
      await rows.first().locator('.action-label.codicon-go-to-file').click();
      const sourceTab = page.locator('.tabs-container .tab', { hasText: /\.txt/ }).first();
      const opened = await poll(async () => ((await sourceTab.isVisible()) ? await sourceTab.innerText() : undefined), 20, 500);
      await screenshot(page, 'f-source');
      if (!opened) throw new Error('the source button did not open the corpus file');
      console.log(`    ${listed.length} passages; first: ${listed[0].replace(/\s+/g, ' ').slice(0, 50)}…`);
    },
  },
  {
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
  },
  {
    id: 'h-restart',
    name: '(h) after the language server crashes it is restarted with a message, and answers again',
    async run(h) {
      const { page } = h;
      await openFile(page, DRAFT_NAME);
      const corpus = page.locator('.statusbar-item', { hasText: /Corpus: \d+ reports|语料 \d+ 篇/ }).first();
      if (!(await poll(async () => ((await corpus.isVisible()) ? true : undefined), 30, 1000))) throw new Error('the server never became ready');
      const before = serverPids(h);
      if (before.length !== 1) throw new Error(`expected one server process, found ${before.length}`);
      process.kill(before[0], 'SIGKILL');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /restarted|已重新启动/ }).first();
      const told = await poll(async () => ((await toast.isVisible()) ? await toast.innerText() : undefined), 30, 500);
      await screenshot(page, 'h-restarted');
      if (!told) throw new Error('no message about the restart');
      const after = await poll(async () => {
        const p = serverPids(h);
        return p.length === 1 && p[0] !== before[0] ? p : undefined;
      }, 30, 500);
      if (!after) throw new Error('no new server process');
      // The new server answers: the Outline is rebuilt from it.
      await runCommand(page, 'Explorer: Focus on Outline View');
      const rows = await poll(async () => {
        const texts = await page.locator('.outline-pane .monaco-list-row').allInnerTexts();
        return OUTLINE_SECTIONS.every((sec) => texts.some((t) => t.includes(sec))) ? texts : undefined;
      }, 30, 1000);
      if (!rows) throw new Error('the restarted server does not answer');
      console.log(`    server ${before[0]} killed; restarted as ${after[0]}: “${told.replace(/\s+/g, ' ').slice(0, 70)}”`);
    },
  },
  {
    id: 'i-review',
    name: '(i) a draft with one slip and one copied paragraph shows both; the slip\'s fix works; 审校全文 sums up',
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
  },
];

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

/**
 * Ids of this run's language server processes: node processes whose command line names the
 * server bundle inside this run's own temp folder (so nothing else on the machine matches).
 */
function serverPids(h: Harness): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmd.includes(h.tmp) && cmd.includes('dist/server.js')) pids.push(Number(entry));
  }
  return pids;
}

/** Answers code-server's simple file dialog (a quick input) with a path. */
async function fillFileDialog(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(file);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const chosen = only.length > 0 ? scenarios.filter((s) => only.some((o) => s.id.startsWith(o))) : scenarios;
  let passed = 0;
  let failed = 0;
  // One code-server per scenario: a fresh draft and no state left over from the one before.
  for (const s of chosen) {
    console.log(`▶ ${s.name}`);
    let h: Harness | undefined;
    try {
      h = await startHarness();
      await s.run(h);
      passed++;
      console.log(`  ✓ passed`);
    } catch (error) {
      failed++;
      // Playwright appends its call log to messages; the first line says what failed.
      const message = error instanceof Error ? error.message : String(error);
      console.log(`  ✗ failed: ${message.split('\n')[0]}`);
      if (h) {
        await screenshot(h.page, `${s.id}-failure`).catch(() => undefined);
        console.log(`    logs: ${h.codeServerLog} and ${h.tmp}/data/logs`);
      }
    } finally {
      await h?.close();
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
