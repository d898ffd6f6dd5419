/**
 * Review before submission (审校), above lint and review's detectors: every lint rule (the corpus rules included when the phrase
 * index is given) plus the share of the draft copied from the corpus, summed up by category.
 * The server's `shuzhi/review`, the command 审校全文 and `shuzhi review` all show this.
 */
import { lintText, type LintOptions } from '../lint/lint';
import { draftOf, type Draft } from '../lint/draft';
import type { Finding, Severity } from '../lint/types';
import type { PhraseIndex } from '../search/phraseIndex';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { findCopies, type CopyReport } from '../review/copied';
import { categoryName } from '../lint/categories';
import { ruleCategory } from '../lint/registry';

/** The name of the category a rule's findings are counted under (each rule names its own; `其他` for an unknown id). */
export function categoryNameOf(rule: string): string {
  const c = ruleCategory(rule);
  return c ? categoryName(c) : '其他';
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
export function reviewDraft(input: string | Draft, opts: LintOptions = {}): ReviewResult {
  const draft = draftOf(input);
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  return reviewOf(lintText(draft, opts), opts.phrases ? copiesIn(draft, opts.phrases, settings) : undefined);
}

/** A review from its findings and copy report (worked out elsewhere: in slices, or partly in a worker for a huge draft). */
export function reviewOf(findings: Finding[], copy?: CopyReport): ReviewResult {
  const byName = new Map<string, ReviewCategory>();
  for (const f of findings) {
    const name = categoryNameOf(f.rule);
    const c = byName.get(name);
    if (!c) byName.set(name, { name, count: 1, severity: f.severity });
    else {
      c.count++;
      if (RANK[f.severity] < RANK[c.severity]) c.severity = f.severity;
    }
  }
  const categories = [...byName.values()].sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count);
  return { findings, categories, ...(copy ? { copy } : {}) };
}

/** `与语料重复 12.3%`: the share as the summary writes it. */
export function copyShareText(share: number): string {
  return `与语料重复 ${(share * 100).toFixed(share > 0 && share < 0.001 ? 2 : 1)}%`;
}

/** The passages of `text` copied from the corpus (prose only: headings and markup are not compared). */
export function copiesIn(text: string | Draft, phrases: PhraseIndex, settings: Settings = DEFAULT_SETTINGS): CopyReport {
  return findCopies(phrases, draftOf(text).prose.masked, { minChars: settings.review.copyMinChars });
}

/** A copy report as the check-up page shows it: the copied share and its sources by title. */
export function copiedSummary(c: CopyReport, reports: readonly { title: string }[]): { share: number; sources: Array<{ title: string; share: number }> } {
  return { share: c.share, sources: c.sources.map((s) => ({ title: reports[s.report].title, share: s.share })) };
}
