/**
 * Length rules, as pure functions over a draft:
 * - `length-over` (warning): the draft is longer than its limit (front matter, title or setting);
 * - `section-thin` (hint): a required part (履职、问题、原因、打算) takes a far smaller share of
 *   the draft than it usually does in the corpus, with the figures in the message.
 */
import type { Settings } from '../settings';
import { LineIndex } from '../text/lineIndex';
import { SECTION_KIND_NAMES, type Finding, type ReportTree, type SectionKind } from '../types';
import { countRange, countText, formatCount } from './count';
import { kindParts, type KindShareStats } from './kindShare';
import { resolveLengthLimit, type LengthLimit } from './lengthLimit';

export interface LengthRuleContext {
  text: string;
  /** The draft's tree, with section kinds inferred. */
  tree: ReportTree;
  settings: Settings;
  corpusStats?: KindShareStats;
}

export type LengthRule = (ctx: LengthRuleContext) => Finding[];

/** Where a finding about the whole draft points: the limit phrase, else the title, else the first line. */
function anchorOf(ctx: LengthRuleContext, limit: LengthLimit): { start: number; end: number } {
  if (limit.start !== undefined && limit.end !== undefined) return { start: limit.start, end: limit.end };
  if (ctx.tree.title) return { start: ctx.tree.title.start, end: ctx.tree.title.end };
  const m = /\S[^\n]*/.exec(ctx.text);
  return m ? { start: m.index, end: m.index + m[0].trimEnd().length } : { start: 0, end: 0 };
}

/** First offset at which the count passes `limit` (binary search on counts of prefixes). */
function overflowOffset(text: string, limit: number): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (countRange(text, 0, mid + 1) > limit) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sourceText(limit: LengthLimit): string {
  switch (limit.source) {
    case 'frontmatter':
      return `文首设置“${limit.phrase}”`;
    case 'title':
      return `标题中的“${limit.phrase}”`;
    default:
      return '设置 shuzhi.length.limit';
  }
}

/** `length-over`: warning when the draft's count exceeds its limit. */
export const lengthOver: LengthRule = (ctx) => {
  const limit = resolveLengthLimit(ctx.text, ctx.settings);
  if (!limit) return [];
  const total = countText(ctx.text);
  if (total <= limit.limit) return [];
  const line = new LineIndex(ctx.text).positionAt(overflowOffset(ctx.text, limit.limit)).line + 1;
  const { start, end } = anchorOf(ctx, limit);
  return [
    {
      rule: 'length-over',
      start,
      end,
      severity: 'warning',
      message:
        `全文 ${formatCount(total)} 字，超过字数限制 ${formatCount(limit.limit)} 字（多 ${formatCount(total - limit.limit)} 字，` +
        `从第 ${line} 行起超出）。限制来自${sourceText(limit)}。`,
    },
  ];
};

/** Parts a reviewer expects to carry weight; a thin one is worth a hint. */
const WEIGHTY_KINDS: readonly SectionKind[] = ['duty', 'problems', 'causes', 'next'];
/** A part is thin below this fraction of its usual (median) share. */
const THIN_RATIO = 0.4;
/** Shares mean little in a skeleton draft or against a tiny corpus. */
const MIN_DRAFT_CHARS = 600;
const MIN_CORPUS_REPORTS = 3;

function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 1) return '不到 1%';
  return `${Math.round(p)}%`;
}

/** `section-thin`: hint when a weighty part is far shorter than its usual share in the corpus. */
export const sectionThin: LengthRule = (ctx) => {
  const stats = ctx.corpusStats;
  if (!stats) return [];
  const total = countText(ctx.text);
  if (total < MIN_DRAFT_CHARS) return [];
  const findings: Finding[] = [];
  const reported = new Set<number>();
  for (const part of kindParts(ctx.tree, total).values()) {
    if (!WEIGHTY_KINDS.includes(part.kind)) continue;
    const first = part.nodes[0];
    if (reported.has(first.start)) continue;
    // A part that signals several kinds is measured against the largest usual share among them.
    const usual = first.kinds
      .filter((k) => WEIGHTY_KINDS.includes(k))
      .map((k) => stats.kinds[k])
      .filter((s) => s !== undefined && s.reports >= MIN_CORPUS_REPORTS)
      .sort((a, b) => b!.median - a!.median)[0];
    if (!usual || part.share >= usual.median * THIN_RATIO) continue;
    reported.add(first.start);
    const name = first.label || SECTION_KIND_NAMES[part.kind];
    findings.push({
      rule: 'section-thin',
      start: first.headingStart,
      end: first.headingEnd,
      severity: 'hint',
      message:
        `“${name}”部分仅 ${formatCount(part.count)} 字，占全文 ${percent(part.share)}；` +
        `语料中此部分通常占 ${percent(usual.median)}（中位数，${usual.reports} 篇），约 ${formatCount(usual.medianCount)} 字。`,
    });
  }
  return findings.sort((a, b) => a.start - b.start);
};

/** The delivery rules by id, for the lint registry. */
export const LENGTH_RULES: Readonly<Record<string, LengthRule>> = {
  'length-over': lengthOver,
  'section-thin': sectionThin,
};

export { resolveLengthLimit } from './lengthLimit';
export { kindShareStats } from './kindShare';
