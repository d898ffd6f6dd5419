/**
 * `typo-suspect`: an input-method slip — a character replaced by a sound-alike or a shape-alike.
 * Two kinds of evidence (review/typos.ts): a stretch the corpus never uses that is a phrase the
 * corpus uses often once one character is replaced (`不忘出心` / `不忘初心`, review/slips.ts), and
 * a word of the draft that, with one character replaced, is a frequent word of the general
 * lexicon fitting its neighbours better (`工做` / `工作`, review/wordSlips.ts); and a word confused
 * with another word where its context settles which (`截止` before a date, review/confusions.ts). Names, places,
 * numbers, 《titles》 and the workspace's word list are left alone. The fix puts the suggested
 * character in; 忽略此词 adds the draft's word to the word list.
 */
import { findSlips, slipsSteps, type SlipSuspect } from '../../review/slips';
import { runToEnd, type Steps } from '../../slices';
import { typosSteps, type Typo } from '../../review/typos';
import type { LintRule, RuleContext, RuleFinding } from '../types';
// 截止/截至 are word-confusion's (公文规范): reported there, not twice.
import { CONFUSION_IDS } from './word-confusion';

/** Why the suggestion: the corpus reports or the lexicon. */
function evidence(t: Typo): string {
  if (t.evidence === 'confusion') return `此处应为“${t.variant}”：${t.reason}（依据：${t.source}）`;
  if (t.evidence === 'corpus') return `语料中常用“${t.variant}”（${t.reports} 篇报告）`;
  return `常用“${t.variant}”（通用词典${t.reports ? `；语料中 ${t.reports} 篇报告` : ''}）`;
}

export const typoSuspectRule: LintRule = {
  id: 'typo-suspect',
  category: 'slips',
  defaultSeverity: 'warning',
  description: '疑似错别字：换掉一个同音或形近的字后，是语料中的常用说法（如“不忘出心”与“不忘初心”）或通用词典中更合上下文的常用词（如“工做”与“工作”）；或上下文表明用混了的词（如与“义务”并举的“权力”应为“权利”）。',
  example: '始终不忘出心、牢记使命；认真做好各项工做；依法享有的权力和义务',
  check(ctx) {
    const corpus = ctx.phrases ? findSlips(ctx.phrases, ctx.prose.masked, {}, { lexicon: ctx.lexicon }) : [];
    return runToEnd(typos(ctx, corpus));
  },
  // The corpus search and the word check in slices (a large corpus, a long draft); the confusion rules between them.
  *steps(ctx) {
    const corpus = ctx.phrases ? yield* slipsSteps(ctx.phrases, ctx.prose.masked, {}, ctx.outOfTime, { lexicon: ctx.lexicon }) : [];
    return yield* typos(ctx, corpus);
  },
};

function* typos(ctx: RuleContext, corpus: SlipSuspect[]): Steps<RuleFinding[]> {
  const words = [...ctx.settings.review.words, ...(ctx.words ?? [])];
  const found = yield* typosSteps(ctx.prose.masked, { index: ctx.phrases, corpusSlips: corpus, lexicon: ctx.lexicon, words, skipConfusions: CONFUSION_IDS });
  return found.map(
    (t): RuleFinding => ({
      start: t.start,
      end: t.end,
      message: `疑似错别字：“${t.phrase}”，${evidence(t)}`,
      fixes: [
        {
          title: `改为“${t.variant}”`,
          edits: [t.fix],
          safe: false,
          preferred: true,
        },
      ],
      ignoreWord: t.phrase,
    }),
  );
}
