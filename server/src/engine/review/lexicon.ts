/**
 * The general Chinese lexicon review's word check reads (wordSlips.ts): words with their
 * frequency, parsed from the compact table the build derives from jieba's dict.txt
 * (server/scripts/lexicon.mjs). Pure: the file is read by io/lexicon.ts.
 *
 * Table: a first line `shuzhi-lexicon 1 TOTAL`, then lines `L Q WORDS` — WORDS the words of
 * length L and frequency bucket Q = round(4·ln f) written one after another; `Q*` marks proper
 * nouns and abbreviations (names, places, organisations), known but never suggested.
 */

export interface Lexicon {
  /** Word → frequency bucket Q (ln f ≈ Q / 4). */
  readonly words: ReadonlyMap<string, number>;
  /** Proper nouns and abbreviations: words, never suggested as a correction. */
  readonly proper: ReadonlySet<string>;
  /** ln of the dictionary's total frequency. */
  readonly logTotal: number;
  /** Longest word. */
  readonly maxLen: number;
}

/** A table that is not a lexicon (wrong header, a line that does not parse). */
export class LexiconError extends Error {}

/** Parses the table (see the module comment); throws LexiconError on anything else. */
export function parseLexicon(text: string): Lexicon {
  const nl = text.indexOf('\n');
  const head = /^shuzhi-lexicon 1 (\d+)$/.exec(text.slice(0, nl < 0 ? text.length : nl).trim());
  if (!head) throw new LexiconError('不是述职助手的词表文件（首行不对）');
  const words = new Map<string, number>();
  const proper = new Set<string>();
  let maxLen = 0;
  let at = nl + 1;
  while (at > 0 && at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end > at) {
      const sp1 = text.indexOf(' ', at);
      const sp2 = sp1 < 0 ? -1 : text.indexOf(' ', sp1 + 1);
      const len = Number(text.slice(at, sp1));
      const star = text.charCodeAt(sp2 - 1) === 0x2a;
      const q = Number(text.slice(sp1 + 1, star ? sp2 - 1 : sp2));
      if (sp1 < 0 || sp2 < 0 || sp2 > end || !Number.isInteger(len) || len < 1 || !Number.isInteger(q) || (end - sp2 - 1) % len !== 0) {
        throw new LexiconError(`词表文件第 ${text.slice(0, at).split('\n').length} 行格式不对`);
      }
      for (let i = sp2 + 1; i < end; i += len) {
        const w = text.slice(i, i + len);
        words.set(w, q);
        if (star) proper.add(w);
      }
      if (len > maxLen) maxLen = len;
    }
    at = end + 1;
  }
  if (!words.size) throw new LexiconError('词表文件是空的');
  return { words, proper, logTotal: Math.log(Number(head[1])), maxLen };
}

/** A lexicon from words and their frequencies (tests, and the workspace's own words). */
export function lexiconOf(entries: Iterable<[string, number]>, total?: number): Lexicon {
  const words = new Map<string, number>();
  let sum = 0;
  let maxLen = 0;
  for (const [w, f] of entries) {
    words.set(w, Math.round(4 * Math.log(f)));
    sum += f;
    maxLen = Math.max(maxLen, w.length);
  }
  return { words, proper: new Set(), logTotal: Math.log(total ?? sum), maxLen };
}

/** ln frequency of `word`, or undefined when the lexicon does not have it. */
export function logFreq(lex: Lexicon, word: string): number | undefined {
  const q = lex.words.get(word);
  return q === undefined ? undefined : q / 4;
}
