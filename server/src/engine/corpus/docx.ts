/**
 * Reading Word (.docx) files through mammoth. Both helpers take the bytes, never a
 * path, so callers decide how (and whether) to touch the file system, and both turn
 * any failure into one plain Chinese message a user can act on.
 */
import type * as Mammoth from 'mammoth';

let mammothLoad: Promise<typeof Mammoth> | undefined;

/**
 * mammoth, loaded on first use: its modules take about 40 ms to set up, which every start of
 * the server paid although most corpora and drafts hold no Word file.
 */
export function loadMammoth(): Promise<typeof Mammoth> {
  return (mammothLoad ??= import('mammoth').then((m) => ((m as { default?: typeof Mammoth }).default ?? m) as typeof Mammoth));
}

/** Message for a .docx that is not a readable Office Open XML package. */
export const CORRUPT_DOCX_MESSAGE = '无法读取 Word 文件：文件已损坏或不是 .docx 格式';
/** Message for an OLE compound file: a legacy .doc renamed to .docx, or a password-protected document. */
export const LEGACY_DOC_MESSAGE = '无法读取 Word 文件：这是旧版 .doc 格式或加密的文档，请在 Word 中另存为 .docx';

/** Error thrown by the docx helpers; `message` is meant for the user as is. */
export class DocxReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocxReadError';
  }
}

/** mammoth ships convertToMarkdown but leaves it out of its type declarations. */
interface MammothWithMarkdown {
  convertToMarkdown(input: { buffer: Buffer }): Promise<{ value: string }>;
}

function toBuffer(bytes: Uint8Array | Buffer): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** OLE2 compound file signature: .doc files and encrypted .docx files start with it. */
function isOleCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

async function run(bytes: Uint8Array | Buffer, convert: (input: { buffer: Buffer }) => Promise<{ value: string }>): Promise<string> {
  if (isOleCompoundFile(bytes)) throw new DocxReadError(LEGACY_DOC_MESSAGE);
  try {
    const result = await convert({ buffer: toBuffer(bytes) });
    return result.value;
  } catch (err) {
    // mammoth reports zip and XML problems with English messages from its dependencies;
    // the user only needs to know the file cannot be read.
    throw new DocxReadError(CORRUPT_DOCX_MESSAGE, { cause: err });
  }
}

/**
 * The text of a .docx: one paragraph per line, paragraphs separated by a blank line
 * (mammoth's raw-text layout). Tables come out cell by cell, images are dropped.
 * @throws DocxReadError with a plain Chinese message when the file is not a readable .docx.
 */
export function docxToText(bytes: Uint8Array | Buffer): Promise<string> {
  return run(bytes, async (input) => (await loadMammoth()).extractRawText(input));
}

/**
 * The .docx as Markdown: Word heading styles become `#` headings, bold and italic are
 * kept, and Markdown-special characters in the text are backslash-escaped (e.g. `1\.`).
 * @throws DocxReadError with a plain Chinese message when the file is not a readable .docx.
 */
export function docxToMarkdown(bytes: Uint8Array | Buffer): Promise<string> {
  return run(bytes, async (input) => ((await loadMammoth()) as unknown as MammothWithMarkdown).convertToMarkdown(input));
}
