import type { OrdinalStyle } from '../types';
import type { LineIndex } from '../text/lineIndex';
import { findShiCandidates, ordinalFamily, parseLeadingOrdinal, skipIndent, TRAILING_PUNCT_RE } from './ordinals';

/**
 * First pass of the report parser: walks the lines once and lists, in document order,
 * every heading (Markdown or enumerated) and every 一是/二是 item with exact offsets.
 * No nesting is decided here (structure.ts does that with the whole list in view).
 */

export type HeadingEventKind = 'md' | 'enum' | 'shi';

export interface HeadingEvent {
  kind: HeadingEventKind;
  style: OrdinalStyle;
  /** ordinalFamily(style); for Markdown headings with an inner ordinal, that ordinal's family, else 0. */
  family: number;
  ordinal?: number;
  markdownLevel?: number;
  /** Separator after the number (、 . ．) — used to spot 一、 and 一． mixed in one list. */
  separator: string;
  suffixSlip?: string;
  /** Section start: the line start for headings and paragraph-initial items, the numeral for inline items. */
  start: number;
  headingStart: number;
  headingEnd: number;
  labelStart: number;
  labelEnd: number;
  /** For items: where the item's text must end at the latest (next item in the line, or line end). */
  itemEnd: number;
}

export interface ScannedTitle {
  text: string;
  start: number;
  end: number;
}

export interface ScanResult {
  title?: ScannedTitle;
  events: HeadingEvent[];
}

/** Characters that end a sentence, for cutting a heading out of a long numbered paragraph. */
const SENTENCE_END_RE = /[。！？!?；;]/;
const CLAUSE_END_RE = /[，,：:]/;
/** Longest first sentence kept whole as a label; longer ones are cut at the first comma. */
const MAX_HEADING_SENTENCE = 60;
const MAX_ITEM_SENTENCE = 40;
const MAX_TITLE = 60;

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /[\s\u3000]/.test(text[e - 1])) e--;
  return e;
}

/**
 * End of the lead sentence of text[from, to): before the first sentence end (or the first
 * clause end when that sentence is longer than `max`); `to` when there is none.
 */
function leadEnd(text: string, from: number, to: number, max: number): number {
  const body = text.slice(from, to);
  const s = body.search(SENTENCE_END_RE);
  let end = s < 0 ? body.length : s;
  if (end > max) {
    const c = body.slice(0, end).search(CLAUSE_END_RE);
    if (c > 0) end = c;
  }
  return from + end;
}

function labelEndOf(text: string, labelStart: number, headingEnd: number): number {
  const label = text.slice(labelStart, headingEnd).replace(TRAILING_PUNCT_RE, '');
  return labelStart + label.length;
}

