/**
 * Word → Markdown draft: turns last year's report into a draft Shuzhi understands. The title
 * becomes `# 标题`, 一、 lines `## 一、…`, （一） lines `### （一）…`; 1. and 一是… stay
 * paragraphs (the report model reads them in plain text); Word heading styles without a
 * Chinese ordinal become `##`, `###` … by their rank. Bold and italic are kept; images,
 * headers, footers and page numbers are dropped. Pure apart from mammoth's unzipping.
 */
import { CORRUPT_DOCX_MESSAGE, DocxReadError, LEGACY_DOC_MESSAGE, loadMammoth } from '../corpus/docx';
import { parseLeadingOrdinal } from '../report/ordinals';
import { htmlBlocks, type HtmlBlock } from './htmlBlocks';

export { DocxReadError } from '../corpus/docx';

export interface ImportResult {
  markdown: string;
  title?: string;
  /** mammoth's notes on what it could not carry over (plain, for the log). */
  warnings: string[];
}

/**
 * Word's built-in styles carry English names inside the file whatever the UI language;
 * WPS and localised templates sometimes write the Chinese names.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='标题'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='副标题'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='标题${n}'] => h${n}:fresh`]),
];

/** A title is a short line that does not end a sentence or start with a section ordinal. */
const MAX_TITLE = 60;
/** Longer 一、/（一） lines are run-in headings with body text, not heading lines. */
const MAX_HEADING = 50;

function isOleCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Whole-line emphasis is the heading's formatting, which the export puts back by level. */
function unwrapEmphasis(md: string): string {
  const m = /^(\*{1,3})([^*][\s\S]*?)\1$/.exec(md);
  return m && !m[2].includes(m[1]) ? m[2] : md;
}

function looksLikeTitle(b: HtmlBlock): boolean {
  if (b.className === 'title') return true;
  if (b.tag === 'li' || b.tag === 'tr') return false;
  const t = b.plain;
  if (t.length > MAX_TITLE || /[。；，：:;,]$/.test(t)) return false;
  return !parseLeadingOrdinal(t, { includeMarkdown: false });
}

/** Runs of table rows get the separator line Markdown needs after their first row. */
function tableSeparator(row: string): string {
  const cells = row.split(/(?<!\\)\|/).length - 2;
  return `|${' --- |'.repeat(Math.max(1, cells))}`;
}

interface Classified {
  block: HtmlBlock;
  ord?: ReturnType<typeof parseLeadingOrdinal>;
  /** Short enough, and without a sentence inside, to stand as a heading line. */
  short: boolean;
}

/**
 * Which enumerated levels become Markdown headings. A level is promoted only when every one
 * of its paragraphs is a heading line: were one （二） a run-in heading with body text, it would
 * stay plain, and a plain （二） after a `### （一）` would nest under it. （一） is promoted only
 * under promoted 一、 headings (or when there are none), since `#` headings stand above plain ones.
 */
function promotedLevels(items: readonly Classified[]): { cn: boolean; cnParen: boolean } {
  const of = (style: string) => items.filter((c) => c.ord?.style === style && c.block.tag !== 'li' && c.block.tag !== 'tr');
  const cn = of('cn');
  const paren = of('cn-paren');
  const cnOk = cn.length > 0 && cn.every((c) => c.short);
  return { cn: cnOk, cnParen: paren.length > 0 && paren.every((c) => c.short) && (cnOk || cn.length === 0) };
}

