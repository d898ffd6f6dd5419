import type { ReportTree, SectionKind } from '../types';
import { LineIndex } from '../text/lineIndex';
import { inferTopLevelKinds } from './kinds';
import { opensCauses, paragraphCue } from './cues';
import { REPORT_TYPE_TABLE, type ReportTypeId } from './reportTypeTable';

/**
 * Kinds of duty report as data: how a title names each, which parts a reviewer expects
 * (in the usual order) and how those parts are commonly headed. Lint checks drafts against
 * the type their title names; the corpus supplies real headings later.
 */

export interface ReportType {
  /** Stable id, stored on corpus reports (CorpusReport.typeId). */
  id: ReportTypeId;
  /** Chinese name for messages and UI. */
  name: string;
  /** Title patterns; the most specific type whose pattern matches wins. */
  titlePatterns: readonly RegExp[];
  /** Higher wins when several types match a title. */
  specificity: number;
  /** Parts a reviewer expects, in the usual order. */
  required: readonly SectionKind[];
  /** Parts often present, never required. */
  optional: readonly SectionKind[];
  /** Common headings for each part, for completion and quick fixes. */
  typicalHeadings: Readonly<Partial<Record<SectionKind, readonly string[]>>>;
}

/** Headings any duty report may use, shared by the types below. */
const COMMON_HEADINGS: Readonly<Partial<Record<SectionKind, readonly string[]>>> = {
  duty: ['履职情况', '主要工作及成效', '一年来的主要工作', '工作开展情况', '履职尽责情况'],
  study: ['加强理论学习', '坚持学习不放松', '理论学习情况'],
  integrity: ['廉洁自律情况', '严守纪律规矩，保持清正廉洁', '落实党风廉政建设责任制情况'],
  law: ['学法用法情况', '依法履职情况', '带头尊法学法守法用法'],
  virtue: ['思想政治表现', '坚定理想信念，锤炼政治品格', '个人品德修养'],
  pledge: ['上年度承诺事项兑现情况', '承诺践诺情况'],
  problems: ['存在的问题和不足', '存在的主要问题', '差距与不足'],
  causes: ['原因分析', '问题产生的原因', '存在问题的根源'],
  next: ['下一步工作打算', '今后努力方向', '下一步工作思路和措施', '整改措施'],
  closing: ['述职完毕，不妥之处，敬请批评指正。', '以上报告，请予审议。'],
};

const ALL_OPTIONAL: readonly SectionKind[] = ['study', 'integrity', 'law', 'virtue', 'pledge', 'causes', 'closing'];

function without(kinds: readonly SectionKind[], drop: readonly SectionKind[]): SectionKind[] {
  return kinds.filter((k) => !drop.includes(k));
}

/** Id and name of a type, from the one table of them (reportTypeTable.ts). */
function named(id: ReportTypeId): { id: ReportTypeId; name: string } {
  const t = REPORT_TYPE_TABLE.find((e) => e.id === id)!;
  return { id: t.id, name: t.name };
}

