/**
 * Just enough Markdown for delivery (export, count): front matter, line kinds and the mask
 * of markup, all as offsets into the draft so callers can both render and mask the markup.
 * Inline emphasis lives in mdInline.ts.
 *
 * Drafts here are Chinese prose written one paragraph per line, so every non-blank line is
 * its own paragraph (no soft-wrap joining).
 */
import { INLINE_MARKUP_START, inlineHidden } from './mdInline';

export { parseInline, type InlineParse, type InlineRun } from './mdInline';

/** The `--- … ---` block at the top of a draft, with its simple `key: value` fields. */
export interface FrontMatter {
  /** Offset just past the closing delimiter line (including its line break). */
  end: number;
  fields: Record<string, string>;
  /** Offsets of each field's value, for findings that point at it. */
  valueOffsets: Record<string, { start: number; end: number }>;
}

const FRONT_MATTER_RE = /^(\uFEFF?)---[ \t]*\r?\n((?:[\s\S]*?\r?\n)?)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Parses the front matter, if the draft starts with one. */
export function frontMatter(text: string): FrontMatter | undefined {
  const m = FRONT_MATTER_RE.exec(text);
  if (!m) return undefined;
  const bodyStart = m[1].length + text.slice(m[1].length).indexOf('\n') + 1;
  const fields: Record<string, string> = {};
  const valueOffsets: FrontMatter['valueOffsets'] = {};
  const re = /^[ \t]*([^:#\s][^:\r\n]*?)[ \t]*[:：][ \t]*(.*?)[ \t]*\r?$/gm;
  const body = m[2];
  for (let f = re.exec(body); f; f = re.exec(body)) {
    const key = f[1].trim();
    const value = f[2].replace(/^(['"])(.*)\1$/, '$2');
    fields[key] = value;
    const vStart = bodyStart + f.index + f[0].indexOf(f[2], f[0].indexOf(f[1]) + f[1].length);
    valueOffsets[key] = { start: vStart, end: vStart + f[2].length };
  }
  return { end: m[0].length, fields, valueOffsets };
}

/**
 * The draft with its front matter blanked out (offsets and line numbers kept), so the report
 * model neither parses it as a title nor exports it.
 */
export function withoutFrontMatter(text: string): string {
  const fm = frontMatter(text);
  if (!fm) return text;
  return text.slice(0, fm.end).replace(/[^\r\n]/g, ' ') + text.slice(fm.end);
}

export type LineKind =
  | 'blank'
  | 'frontmatter'
  | 'comment' // inside <!-- … -->
  | 'heading' // # …
  | 'bullet' // - … / * … / + …
  | 'ordered' // 1. … (kept as written: in these reports 1. is usually a level-3 heading)
  | 'quote' // > …
  | 'rule' // --- / *** / ===
  | 'fence' // ``` line
  | 'code' // inside a fence
  | 'table-rule' // |---|---|
  | 'text';

/** One line of the draft, classified. `contentStart..contentEnd` is the text after the markers. */
export interface MdLine {
  start: number;
  end: number;
  kind: LineKind;
  /** Heading level (number of `#`). */
  level?: number;
  contentStart: number;
  contentEnd: number;
}

/** Splits the draft into classified lines (offsets exclude the line break). */
export function scanLines(text: string): MdLine[] {
  const out: MdLine[] = [];
  const fm = frontMatter(text);
  let inComment = false;
  let fence: string | undefined;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const line: MdLine = { start: pos, end, kind: 'text', contentStart: pos, contentEnd: end };
    const s = text.slice(pos, end);
    if (fm && pos < fm.end) line.kind = 'frontmatter';
    else if (inComment || /^\s*<!--/.test(s)) {
      // A comment that opens a line hides the lines up to its close; inline ones are masked later.
      const closeAt = s.indexOf('-->', inComment ? 0 : s.indexOf('<!--') + 4);
      if (inComment || closeAt < 0 || s.slice(closeAt + 3).trim() === '') {
        line.kind = 'comment';
        inComment = closeAt < 0;
      }
    }
    if (line.kind === 'text') classify(s, line, fence);
    if (line.kind === 'fence') fence = fence ? undefined : s.trim().slice(0, 3);
    out.push(line);
    if (nl >= text.length) break;
    pos = nl + 1;
  }
  return out;
}

function classify(s: string, line: MdLine, fence: string | undefined): void {
  const at = (n: number) => line.start + n;
  if (fence) {
    line.kind = /^\s*(```|~~~)\s*$/.test(s) && s.trim().startsWith(fence) ? 'fence' : 'code';
    return;
  }
  if (/^\s*$/.test(s)) return void (line.kind = 'blank');
  if (/^\s*(```|~~~)/.test(s)) return void (line.kind = 'fence');
  let m = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(s);
  if (m) {
    line.kind = 'heading';
    line.level = m[1].length;
    line.contentStart = at(m[0].length);
    const closing = /[ \t]+#+[ \t]*$|[ \t]+$/.exec(s.slice(m[0].length));
    line.contentEnd = closing ? line.end - closing[0].length : line.end;
    return;
  }
  if (/^\s*([-*_=])(?:[ \t]*\1){2,}[ \t]*$/.test(s)) return void (line.kind = 'rule');
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(s) && s.includes('|')) return void (line.kind = 'table-rule');
  if ((m = /^\s*(?:>[ \t]?)+/.exec(s))) {
    line.kind = 'quote';
    line.contentStart = at(m[0].length);
    return;
  }
  if ((m = /^\s*[-*+][ \t]+/.exec(s))) {
    line.kind = 'bullet';
    line.contentStart = at(m[0].length);
    return;
  }
  if (/^\s*\d{1,9}[.)][ \t]+\S/.test(s)) {
    line.kind = 'ordered';
    line.contentStart = at(/^\s*/.exec(s)![0].length);
    return;
  }
  line.contentStart = at(/^[ \t\u3000]*/.exec(s)![0].length);
  line.contentEnd = line.end - /[ \t\u3000]*$/.exec(s)![0].length;
}

/**
 * The draft with every piece of Markdown markup (front matter, comments, `#` markers,
 * emphasis delimiters, bullets, link targets …) replaced by spaces, so offsets are kept
 * and counting or searching sees only what a reader of the Word document would see.
 */
export function visibleText(text: string): string {
  // Marks what is hidden, then copies the text in runs: no array of one-character strings
  // (a pasted draft of millions of characters would make millions of them).
  const hidden = hiddenMask(text);
  const parts: string[] = [];
  for (let a = 0; a < text.length; ) {
    const isHidden = hidden[a];
    let b = a + 1;
    while (b < text.length && hidden[b] === isHidden) b++;
    const run = text.slice(a, b);
    // Line breaks stay, so offsets and lines are kept.
    parts.push(isHidden ? run.replace(/[^\r\n]/g, ' ') : run);
    a = b;
  }
  return parts.join('');
}

/** Which code units of `text` visibleText blanks (1: markup), one byte each. */
export function hiddenMask(text: string): Uint8Array {
  const hidden = new Uint8Array(text.length);
  const blank = (s: number, e: number) => {
    if (e > s) hidden.fill(1, s, e);
  };
  let nextMarkup = -1;
  for (const line of scanLines(text)) {
    switch (line.kind) {
      case 'frontmatter':
      case 'comment':
      case 'rule':
      case 'fence':
      case 'table-rule':
        blank(line.start, line.end);
        continue;
      case 'code':
      case 'blank':
        continue;
    }
    blank(line.start, line.contentStart);
    blank(line.contentEnd, line.end);
    // Lines without a character that can start inline markup (most of a Chinese draft) are not parsed.
    if (nextMarkup < line.contentStart) {
      INLINE_MARKUP_START.lastIndex = line.contentStart;
      nextMarkup = INLINE_MARKUP_START.exec(text)?.index ?? text.length;
    }
    if (nextMarkup < line.contentEnd) for (const [s, e] of inlineHidden(text, line.contentStart, line.contentEnd)) blank(s, e);
    // Table cell separators are layout, not text.
    if (/^\s*\|.*\|\s*$/.test(text.slice(line.start, line.end))) {
      for (let i = line.contentStart; i < line.contentEnd; i++) if (text.charCodeAt(i) === 0x7c /* | */) hidden[i] = 1;
    }
  }
  return hidden;
}
