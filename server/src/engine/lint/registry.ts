/**
 * Every lint rule, in the order findings of one place are listed. Adding a rule is one file
 * in rules/ and one line here; `shuzhi.lint.rules` refers to rules by these ids.
 */
import { dateDottedRule } from './rules/date-dotted';
import { dateMixedNumeralsRule } from './rules/date-mixed-numerals';
import { decimalZeroRule } from './rules/decimal-zero';
import { digitUnitCharRule } from './rules/digit-unit-char';
import { ellipsisDashRule } from './rules/ellipsis-dash';
import { punctuationDoubledRule } from './rules/punctuation-doubled';
import { quoteDunhaoRule } from './rules/quote-dunhao';
import { rangeUnitRule } from './rules/range-unit';
import { thisYearRule } from './rules/this-year';
import { unitNameStrayRule } from './rules/unit-name-stray';
import { wordConfusionRule } from './rules/word-confusion';
import { yearShortRule } from './rules/year-short';
import { yearZeroRule } from './rules/year-zero';
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
import type { RuleCategory } from './categories';

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
  // 公文规范 (GB/T 15835, GB/T 15834, GB/T 9704)
  yearShortRule,
  yearZeroRule,
  dateMixedNumeralsRule,
  dateDottedRule,
  rangeUnitRule,
  digitUnitCharRule,
  decimalZeroRule,
  punctuationDoubledRule,
  ellipsisDashRule,
  quoteDunhaoRule,
  wordConfusionRule,
  thisYearRule,
  unitNameStrayRule,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** A rule by id. */
export function getRule(id: string): LintRule | undefined {
  return BY_ID.get(id);
}

/** The category a rule declares for its findings (undefined for an id no rule has). */
export function ruleCategory(id: string): RuleCategory | undefined {
  return BY_ID.get(id)?.category;
}

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
