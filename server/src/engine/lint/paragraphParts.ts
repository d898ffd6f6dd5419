/**
 * Parts a draft has without a heading of their own, read paragraph by paragraph: drafts
 * often tuck the problems and plans into the last section as bare 一是… paragraphs
 * (“一是工作方法还有待提高；二是…” then “一是加强理论学习…”). The missing-section rule adds
 * these to the parts the headings name, so it only speaks when a part is truly absent.
 *
 * - problems: a paragraph of 一是… items that mostly criticise (不够, 有待, 欠缺 …), or a short
 *   lead-in that announces them (“但也存在一些不足：”);
 * - causes: a paragraph opening the analysis of causes (“反思这些问题产生的原因：”);
 * - next: a paragraph opening with a plan cue (下一步, 今后 …), or the run of 一是… items
 *   right after the problems.
 */
import { opensCauses, paragraphCue, soundsLikeShortcoming } from '../report/cues';
import { flattenNodes } from '../report/structure';
import type { ReportTree, SectionKind } from '../types';
import type { ProseView } from './prose';

/** Lead-ins are short; a long paragraph that mentions 问题 in passing announces nothing. */
const MAX_LEAD_IN = 60;

export function paragraphKinds(tree: ReportTree, prose: ProseView): Set<SectionKind> {
  const found = new Set<SectionKind>();
  const nodes = flattenNodes(tree);
  // Both lists are in document order: one sweep pairs them with the lines.
  const headingStarts = nodes.filter((n) => n.style !== 'shi').map((n) => n.headingStart);
  const items = nodes.filter((n) => n.style === 'shi');
  let h = 0;
  let it = 0;
  let afterProblems = false;
  for (const line of prose.lines) {
    while (h < headingStarts.length && headingStarts[h] < line.start) h++;
    while (it < items.length && items[it].start < line.start) it++;
    const isHeading = h < headingStarts.length && headingStarts[h] < line.end;
    const lineItems = [];
    for (let k = it; k < items.length && items[k].start < line.end; k++) lineItems.push(items[k]);
    const text = prose.masked.slice(line.start, line.end).trim();
    if (!text) continue;
    if (isHeading) {
      afterProblems = false;
      continue;
    }
    const startsWithItem = lineItems.length > 0 && lineItems[0].headingStart - line.start <= text.length - text.trimStart().length + 4;
    const first = text.split(/[。！？]/, 1)[0];
    if (startsWithItem && lineItems.length >= 2) {
      const critical = lineItems.filter((n) => soundsLikeShortcoming(n.label)).length * 2 > lineItems.length;
      if (critical) {
        found.add('problems');
        afterProblems = true;
        continue;
      }
      if (afterProblems) found.add('next');
      afterProblems = false;
      continue;
    }
    const cue = paragraphCue(first);
    if (cue === 'next' && /^(下一步|下步|下阶段|今后|明年|来年|新的一年|在今后|在新的一年|展望)/.test(first)) found.add('next');
    if (opensCauses(text)) found.add('causes');
    const leadIn = text.length <= MAX_LEAD_IN && /[：:]$/.test(text);
    if (leadIn && cue === 'problems') {
      found.add('problems');
      afterProblems = true;
      continue;
    }
    if (!leadIn) afterProblems = false;
  }
  return found;
}
