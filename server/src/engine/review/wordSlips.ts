/**
 * Input-method slips anywhere in the draft (rule typo-suspect, with slips.ts for corpus phrases):
 * a character of the draft that, replaced by a sound-alike (same toneless pinyin, every reading
 * of a polyphone) or a shape-alike, makes a frequent word of the general lexicon that fits its
 * neighbours better than what the draft has — `工做` for `工作`, `人真` for `认真`.
 *
 * Candidates: for each character k of a run of Han characters and each window of 2–4 characters
 * around it, the lexicon's frequent words equal to the window but at k (a wildcard table over
 * the lexicon, built once per lexicon); the character they have at k must be an alternative of
 * the draft's (CharSource: sound, shape — a source is one predicate, so more plug in).
 *
 * Decision, in context: the local text (k ± 6 characters within the run) is segmented into
 * words by the most probable path of lexicon unigrams, with and without the alternative; the
 * alternative is suspect evidence when the path gains at least `minGain[kind]` (ln probability)
 * and the alternative word is frequent (`minAltLogFreq`). Never suspect:
 * - the draft's own window is a lexicon word (a confusion of two words needs context evidence:
 *   confusions.ts), or a word of the draft covering k is at least as frequent as the
 *   alternative (a known word is never flagged for a rarer sound-alike);
 * - the corpus vouches for the draft: the draft's characters around k (k with a neighbour on each
 *   side) occur in the corpus at least `corpusVouch` times;
 * - protected offsets (protect.ts: names, places and units, numbers, 《titles》, the word list).
 * Thresholds are data fitted by the bench (wordSlipModel.json, bench/review.ts).
 */
import type { PhraseIndex } from '../search/phraseIndex';
import { countOccurrences } from '../search/phraseIndex';
import { findRange } from '../search/suffixArray';
import type { Lexicon } from './lexicon';
import { homophones, isHan } from './pinyin';
import { protectedMask } from './protect';
import { reportsOf } from './slips';
import model from './wordSlipModel.json';

/** How the alternative relates to the draft's character. */
export type SlipKind = 'sound' | 'shape';

/** A source of alternative characters: `alike(d, c)` when an input method can give c for d. */
export interface CharSource {
  kind: SlipKind;
  alike(d: number, c: number): boolean;
}

/** Same toneless pinyin (pinyin.ts: every reading of a polyphone). */
export const SOUND: CharSource = { kind: 'sound', alike: homophones };

export interface WordSlipOptions {
  /** Least gain (ln probability of the local segmentation) per kind. */
  minGain: Record<SlipKind, number>;
  /** Least ln frequency of the alternative word in the lexicon. */
  minAltLogFreq: number;
  /** Corpus occurrences of the draft's characters around k that vouch for them. */
  corpusVouch: number;
}

/** The fitted thresholds (bench/review.ts writes wordSlipModel.json). */
export const WORD_SLIP_DEFAULTS: WordSlipOptions = {
  minGain: { sound: model.minGain.sound, shape: model.minGain.shape },
  minAltLogFreq: model.minAltLogFreq,
  corpusVouch: model.corpusVouch,
};

export interface WordSlip {
  /** The draft's word the slip is in, [start, end). */
  start: number;
  end: number;
  /** Offset of the suspect character and the alternative. */
  at: number;
  replacement: string;
  /** The draft's word and the lexicon's. */
  phrase: string;
  variant: string;
  kind: SlipKind;
  /** Gain of the local segmentation with the alternative (ln probability). */
  gain: number;
  /** Reports of the corpus using the alternative word (0 without a corpus). */
  reports: number;
}

export interface WordSlipInput {
  lexicon: Lexicon;
  /** The corpus: vouches for the draft's wording, and counts the alternative's reports. */
  index?: PhraseIndex;
  /** Alternative sources (default: sound only). */
  sources?: readonly CharSource[];
  /** The workspace's own words: never suspect. */
  words?: readonly string[];
  options?: Partial<WordSlipOptions>;
}

/** Shortest and longest alternative word. */
const MIN_WORD = 2;
const MAX_WORD = 4;
/** Characters of context each side of k for the segmentation. */
const CONTEXT = 6;
/** Longest word the segmentation tries. */
const SEG_MAX = 6;
/** Alternatives must be at least this frequent to enter the wildcard table (ln 50). */
const TABLE_FLOOR = Math.log(50);
const HOLE = '\u0000';

interface Tables {
  /** A word with one character replaced by HOLE → the characters the lexicon has there. */
  wild: Map<string, string>;
}
const tables = new WeakMap<Lexicon, Tables>();

/** The wildcard table of a lexicon, built on first use (part of loading it). */
export function prepareLexicon(lex: Lexicon): void {
  if (tables.has(lex)) return;
  const wild = new Map<string, string>();
  const floor = Math.ceil(TABLE_FLOOR * 4);
  for (const [w, q] of lex.words) {
    if (q < floor || w.length < MIN_WORD || w.length > MAX_WORD) continue;
    for (let j = 0; j < w.length; j++) {
      const key = w.slice(0, j) + HOLE + w.slice(j + 1);
      wild.set(key, (wild.get(key) ?? '') + w[j]);
    }
  }
  tables.set(lex, { wild });
}

interface Candidate {
  k: number;
  s: number;
  e: number;
  c: string;
  kind: SlipKind;
  gain: number;
}

