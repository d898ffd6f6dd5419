/**
 * Every lint rule, in the order findings of one place are listed. Adding a rule is one file
 * in rules/ and one line here; `shuzhi.lint.rules` refers to rules by these ids.
 */
import { copiedPassageRule } from './rules/copied-passage';
import { formulationRule } from './rules/formulation';
import { lengthOverRule } from './rules/length-over';
import { numberingDuplicateRule } from './rules/numbering-duplicate';
import { numberingGapRule } from './rules/numbering-gap';
import { numberingStyleRule } from './rules/numbering-style';
import { placeholderRule } from './rules/placeholder';
import { punctuationHalfwidthRule } from './rules/punctuation-halfwidth';
import { quoteUnbalancedRule } from './rules/quote-unbalanced';
import { sectionMissingRule } from './rules/section-missing';
import { sectionOrderRule } from './rules/section-order';
import { sectionThinRule } from './rules/section-thin';
import { sentenceRepeatedRule } from './rules/sentence-repeated';
import { strayLatinRule } from './rules/stray-latin';
import { typoSuspectRule } from './rules/typo-suspect';
import { yearMismatchRule } from './rules/year-mismatch';
import type { LintRule } from './types';

export const RULES: readonly LintRule[] = [
  sectionMissingRule,
  sectionOrderRule,
  numberingGapRule,
  numberingDuplicateRule,
  numberingStyleRule,
  placeholderRule,
  punctuationHalfwidthRule,
  quoteUnbalancedRule,
  yearMismatchRule,
  strayLatinRule,
  sentenceRepeatedRule,
  lengthOverRule,
  sectionThinRule,
  typoSuspectRule,
  copiedPassageRule,
  formulationRule,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** A rule by id. */
export function getRule(id: string): LintRule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
