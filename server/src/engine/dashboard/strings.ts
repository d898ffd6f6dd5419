/**
 * The check-up page's own words, in the two display languages the extension supports. The
 * renderer runs in the server and the CLI, where vscode.l10n is not available, so the table is
 * here; the client passes `vscode.env.language`.
 */
import { SECTION_KIND_NAMES, type SectionKind } from '../types';
import { categoryName, RULE_CATEGORIES, type RuleCategory } from '../lint/categories';
import type { FindingCategory } from './data';

export type DashboardLocale = 'zh-cn' | 'en';

/** Every rule category's name in one locale (the rules' table: categories.ts). */
function categoryNames(locale: DashboardLocale): Record<RuleCategory, string> {
  return Object.fromEntries(RULE_CATEGORIES.map((c) => [c, categoryName(c, locale)])) as Record<RuleCategory, string>;
}

/** `zh`, `zh-CN`, `zh-tw` … read Chinese; anything else English. */
export function dashboardLocale(language: string | undefined): DashboardLocale {
  return /^zh/i.test(language ?? '') ? 'zh-cn' : 'en';
}

export interface DashboardStrings {
  pageTitle: string;
  untitled: string;
  typeLine: (name: string, source: string) => string;
  /** By ReportTypeChoice['source']; a source added later shows by its id until it has words here. */
  typeSource: Readonly<Record<string, string>>;
  parts: string;
  present: string;
  missing: string;
  inParagraphs: string;
  structure: string;
  noSections: string;
  chars: (n: string) => string;
  total: (n: string) => string;
  limit: (n: string, over: boolean) => string;
  limitSource: Record<'frontmatter' | 'title' | 'settings', string>;
  limitWithSource: (limit: string, source: string) => string;
  noLimit: string;
  usualRange: (lo: string, hi: string, reports: number, scope: 'type' | 'all') => string;
  noUsual: string;
  legend: { draft: string; usual: string; median: string };
  findings: string;
  noFindings: string;
  line: (n: number) => string;
  more: (n: number) => string;
  categories: Record<FindingCategory, string>;
  copied: string;
  copiedShare: (p: string) => string;
  copiedNone: string;
  figures: string;
  figuresMissing: (p: string) => string;
  figuresNone: string;
  corpus: (all: string, same: string, type: string) => string;
  noCorpus: string;
  kinds: Record<SectionKind, string>;
  typeNames: Record<string, string>;
}

const ZH: DashboardStrings = {
  pageTitle: '述职报告体检',
  untitled: '（无标题）',
  typeLine: (name, source) => `按“${name}”检查（${source}）`,
  typeSource: {
    frontmatter: '来自文首设置 type',
    settings: '来自设置 shuzhi.reportType',
    explicit: '由命令行 --report-type 指定',
    title: '根据标题判断',
    default: '未能判断类型，按一般述职报告',
  },
  parts: '必备部分',
  present: '已有',
  missing: '缺少',
  inParagraphs: '（见正文段落）',
  structure: '结构与篇幅',
  noSections: '草稿还没有分节标题。',
  chars: (n) => `${n} 字`,
  total: (n) => `全文 ${n} 字`,
  limit: (n, over) => (over ? `超过字数限制 ${n} 字` : `字数限制 ${n} 字`),
  limitSource: { frontmatter: '来自文首设置', title: '来自标题', settings: '来自设置' },
  limitWithSource: (limit, source) => `${limit}（${source}）`,
  noLimit: '未设字数限制',
  usualRange: (lo, hi, reports, scope) => `语料通常 ${lo}–${hi}（${scope === 'type' ? '同类' : '全部'} ${reports} 篇）`,
  noUsual: '语料中无可比数据',
  legend: { draft: '本稿占比', usual: '语料常见范围（四分位）', median: '语料中位数' },
  findings: '问题分类',
  noFindings: '没有发现问题。',
  line: (n) => `第 ${n} 行`,
  more: (n) => `另有 ${n} 条未列出`,
  categories: { ...categoryNames('zh-cn'), other: '其他' },
  copied: '与语料重复',
  copiedShare: (p) => `与语料重复 ${p}`,
  copiedNone: '未做重复检查。',
  figures: '数据与成效',
  figuresMissing: (p) => `语料中同类部分 ${p} 带有数字，本节没有`,
  figuresNone: '各部分的数字情况与语料相当。',
  corpus: (all, same, type) => `对照语料 ${all} 篇，其中“${type}” ${same} 篇`,
  noCorpus: '语料尚未就绪，常见范围暂缺。',
  kinds: SECTION_KIND_NAMES,
  typeNames: {},
};

const EN: DashboardStrings = {
  pageTitle: 'Draft check-up',
  untitled: '(untitled)',
  typeLine: (name, source) => `Checked as “${name}” (${source})`,
  typeSource: {
    frontmatter: 'from the front matter type',
    settings: 'from the setting shuzhi.reportType',
    explicit: 'chosen with --report-type',
    title: 'from the title',
    default: 'type not recognised, general duty report assumed',
  },
  parts: 'Required parts',
  present: 'present',
  missing: 'missing',
  inParagraphs: '(in the paragraphs)',
  structure: 'Structure and length',
  noSections: 'The draft has no section headings yet.',
  chars: (n) => `${n} chars`,
  total: (n) => `${n} characters in all`,
  limit: (n, over) => (over ? `over the limit of ${n}` : `limit ${n}`),
  limitSource: { frontmatter: 'from the front matter', title: 'from the title', settings: 'from the settings' },
  limitWithSource: (limit, source) => `${limit} (${source})`,
  noLimit: 'no length limit',
  usualRange: (lo, hi, reports, scope) => `corpus usually ${lo}–${hi} (${reports} ${scope === 'type' ? 'reports of this type' : 'reports of any type'})`,
  noUsual: 'no corpus figures for this part',
  legend: { draft: 'share of the draft', usual: 'usual corpus range (quartiles)', median: 'corpus median' },
  findings: 'Findings',
  noFindings: 'Nothing found.',
  line: (n) => `line ${n}`,
  more: (n) => `${n} more not listed`,
  categories: { ...categoryNames('en'), other: 'Other' },
  copied: 'Copied from the corpus',
  copiedShare: (p) => `${p} found in the corpus`,
  copiedNone: 'No copy check was run.',
  figures: 'Figures',
  figuresMissing: (p) => `${p} of such sections in the corpus carry figures; this one has none`,
  figuresNone: 'Every part carries figures about as often as the corpus does.',
  corpus: (all, same, type) => `Compared with ${all} corpus reports, ${same} of them “${type}”`,
  noCorpus: 'The corpus is not ready yet: usual ranges are missing.',
  kinds: {
    duty: 'Work done',
    study: 'Study',
    integrity: 'Integrity',
    law: 'Law',
    virtue: 'Conduct',
    pledge: 'Pledges kept',
    problems: 'Problems',
    causes: 'Causes',
    next: 'Next steps',
    closing: 'Closing',
  },
  typeNames: {
    general: 'duty report',
    'party-building': 'Party-building duty report',
    'virtue-integrity': 'conduct, integrity and duty report',
    'duty-integrity': 'duty and integrity report',
    'four-parts': 'study, duty, integrity and law report',
    'armed-forces': 'armed forces work duty report',
    ideology: 'ideology work duty report',
    safety: 'work safety duty report',
  },
};

export function dashboardStrings(locale: DashboardLocale): DashboardStrings {
  return locale === 'zh-cn' ? ZH : EN;
}
