/**
 * In-editor scenarios against code-server (see harness.ts):
 *  (a1) after each committed word the ghost text is the server's answer (none, or its confident
 *       continuation); Ctrl+→ and Tab take it; (a2) where the server is not sure nothing appears;
 *  (a3) Ctrl+Space opens the list, Enter takes its first phrase; the F1 command opens it too;
 *  (a4) nothing appears while an input method composes, the ghost text comes on commit;
 *  (b) hovering a phrase shows corpus examples;
 *  (c) the Outline lists the report's sections (一、…);
 *  (d) a missing-section warning in Problems, fixed with its quick fix, goes away;
 *  (e) the status bar items (corpus, character count) and the statistics view;
 *  (f) Find Similar Wording lists corpus passages and inserts the chosen one;
 *  (g) Word export writes a .docx, Word import opens it as an untitled Markdown draft;
 *  (h) a crashed language server is restarted with a message and answers again;
 *  (w) the getting-started walkthrough's buttons open a draft beside it, fill in a template, open the
 *      suggestions in the draft, show its Outline and export it to Word;
 *  (i) the check-up panel (dashboard.ts): a missing part, bars, a finding that reveals its line.
 *  (r) a draft with one slip and one copied paragraph shows both, the slip's fix works, 审校全文 sums up.
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
import { countText, formatCount } from '../../server/src/engine/delivery/count';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { DRAFT_LINES, DRAFT_NAME, HOVER_LINE, HOVER_PHRASE, MISSING_PART, OUTLINE_SECTIONS } from './fixtures';
import {
  appearsWithin,
  commitParagraph,
  applyEdit,
  COMPOSE_POLLS,
  draftWith,
  editorLine,
  expectGhost,
  GHOST_PHRASE,
  GHOST_TYPED,
  GHOST_WORDS,
  ghostText,
  IME_BEFORE,
  IME_COMMIT,
  IME_PINYIN,
  ISSUE_PHRASE,
  LIST_TYPED,
  LIST_WORDS,
  NEW_LINE,
  newParagraph,
  openDraftReady,
  QUIET_POLLS,
  QUIET_TYPED,
  QUIET_WORDS,
  screenshotEditor,
  SUGGEST_COMMAND,
  SUGGEST_VISIBLE,
  suggestLabels,
  withReference,
} from './completion';
import { gotoChar, gotoLineEnd, openFile, poll, ROOT, runCommand, screenshot, startHarness, type Harness } from './harness';
import { dashboardScenario } from './dashboard';
import { gongwenScenario } from './gongwen';

type Scenario = { id: string; name: string; run: (h: Harness) => Promise<void> };

const HAN = /\p{Script=Han}/u;


function readDraft(h: Harness): string[] {
  return fs.readFileSync(h.workspace.draft, 'utf8').split('\n');
}

/** What scenario (e) expects to see: the bundled corpus's report count and the saved draft's character count, by the engine. */
async function expectedFigures(h: Harness): Promise<{ reports: number; characters: string }> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: DEFAULT_SETTINGS.maxFileSizeMB * 1024 * 1024 });
  if (!reports.length) throw new Error('the engine finds no report in the bundled corpus');
  return { reports: reports.length, characters: formatCount(countText(fs.readFileSync(h.workspace.draft, 'utf8'))) };
}

async function save(page: Page): Promise<void> {
  await runCommand(page, 'File: Save');
}

