/** Scenario (a3): Ctrl+Space opens the list, Enter takes its first phrase; the F1 command opens it too. */
import { applyEdit, commitParagraph, draftWith, ISSUE_PHRASE, LIST_TYPED, LIST_WORDS, NEW_LINE, openDraftReady, screenshotEditor, SUGGEST_COMMAND, SUGGEST_VISIBLE, suggestLabels, withReference } from '../completion';
import { poll, runCommand } from '../harness';
import { readDraft, save, type Scenario } from '../scenario';

export const aList: Scenario = {
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
};
