/**
 * Snippets at the start of a line: section headings numbered to fit the draft (after 二、
 * comes 三、; inside 一、 comes （一）), labelled as the corpus heads the parts the draft
 * still lacks, and whole report skeletons per report type with placeholders.
 */
import type { CorpusReport, ReportNode, ReportTree, SectionKind } from '../types';
import { SECTION_KINDS, SECTION_KIND_NAMES } from '../types';
import { getReportType, REPORT_TYPES, type ReportType } from '../report/reportTypes';
import { markerOf, withOrdinal } from '../report/anomalies';
import { escapeSnippet } from '../text/escape';
import { reportTypeOf } from '../lint/reportTypeOf';
import { headingsFor, learnHeadingStats, type HeadingStats } from './headingStats';

export interface SnippetItem {
  label: string;
  /** Snippet text (`${1:…}` placeholders). */
  snippet: string;
  detail: string;
  kind: 'heading' | 'skeleton' | 'closing';
}

export interface SnippetCompletion {
  /** Offset within the line where the replaced part (a typed ordinal such as 三 or （) starts. */
  replaceStart: number;
  items: SnippetItem[];
}

/** A line holding only indentation, Markdown heading markers and the start of an ordinal. */
const LINE_START = /^([ \t\u3000]*(?:#{1,6}[ \t]+)?)([一二三四五六七八九十]{0,3}、?|[（(][一二三四五六七八九十\d]{0,3}[）)]?|\d{0,2}[.．、]?)$/;

/** True when `lineBefore` (the line up to the cursor) is where heading snippets may go. */
export function isLineStart(lineBefore: string): boolean {
  return LINE_START.test(lineBefore);
}

/** The marker of a first item one level below a heading numbered like `marker`. */
function childMarker(marker: string): string {
  if (/^[一二三四五六七八九十]+、$/.test(marker)) return '（一）';
  if (/^[（(][一二三四五六七八九十]+[）)]$/.test(marker)) return '1.';
  if (/^\d+[.．、]$/.test(marker)) return '（1）';
  if (/^[（(]\d+[）)]$/.test(marker)) return '①';
  return '（一）';
}

/** Heading markers (`## `) the node's line starts with, if any. */
function markdownPrefix(tree: ReportTree, node: ReportNode): string {
  const lineStart = tree.text.lastIndexOf('\n', node.headingStart - 1) + 1;
  const m = /^[ \t]*(#{1,6}[ \t]+)/.exec(tree.text.slice(lineStart, node.headingStart));
  return m ? m[1] : '';
}

const numbered = (nodes: readonly ReportNode[]) => nodes.filter((n) => n.style !== 'shi' && markerOf(n));

/** Kinds the draft has at the top level (merged headings count for each of their kinds). */
function presentTopKinds(tree: ReportTree): Set<SectionKind> {
  const present = new Set<SectionKind>();
  for (const n of tree.sections) for (const k of n.kinds) present.add(k);
  return present;
}

/** Kinds a report of `type` still needs or may add, required ones first, in the usual order. */
function kindsToOffer(type: ReportType, present: ReadonlySet<SectionKind>): SectionKind[] {
  const missingRequired = type.required.filter((k) => !present.has(k));
  const optional = SECTION_KINDS.filter((k) => type.optional.includes(k) && !present.has(k) && k !== 'closing');
  return [...missingRequired, ...optional];
}

export interface LineStartOptions {
  /** The `reportType` setting (id or name); the draft's front matter and a title that names a type win over it (lint/reportTypeOf.ts). */
  reportType?: string;
  maxItems: number;
}

/**
 * Snippets for a cursor at `offset` in the draft whose tree is `tree`, with `lineBefore`
 * the line's text before the cursor; undefined unless the cursor is at a line start (after
 * at most the start of an ordinal that one of the snippets begins with).
 */
export function lineStartSnippets(tree: ReportTree, offset: number, lineBefore: string, stats: HeadingStats, opts: LineStartOptions): SnippetCompletion | undefined {
  const m = LINE_START.exec(lineBefore);
  if (!m) return undefined;
  const typedMd = /#/.test(m[1]);
  const type = reportTypeOf(tree.text, tree, opts.reportType ?? '').type;
  const items: SnippetItem[] = [];
  const headed = numbered(tree.sections);

  // The next top-level heading: numbered after the last one before the cursor.
  const before = headed.filter((n) => n.headingStart < offset);
  const prevTop = before[before.length - 1];
  const topMarker = prevTop ? withOrdinal(markerOf(prevTop), (prevTop.ordinal ?? before.length) + 1) : '一、';
  const md = typedMd || !prevTop ? '' : markdownPrefix(tree, prevTop);
  const present = presentTopKinds(tree);
  for (const kind of kindsToOffer(type, present)) {
    const labels = headingsFor(stats, kind, type.id, type.typicalHeadings[kind] ?? []).slice(0, 2);
    for (const u of labels) {
      const text = `${md}${topMarker}${u.text}`;
      items.push({
        label: text,
        snippet: `${escapeSnippet(md + topMarker)}\${1:${escapeSnippet(u.text)}}$0`,
        detail: `${SECTION_KIND_NAMES[kind]}${u.reports ? `（语料中 ${u.reports} 篇报告使用）` : ''}`,
        kind: 'heading',
      });
    }
  }

  // Inside a section: the next item of the innermost list, and a first sub-item.
  if (prevTop && offset > prevTop.headingEnd) {
    let node = prevTop;
    for (;;) {
      const kids = numbered(node.children).filter((c) => c.headingStart < offset);
      const last = kids[kids.length - 1];
      if (!last) {
        const marker = childMarker(markerOf(node));
        items.push(subItem(marker, `“${node.label}”下的第一个小标题`));
        break;
      }
      if (offset > last.headingEnd && numbered(last.children).some((c) => c.headingStart < offset)) {
        node = last;
        continue;
      }
      items.push(subItem(withOrdinal(markerOf(last), (last.ordinal ?? kids.length) + 1), `“${node.label}”下的下一个小标题`));
      break;
    }
  }

  // The closing line, once the draft has its last parts.
  if (present.has('next') || present.has('problems')) {
    const closing = stats.closings[0]?.text ?? type.typicalHeadings.closing?.[0];
    if (closing) items.push({ label: closing, snippet: escapeSnippet(closing), detail: '结束语', kind: 'closing' });
  }

  // A draft without headings: whole skeletons.
  if (!headed.length) {
    const types = [type, ...REPORT_TYPES.filter((t) => t !== type)];
    for (const t of types) {
      items.push({
        label: `报告模板：${t.name}`,
        snippet: skeletonFromStats(t, stats, { withTitle: !tree.title }),
        detail: `按${t.name}的常见结构生成提纲`,
        kind: 'skeleton',
      });
    }
  }
  // What the user typed of the ordinal must begin the item (a typed 一 may start 一是… instead).
  const typed = m[2];
  const fitting = typed ? items.filter((i) => i.kind !== 'skeleton' && (i.label.startsWith(typed) || i.label.slice(md.length).startsWith(typed))) : items;
  if (!fitting.length) return undefined;
  return { replaceStart: m[1].length, items: fitting.slice(0, opts.maxItems) };
}

function subItem(marker: string, detail: string): SnippetItem {
  return { label: `${marker}小标题`, snippet: `${escapeSnippet(marker)}\${1:小标题}$0`, detail, kind: 'heading' };
}

export interface SkeletonOptions {
  /** Start with a title line (off when the draft has one). */
  withTitle?: boolean;
}

/** A report skeleton for `type` in snippet syntax: title, opening, numbered parts, closing. */
export function skeletonFromStats(type: ReportType, stats: HeadingStats, opts: SkeletonOptions = {}): string {
  let n = 0;
  const ph = (text: string) => `\${${++n}:${escapeSnippet(text)}}`;
  const out: string[] = [];
  if (opts.withTitle !== false) out.push(`${ph('XX单位XX职务')}${ph(String(new Date().getFullYear()))}年度${escapeSnippet(type.name)}`, '');
  const opener = stats.openings[0]?.text ?? '一年来';
  out.push(`${ph(opener)}，${ph('在……的坚强领导下，我……现将有关情况报告如下：')}`, '');
  type.required.forEach((kind, i) => {
    const label = headingsFor(stats, kind, type.id, type.typicalHeadings[kind] ?? [SECTION_KIND_NAMES[kind]])[0]?.text ?? SECTION_KIND_NAMES[kind];
    out.push(`${withOrdinal('一、', i + 1)}${ph(label)}`, ph('正文'), '');
  });
  const closing = stats.closings[0]?.text ?? type.typicalHeadings.closing?.[0] ?? '述职完毕，不妥之处，敬请批评指正。';
  out.push(`${ph(closing)}$0`);
  return out.join('\n') + '\n';
}

/**
 * The skeleton (snippet text) for a report type given by id or Chinese name, with headings
 * as the corpus reports use them. Unknown types get the general report's skeleton.
 */
export function skeletonFor(typeIdOrName: string, corpusReports: readonly CorpusReport[], opts: SkeletonOptions = {}): string {
  const type = getReportType(typeIdOrName) ?? REPORT_TYPES[0];
  return skeletonFromStats(type, learnHeadingStats(corpusReports), opts);
}
