/**
 * Scenario (a1): after each committed word the ghost text is the server's answer (none, or its
 * confident continuation); Ctrl+→ and Tab take it.
 */
import { draftWith, editorLine, expectGhost, GHOST_PHRASE, GHOST_TYPED, GHOST_WORDS, ghostText, NEW_LINE, newParagraph, openDraftReady, screenshotEditor, withReference } from '../completion';
import { poll } from '../harness';
import { readDraft, save, type Scenario } from '../scenario';

export const aGhost: Scenario = {
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
};