/** The report types, general first, in the order of REPORT_TYPE_TABLE (a unit test checks it). */
export const REPORT_TYPES: readonly ReportType[] = [
  {
    ...named('general'),
    titlePatterns: [/述职/],
    specificity: 0,
    required: ['duty', 'problems', 'next'],
    optional: ALL_OPTIONAL,
    typicalHeadings: COMMON_HEADINGS,
  },
  {
    ...named('party-building'),
    titlePatterns: [/党建(工作)?述职/, /抓基层党建/],
    specificity: 2,
    required: ['duty', 'problems', 'causes', 'next'],
    optional: ['pledge', 'study', 'integrity', 'closing'],
    typicalHeadings: {
      ...COMMON_HEADINGS,
      duty: ['履职情况', '主要做法和成效', '抓基层党建工作情况', '履行党建工作第一责任人职责情况'],
      problems: ['存在的问题', '存在的问题及原因', '存在的主要问题'],
      causes: ['原因分析', '产生问题的原因', '存在问题的原因分析'],
      next: ['下一步工作思路和措施', '下一步工作打算', '今后努力方向'],
    },
  },
  {
    ...named('virtue-integrity'),
    titlePatterns: [/述德/],
    specificity: 3,
    required: ['virtue', 'duty', 'integrity', 'problems', 'next'],
    optional: without(ALL_OPTIONAL, ['virtue', 'integrity']),
    typicalHeadings: COMMON_HEADINGS,
  },
  {
    ...named('duty-integrity'),
    titlePatterns: [/述职述廉|述廉述职|述责述廉|述廉述责/],
    specificity: 2,
    required: ['duty', 'integrity', 'problems', 'next'],
    optional: without(ALL_OPTIONAL, ['integrity']),
    typicalHeadings: COMMON_HEADINGS,
  },
  {
    ...named('four-parts'),
    titlePatterns: [/述学.{0,4}述职.{0,4}述廉.{0,4}述法/, /述学述职/, /四述/],
    specificity: 4,
    required: ['study', 'duty', 'integrity', 'law', 'problems', 'next'],
    optional: ['virtue', 'pledge', 'causes', 'closing'],
    typicalHeadings: {
      ...COMMON_HEADINGS,
      study: ['述学：加强理论学习', '理论学习方面'],
      duty: ['述职：履职尽责情况', '履职尽责方面'],
      integrity: ['述廉：廉洁从政情况', '廉洁自律方面'],
      law: ['述法：学法用法、依法办事情况', '学法用法方面'],
    },
  },
  {
    ...named('armed-forces'),
    titlePatterns: [/党管武装/],
    specificity: 2,
    required: ['duty', 'problems', 'next'],
    optional: ALL_OPTIONAL,
    typicalHeadings: { ...COMMON_HEADINGS, duty: ['履行党管武装职责情况', '主要工作及成效'] },
  },
  {
    ...named('ideology'),
    titlePatterns: [/意识形态(工作)?(责任制)?(落实情况)?述职/],
    specificity: 2,
    required: ['duty', 'problems', 'next'],
    optional: ALL_OPTIONAL,
    typicalHeadings: { ...COMMON_HEADINGS, duty: ['落实意识形态工作责任制情况', '主要工作及成效'] },
  },
  {
    ...named('safety'),
    titlePatterns: [/安全生产.{0,8}述职/],
    specificity: 2,
    required: ['duty', 'problems', 'next'],
    optional: ALL_OPTIONAL,
    typicalHeadings: { ...COMMON_HEADINGS, duty: ['履行安全生产职责情况', '安全生产工作开展情况'] },
  },
];

const GENERAL = REPORT_TYPES[0];

/** The type a title names: the most specific match, or the general report. */
export function detectReportType(title: string): ReportType {
  let best: ReportType = GENERAL;
  for (const t of REPORT_TYPES) {
    if (t.specificity > best.specificity && t.titlePatterns.some((p) => p.test(title))) best = t;
  }
  return best;
}

/** A type by id (`party-building`) or Chinese name (`抓基层党建工作述职报告`). */
export function getReportType(idOrName: string): ReportType | undefined {
  const key = idOrName.trim();
  if (!key) return undefined;
  const bare = (s: string) => s.replace(/报告$/, '');
  const exact = REPORT_TYPES.find((t) => t.id === key || t.name === key || bare(t.name) === bare(key));
  if (exact) return exact;
  // A free-form name (“抓基层党建述职”, “述责述廉”) is read like a title.
  const detected = detectReportType(key);
  return detected.titlePatterns.some((re) => re.test(key)) ? detected : undefined;
}

/**
 * The parts a report actually has: its top-level kinds (inferred as in inferKinds), plus
 * causes when the problems part analyses them (its heading names 原因, or one of its
 * headings or paragraphs opens with 原因/反思), plus closing when a closing line ends it.
 */
export function presentKinds(tree: ReportTree): Set<SectionKind> {
  const top = inferTopLevelKinds(tree);
  const present = new Set<SectionKind>(top.flat());
  const lines = new LineIndex(tree.text);
  if (present.has('problems') && !present.has('causes')) {
    tree.sections.forEach((n, i) => {
      if (!top[i].includes('problems')) return;
      if (n.children.some((c) => c.kinds.includes('causes') || opensCauses(c.label))) present.add('causes');
      // Paragraphs from this part up to the next top-level node (headless reports analyse causes between runs).
      const next = tree.sections[i + 1];
      const from = lines.positionAt(n.start).line;
      const to = lines.positionAt(next ? next.start : tree.text.length).line;
      for (let ln = from + 1; ln <= to && !present.has('causes'); ln++) {
        if (next && lines.lineStart(ln) >= next.start) break;
        if (opensCauses(lines.lineText(ln))) present.add('causes');
      }
    });
  }
  let seen = 0;
  for (let ln = lines.lineCount - 1; ln >= 0 && seen < 2; ln--) {
    const t = lines.lineText(ln).trim();
    if (!t) continue;
    seen++;
    if (paragraphCue(t) === 'closing') present.add('closing');
  }
  return present;
}

/** Required parts of `type` the report lacks, in the type's order. */
export function missingKinds(type: ReportType, present: ReadonlySet<SectionKind>): SectionKind[] {
  return type.required.filter((k) => !present.has(k));
}
