/**
 * The draft check-up (述职报告体检) as plain data: what the panel in the editor and the CLI's
 * HTML page show. One pure function over the draft, its findings and the corpus figures; the
 * renderer (render.ts) turns it into HTML. Offsets become zero-based lines here, so the page
 * can ask the editor to reveal a line.
 */
import { countRange, countText } from '../delivery/count';
import { resolveLengthLimit } from '../delivery/lengthLimit';
import { lintText } from '../lint/lint';
import { paragraphKinds } from '../lint/paragraphParts';
import { draftOf, type Draft } from '../lint/draft';
import type { ReportTypeChoice } from '../lint/reportTypeOf';
import { RULE_CATEGORIES, type RuleCategory } from '../lint/categories';
import { ruleCategory } from '../lint/registry';
import type { Finding, Severity } from '../lint/types';
import { presentKinds } from '../report/reportTypes';
import { flattenNodes } from '../report/structure';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { ReportNode, ReportTree, SectionKind } from '../types';
import { sectionHasFigures, type CorpusFigures, type KindFigures, type TypeFigures } from './corpusFigures';

/** The groups findings are counted in: the rules' own categories, and `other` for an id no rule has. */
export type FindingCategory = RuleCategory | 'other';

/** Categories in the order the page lists them; `other` only appears when a finding's rule is unknown. */
export const FINDING_CATEGORIES: readonly FindingCategory[] = RULE_CATEGORIES;

/** The category of a rule's findings, as the rule declares it. */
export function categoryOf(rule: string): FindingCategory {
  return ruleCategory(rule) ?? 'other';
}

/** A required part of the report type, present or not. */
export interface ChecklistItem {
  kind: SectionKind;
  present: boolean;
  /** The heading that covers the part, as written, when one does (a part may live in paragraphs). */
  heading?: string;
  /** Zero-based line of that heading. */
  line?: number;
}

/** What the corpus usually gives a section of this kind. */
export interface UsualShare {
  kind: SectionKind;
  p25: number;
  median: number;
  p75: number;
  /** Corpus reports the range comes from. */
  reports: number;
  /** From reports of the draft's type, or from the whole corpus when too few of that type have the part. */
  scope: 'type' | 'all';
}

/** One top-level section of the draft. */
export interface SectionBar {
  heading: string;
  line: number;
  kinds: SectionKind[];
  /** 字数 of the section, heading included (Word's way, as the status bar counts). */
  count: number;
  /** count ÷ the draft's total. */
  share: number;
  usual?: UsualShare;
  /** The section's body carries a figure (a digit). */
  hasFigures: boolean;
  /** Share of corpus sections of this kind that carry figures, when the corpus has enough of them. */
  figuresUsual?: number;
  /** The corpus's sections of this kind usually carry figures and this one has none. */
  figuresMissing: boolean;
}

export interface DashboardFinding {
  rule: string;
  severity: Severity;
  /** Zero-based line. */
  line: number;
  message: string;
}

export interface CategoryCount {
  id: FindingCategory;
  count: number;
  /** The first findings of the category (at most MAX_LISTED), in document order. */
  findings: DashboardFinding[];
}

/** The share of the draft found in corpus reports (the review's `copied-passage` summary). */
export interface CopiedSummary {
  share: number;
  sources: Array<{ title: string; share: number }>;
}

export interface DashboardData {
  /** The draft's title line, when it has one. */
  title?: string;
  reportType: { id: string; name: string; source: ReportTypeChoice['source'] };
  checklist: ChecklistItem[];
  sections: SectionBar[];
  /** 字数 of the whole draft. */
  total: number;
  limit?: { limit: number; source: 'frontmatter' | 'title' | 'settings'; phrase?: string };
  categories: CategoryCount[];
  copied?: CopiedSummary;
  /** Corpus reports measured, all and of the draft's type (0 and 0 without a corpus). */
  corpus: { reports: number; sameType: number };
}

export interface DashboardOptions {
  settings?: Settings;
  /** The draft's findings when the caller has them (the server's lint cache); else lint runs here. */
  findings?: readonly Finding[];
  figures?: CorpusFigures;
  copied?: CopiedSummary;
  /**
   * The report type when the caller has decided it (the CLI with `--report-type` passes what lint
   * used); else it is read from the draft and the settings as lint reads it.
   */
  reportType?: ReportTypeChoice;
}

/** Findings listed per category; the count covers them all. */
export const MAX_LISTED = 50;
/** A range from fewer corpus reports than this says little: the whole corpus is used instead. */
const MIN_REPORTS = 3;
/** A kind “usually carries figures” when more than this share of its corpus sections do. */
const FIGURES_USUAL = 0.5;
/** Corpus sections of a kind needed before its figure habit counts. */
const MIN_SECTIONS = 5;
/** A section this short is a heading being written, not yet a place for figures. */
const MIN_FIGURES_COUNT = 40;

