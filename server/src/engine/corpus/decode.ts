/**
 * Turning the bytes of a corpus text file into a string. Chinese office documents
 * come as UTF-8 (with or without BOM), as "Unicode" from Windows Notepad (UTF-16 with
 * BOM) or in the legacy GBK/GB18030 code page; we recognise those and nothing else,
 * and say plainly when a file is not text at all.
 */

/** Encodings `decodeBytes` recognises. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and the encoding it was found in, or a plain Chinese reason it could not be read. */
export type DecodeResult = { text: string; encoding: TextEncodingName } | { error: string };

/** How many leading bytes `looksBinary` inspects. */
const SNIFF_BYTES = 8192;
/** Share of control bytes above which a file counts as binary. Real text has almost none. */
const MAX_CONTROL_BYTE_SHARE = 0.1;
/** Share of unreadable characters (U+FFFD, controls, unassigned) above which decoded text is rejected. */
const MAX_BAD_CHAR_SHARE = 0.1;
/**
 * A file that is not valid UTF-8 is still read as UTF-8 (with U+FFFD for the bad bytes)
 * when valid multi-byte characters outnumber the bad sequences by this factor: that is a
 * UTF-8 file with a stray or truncated byte, e.g. one cut off mid-character. GB18030 text
 * misread as UTF-8 yields about one bad sequence per two or three characters.
 */
const LOSSY_UTF8_MIN_GOOD_PER_BAD = 200;

const NOT_TEXT = '文件内容无法识别为文字（可能是乱码或二进制文件）';

function hasUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * True when the first 8 KB look like a binary file: a NUL byte, or more than a tenth
 * control bytes other than tab, line feed, vertical tab, form feed, carriage return and
 * escape. UTF-16 text with a BOM is full of NULs but is text, so it never counts.
 * GB18030 and UTF-8 never use bytes below 0x20 inside multi-byte characters.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) control++;
  }
  return control / n > MAX_CONTROL_BYTE_SHARE;
}

/** Characters that never occur in real prose: replacement, controls, unassigned, private use, lone surrogates. */
const BAD_CHAR = /[\uFFFD]|[^\P{C}\t\n\v\f\r\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/gu;

/** White space as `\s` sees it, tested by code unit so large files need no match arrays. */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when more than a tenth of the non-space characters are unreadable. */
function isMostlyGarbage(text: string): boolean {
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) nonSpace++;
  if (nonSpace === 0) return false;
  let bad = 0;
  BAD_CHAR.lastIndex = 0;
  while (BAD_CHAR.exec(text)) bad++;
  return bad / nonSpace > MAX_BAD_CHAR_SHARE;
}

function decode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    // ignoreBOM: true keeps a BOM in the output; callers pass bytes after the BOM,
    // so a second BOM (a real U+FEFF in the text) survives as written.
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd && !(c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
}

function checked(text: string, encoding: TextEncodingName): DecodeResult {
  return isMostlyGarbage(text) ? { error: NOT_TEXT } : { text, encoding };
}

/**
 * Decodes a text file's bytes. A UTF-8 or UTF-16 BOM decides the encoding (and is
 * stripped); without one, valid UTF-8 is UTF-8, and anything else is tried as GB18030
 * (which includes GBK and GB2312). Line breaks are kept as they are. Returns `{ error }`
 * with a plain Chinese reason when the result is mostly unreadable characters.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const utf16 = hasUtf16Bom(bytes);
  if (utf16) {
    const body = bytes.subarray(2);
    // Lossy: an odd trailing byte or a lone surrogate becomes U+FFFD rather than losing the file.
    const text = decode(utf16, body, false);
    return text === undefined ? { error: NOT_TEXT } : checked(text, utf16);
  }

  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  const encoding: TextEncodingName = bom ? 'utf-8-bom' : 'utf-8';
  const strict = decode('utf-8', body, true);
  if (strict !== undefined) return checked(strict, encoding);

  const lossy = decode('utf-8', body, false) ?? '';
  const bad = countReplacement(lossy);
  if (countNonAscii(lossy) >= bad * LOSSY_UTF8_MIN_GOOD_PER_BAD) return checked(lossy, encoding);
  if (bom) return { error: '文件开头标明是 UTF-8 编码，但内容有大量无效字节，无法读取' };

  const gb = decode('gb18030', body, true) ?? decode('gb18030', body, false);
  if (gb === undefined) return { error: '无法识别文件编码（支持 UTF-8、UTF-16 和 GB18030/GBK）' };
  if (isMostlyGarbage(gb)) {
    return { error: '无法识别文件编码（支持 UTF-8、UTF-16 和 GB18030/GBK），文件内容可能是乱码' };
  }
  // GB18030 has its own BOM (84 31 95 33), which decodes to U+FEFF; strip it like the others.
  return { text: gb.startsWith('\uFEFF') ? gb.slice(1) : gb, encoding: 'gb18030' };
}

/** Type guard for the failure branch of `decodeBytes`. */
export function isDecodeError(r: DecodeResult): r is { error: string } {
  return 'error' in r;
}
