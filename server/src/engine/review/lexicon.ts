/**
 * The general Chinese lexicon review's word check reads (wordSlips.ts): words with their
 * frequency, from the table the build derives from jieba's dict.txt (server/scripts/lexicon.mjs,
 * whose comment gives the format: sorted fixed-width word lists, so loading is splitting a few
 * long lines and a lookup is a binary search). Pure: the file is read by io/lexicon.ts.
 */

export interface Lexicon {
  /** Frequency bucket of `word` (ln f ≈ Q / 4), or undefined when the lexicon lacks it. */
  q(word: string): number | undefined;
  /** A proper noun or an abbreviation (known; suggested only where the corpus uses it). */
  proper(word: string): boolean;
  /**
   * The characters c for which text[start, end) with c at offset `at` is a word that may be
   * suggested (2–4 characters, frequent; with `rare`, the rare words instead: 5 ≤ f < 50), as one string.
   */
  fillers(text: string, start: number, end: number, at: number, rare?: boolean): string;
  /** Every word of length `len` with its bucket (the bench). */
  entries(len: number): Iterable<[string, number]>;
  /** ln of the dictionary's total frequency. */
  readonly logTotal: number;
  /** Number of words. */
  readonly size: number;
}

/** A table that is not a lexicon (wrong header, a line that does not parse). */
export class LexiconError extends Error {}

const PROPER_MARK = 0x80;
/** Key offset of the rare words' rotated lists (S lines). */
const RARE_KEY = 1000;
const Q_BASE = 0x30;

/** Index of the first entry of the sorted fixed-width list `list` (entries of `width`) not below `key` on its first key.length characters. */
function lowerBound(list: string, width: number, key: string, from = 0): number {
  let lo = 0;
  let hi = list.length / width;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(list, mid * width + from, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareAt(list: string, at: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    const d = list.charCodeAt(at + i) - key.charCodeAt(i);
    if (d) return d;
  }
  return 0;
}

class TableLexicon implements Lexicon {
  constructor(
    private readonly words: Map<number, string>,
    private readonly buckets: Map<number, string>,
    /** Key `len * 8 + j` (+ RARE_KEY for the rare words): the suggestible words with character j moved to the end, sorted. */
    private readonly rotated: Map<number, string>,
    readonly logTotal: number,
  ) {}

  get size(): number {
    let n = 0;
    for (const [len, w] of this.words) n += w.length / len;
    return n;
  }

  private code(word: string): number | undefined {
    const list = this.words.get(word.length);
    if (!list) return undefined;
    const i = lowerBound(list, word.length, word);
    if (i * word.length >= list.length || compareAt(list, i * word.length, word) !== 0) return undefined;
    return this.buckets.get(word.length)!.charCodeAt(i);
  }

  q(word: string): number | undefined {
    const c = this.code(word);
    return c === undefined ? undefined : (c & ~PROPER_MARK) - Q_BASE;
  }

  proper(word: string): boolean {
    const c = this.code(word);
    return c !== undefined && (c & PROPER_MARK) !== 0;
  }

  fillers(text: string, start: number, end: number, at: number, rare = false): string {
    const len = end - start;
    const list = this.rotated.get(len * 8 + (at - start) + (rare ? RARE_KEY : 0));
    if (!list) return '';
    // The key: the window's characters but the one at `at`, compared in place (no string made).
    const cmp = (entry: number): number => {
      for (let i = 0, t = start; i < len - 1; i++, t++) {
        if (t === at) t++;
        const d = list.charCodeAt(entry + i) - text.charCodeAt(t);
        if (d) return d;
      }
      return 0;
    };
    let lo = 0;
    let hi = list.length / len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(mid * len) < 0) lo = mid + 1;
      else hi = mid;
    }
    let out = '';
    for (let i = lo; i * len < list.length && cmp(i * len) === 0; i++) out += list[i * len + len - 1];
    return out;
  }

  *entries(len: number): Iterable<[string, number]> {
    const list = this.words.get(len) ?? '';
    const q = this.buckets.get(len) ?? '';
    for (let i = 0; i * len < list.length; i++) yield [list.slice(i * len, i * len + len), (q.charCodeAt(i) & ~PROPER_MARK) - Q_BASE];
  }
}

/** Parses the table (see server/scripts/lexicon.mjs); throws LexiconError on anything else. */
export function parseLexicon(text: string): Lexicon {
  return parseLexiconLines(text.split('\n'));
}

/** parseLexicon of the table's lines (its text split at '\n'), for a reader that splits as it reads. */
export function parseLexiconLines(lines: readonly string[]): Lexicon {
  const head = /^shuzhi-lexicon 2 (\d+)$/.exec(lines[0].trim());
  if (!head) throw new LexiconError('不是述职助手的词表文件（首行不对）');
  const words = new Map<number, string>();
  const buckets = new Map<number, string>();
  const rotated = new Map<number, string>();
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (!line) continue;
    const m = /^([WQRS]) (\d) (?:(\d) )?/.exec(line);
    const len = m ? Number(m[2]) : 0;
    const body = m ? line.slice(m[0].length) : '';
    const rotatedLine = m?.[1] === 'R' || m?.[1] === 'S';
    const bad = !m || len < 1 || rotatedLine !== (m[3] !== undefined) || (m[1] !== 'Q' && body.length % len !== 0);
    if (bad) throw new LexiconError(`词表文件第 ${n + 1} 行格式不对`);
    if (m[1] === 'W') words.set(len, body);
    else if (m[1] === 'Q') buckets.set(len, body);
    else rotated.set(len * 8 + Number(m[3]) + (m[1] === 'S' ? RARE_KEY : 0), body);
  }
  for (const [len, list] of words) {
    if (buckets.get(len)?.length !== list.length / len) throw new LexiconError(`词表文件中 ${len} 字词的频率与词数不符`);
  }
  if (!words.size) throw new LexiconError('词表文件是空的');
  return new TableLexicon(words, buckets, rotated, Math.log(Number(head[1])));
}

/** Suggestible words need at least this frequency, rare ones (where the corpus uses them) RARE_MIN (as the build's table). */
const SUGGEST_MIN = 50;
const RARE_MIN = 5;

/** A lexicon from words and their frequencies, in memory (tests). `proper` marks proper nouns and abbreviations. */
export function lexiconOf(entries: Iterable<[string, number]>, opts: { total?: number; proper?: Iterable<string> } = {}): Lexicon {
  const map = new Map<string, number>();
  let sum = 0;
  for (const [w, f] of entries) {
    map.set(w, Math.max(0, Math.round(4 * Math.log(f))));
    sum += f;
  }
  const proper = new Set(opts.proper ?? []);
  const logTotal = Math.log(opts.total ?? sum);
  const minQ = Math.round(4 * Math.log(SUGGEST_MIN));
  const rareQ = Math.round(4 * Math.log(RARE_MIN));
  return {
    q: (w) => map.get(w),
    proper: (w) => proper.has(w),
    fillers(text, start, end, at, rare = false) {
      const word = text.slice(start, end);
      const j = at - start;
      let out = '';
      for (const [w, q] of map) {
        if (w.length !== word.length || w.length < 2 || w.length > 4 || q < (rare ? rareQ : minQ) || (rare && q >= minQ)) continue;
        if (w.slice(0, j) === word.slice(0, j) && w.slice(j + 1) === word.slice(j + 1)) out += w[j];
      }
      return out;
    },
    *entries(len) {
      for (const e of map) if (e[0].length === len) yield e;
    },
    logTotal,
    size: map.size,
  };
}
