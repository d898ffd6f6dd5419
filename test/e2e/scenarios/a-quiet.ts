/** Scenario (a2): where the server is not sure nothing appears. */
import { appearsWithin, commitParagraph, draftWith, editorLine, NEW_LINE, openDraftReady, QUIET_POLLS, QUIET_TYPED, QUIET_WORDS, withReference } from '../completion';
import { screenshot } from '../harness';
import type { Scenario } from '../scenario';

export const aQuiet: Scenario = {
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
};