const scenarios: Scenario[] = [
  {
    id: 'a-ghost',
    name: '(a1) committing 我们深入学习贯彻习近平新时代 word by word: after each commit the ghost text is the server\'s answer; Ctrl+→ takes a word, Tab the rest',
    async run(h) {
      const { page } = h;
      await withReference(h, async (ref) => {
        await openDraftReady(page);
        await newParagraph(page);
        // An input method commits each word in one go; after each, the editor shows what the
        // server offers at that point (nothing, within a bounded wait, where it offers nothing).
        let typed = '';
        let expected: string | undefined;
        const steps: string[] = [];
        for (const word of GHOST_WORDS) {
          await page.keyboard.insertText(word);
          typed += word;
          if (typed.trim() === '') continue;
          expected = await ref.inlineContinuation(draftWith(typed), NEW_LINE - 1, typed.length);
          await expectGhost(page, expected, `after committing ${typed.trim()}`);
          steps.push(`${typed.trim()} → ${expected === undefined ? '∅' : `“${expected}”`}`);
        }
        await screenshotEditor(page, 'ghost-text');
        if (expected === undefined) throw new Error(`the server offers no ghost text after ${GHOST_TYPED.trim()}`);
        // Ctrl+→ takes the next word of the ghost text, the rest stays as ghost text.
        await page.keyboard.press('Control+ArrowRight');
        const partly = await poll(async () => {
          const line = await editorLine(page, GHOST_TYPED);
          return line && line.length > GHOST_TYPED.length ? line : undefined;
        }, 20, 250);
        if (!partly) throw new Error('Ctrl+→ accepted nothing of the ghost text');
        const taken = partly.slice(GHOST_TYPED.length);
        if (!expected.startsWith(taken)) throw new Error(`Ctrl+→ inserted ${JSON.stringify(taken)}, not the start of ${JSON.stringify(expected)}`);
        if (taken.length < expected.length) {
          const rest = expected.slice(taken.length);
          if (!(await poll(async () => ((await ghostText(page)) === rest ? true : undefined), 20, 250))) {
            throw new Error(`after Ctrl+→ the ghost text is ${JSON.stringify(await ghostText(page))}, not the rest ${JSON.stringify(rest)}`);
          }
          await page.keyboard.press('Tab');
        }
        await save(page);
        const want = GHOST_TYPED + expected;
        const line = await poll(async () => (readDraft(h)[NEW_LINE - 1] === want ? want : undefined), 20, 250);
        if (!line) throw new Error(`after Tab the line reads ${JSON.stringify(readDraft(h)[NEW_LINE - 1])}, not ${JSON.stringify(want)}`);
        if (!line.includes(GHOST_PHRASE)) throw new Error(`the accepted line ${JSON.stringify(line)} does not read ${GHOST_PHRASE}`);
        console.log(`    ${steps.join('; ')}; Ctrl+→ took “${taken}”; line now “${line.trim()}”`);
      });
    },
  },
  {
    id: 'a-quiet',
    name: '(a2) after committing 规划建成了南部 nothing appears by itself',
    async run(h) {
      const { page } = h;
      await withReference(h, async (ref) => {
        await openDraftReady(page);
        await commitParagraph(page, QUIET_WORDS);
        const answer = await ref.inlineContinuation(draftWith(QUIET_TYPED), NEW_LINE - 1, QUIET_TYPED.length);
        if (answer !== undefined) throw new Error(`the server offers ghost text after ${QUIET_TYPED.trim()}: ${JSON.stringify(answer)}`);
        const seen = await appearsWithin(page, QUIET_POLLS);
        await screenshot(page, 'a-quiet');
        if (seen) throw new Error(`${seen} appeared by itself after ${QUIET_TYPED.trim()}`);
        const line = await editorLine(page, QUIET_TYPED);
        if (line !== QUIET_TYPED) throw new Error(`the line reads ${JSON.stringify(line)}, not ${JSON.stringify(QUIET_TYPED)}`);
        console.log(`    nothing appeared in ${(QUIET_POLLS * 250) / 1000} s after “${QUIET_TYPED.trim()}”`);
      });
    },
  },
  {
    id: 'a-list',
    name: '(a3) Ctrl+Space after 我们要坚定 lists the server\'s phrases; Enter inserts the first; the F1 command opens the list too',
    async run(h) {
      const { page } = h;
      await withReference(h, async (ref) => {
        await openDraftReady(page);
        await commitParagraph(page, LIST_WORDS);
        const doc = draftWith(LIST_TYPED);
        const items = await ref.completion(doc, NEW_LINE - 1, LIST_TYPED.length);
        if (!items.some((i) => applyEdit(LIST_TYPED, i).endsWith(ISSUE_PHRASE))) {
          throw new Error(`the server does not list ${ISSUE_PHRASE} after ${LIST_TYPED.trim()}: ${items.map((i) => i.label).join(' | ')}`);
        }
        // Quick suggestions are off for Markdown: the list waits for Ctrl+Space.
        const labels = await poll(async () => {
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+Space');
          return poll(async () => {
            const l = await suggestLabels(page);
            return l.length > 0 ? l : undefined;
          }, 12, 250);
        }, 5, 500);
        if (!labels) throw new Error(`Ctrl+Space listed nothing after ${LIST_TYPED.trim()}`);
        await screenshotEditor(page, 'completion-list');
        const byLabel = new Map(items.map((i) => [i.label, i]));
        const unknown = labels.filter((l) => !byLabel.has(l));
        if (unknown.length > 0) throw new Error(`rows that are not the server's items: ${unknown.join(' | ')}`);
        const first = byLabel.get(labels[0])!;
        await page.keyboard.press('Enter');
        await page.locator(SUGGEST_VISIBLE).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
        // The F1 command opens the same list (checked before saving changes the focus).
        await page.keyboard.press('Escape');
        await runCommand(page, SUGGEST_COMMAND);
        const again = await poll(async () => {
          const l = await suggestLabels(page);
          return l.length > 0 ? l : undefined;
        }, 20, 250);
        await page.keyboard.press('Escape');
        await save(page);
        const want = applyEdit(LIST_TYPED, first);
        const line = await poll(async () => (readDraft(h)[NEW_LINE - 1] === want ? want : undefined), 20, 250);
        if (!line) throw new Error(`after Enter the line reads ${JSON.stringify(readDraft(h)[NEW_LINE - 1])}, not ${JSON.stringify(want)}`);
        if (!again) throw new Error(`the command “${SUGGEST_COMMAND}” opened no list`);
        console.log(`    ${labels.length} rows: ${labels.slice(0, 4).join(' | ')}; Enter gave “${line.trim()}”; F1 listed ${again.length}`);
      });
    },
  },
  {
    id: 'a-ime',
    name: '(a4) nothing appears while an input method composes; on commit the ghost text is the server\'s answer',
    async run(h) {
      const { page } = h;
      await withReference(h, async (ref) => {
        // The start of the line is on disk before the draft opens, so the composition is the
        // first input in the editor, as when a writer opens a draft and types with an input method.
        fs.writeFileSync(h.workspace.draft, draftWith(IME_BEFORE).join('\n'), 'utf8');
        await openDraftReady(page);
        await gotoLineEnd(page, NEW_LINE);
        const typed = IME_BEFORE + IME_COMMIT;
        const expected = await ref.inlineContinuation(draftWith(typed), NEW_LINE - 1, typed.length);
        if (!expected) throw new Error(`the server offers no ghost text after ${typed.trim()}`);
        const cdp = await page.context().newCDPSession(page);
        // Pinyin first, then the characters the input method proposes, still composing.
        for (const text of [...IME_PINYIN, IME_COMMIT]) {
          await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
          const seen = await appearsWithin(page, COMPOSE_POLLS);
          if (seen) {
            await screenshot(page, 'a-ime-composing');
            throw new Error(`${seen} appeared while composing ${text}`);
          }
        }
        await screenshot(page, 'a-ime-composing');
        await cdp.send('Input.insertText', { text: IME_COMMIT });
        await expectGhost(page, expected, `after committing ${IME_COMMIT}`);
        await screenshot(page, 'a-ime-committed');
        const line = await editorLine(page, typed);
        if (line !== typed) throw new Error(`the committed line reads ${JSON.stringify(line)}`);
        console.log(`    quiet through ${((IME_PINYIN.length + 1) * COMPOSE_POLLS * 250) / 1000} s of composing ${IME_COMMIT}; on commit the ghost “${expected}”`);
      });
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
  },
  dashboardScenario,
  gongwenScenario,
  {
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
