/**
 * Sentence spans shared by the hover and search indexes, so both count and show the same
 * units. A sentence ends at 。！？； or a line break; its span keeps the closing mark but
 * not the indentation (spaces, full-width spaces) before it.
 */

/** true for characters that end a sentence (kept in the span), plus line breaks (not kept). */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0xff1b /* ； */;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d || c === 0xa0 || c === 0xfeff;
}

/**
 * Calls `visit(start, end)` for each non-blank sentence of `text[from, to)`, in order.
 * Trailing closing quotes and brackets after the end mark (`。”`) stay with the sentence.
 */
export function forEachSentence(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  let start = -1;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (start >= 0) visit(start, trimEnd(text, start, i));
      start = -1;
      i++;
      continue;
    }
    if (start < 0) {
      if (isBlank(c)) {
        i++;
        continue;
      }
      start = i;
    }
    i++;
    if (isSentenceEnd(c)) {
      // Keep closing quotes / brackets that follow the end mark: 。” 。）
      while (i < to && isCloser(text.charCodeAt(i))) i++;
      visit(start, i);
      start = -1;
    }
  }
  if (start >= 0) visit(start, trimEnd(text, start, to));
}

function isCloser(c: number): boolean {
  return c === 0x201d /* ” */ || c === 0x2019 || c === 0xff09 /* ） */ || c === 0x300d /* 」 */ || c === 0x300f || c === 0x300b /* 》 */ || c === 0x29 || c === 0x22;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Sentence spans of `text` as [start, end) pairs. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachSentence(text, 0, text.length, (s, e) => out.push([s, e]));
  return out;
}