/** Does this first line read like a title: short, no sentence punctuation, no ordinal? */
function titleOf(text: string, lineStart: number, lineEnd: number): ScannedTitle | undefined {
  const line = text.slice(lineStart, lineEnd);
  const lead = parseLeadingOrdinal(line);
  if (lead?.style === 'markdown') {
    if (lead.markdownLevel !== 1) return undefined;
    const start = lineStart + lead.ordinalEnd;
    const end = trimEnd(text, start, lineEnd - (/[ \t]#+[ \t]*$/.exec(line)?.[0].length ?? 0));
    const content = text.slice(start, end);
    if (!content || parseLeadingOrdinal(content, { includeMarkdown: false })) return undefined;
    return { text: content, start, end };
  }
  if (lead) return undefined;
  const start = skipIndent(text, lineStart);
  const end = trimEnd(text, start, lineEnd);
  const t = text.slice(start, end);
  if (!t || t.length > MAX_TITLE || /[。！？!?；;]/.test(t) || /[，,：:、]$/.test(t)) return undefined;
  return { text: t, start, end };
}

/** 1 or 2 when `line` underlines a setext heading (=== or ---), else 0. */
function setextLevel(line: string): number {
  const m = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
  return m ? (m[1][0] === '=' ? 1 : 2) : 0;
}

/**
 * The first character after at most three spaces of the line starting at `ls` (what an
 * underline or a code fence begins with): lines that cannot be either are not sliced and matched.
 */
function leadChar(text: string, ls: number): string {
  let i = ls;
  while (i < ls + 3 && text.charCodeAt(i) === 32) i++;
  return text[i] ?? '';
}

/** Lines that start a block of their own, so the line after them starts a new paragraph. */
function isBlockStart(line: string): boolean {
  return /^ {0,3}(?:#{1,6}(?:\s|$)|(?:=+|-+)[ \t]*$|`{3,}|~{3,})/.test(line);
}

/** Lists the headings and items of `text`. */
export function scanReport(text: string, lines: LineIndex, includeShi: boolean): ScanResult {
  const events: HeadingEvent[] = [];
  let title: ScannedTitle | undefined;
  let first = 0;
  // YAML front matter of a Markdown draft is not part of the report.
  if (lines.lineCount > 1 && lines.lineText(0).trim() === '---') {
    let ln = 1;
    while (ln < lines.lineCount && !/^(---|\.\.\.)\s*$/.test(lines.lineText(ln))) ln++;
    if (ln < lines.lineCount) first = ln + 1;
  }
  while (first < lines.lineCount && !lines.lineText(first).trim()) first++;
  if (first < lines.lineCount) {
    title = titleOf(text, lines.lineStart(first), lines.lineEnd(first));
    if (title) first++;
  }
  const scanItems = (lineStart: number, from: number, to: number, initial?: HeadingEvent) => {
    const cands = findShiCandidates(text, from, to);
    const accepted: HeadingEvent[] = initial ? [initial] : [];
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      const prev = accepted[accepted.length - 1];
      let ok: boolean;
      // Inside a paragraph, 二是 counts only after an earlier item of the same paragraph.
      const prevOrd = prev?.ordinal ?? 0;
      if (c.strong) {
        ok = c.ordinal === 1 || (prevOrd >= 1 && c.ordinal >= prevOrd && c.ordinal <= prevOrd + 2);
      } else if (c.ordinal === 1) {
        // 一是 after a comma only when a 二是 follows in the same paragraph.
        ok = cands.slice(i + 1).some((d) => d.ordinal === 2);
      } else {
        ok = prevOrd === c.ordinal - 1;
      }
      if (!ok) continue;
      const para = c.start === skipIndent(text, lineStart);
      accepted.push(itemEvent(para ? lineStart : c.start, c.start, c.ordinalEnd, c.ordinal, to));
    }
    // Each item runs to the next item of the paragraph, or to the paragraph's end.
    for (let i = 0; i < accepted.length; i++) {
      const ev = accepted[i];
      const stop = i + 1 < accepted.length ? accepted[i + 1].start : to;
      ev.itemEnd = trimEnd(text, ev.labelStart, stop);
      ev.headingEnd = trimEnd(text, ev.headingStart, leadEnd(text, ev.labelStart, ev.itemEnd, MAX_ITEM_SENTENCE));
      ev.labelEnd = labelEndOf(text, ev.labelStart, ev.headingEnd);
      if (ev !== initial) events.push(ev);
    }
  };

  const itemEvent = (start: number, numStart: number, labelStart: number, ordinal: number, to: number): HeadingEvent => ({
    kind: 'shi',
    style: 'shi',
    family: ordinalFamily('shi'),
    ordinal,
    separator: '是',
    start,
    headingStart: numStart,
    headingEnd: to,
    labelStart,
    labelEnd: to,
    itemEnd: to,
  });

  /** A Markdown heading (ATX or setext) of `level`, its text at [headingStart, headingEnd). */
  const markdownEvent = (start: number, headingStart: number, headingEnd: number, level: number): HeadingEvent => {
    const inner = parseLeadingOrdinal(text.slice(headingStart, headingEnd), { includeShi: false, includeMarkdown: false });
    const labelStart = inner ? headingStart + inner.ordinalEnd : headingStart;
    return {
      kind: 'md',
      style: 'markdown',
      family: inner ? ordinalFamily(inner.style) : 0,
      ordinal: inner?.ordinal,
      markdownLevel: level,
      separator: inner?.separator ?? '',
      suffixSlip: inner?.suffixSlip,
      start,
      headingStart,
      headingEnd,
      labelStart,
      labelEnd: labelEndOf(text, labelStart, headingEnd),
      itemEnd: headingEnd,
    };
  };
  // Only a one-line paragraph is taken as a setext heading (underlined paragraphs of several lines are rare in reports).
  const startsParagraph = (ln: number) => ln === first || !lines.lineText(ln - 1).trim() || isBlockStart(lines.lineText(ln - 1));

  // A title underlined by === is still the title.
  if (title && first < lines.lineCount && setextLevel(lines.lineText(first)) === 1) first++;

  let fence: string | undefined;
  for (let ln = first; ln < lines.lineCount; ln++) {
    const ls = lines.lineStart(ln);
    const le = lines.lineEnd(ln);
    const line = text.slice(ls, le);
    if (!/\S/.test(line)) continue;
    // Fenced code blocks hold no headings.
    const opener = leadChar(text, ls);
    const f = opener === '`' || opener === '~' ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const te = trimEnd(text, ls, le);
    // A setext heading: a paragraph line underlined by === (level 1) or --- (level 2).
    const next = ln + 1 < lines.lineCount ? leadChar(text, lines.lineStart(ln + 1)) : '';
    const underline = next === '=' || next === '-' ? setextLevel(lines.lineText(ln + 1)) : 0;
    if (underline && startsParagraph(ln) && !/^ {0,3}(?:[-*+>]\s|#{1,6}(?:\s|$))/.test(line)) {
      const headingStart = skipIndent(text, ls);
      if (te > headingStart) events.push(markdownEvent(ls, headingStart, te, underline));
      ln++;
      continue;
    }
    const lead = parseLeadingOrdinal(line, { includeShi });
    if (lead?.style === 'markdown') {
      const headingStart = ls + lead.ordinalEnd;
      const closing = /[ \t]+#+[ \t]*$/.exec(line.slice(lead.ordinalEnd));
      const headingEnd = trimEnd(text, headingStart, closing ? le - closing[0].length : te);
      if (headingEnd > headingStart) events.push(markdownEvent(ls, headingStart, headingEnd, lead.markdownLevel ?? 1));
      continue;
    }
    if (lead && lead.style !== 'shi') {
      const headingStart = ls + lead.markerStart;
      const labelStart = ls + lead.ordinalEnd;
      // A short line is a heading as a whole; a numbered paragraph's heading is its first sentence.
      const inner = text.slice(labelStart, te).replace(TRAILING_PUNCT_RE, '');
      const whole = !SENTENCE_END_RE.test(inner);
      const headingEnd = whole ? te : trimEnd(text, labelStart, leadEnd(text, labelStart, te, MAX_HEADING_SENTENCE));
      events.push({
        kind: 'enum',
        style: lead.style,
        family: ordinalFamily(lead.style),
        ordinal: lead.ordinal,
        separator: lead.separator,
        suffixSlip: lead.suffixSlip,
        start: ls,
        headingStart,
        headingEnd,
        labelStart,
        labelEnd: labelEndOf(text, labelStart, headingEnd),
        itemEnd: te,
      });
      if (includeShi && !whole) scanItems(ls, headingEnd, te);
      continue;
    }
    if (!includeShi) continue;
    if (lead?.style === 'shi') {
      const initial = itemEvent(ls, ls + lead.markerStart, ls + lead.ordinalEnd, lead.ordinal ?? 1, te);
      events.push(initial);
      scanItems(ls, ls + lead.ordinalEnd, te, initial);
    } else {
      scanItems(ls, ls, te);
    }
  }
  return { title, events };
}