/** The usual share for a section signalling `kinds`: the largest median among them, same type first. */
function usualShare(kinds: readonly SectionKind[], type: TypeFigures | undefined, all: TypeFigures | undefined): UsualShare | undefined {
  const pick = (figs: TypeFigures | undefined, scope: UsualShare['scope']): UsualShare | undefined => {
    let best: UsualShare | undefined;
    for (const kind of kinds) {
      const k = figs?.kinds[kind];
      if (!k || k.reports < MIN_REPORTS) continue;
      if (!best || k.median > best.median) best = { kind, p25: k.p25, median: k.median, p75: k.p75, reports: k.reports, scope };
    }
    return best;
  };
  return pick(type, 'type') ?? pick(all, 'all');
}

/** Share of corpus sections of `kinds` carrying figures (the highest among the kinds), same type first. */
function figuresUsual(kinds: readonly SectionKind[], type: TypeFigures | undefined, all: TypeFigures | undefined): number | undefined {
  const pick = (figs: TypeFigures | undefined) => {
    const rates = kinds
      .map((kind) => figs?.kinds[kind])
      .filter((k): k is KindFigures => !!k && k.sections >= MIN_SECTIONS)
      .map((k) => k.withDigits / k.sections);
    return rates.length ? Math.max(...rates) : undefined;
  };
  return pick(type) ?? pick(all);
}

/** The node that covers `kind`: a top-level section first, then any heading below. */
function coveringNode(tree: ReportTree, kind: SectionKind): ReportNode | undefined {
  const top = tree.sections.find((n) => n.style !== 'shi' && n.kinds.includes(kind));
  return top ?? flattenNodes(tree).find((n) => n.kinds.includes(kind));
}

/** Everything the check-up page shows about `text`. */
export function dashboardData(input: string | Draft, opts: DashboardOptions = {}): DashboardData {
  const draft = draftOf(input);
  const text = draft.text;
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const tree = draft.tree;
  const lines = draft.lines;
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const choice = opts.reportType ?? draft.reportType(settings.reportType);
  const type = choice.type;

  // The parts present, read as section-missing reads them.
  const present = presentKinds(tree);
  for (const k of paragraphKinds(tree, draft.prose)) present.add(k);
  const checklist: ChecklistItem[] = type.required.map((kind) => {
    const item: ChecklistItem = { kind, present: present.has(kind) };
    const node = item.present ? coveringNode(tree, kind) : undefined;
    if (node) {
      item.heading = node.name;
      item.line = lineOf(node.headingStart);
    }
    return item;
  });

  const total = countText(text);
  const typeFigures = opts.figures?.byType[type.id];
  const allFigures = opts.figures?.all;
  const sections: SectionBar[] = tree.sections
    .filter((n) => n.style !== 'shi')
    .map((n) => {
      const count = countRange(text, n.start, n.end);
      const hasFigures = sectionHasFigures(text, n);
      const usualFigures = n.kinds.length ? figuresUsual(n.kinds, typeFigures, allFigures) : undefined;
      const bar: SectionBar = {
        heading: n.name,
        line: lineOf(n.headingStart),
        kinds: [...n.kinds],
        count,
        share: total > 0 ? count / total : 0,
        hasFigures,
        figuresMissing: !hasFigures && usualFigures !== undefined && usualFigures > FIGURES_USUAL && count >= MIN_FIGURES_COUNT,
      };
      const usual = n.kinds.length ? usualShare(n.kinds, typeFigures, allFigures) : undefined;
      if (usual) bar.usual = usual;
      if (usualFigures !== undefined) bar.figuresUsual = usualFigures;
      return bar;
    });

  const limit = resolveLengthLimit(text, settings);
  const findings = opts.findings ?? lintText(draft, { settings });
  const byCategory = new Map<FindingCategory, CategoryCount>(FINDING_CATEGORIES.map((id) => [id, { id, count: 0, findings: [] }]));
  for (const f of findings) {
    const id = categoryOf(f.rule);
    const c = byCategory.get(id) ?? byCategory.set(id, { id, count: 0, findings: [] }).get(id)!;
    c.count++;
    if (c.findings.length < MAX_LISTED) c.findings.push({ rule: f.rule, severity: f.severity, line: lineOf(f.start), message: f.message });
  }

  const data: DashboardData = {
    reportType: { id: type.id, name: type.name, source: choice.source },
    checklist,
    sections,
    total,
    categories: [...byCategory.values()],
    corpus: { reports: allFigures?.reports ?? 0, sameType: typeFigures?.reports ?? 0 },
  };
  if (tree.title) data.title = tree.title.text.trim();
  if (limit) data.limit = { limit: limit.limit, source: limit.source, ...(limit.phrase !== undefined ? { phrase: limit.phrase } : {}) };
  if (opts.copied) data.copied = opts.copied;
  return data;
}
