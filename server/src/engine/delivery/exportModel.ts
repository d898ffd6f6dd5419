/**
 * The draft as a sequence of Word paragraphs, before any docx object exists: which line is
 * the title, which are headings and at what level, which are body text, bullets, and where
 * bold and italic runs are. Kept apart from the docx writer so it can be tested as data.
 *
 * Heading levels follow official-document numbering (GB/T 9704-2012): 一、 → 1, （一） → 2,
 * 1. / 1、 → 3, （1） / ① → 4, whether the line carries `##` markers or is pasted plain text.
 * Markdown headings without a Chinese ordinal take their depth in the report tree.
 */
import { parseReport } from '../report/structure';
import { ordinalFamily, parseLeadingOrdinal } from '../report/ordinals';
import type { ReportNode } from '../types';
import { parseInline, scanLines, withoutFrontMatter, type InlineRun, type MdLine } from './markdown';

export type BlockKind = 'title' | 'heading' | 'body' | 'bullet';

/** One visible run of a paragraph. `heading` is false for body text after a run-in heading. */
export interface ExportRun {
  text: string;
  bold: boolean;
  italic: boolean;
  heading: boolean;
}

export interface ExportBlock {
  kind: BlockKind;
  /** Heading level 1–4 (kind 'heading'). */
  level?: number;
  runs: ExportRun[];
  /** Offset of the line in the draft, for tracing. */
  offset: number;
}

/** Highest heading level with its own formatting in GB/T 9704 (一、（一）1.（1）). */
export const MAX_LEVEL = 4;

function levelOf(node: ReportNode, content: string): number {
  const style = node.style === 'markdown' ? parseLeadingOrdinal(content, { includeMarkdown: false, includeShi: false })?.style : node.style;
  const family = style ? ordinalFamily(style) : 0;
  if (family >= 1 && family <= 5) return Math.min(family, MAX_LEVEL);
  return Math.max(1, Math.min(node.depth, MAX_LEVEL));
}

/**
 * Where the heading ends when body text follows it on the same line (`（一）加强学习。本人……`):
 * the parser's heading end, with its sentence mark kept in the heading; undefined when the
 * whole line is the heading.
 */
function runInHeadingEnd(text: string, node: ReportNode, contentEnd: number): number | undefined {
  let end = node.headingEnd;
  if (/[。！？!?；;：:]/.test(text[end] ?? '')) end++;
  const rest = text.slice(end, contentEnd).replace(/[*_\s\u3000]/g, '');
  return end < contentEnd && rest.length > 0 ? end : undefined;
}

function toRuns(text: string, inline: readonly InlineRun[], headingEnd: number | undefined, isHeading: boolean): ExportRun[] {
  const out: ExportRun[] = [];
  for (const r of inline) {
    const pieces: Array<[number, number, boolean]> =
      headingEnd !== undefined && r.start < headingEnd && r.end > headingEnd
        ? [
            [r.start, headingEnd, true],
            [headingEnd, r.end, false],
          ]
        : [[r.start, r.end, headingEnd === undefined ? isHeading : r.start < headingEnd]];
    for (const [s, e, h] of pieces) {
      // Markdown escapes were hidden; what remains is the text to write.
      out.push({ text: text.slice(s, e), bold: r.bold, italic: r.italic, heading: h });
    }
  }
  return out.filter((r) => r.text.length > 0);
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Lays the draft out as Word paragraphs (front matter, comments and Markdown markers dropped). */
export function exportBlocks(markdownText: string): ExportBlock[] {
  const text = withoutFrontMatter(markdownText);
  const tree = parseReport(text);
  const headingAt = new Map<number, ReportNode>();
  const visit = (nodes: readonly ReportNode[]) => {
    for (const n of nodes) {
      if (n.style !== 'shi') headingAt.set(lineStartOf(text, n.headingStart), n);
      visit(n.children);
    }
  };
  visit(tree.sections);
  const titleLine = tree.title ? lineStartOf(text, tree.title.start) : -1;

  const blocks: ExportBlock[] = [];
  const lines = scanLines(markdownText);
  for (const line of lines) {
    const block = blockOf(markdownText, line, line.start === titleLine, headingAt.get(line.start));
    if (block && block.runs.some((r) => r.text.trim())) blocks.push(block);
  }
  return blocks;
}

function blockOf(text: string, line: MdLine, isTitle: boolean, node: ReportNode | undefined): ExportBlock | undefined {
  switch (line.kind) {
    case 'code':
      return { kind: 'body', offset: line.start, runs: [{ text: text.slice(line.start, line.end), bold: false, italic: false, heading: false }] };
    case 'heading':
    case 'text':
    case 'quote':
    case 'ordered':
    case 'bullet':
      break;
    default:
      return undefined;
  }
  const inline = parseInline(text, line.contentStart, line.contentEnd).runs;
  if (isTitle) return { kind: 'title', offset: line.start, runs: toRuns(text, inline, undefined, true) };
  if (node || line.kind === 'heading') {
    const content = text.slice(line.contentStart, line.contentEnd);
    // A Markdown heading the tree did not take (e.g. a second `#` line) keeps its own depth.
    const level = node ? levelOf(node, content) : Math.max(1, Math.min((line.level ?? 2) - 1, MAX_LEVEL));
    const split = line.kind === 'heading' || !node ? undefined : runInHeadingEnd(text, node, line.contentEnd);
    return { kind: 'heading', level, offset: line.start, runs: toRuns(text, inline, split, true) };
  }
  const kind: BlockKind = line.kind === 'bullet' ? 'bullet' : 'body';
  const runs = toRuns(text, inline, undefined, false);
  return { kind, offset: line.start, runs: isTableRow(text.slice(line.start, line.end)) ? tableRowRuns(runs) : runs };
}

function isTableRow(s: string): boolean {
  return /^\s*\|.*\|\s*$/.test(s);
}

/** A Markdown table row is written as one line, its cells separated by a full-width space. */
function tableRowRuns(runs: ExportRun[]): ExportRun[] {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/\s*(?<!\\)\|\s*/g, '\u3000') }));
  if (out.length) {
    out[0].text = out[0].text.replace(/^\u3000/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/\u3000$/, '');
  }
  return out.filter((r) => r.text.length > 0);
}
