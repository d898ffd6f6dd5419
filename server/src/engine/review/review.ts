/**
 * Review before submission (审校): every lint rule (the corpus rules included when the phrase
 * index is given) plus the share of the draft copied from the corpus, summed up by category.
 * The server's `shuzhi/review`, the command 审校全文 and `shuzhi review` all show this.
 */
import { lintText, type LintOptions } from '../lint/lint';
import { proseView } from '../lint/prose';
import { getRule } from '../lint/registry';
import type { Finding, Severity } from '../lint/types';
import type { PhraseIndex } from '../search/phraseIndex';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { findCopies, type CopyReport } from './copied';

/** What a reader of the summary calls each rule's findings. */
const CATEGORY: Record<string, string> = {
  'typo-suspect': '疑似错别字',
  formulation: '规范表述',
  'copied-passage': '与语料重复',
  'section-missing': '结构',
  'section-order': '结构',
  'section-thin': '结构',
  'numbering-gap': '编号',
  'numbering-duplicate': '编号',
  'numbering-style': '编号',
  placeholder: '占位符',
  'punctuation-halfwidth': '标点与字符',
  'quote-unbalanced': '标点与字符',
  'stray-latin': '标点与字符',
  'year-mismatch': '年份',
  'sentence-repeated': '重复',
  'length-over': '字数',
};

/** The category a rule's findings are counted under. */
export function categoryOf(rule: string): string {
  return getRule(rule)?.category ?? CATEGORY[rule] ?? '其他';
}

export interface ReviewCategory {
  name: string;
  count: number;
  /** The most severe level among its findings. */
  severity: Severity;
}

export interface ReviewResult {
  findings: Finding[];
  /** Categories with findings, most severe first, then by count. */
  categories: ReviewCategory[];
  /** The share of the draft copied from the corpus (absent without a phrase index). */
  copy?: CopyReport;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Reviews a draft: lint with every rule, and the copied share when the phrase index is given. */
export function reviewDraft(text: string, opts: LintOptions = {}): ReviewResult {
  const findings = lintText(text, opts);
  const byName = new Map<string, ReviewCategory>();
  for (const f of findings) {
    const name = categoryOf(f.rule);
    const c = byName.get(name);
    if (!c) byName.set(name, { name, count: 1, severity: f.severity });
    else {
      c.count++;
      if (RANK[f.severity] < RANK[c.severity]) c.severity = f.severity;
    }
  }
  const categories = [...byName.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count);
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const copy = opts.phrases ? copiesIn(text, opts.phrases, settings) : undefined;
  return { findings, categories, ...(copy ? { copy } : {}) };
}

/** `与语料重复 12.3%`: the share as the summary writes it. */
export function copyShareText(share: number): string {
  return `与语料重复 ${(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%`;
}

/** The passages of `text` copied from the corpus (prose only: headings and markup are not compared). */
export function copiesIn(text: string, phrases: PhraseIndex, settings: Settings = DEFAULT_SETTINGS): CopyReport {
  return findCopies(phrases, proseView(text).masked, { minChars: settings.review.copyMinChars });
}

/** A copy report as the check-up page shows it: the copied share and its sources by title. */
export function copiedSummary(c: CopyReport, reports: readonly { title: string }[]): { share: number; sources: Array<{ title: string; share: number }> } {
  return { share: c.share, sources: c.sources.map((s) => ({ title: reports[s.report].title, share: s.share })) };
}
