/**
 * Core data shapes shared by every engine module. The engine knows nothing of LSP:
 * positions here have the same shape as LSP's (zero-based line, UTF-16 character)
 * so adapters can pass them through, but no protocol package is imported.
 */

/** Zero-based line and UTF-16 code-unit column, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Kinds of report section a reviewer looks for (see REPORTS.md primer). */
export type SectionKind =
  | 'duty' // 履职 / 工作成效
  | 'study' // 述学 / 理论学习
  | 'integrity' // 述廉 / 廉洁自律
  | 'law' // 述法 / 学法用法
  | 'virtue' // 述德
  | 'pledge' // 承诺兑现
  | 'problems' // 问题不足
  | 'causes' // 原因分析
  | 'next' // 下一步 / 打算 / 整改
  | 'closing'; // 结束语

export const SECTION_KINDS: readonly SectionKind[] = [
  'duty', 'study', 'integrity', 'law', 'virtue', 'pledge', 'problems', 'causes', 'next', 'closing',
];

/** Chinese names of the section kinds, for messages and UI. */
export const SECTION_KIND_NAMES: Record<SectionKind, string> = {
  duty: '履职情况',
  study: '学习情况（述学）',
  integrity: '廉洁自律（述廉）',
  law: '学法用法（述法）',
  virtue: '思想品德（述德）',
  pledge: '承诺兑现情况',
  problems: '存在的问题',
  causes: '原因分析',
  next: '下一步打算',
  closing: '结束语',
};

/**
 * How a heading or item is numbered.
 * markdown: `## …`; cn: 一、; cn-paren: （一）; arabic-dot: 1. / 1．; arabic-comma: 1、;
 * arabic-paren: （1） / (1); circled: ①; shi: 一是… (paragraph-initial ordinal).
 */
export type OrdinalStyle =
  | 'markdown'
  | 'cn'
  | 'cn-paren'
  | 'arabic-dot'
  | 'arabic-comma'
  | 'arabic-paren'
  | 'circled'
  | 'shi';

/** One node of a report tree: a section with its heading, or an 一是… item. */
export interface ReportNode {
  /** Heading text as written, trimmed, without Markdown `#` markers (e.g. `一、履职情况`). */
  name: string;
  /** Heading text without its ordinal and trailing punctuation (e.g. `履职情况`). */
  label: string;
  style: OrdinalStyle;
  /** Markdown heading depth (1–6) when style is 'markdown'. */
  markdownLevel?: number;
  /** Depth in the tree, 1 = top-level section. */
  depth: number;
  /** Number parsed from the ordinal (一 → 1, （三） → 3, ② → 2), when there is one. */
  ordinal?: number;
  /** Offsets [start, end) of the whole section (heading line through its last content). */
  start: number;
  end: number;
  /** Offsets of the heading text (after indentation and `#` markers). */
  headingStart: number;
  headingEnd: number;
  /** Offset where the text after the ordinal starts (== headingStart when no ordinal). */
  labelStart: number;
  range: Range;
  selectionRange: Range;
  /** Section kinds the heading (or, for headless reports, its paragraphs) signals. */
  kinds: SectionKind[];
  children: ReportNode[];
}

export type AnomalyType =
  | 'gap' // （二）→（四）
  | 'duplicate' // two items “2.” in one list
  | 'style-suffix' // `（五）、`
  | 'mixed-style' // 1. and 1、 in one list
  | 'orphan-level' // a level used where its parent level is missing
  | 'restart'; // a level restarting inside another

/** A numbering slip recorded while building the tree, for lint. */
export interface Anomaly {
  type: AnomalyType;
  /** The node the anomaly is about. */
  node: ReportNode;
  /** For gap: the ordinal expected at this node. */
  expected?: number;
  message: string;
}

export interface ReportTitle {
  text: string;
  start: number;
  end: number;
  range: Range;
}

/** A report or draft parsed into its structure. */
export interface ReportTree {
  text: string;
  title?: ReportTitle;
  /** Top-level sections (depth 1); deeper ones nest in children. */
  sections: ReportNode[];
  anomalies: Anomaly[];
}

/** A file read from disk and decoded, before splitting. */
export interface LoadedFile {
  path: string;
  text: string;
  encoding: string;
  size: number;
  mtimeMs: number;
}

/** A corpus file the loader could not use, with a plain reason (Chinese). */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** One report of the corpus, cleaned and parsed. */
export interface CorpusReport {
  /** Stable index within the corpus. */
  id: number;
  title: string;
  /** File the report came from. */
  source: string;
  /** Cleaned text, starting with the title line. */
  text: string;
  /** Report type id (see report/reportTypes.ts). */
  typeId: string;
  tree: ReportTree;
}

// ------------------------------------------------------------------ findings
// What lint, the length rules (engine/delivery) and review say about a draft: one shape for all.

/** Severity of a finding; `off` (in settings) removes the rule instead. */
export type Severity = 'hint' | 'info' | 'warning' | 'error';

/** One replacement of text[start, end) by newText, in offsets of the text that was linted. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A way to fix a finding: edits applied together. */
export interface Fix {
  /** What the fix does, as a plain Chinese phrase for the light-bulb menu. */
  title: string;
  edits: TextEdit[];
  /** Safe fixes change form only (punctuation, numbering) and are applied by “fix all”. */
  safe: boolean;
  /** The fix an editor should offer first (LSP isPreferred). */
  preferred?: boolean;
}

/** Something lint has to say about a span of the draft. */
export interface Finding {
  /** Rule id, e.g. `placeholder`. */
  rule: string;
  /** Offsets [start, end) of the text the finding is about. */
  start: number;
  end: number;
  message: string;
  severity: Severity;
  fixes?: Fix[];
  /** Other places that explain the finding (the first occurrence of a repeated sentence …). */
  related?: Array<{ start: number; end: number; message: string }>;
  /**
   * Places in corpus reports that explain the finding (the source of a copied passage): the
   * report (index into the phrase index's reports) and offsets in its text.
   */
  corpusRelated?: Array<{ report: number; start: number; end: number; message: string }>;
  /** A word the writer may add to the workspace's word list so it is no longer flagged (忽略此词). */
  ignoreWord?: string;
}
