/**
 * The prose of a draft, as lint rules should see it: the same string with everything a reader
 * of the finished report never sees as words — front matter, HTML comments and tags, code,
 * link targets, bare URLs and e-mail addresses, `#`/`-`/`>` markers — replaced by spaces.
 * Offsets are unchanged, so a regex match on the masked text is a finding on the draft.
 * Emphasis asterisks are kept: the placeholder rule must tell `**加强**` from `完成**%`.
 *
 * Built in two passes over the text (lines, then one combined inline scan), each collecting
 * spans to blank and then assembling the string once: drafts can be hundreds of KB.
 */
import { scanLines, type LineKind } from '../delivery/markdown';

export interface ProseLine {
  /** Offsets [start, end) of the line, line break excluded. */
  start: number;
  end: number;
  kind: LineKind;
}

export interface ProseView {
  /** Same length as the draft; non-prose characters are spaces, line breaks kept. */
  masked: string;
  /** Lines holding prose (headings, paragraphs, list items, quotes), in order. */
  lines: ProseLine[];
}

/** Lines whose whole content is not prose. */
const HIDDEN_KINDS = new Set<LineKind>(['frontmatter', 'comment', 'fence', 'code', 'rule', 'table-rule']);

const URL_TAIL = '[^\\s<>“”‘’（）《》，。；！？、]';
/**
 * Inline constructs, as one alternation so the leftmost wins (a URL inside code is code):
 * `link` keeps its label (group `label`), everything else is blanked whole.
 */
const INLINE_RE = new RegExp(
  [
    '(?<code>(`+)[^`\\n][^\\n]*?\\2(?!`))',
    '(?<tag><\\/?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>\\n]*)?\\/?>)',
    '(?<image>!\\[[^\\]\\n]*\\]\\([^)\\n]*\\))',
    '(?<autolink><(?:https?|mailto|ftp):[^\\s<>]+>)',
    `(?<url>\\b(?:https?|ftp):\\/\\/${URL_TAIL}+)`,
    `(?<www>\\bwww\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+${URL_TAIL}*)`,
    '(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)',
    '(?<link>\\[(?<label>[^\\]\\n]*)\\]\\([^)\\n]*\\))',
    '(?<linkdef>^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*\\S.*$)',
    '(?<escape>\\\\(?=[!-/:-@[-`{-~]))',
  ].join('|'),
  'gm',
);

type Span = [number, number];

/** `text` with the spans replaced by spaces (line breaks inside them kept). Spans may overlap. */
function blankSpans(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let pos = 0;
  for (const [s0, e] of spans) {
    const s = Math.max(s0, pos);
    if (e <= s) continue;
    parts.push(text.slice(pos, s), text.slice(s, e).replace(/[^\r\n]/g, ' '));
    pos = e;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Builds the prose view of `text`. */
export function proseView(text: string): ProseView {
  const spans: Span[] = [];
  // Comments may open mid-line and span lines; an unclosed one runs to the end, as in HTML.
  if (text.includes('<!--')) for (const m of text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) spans.push([m.index!, m.index! + m[0].length]);

  const lines: ProseLine[] = [];
  for (const line of scanLines(text)) {
    if (HIDDEN_KINDS.has(line.kind)) {
      spans.push([line.start, line.end]);
      continue;
    }
    if (line.kind === 'blank') continue;
    // Heading, bullet and quote markers; `1.` of an ordered line stays (it is the report's numbering).
    if (line.kind !== 'ordered' && line.contentStart > line.start) spans.push([line.start, line.contentStart]);
    if (line.kind === 'heading' && line.end > line.contentEnd) spans.push([line.contentEnd, line.end]);
    lines.push({ start: line.start, end: line.end, kind: line.kind });
  }
  const first = blankSpans(text, spans);

  const inline: Span[] = [];
  for (const m of first.matchAll(INLINE_RE)) {
    const s = m.index!;
    const e = s + m[0].length;
    const label = m.groups!.label;
    if (label !== undefined) {
      inline.push([s, s + 1], [s + 1 + label.length, e]);
    } else {
      inline.push([s, e]);
    }
  }
  return { masked: blankSpans(first, inline), lines };
}