/** Suspected slips in `text` (prose: non-prose blanked), in document order, not overlapping. */
export function findWordSlips(text: string, input: WordSlipInput): WordSlip[] {
  const lex = input.lexicon;
  prepareLexicon(lex);
  const { wild } = tables.get(lex)!;
  const o: WordSlipOptions = { ...WORD_SLIP_DEFAULTS, ...input.options };
  const sources = input.sources ?? [SOUND];
  const isWord = (w: string) => lex.words.has(w);
  const mask = protectedMask(text, input.words, isWord);
  const unknown = -lex.logTotal; // a character the lexicon lacks: frequency 1
  const logp = (w: string): number | undefined => {
    const q = lex.words.get(w);
    if (q !== undefined) return q / 4 - lex.logTotal;
    return w.length === 1 ? unknown : undefined;
  };
  /** Most probable segmentation of `s` (ln probability). */
  const segment = (s: string): number => {
    const best = new Float64Array(s.length + 1).fill(-Infinity);
    best[0] = 0;
    for (let i = 1; i <= s.length; i++) {
      for (let j = Math.max(0, i - SEG_MAX); j < i; j++) {
        if (best[j] === -Infinity) continue;
        const p = logp(s.slice(j, i));
        if (p !== undefined && best[j] + p > best[i]) best[i] = best[j] + p;
      }
    }
    return best[s.length];
  };
  const index = input.index;
  const vouched = (k: number, rs: number, re: number): boolean => {
    if (!index || index.sa.length === 0) return false;
    const a = Math.max(rs, k - 1);
    const b = Math.min(re, k + 2);
    const s = b - a >= 3 ? text.slice(a, b) : text.slice(Math.max(rs, b - 3), Math.min(re, a + 3));
    return s.length >= 3 && countOccurrences(index, s) >= o.corpusVouch;
  };

  const found: Candidate[] = [];
  for (let rs = 0; rs < text.length; ) {
    if (!isHan(text.charCodeAt(rs))) {
      rs++;
      continue;
    }
    let re = rs;
    while (re < text.length && isHan(text.charCodeAt(re))) re++;
    for (let k = rs; k < re && re - rs >= MIN_WORD; k++) {
      if (mask[k]) continue;
      const d = text.charCodeAt(k);
      const a = Math.max(rs, k - CONTEXT);
      const b = Math.min(re, k + CONTEXT + 1);
      let base: number | undefined;
      let best: Candidate | undefined;
      let checkedVouch: boolean | undefined;
      for (let s = Math.max(rs, k - MAX_WORD + 1); s <= k; s++) {
        for (let e = Math.max(k + 1, s + MIN_WORD); e <= Math.min(re, s + MAX_WORD); e++) {
          const chars = wild.get(text.slice(s, k) + HOLE + text.slice(k + 1, e));
          if (!chars) continue;
          // The draft's own window is a word: two words confused need context evidence (confusions.ts).
          if (isWord(text.slice(s, e))) continue;
          for (const c of chars) {
            const cc = c.charCodeAt(0);
            if (cc === d) continue;
            const source = sources.find((x) => x.alike(d, cc));
            if (!source) continue;
            const variant = text.slice(s, k) + c + text.slice(k + 1, e);
            const altLog = lex.words.get(variant)! / 4;
            if (altLog < o.minAltLogFreq) continue;
            if (knownCover(lex, text, k, rs, re, altLog)) continue;
            if (checkedVouch === undefined) checkedVouch = vouched(k, rs, re);
            if (checkedVouch) break;
            base ??= segment(text.slice(a, b));
            const gain = segment(text.slice(a, k) + c + text.slice(k + 1, b)) - base;
            if (gain < o.minGain[source.kind]) continue;
            if (!best || gain > best.gain) best = { k, s, e, c, kind: source.kind, gain };
          }
          if (checkedVouch) break;
        }
        if (checkedVouch) break;
      }
      if (best) found.push(best);
    }
    rs = re;
  }
  // Overlapping suspects: the greater gain wins.
  found.sort((x, y) => y.gain - x.gain || x.s - y.s);
  const taken: Candidate[] = [];
  for (const f of found) if (!taken.some((t) => f.s < t.e && t.s < f.e)) taken.push(f);
  taken.sort((x, y) => x.s - y.s);
  return taken.map((t) => {
    const variant = text.slice(t.s, t.k) + t.c + text.slice(t.k + 1, t.e);
    return {
      start: t.s,
      end: t.e,
      at: t.k,
      replacement: t.c,
      phrase: text.slice(t.s, t.e),
      variant,
      kind: t.kind,
      gain: t.gain,
      reports: index ? corpusReports(index, variant) : 0,
    };
  });
}

/** A word of the draft (2+ characters, within the run) covering k at least as frequent as the alternative (ln frequency altLog). */
function knownCover(lex: Lexicon, text: string, k: number, rs: number, re: number, altLog: number): boolean {
  for (let s = Math.max(rs, k - MAX_WORD + 1); s <= k; s++) {
    for (let e = Math.max(k + 1, s + MIN_WORD); e <= Math.min(re, s + MAX_WORD); e++) {
      const q = lex.words.get(text.slice(s, e));
      if (q !== undefined && q / 4 >= altLog) return true;
    }
  }
  return false;
}

/** Reports of the corpus using `phrase`. */
function corpusReports(index: PhraseIndex, phrase: string): number {
  if (index.sa.length === 0) return 0;
  const [lo, hi] = findRange(index, index.sa, phrase);
  return hi > lo ? reportsOf(index, lo, hi).reports : 0;
}