/** Converts mammoth's blocks into Markdown lines. */
export function blocksToMarkdown(blocks: readonly HtmlBlock[]): { markdown: string; title?: string } {
  const out: string[] = [];
  let title: string | undefined;
  const first = blocks.findIndex((b) => b.plain.trim());
  if (first >= 0 && looksLikeTitle(blocks[first])) title = blocks[first].plain.trim();
  const items: Classified[] = blocks.map((block) => ({
    block,
    ord: parseLeadingOrdinal(block.plain, { includeMarkdown: false }),
    short: block.plain.length <= MAX_HEADING && !/[。；！？]./.test(block.plain),
  }));
  const promote = promotedLevels(items.filter((_, i) => i !== first || title === undefined));
  // Rank of Word heading levels used by sections without Chinese ordinals: the highest becomes ##.
  const headingLevels = [...new Set(blocks.filter((b, i) => i !== first && /^h\d$/.test(b.tag)).map((b) => Number(b.tag[1])))].sort();
  for (let i = 0; i < blocks.length; i++) {
    const { block: b, ord } = items[i];
    if (i === first && title !== undefined) {
      out.push(`# ${unwrapEmphasis(b.markdown)}`);
      continue;
    }
    const prev = blocks[i - 1];
    if (b.tag === 'tr') {
      // Rows of one table are consecutive lines of one Markdown table.
      if (prev?.tag === 'tr') out[out.length - 1] += `\n${b.markdown}`;
      else out.push(`${b.markdown}\n${tableSeparator(b.markdown)}`);
      continue;
    }
    if (b.tag === 'li') {
      const indent = '  '.repeat(b.listDepth ?? 0);
      const item = `${indent}${b.ordered ? '1.' : '-'} ${b.markdown}`;
      if (prev?.tag === 'li') out[out.length - 1] += `\n${item}`;
      else out.push(item);
      continue;
    }
    if (ord?.style === 'cn' && promote.cn) out.push(`## ${unwrapEmphasis(b.markdown)}`);
    else if (ord?.style === 'cn-paren' && promote.cnParen) out.push(`### ${unwrapEmphasis(b.markdown)}`);
    else if (!ord && /^h\d$/.test(b.tag)) {
      const rank = headingLevels.indexOf(Number(b.tag[1]));
      out.push(`${'#'.repeat(Math.min(6, rank + 2))} ${unwrapEmphasis(b.markdown)}`);
    } else out.push(ord ? ordinalParagraph(b, ord.style, b.plain.slice(0, ord.ordinalEnd)) : protectLineStart(b.markdown));
  }
  return { markdown: out.join('\n\n') + '\n', title };
}

/**
 * A paragraph that starts with an ordinal must start with it in Markdown too, or the report
 * model cannot see it: emphasis wrapped round the lead (`**1.强化引领。**正文`) is dropped —
 * the export gives each heading level its own formatting — and for 一是… items the bold moves
 * after the ordinal (`一是**加强学习。**正文`), since it marks the item's lead sentence.
 */
function ordinalParagraph(b: HtmlBlock, style: string, ordinalText: string): string {
  const whole = unwrapEmphasis(b.markdown);
  if (whole !== b.markdown && style !== 'shi') return whole;
  const m = /^(\*{1,3})([^*][\s\S]*?)\1(?!\*)/.exec(b.markdown);
  if (!m || !m[2].startsWith(ordinalText.trimEnd())) return b.markdown;
  const rest = b.markdown.slice(m[0].length);
  if (style !== 'shi') return m[2] + rest;
  const lead = m[2].slice(ordinalText.trimEnd().length);
  return ordinalText.trimEnd() + (lead ? `${m[1]}${lead}${m[1]}` : '') + rest;
}

/** A paragraph starting with `#`, `>`, `-`, `+` or `=` would change meaning at the start of a Markdown line. */
function protectLineStart(md: string): string {
  return md.replace(/^([#>+=]|[-*](?=\s)|\d+[.)](?=\s))/, (m) => (/^\d/.test(m) ? m.replace(/([.)])$/, '\\$1') : `\\${m}`));
}

/**
 * Converts .docx bytes into a Markdown draft.
 * @throws DocxReadError with a plain Chinese message when the file is not a readable .docx.
 */
export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  if (isOleCompoundFile(bytes)) throw new DocxReadError(LEGACY_DOC_MESSAGE);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  let messages: Array<{ message: string }>;
  try {
    const mammoth = await loadMammoth();
    const result = await mammoth.convertToHtml(
      { buffer },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
    messages = result.messages;
  } catch (err) {
    // Zip and XML failures come with English messages from mammoth's dependencies; the user needs one sentence.
    throw new DocxReadError(CORRUPT_DOCX_MESSAGE, { cause: err });
  }
  const { markdown, title } = blocksToMarkdown(htmlBlocks(html));
  return { markdown, title, warnings: messages.map((m) => m.message) };
}
