/** Scenario (a4): nothing appears while an input method composes, the ghost text comes on commit. */
import * as fs from 'node:fs';
import { appearsWithin, COMPOSE_POLLS, draftWith, editorLine, expectGhost, IME_BEFORE, IME_COMMIT, IME_PINYIN, NEW_LINE, openDraftReady, withReference } from '../completion';
import { gotoLineEnd, screenshot } from '../harness';
import type { Scenario } from '../scenario';

export const aIme: Scenario = {
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
};
