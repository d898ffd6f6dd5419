import { HAN_RE } from '../text/chars';
import { segmentWords } from '../text/segment';

/**
 * The search tokenizer: the engine's word segmentation (Intl.Segmenter, shared with
 * completion and hover), plus a bigram fallback where the segmenter gives up. It often
 * splits set phrases it does not know into single characters (三/会/一课); each run of such
 * single Han characters is indexed as its bigrams (三会), so the phrase still matches and
 * the index does not fill with one-character terms. A lone single character (在, 党) is kept
 * as it is. Latin words and numbers are kept whole, lower-cased.
 *
 * Bigrams of every Han run would match more loosely still, but they triple the terms and
 * postings of the index (see bench/search.ts): words first keeps it lean at corpus scale.
 */
export function tokenizeChinese(text: string): string[] {
  const tokens: string[] = [];
  let run: string[] = [];
  let runEnd = -1;
  const flush = () => {
    if (run.length === 1) tokens.push(run[0]);
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run[i] + run[i + 1]);
    run = [];
  };
  for (const w of segmentWords(text)) {
    if (!w.isWord) {
      flush();
      continue;
    }
    const t = w.text.toLowerCase();
    if (isSingleHan(t)) {
      // Only adjacent single characters form a run (punctuation or a word ends it).
      if (w.start !== runEnd) flush();
      run.push(t);
      runEnd = w.end;
      continue;
    }
    flush();
    tokens.push(t);
  }
  flush();
  return tokens;
}

/** A single Han character (one code point); searched as a prefix, so 廉 finds 廉洁, 廉政. */
export function isSingleHan(term: string): boolean {
  return term.length <= 2 && [...term].length === 1 && HAN_RE.test(term);
}

const NIBBLE = 'ABCDEFGHIJKLMNOP';

/**
 * The form a term takes inside the MiniSearch index: every non-ASCII code unit spelled as
 * four letters A–P (its hex digits), ASCII kept (lower-case, so the two never collide).
 * MiniSearch keeps terms in a radix tree whose nodes are scanned child by child; with Han
 * characters as keys the root alone has thousands of children, and indexing was 7× slower
 * (bench/search.ts). Spelled out, no node has more than 16 + 36 children. The spelling has
 * a fixed width, so a prefix of a term is still a prefix of its spelling.
 */
export function indexTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    out += c < 0x80 ? term[i] : NIBBLE[c >> 12] + NIBBLE[(c >> 8) & 15] + NIBBLE[(c >> 4) & 15] + NIBBLE[c & 15];
  }
  return out;
}
