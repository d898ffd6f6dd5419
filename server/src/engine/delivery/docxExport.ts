/**
 * Markdown draft → Word document laid out as Chinese official documents are (GB/T 9704-2012):
 * A4, margins 37/35/28/26 mm, title 2号 方正小标宋简体 centred, body 3号 仿宋_GB2312 with a
 * two-character first-line indent and exact line spacing (22 lines of 28 characters a page),
 * headings 一、 黑体 / （一） 楷体 / 1. 仿宋 bold / （1） 仿宋, page numbers “— 1 —” in 4号
 * 宋体 at the bottom, odd pages right and even pages left. Fonts and sizes come from
 * `shuzhi.export.*`. Pure apart from the docx packer; the caller writes the bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IBaseParagraphStyleOptions,
} from 'docx';
import type { ExportSettings } from '../settings';
import { exportBlocks, type ExportBlock, type ExportRun } from './exportModel';

/** Millimetres → twentieths of a point (Word's twips). */
export function mmToTwips(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** Page geometry of GB/T 9704-2012 (A4, 版心 156 mm × 225 mm). */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: mmToTwips(37),
  marginBottom: mmToTwips(35),
  marginLeft: mmToTwips(28),
  marginRight: mmToTwips(26),
  /** The page number sits about 7 mm under the text block. */
  footer: mmToTwips(23),
  header: mmToTwips(15),
  charsPerLine: 28,
} as const;

const HEADING_STYLE = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const BULLET_REF = 'shuzhi-bullet';

/** Chinese fonts must be named for East Asian text too (w:rFonts w:eastAsia), or Word ignores them. */
function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

/** Points → the half-points of w:sz. */
const halfPoints = (pt: number) => Math.round(pt * 2);

interface Layout {
  s: ExportSettings;
  /** Exact line pitch in twips. */
  line: number;
  /** Character spacing of body text in twips (negative = condensed), so 28 characters fill a line. */
  charSpacing: number;
}

/**
 * Condensing that makes `charsPerLine` body characters fit the text width. Word's character
 * grid (docGrid linesAndChars with a negative charSpace) would do the same in Word, but
 * LibreOffice lays that grid out differently; a slight condensing (−0.25 pt at 3号) reads the
 * same everywhere.
 */
function bodyCharSpacing(bodySize: number): number {
  const widthPt = (PAGE.width - PAGE.marginLeft - PAGE.marginRight) / 20;
  const twips = Math.floor((widthPt / PAGE.charsPerLine - bodySize) * 20);
  return Math.max(-40, Math.min(0, twips));
}

function headingFont(s: ExportSettings, level: number): { name: string; bold: boolean } {
  switch (level) {
    case 1:
      return { name: s.heading1Font, bold: false };
    case 2:
      return { name: s.heading2Font, bold: false };
    case 3:
      return { name: s.heading3Font, bold: true };
    default:
      return { name: s.heading3Font, bold: false };
  }
}

/** Paragraph styles: Normal (body), Title and Heading 1–4, so Word's navigation pane and outline see the levels. */
function styles(l: Layout) {
  const { s, line, charSpacing } = l;
  // Two characters of first-line indent: firstLineChars for Word, firstLine (twips) for other readers.
  const body = { spacing: { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: { firstLineChars: 200, firstLine: s.bodySize * 2 * 20 } };
  const heading = (level: number): IBaseParagraphStyleOptions => {
    const f = headingFont(s, level);
    return {
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: font(f.name), size: halfPoints(s.bodySize), bold: f.bold, italics: false, color: '000000' },
      // keepNext/keepLines are set per paragraph: a run-in heading is a whole paragraph of body text.
      paragraph: { ...body, outlineLevel: level - 1 },
    };
  };
  return {
    default: {
      document: {
        run: { font: font(s.bodyFont), size: halfPoints(s.bodySize), color: '000000', characterSpacing: charSpacing },
        paragraph: body,
      },
      title: {
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: font(s.titleFont), size: halfPoints(s.titleSize), bold: false, color: '000000', characterSpacing: 0 },
        paragraph: {
          alignment: AlignmentType.CENTER,
          // A title line needs more room than a body line; one blank body line follows it.
          spacing: { line: Math.max(line, Math.round(s.titleSize * 20 * 1.3)), lineRule: LineRuleType.EXACT, before: 0, after: line },
          indent: { firstLineChars: 0, firstLine: 0 },
          keepNext: true,
        },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
    },
  };
}

function runsOf(runs: readonly ExportRun[], block: ExportBlock, l: Layout): TextRun[] {
  return runs.map((r) => {
    // Body text after a run-in heading (（一）加强学习。正文……) goes back to the body font.
    const plain = block.kind === 'heading' && !r.heading;
    return new TextRun({
      text: r.text,
      ...(r.bold ? { bold: true } : plain ? { bold: false } : {}),
      ...(r.italic ? { italics: true } : {}),
      ...(plain ? { font: font(l.s.bodyFont) } : {}),
    });
  });
}

function paragraphOf(block: ExportBlock, l: Layout): Paragraph {
  const children = runsOf(block.runs, block, l);
  switch (block.kind) {
    case 'title':
      return new Paragraph({ style: 'Title', children });
    case 'heading': {
      // A heading line stays with the text under it; a run-in heading (（一）加强学习。正文……)
      // is a body paragraph and may break across pages like one.
      const standalone = block.runs.every((r) => r.heading);
      return new Paragraph({ heading: HEADING_STYLE[(block.level ?? 1) - 1], children, ...(standalone ? { keepNext: true, keepLines: true } : {}) });
    }
    case 'bullet':
      return new Paragraph({ numbering: { reference: BULLET_REF, level: 0 }, children });
    default:
      return new Paragraph({ children });
  }
}

/** Footer with “— N —”: odd pages at the right, even pages at the left, one character in from the edge. */
function pageNumberFooter(s: ExportSettings, side: 'odd' | 'even'): Footer {
  const indentOne = halfPoints(s.pageNumberSize) * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indentOne, firstLine: 0, firstLineChars: 0 } : { left: indentOne, firstLine: 0, firstLineChars: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(s.pageNumberFont),
            size: halfPoints(s.pageNumberSize),
            characterSpacing: 0,
          }),
        ],
      }),
    ],
  });
}

/** Builds the Word document of a Markdown draft and returns the .docx bytes. */
export async function buildDocx(markdownText: string, exportSettings: ExportSettings): Promise<Uint8Array> {
  const s = exportSettings;
  const line = Math.round(s.lineSpacing * 20);
  const l: Layout = { s, line, charSpacing: bodyCharSpacing(s.bodySize) };
  const blocks = exportBlocks(markdownText);
  const title = blocks.find((b) => b.kind === 'title');
  const doc = new Document({
    creator: '述职助手',
    title: title ? title.runs.map((r) => r.text).join('') : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: styles(l),
    numbering: {
      config: [
        {
          reference: BULLET_REF,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: halfPoints(s.bodySize) * 20, hanging: halfPoints(s.bodySize) * 10, firstLineChars: 0 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
          // No document grid: exact line spacing alone gives 22 lines a page, and a grid makes
          // LibreOffice put a two-line title on twice as many grid lines.
        },
        headers: { default: new Header({ children: [] }), even: new Header({ children: [] }) },
        footers: { default: pageNumberFooter(s, 'odd'), even: pageNumberFooter(s, 'even') },
        children: blocks.length ? blocks.map((b) => paragraphOf(b, l)) : [new Paragraph({})],
      },
    ],
  });
  return Packer.toBuffer(doc).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}
