/**
 * `section-thin` (from the delivery rules): a weighty part (履职、问题、原因、打算) takes a far
 * smaller share of the draft than it usually does in the corpus.
 *
 * A part is a top-level section or a heading; an 一是… item nested inside a section is not
 * one, even when its words name a kind (`三是完成人才目标` is part of the work done, not the
 * plans), so findings anchored on such items are dropped here.
 */
import { sectionThin } from '../../delivery/lengthRules';
import { flattenNodes } from '../../report/structure';
import type { LintRule } from '../types';
import { fromDelivery } from '../fromDelivery';

export const sectionThinRule: LintRule = {
  id: 'section-thin',
  category: 'structure',
  defaultSeverity: 'hint',
  description: '某一主要部分（履职、问题、原因、打算）篇幅远低于语料中的常见比例。',
  example: '“存在的问题”只占全文 2%，语料中通常占 15%',
  check(ctx) {
    const findings = fromDelivery(sectionThin, ctx);
    if (!findings.length) return findings;
    const nestedItems = new Set(
      flattenNodes(ctx.tree)
        .filter((n) => n.style === 'shi' && n.depth > 1)
        .map((n) => n.headingStart),
    );
    return findings.filter((f) => !nestedItems.has(f.start));
  },
};
