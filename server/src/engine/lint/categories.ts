/**
 * The categories findings are summed up under — in 审校全文, `shuzhi review`, the check-up panel
 * and its page. Each rule names its own category (LintRule.category); this table is the one home
 * of their order and their names in the two display languages, so a new rule lands in a named
 * category or does not compile.
 */
export const RULE_CATEGORY_TABLE = {
  slips: { zh: '疑似错别字', en: 'Possible typos' },
  formulations: { zh: '规范表述', en: 'Standard formulations' },
  copying: { zh: '与语料重复', en: 'Copied from the corpus' },
  standards: { zh: '公文规范', en: 'Official-document standards' },
  structure: { zh: '结构', en: 'Structure' },
  numbering: { zh: '编号', en: 'Numbering' },
  placeholders: { zh: '占位符', en: 'Placeholders' },
  punctuation: { zh: '标点与字符', en: 'Punctuation and characters' },
  years: { zh: '年份', en: 'Years' },
  repeats: { zh: '重复', en: 'Repeats' },
  length: { zh: '字数', en: 'Length' },
} as const satisfies Record<string, { zh: string; en: string }>;

/** A category's id (stable: data attributes, JSON). */
export type RuleCategory = keyof typeof RULE_CATEGORY_TABLE;

/** Every category, in the order summaries list them. */
export const RULE_CATEGORIES = Object.keys(RULE_CATEGORY_TABLE) as RuleCategory[];

/** The category's name as the Chinese summaries write it (`疑似错别字`). */
export function categoryName(c: RuleCategory, locale: 'zh-cn' | 'en' = 'zh-cn'): string {
  return RULE_CATEGORY_TABLE[c][locale === 'en' ? 'en' : 'zh'];
}
