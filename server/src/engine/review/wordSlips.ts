/**
 * Input-method slips anywhere in the draft (rule typo-suspect, with slips.ts for corpus phrases):
 * a character of the draft that, replaced by a sound-alike (same toneless pinyin, every reading
 * of a polyphone) or a shape-alike, makes a frequent word of the general lexicon that fits its
 * neighbours better than what the draft has — `工做` for `工作`, `人真` for `认真`.
 *
 * Candidates: for each character k of a run of Han characters and each window of 2–4 characters
 * around it, the lexicon's frequent words equal to the window but at k (Lexicon.fillers: a
 * binary search in a list sorted with k's character last); the character they have at k must be an alternative of
 * the draft's (CharSource: sound, shape — a source is one predicate, so more plug in).
 *
 * Decision, in context: the local text (k ± 6 characters within the run) is segmented into
 * words by the most probable path of lexicon unigrams, with and without the alternative; the
 * alternative is suspect evidence when the path gains at least `minGain[kind]` (ln probability)
 * and the alternative word is frequent (`minAltLogFreq`, or a rare word the corpus uses); `unsupported`
 * more when the corpus does not use the alternative word (at least `altSupport` times), only
 * `rareUnsupported` more when the corpus never uses the draft's character (`rareChar`: a character
 * foreign to the genre is evidence itself; then the lexicon's rare words are candidates too). Among
 * rivals the corpus's words rank `preferSupported` higher. Never suspect:
 * - the draft's own window is a lexicon word (a confusion of two words needs context evidence:
 *   confusions.ts), or a word of the draft covering k is at least as frequent as the
 *   alternative (a known word is never flagged for a rarer sound-alike);
 * - the draft's wording stands: the characters around k (k with a neighbour on each side), or the
 *   draft's word itself (a term of the trade the lexicon lacks: 师德, 提质), occur in the corpus at
 *   least `corpusVouch` times, or the draft uses the word twice or more;
 * - the alternative is a proper noun or an abbreviation (jieba's tags nr, ns, nt, nz, j) the
 *   corpus does not use (`altSupport` times), for a character the corpus uses; or it ends in a
 *   structural particle the draft reads as one (和睦的 → 目的) and the corpus does not use it;
 * - protected offsets (protect.ts: names, places and units, numbers, 《titles》, the word list) —
 *   checked again with the correction in place (guarded: a guard the correction takes away, a
 *   quote the correction makes ordinary words, does not hold);
 * - a window in a parallel construction (走深走实; not where the counterpart is a word: 交心谈心),
 *   in a four-character unit of a 、 list (四字格: 以学带干、以干促效; not where the correction reads as
 *   two words outside quotes: 结对帮扶), or starting with a classifier after a number (5名失联: not 名师).
 * Thresholds are data fitted by the bench (wordSlipModel.json, bench/review.ts).
 */
import type { PhraseIndex } from '../search/phraseIndex';
import { countOccurrences } from '../search/phraseIndex';
import { findRange } from '../search/suffixArray';
import { runToEnd, type Steps } from '../slices';
import type { Lexicon } from './lexicon';
import { hanRuns, homophones, isHan } from './pinyin';
import { GUARD, inTrigger, namesAndPlaces, protectedMaskSteps } from './protect';
import { shapeAlike } from './shapes';
import { reportsOf, type SlipSpan } from './slips';
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
/** Shape-alikes (shapes.ts: 形近字 from stroke orders and component structure). */
export const SHAPE: CharSource = { kind: 'shape', alike: (d, c) => shapeAlike(String.fromCharCode(d), String.fromCharCode(c)) };

const DEFAULT_SOURCES: readonly CharSource[] = [SOUND, SHAPE];
/** Slots of the memo of related characters (a power of two): 640 KB, allocated once per source list. */
export const RELATION_SLOTS = 1 << 17;

/**
 * Per source list, which source relates two characters, memoised in a fixed table: a server
 * reviews drafts for days and meets millions of pairs, so the memo is a direct-mapped cache (a
 * pair's slot by its hash; a newer pair takes the slot over) — bounded, and without the garbage
 * a growing or cleared Map leaves (tens of MB of RSS at a 50 MB corpus).
 */
export class RelationMemo {
  private readonly keys = new Int32Array(RELATION_SLOTS);
  /** 0: empty slot; 1: no source relates the pair; 2 + i: sources[i]. */
  private readonly vals = new Uint8Array(RELATION_SLOTS);
  filled = 0;
  /** Pairs looked up in the sources (not found in the memo): the costly case, a few per draft character on a first check. */
  misses = 0;
  constructor(private readonly sources: readonly CharSource[]) {}

  /** The source relating draft character d to c (undefined: none). */
  sourceOf(d: number, c: number): CharSource | undefined {
    const key = (d * 0x10000 + c) | 0;
    const slot = Math.imul(key, 0x9e3779b1) >>> (32 - 17);
    let v = this.vals[slot];
    if (v === 0 || this.keys[slot] !== key) {
      const i = this.sources.findIndex((x) => x.alike(d, c));
      this.misses++;
      if (this.vals[slot] === 0) this.filled++;
      v = i < 0 ? 1 : 2 + i;
      this.keys[slot] = key;
      this.vals[slot] = v;
    }
    return v === 1 ? undefined : this.sources[v - 2];
  }
}
const relations = new WeakMap<readonly CharSource[], RelationMemo>();

/** The memo of a source list, made on first use. */
function relationMemo(sources: readonly CharSource[] = DEFAULT_SOURCES): RelationMemo {
  let m = relations.get(sources);
  if (!m) relations.set(sources, (m = new RelationMemo(sources)));
  return m;
}

export interface WordSlipOptions {
  /** Least gain (ln probability of the local segmentation) per kind. */
  minGain: Record<SlipKind, number>;
  /** Least ln frequency of the alternative word in the lexicon. */
  minAltLogFreq: number;
  /** Corpus occurrences of the draft's characters around k that vouch for them. */
  corpusVouch: number;
  /** Gain needed beyond minGain when the corpus does not use the alternative word (fewer than `altSupport` occurrences). */
  unsupported: number;
  altSupport: number;
  /** … or a word this common in the lexicon (ln frequency) counts as supported without the corpus. */
  commonLogFreq: number;
  /**
   * The draft's character is foreign to the genre: the corpus uses it fewer than `rareChar` times.
   * Then `rareUnsupported` (not `unsupported`) is the extra gain an alternative the corpus does not use needs.
   */
  rareChar: number;
  rareUnsupported: number;
  /** Rank bonus (ln probability) of an alternative the corpus uses, among rival alternatives. */
  preferSupported: number;
}

/** The fitted thresholds (bench/review.ts writes wordSlipModel.json). */
export const WORD_SLIP_DEFAULTS: WordSlipOptions = {
  minGain: { sound: model.minGain.sound, shape: model.minGain.shape },
  minAltLogFreq: model.minAltLogFreq,
  corpusVouch: model.corpusVouch,
  unsupported: model.unsupported,
  altSupport: model.altSupport,
  commonLogFreq: model.commonLogFreq ?? 99,
  rareChar: model.rareChar ?? 0,
  rareUnsupported: model.rareUnsupported ?? model.unsupported,
  preferSupported: model.preferSupported ?? 0,
};

/** A slip of an ordinary word: [start, end) is the draft's word, `variant` the lexicon's. */
export interface WordSlip extends SlipSpan {
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
  /** Alternative sources (default: sound, then shape). */
  sources?: readonly CharSource[];
  /** The workspace's own words: never suspect. */
  words?: readonly string[];
  options?: Partial<WordSlipOptions>;
}

/** Least ln frequency of an alternative word the corpus uses (the table holds words of frequency 5 and more). */
const MIN_SUPPORTED_LOG_FREQ = Math.log(5);
/** Shortest and longest alternative word. */
const MIN_WORD = 2;
const MAX_WORD = 4;
/** Characters of context each side of k for the segmentation. */
const CONTEXT = 6;
/** Longest word the segmentation tries. */
const SEG_MAX = 6;
interface Candidate {
  k: number;
  s: number;
  e: number;
  c: string;
  kind: SlipKind;
  gain: number;
  /** gain, plus `preferSupported` when the corpus uses the alternative word. */
  rank: number;
}

/** Suspected slips in `text` (prose: non-prose blanked), in document order, not overlapping. */
export function findWordSlips(text: string, input: WordSlipInput): WordSlip[] {
  return runToEnd(wordSlipsSteps(text, input));
}

/**
 * Characters of the draft checked between two yields of wordSlipsSteps: on a first check (the
 * character relations not yet memoised) one character can cost a few hundred microseconds at
 * 50 MB (500 of them held requests for 20–120 ms); a yield costs about a tenth of a microsecond.
 */
export const WORD_SLICE_CHARS = 8;
/**
 * Longest stretch of the word check between two yields, in milliseconds: a character whose
 * alternatives are all looked up for the first time (sound and shape relations, corpus counts at
 * 50 MB) can alone cost several milliseconds, so the check also yields once this much time has
 * passed. The clock is read where the cost is: at each window that is no word, and between
 * alternatives only while their relations are being looked up (read at every alternative, the
 * clock had made a warm check of 20,000 characters about 30 % slower; so, about 10 %).
 */
export const WORD_STEP_MS = 0.5;

/** findWordSlips as a sliced run (engine/slices.ts): yields every WORD_SLICE_CHARS characters checked. */
export function* wordSlipsSteps(text: string, input: WordSlipInput): Steps<WordSlip[]> {
  const lex = memoised(input.lexicon);
  const o: WordSlipOptions = { ...WORD_SLIP_DEFAULTS, ...input.options };
  const sources = input.sources ?? DEFAULT_SOURCES;
  const memo = relationMemo(sources);
  const sourceOf = (d: number, c: number): CharSource | undefined => memo.sourceOf(d, c);
  const isWord = (w: string) => lex.q(w) !== undefined;
  const mask = yield* protectedMaskSteps(text, input.words, isWord);
  /** Bucket of the draft's text[s, s + len) for len 2…MAX_WORD (-1: not a word; -2: not looked up yet). */
  const qAt = new Int16Array(text.length * (MAX_WORD + 1)).fill(-2);
  const wordQ = (s: number, e: number): number => {
    const key = s * (MAX_WORD + 1) + (e - s);
    let v = qAt[key];
    if (v === -2) qAt[key] = v = lex.q(text.slice(s, e)) ?? -1;
    return v;
  };
  // The mask and the table are a pass over the whole draft each: a step of their own.
  yield;
  const segment = (s: string) => segmentScore(lex, s);
  const index = input.index;
  /**
   * The draft's wording stands: the characters around k (k with a neighbour each side, three at
   * least) occur in the corpus, or the draft's word [s, e) does (a term of the trade the lexicon
   * lacks: 师德, 提质), or the draft uses that word twice or more (deliberate).
   */
  const inCorpus = new Map<string, boolean>();
  const corpusHas = (s: string): boolean => {
    let v = inCorpus.get(s);
    if (v === undefined) {
      v = !!index && index.sa.length > 0 && countOccurrences(index, s) >= o.corpusVouch;
      inCorpus.set(s, v);
    }
    return v;
  };
  /** The corpus uses the alternative word (a word of the genre). */
  const corpusOn = !!index && index.sa.length > 0;
  const uses = new Map<string, boolean>();
  const supported = (w: string): boolean => {
    let v = uses.get(w);
    if (v === undefined) uses.set(w, (v = corpusOn && countOccurrences(index!, w) >= o.altSupport));
    return v;
  };
  /** The corpus uses the draft's character at k fewer than `rareChar` times (without a corpus: never rare). */
  const charCounts = new Map<number, number>();
  const rareInCorpus = (k: number): boolean => {
    if (!corpusOn) return false;
    const d = text.charCodeAt(k);
    let n = charCounts.get(d);
    if (n === undefined) charCounts.set(d, (n = countOccurrences(index, text[k])));
    return n < o.rareChar;
  };
  const vouched = (k: number, rs: number, re: number, s: number, e: number): boolean => {
    const a = Math.max(rs, k - 1);
    const b = Math.min(re, k + 2);
    const around = b - a >= 3 ? text.slice(a, b) : text.slice(Math.max(rs, b - 3), Math.min(re, a + 3));
    if (around.length >= 3 && corpusHas(around)) return true;
    const word = text.slice(s, e);
    if (corpusHas(word)) return true;
    const first = text.indexOf(word);
    return text.indexOf(word, first + 1) >= 0;
  };

  const found: Candidate[] = [];
  let untilYield = WORD_SLICE_CHARS;
  let yieldAt = performance.now() + WORD_STEP_MS;
  let seenMisses = memo.misses;
  for (const [rs, re] of hanRuns(text)) {
    for (let k = rs; k < re && re - rs >= MIN_WORD; k++) {
      if (--untilYield <= 0) {
        untilYield = WORD_SLICE_CHARS;
        yield;
        yieldAt = performance.now() + WORD_STEP_MS;
      }
      if (mask[k] & GUARD.FIRM) continue;
      const d = text.charCodeAt(k);
      const a = Math.max(rs, k - CONTEXT);
      const b = Math.min(re, k + CONTEXT + 1);
      let base: number | undefined;
      let best: Candidate | undefined;

      for (let s = Math.max(rs, k - MAX_WORD + 1); s <= k; s++) {
        for (let e = Math.max(k + 1, s + MIN_WORD); e <= Math.min(re, s + MAX_WORD); e++) {
          // The draft's own window is a word: two words confused need context evidence (confusions.ts).
          if (wordQ(s, e) >= 0) continue;
          // A window that is no word has its alternatives looked up: the clock is read here.
          if (performance.now() >= yieldAt) {
            yield;
            yieldAt = performance.now() + WORD_STEP_MS;
          }
          // Rare words (terms of the trade the lexicon holds as rare: 抓手, 排查) only where the draft's character is foreign to the genre.
          const chars = rareInCorpus(k) && corpusOn ? lex.fillers(text, s, e, k) + lex.fillers(text, s, e, k, true) : lex.fillers(text, s, e, k);
          let checked = false;
          for (let ci = 0; ci < chars.length; ci++) {
            const cc = chars.charCodeAt(ci);
            if (cc === d) continue;
            // Between alternatives only while their relations are being looked up (a first check): memoised, they cost nothing.
            if (memo.misses !== seenMisses && performance.now() >= yieldAt) {
              yield;
              yieldAt = performance.now() + WORD_STEP_MS;
            }
            seenMisses = memo.misses;
            const source = sourceOf(d, cc);
            if (!source) continue;
            // The window's own checks, once a candidate is there (most windows have none).
            if (!checked) {
              if (protectedIn(mask, s, e, GUARD.FIRM) || parallel(text, s, e, rs, re, isWord) || counted(text, s, rs)) break;
              checked = true;
            }
            const c = chars[ci];
            const variant = text.slice(s, k) + c + text.slice(k + 1, e);
            const altLog = lex.q(variant)! / 4;
            // A word rarer than minAltLogFreq only where the corpus uses it (a term of the trade: 抓手, 排查).
            if (altLog < o.minAltLogFreq && (altLog < MIN_SUPPORTED_LOG_FREQ || !supported(variant))) continue;
            if (knownCover(wordQ, k, rs, re, altLog)) continue;
            // A proper noun or an abbreviation (石化, 政协) only where the corpus uses it, or replacing a character foreign to the genre
            // (jieba tags common words too: 端正, 广度).
            if (lex.proper(variant) && !supported(variant) && !rareInCorpus(k)) continue;
            // The draft's structural particle stays a particle (和睦的, 急难愁盼的): a word ending in it (目的) only where the corpus uses it.
            if (PARTICLES.includes(text[e - 1]) && k !== e - 1 && !supported(variant)) continue;
            // A 四字格 of a 、 list is left to the corpus, unless the correction reads as ordinary words (结对帮扶, 撰写笔记)
            // outside quotation marks (a quoted slogan puns: “幸福社区、羚动万家”).
            if (listedFour(text, rs, re) && (inQuote(text, rs) || !plainWords(lex, text.slice(rs, k) + c + text.slice(k + 1, re)))) continue;
            if (vouched(k, rs, re, s, e)) break;
            base ??= segment(text.slice(a, b));
            const gain = segment(text.slice(a, k) + c + text.slice(k + 1, b)) - base;
            if (gain < o.minGain[source.kind]) continue;
            const extra = rareInCorpus(k) ? o.rareUnsupported : o.unsupported;
            if (gain < o.minGain[source.kind] + extra && altLog < o.commonLogFreq && !supported(variant)) continue;
            if (protectedIn(mask, s, e, GUARD.NAME_PLACE | GUARD.QUOTE) && guarded(lex, mask, text, rs, re, k, c, s, e)) continue;
            // Among rivals (several alternatives, overlapping windows), a word of the genre — one the corpus uses — comes first.
            // The same correction in another window keeps the first (longest) window and takes the better rank.
            const rank = gain + (supported(variant) ? o.preferSupported : 0);
            if (best?.c === c) best.rank = Math.max(best.rank, rank);
            else if (!best || rank > best.rank) best = { k, s, e, c, kind: source.kind, gain, rank };
          }
        }
      }
      if (best) found.push(best);
    }
  }
  // Overlapping suspects: the greater rank wins.
  found.sort((x, y) => y.rank - x.rank || x.s - y.s);
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

/** ln probability of a word (a character the lexicon lacks: frequency 1; a longer unknown string: undefined). */
function logp(lex: Lexicon, w: string): number | undefined {
  const q = lex.q(w);
  if (q !== undefined) return q / 4 - lex.logTotal;
  return w.length === 1 ? -lex.logTotal : undefined;
}

/** The most probable segmentation of `s` into lexicon words: best[i] its ln probability up to i, from[i] where its last word starts. */
function segmentDp(lex: Lexicon, s: string): { best: Float64Array; from: Int32Array } {
  const best = new Float64Array(s.length + 1).fill(-Infinity);
  const from = new Int32Array(s.length + 1);
  best[0] = 0;
  for (let i = 1; i <= s.length; i++) {
    for (let j = Math.max(0, i - SEG_MAX); j < i; j++) {
      if (best[j] === -Infinity) continue;
      const p = logp(lex, s.slice(j, i));
      if (p !== undefined && best[j] + p > best[i]) {
        best[i] = best[j] + p;
        from[i] = j;
      }
    }
  }
  return { best, from };
}

/**
 * Gain (ln probability) of the segmentation of the run around `at` (± CONTEXT characters) with c
 * at `at`: how much better the general lexicon reads the text with the alternative.
 */
export function contextGain(lex: Lexicon, text: string, at: number, c: string): number {
  let rs = at;
  let re = at + 1;
  while (rs > 0 && at - rs < CONTEXT && isHan(text.charCodeAt(rs - 1))) rs--;
  while (re < text.length && re - at <= CONTEXT && isHan(text.charCodeAt(re))) re++;
  return segmentScore(lex, text.slice(rs, at) + c + text.slice(at + 1, re)) - segmentScore(lex, text.slice(rs, re));
}

/** ln probability of the most probable segmentation of `s`. */
export function segmentScore(lex: Lexicon, s: string): number {
  return segmentDp(lex, s).best[s.length];
}

/** The words of the most probable segmentation of `s`, as [start, end) offsets. */
export function segmentWords(lex: Lexicon, s: string): Array<[number, number]> {
  const { from } = segmentDp(lex, s);
  const out: Array<[number, number]> = [];
  for (let i = s.length; i > 0; i = from[i]) out.push([from[i], i]);
  return out.reverse();
}

/** The lexicon with its lookups memoised for one draft (the segmentations look the same strings up again and again). */
function memoised(lex: Lexicon): Lexicon {
  const qs = new Map<string, number>();
  return {
    ...lex,
    logTotal: lex.logTotal,
    size: lex.size,
    q(w) {
      let v = qs.get(w);
      if (v === undefined) {
        v = lex.q(w) ?? -1;
        qs.set(w, v);
      }
      return v < 0 ? undefined : v;
    },
    proper: (w) => lex.proper(w),
    fillers: (text, start, end, at, rare) => lex.fillers(text, start, end, at, rare),
    entries: (len) => lex.entries(len),
  };
}

/** Some offset of [s, e) is protected by one of the `guards` (bits). */
function protectedIn(mask: Uint8Array, s: number, e: number, guards: number): boolean {
  for (let i = s; i < e; i++) if (mask[i] & guards) return true;
  return false;
}

/** Least length of a quote that can be ordinary words rather than a coinage. */
const MIN_PLAIN_QUOTE = 4;
/** Han characters around k the name and place guards look at (a suffix or title and the name before or after it). */
const GUARD_REACH = 10;

/**
 * The window [s, e) stays protected with c at k: a name or place guard still covers it in the
 * corrected text (a slip can break the word that made a place character no suffix: 格盖局,
 * 思斯路, 不署), or k is the title or suffix itself, or a quoted coinage of fewer than four
 * characters, or one that does not become ordinary words (“蜻停点水” → 蜻蜓点水 does; “白加黑” stays).
 */
export function guarded(lex: Lexicon, mask: Uint8Array, text: string, rs: number, re: number, k: number, c: string, s: number, e: number): boolean {
  if (protectedIn(mask, s, e, GUARD.QUOTE)) {
    if (!(mask[k] & GUARD.QUOTE)) return true;
    let qs = k;
    let qe = k + 1;
    while (qs > rs && mask[qs - 1] & GUARD.QUOTE) qs--;
    while (qe < re && mask[qe] & GUARD.QUOTE) qe++;
    // A short quote is a coinage, often a pun on the very word (“筑力” for 助力).
    if (qe - qs < MIN_PLAIN_QUOTE || !plainWords(lex, text.slice(qs, k) + c + text.slice(k + 1, qe))) return true;
  }
  if (protectedIn(mask, s, e, GUARD.NAME_PLACE)) {
    // The title or suffix itself is the character in question: 市 of 及市教育局 may begin a unit's name.
    if (inTrigger(text, k)) return true;
    const a = Math.max(rs, k - GUARD_REACH);
    const b = Math.min(re, k + GUARD_REACH + 1);
    const local = text.slice(a, k) + c + text.slice(k + 1, b);
    const m = new Uint8Array(local.length);
    namesAndPlaces(m, local, (w) => lex.q(w) !== undefined);
    if (protectedIn(m, s - a, e - a, GUARD.NAME_PLACE)) return true;
  }
  return false;
}

/** `unit` reads as ordinary words: it splits into words of the lexicon of two characters or more (结对帮扶; 三个重点). */
export function plainWords(lex: Lexicon, unit: string): boolean {
  const ok = new Uint8Array(unit.length + 1);
  ok[0] = 1;
  for (let i = 2; i <= unit.length; i++) {
    for (let j = Math.max(0, i - SEG_MAX); j <= i - 2 && !ok[i]; j++) if (ok[j] && lex.q(unit.slice(j, i)) !== undefined) ok[i] = 1;
  }
  return ok[unit.length] === 1;
}

/**
 * The window is part of a parallel construction — 走深走实, 常学常新、常悟常进, 自重、自警、自醒:
 * a character of it recurs two or three characters away (within the run or across
 * one 、). Coinages of that shape are the genre's habit; a slip in them is left to the corpus.
 * A recurrence whose counterpart of the window is an ordinary word is no coinage (交心谈心:
 * 谈心; 市委常委: 市委; 党中央、中央军委: 中央).
 */
export function parallel(text: string, s: number, e: number, rs: number, re: number, isWord: (w: string) => boolean): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    for (const dist of [-3, -2, 2, 3]) {
      const j = i + dist;
      if (j < s - 3 || j >= e + 3 || j < 0 || j >= text.length || (j >= s && j < e)) continue;
      const between = dist < 0 ? text.slice(j + 1, i) : text.slice(i + 1, j);
      const inRun = j >= rs && j < re;
      if (text.charCodeAt(j) !== c || !(inRun || /^[^、]*、[^、]*$/.test(between))) continue;
      const ps = j - (i - s);
      if (ps >= 0 && isWord(text.slice(ps, ps + e - s))) continue;
      return true;
    }
  }
  return false;
}

/**
 * A four-character unit of a list (以学带干、以干促效; 红耀丽院、强基育才): a run of exactly four
 * characters with 、 right before or after it. Such 四字格 compress a word into each character
 * (干 for 干部, 效 for 实效), so the lexicon's segmentation prefers any two-character word spanning
 * two of them; a slip in them is left to the corpus check.
 */
export function listedFour(text: string, rs: number, re: number): boolean {
  if (re - rs !== 4) return false;
  // 二、 before a heading is a numbering mark, not a list.
  const before = text[rs - 1] === '、' && !NUMERAL_HAN.includes(text[rs - 2] ?? '');
  return before || text[re] === '、';
}


/** Offset `at` is inside quotation marks opened on its line. */
export function inQuote(text: string, at: number): boolean {
  const line = text.lastIndexOf('\n', at) + 1;
  const open = text.lastIndexOf('“', at);
  return open >= line && text.lastIndexOf('”', at) < open;
}

/** Structural particles: 的, 地, 得. */
const PARTICLES = '的地得';

/** Classifiers a count stands before (三名, 5个, X项). */
const CLASSIFIERS = '名个位项次件家所条篇份批场户人例';
const NUMERAL_HAN = '〇零一二三四五六七八九十百千万亿两几数多';
/**
 * The window starts with a classifier right after a number (对5名失联党员, 三名失联): the
 * classifier belongs to the count, so it makes no word with the next character (名师).
 */
export function counted(text: string, s: number, rs: number): boolean {
  if (!CLASSIFIERS.includes(text[s] ?? '')) return false;
  const before = text[s - 1] ?? '';
  return s === rs ? /[0-9０-９Xx]/.test(before) : NUMERAL_HAN.includes(before);
}

/** A word of the draft (2+ characters, within the run) covering k at least as frequent as the alternative (ln frequency altLog). */
function knownCover(wordQ: (s: number, e: number) => number, k: number, rs: number, re: number, altLog: number): boolean {
  for (let s = Math.max(rs, k - MAX_WORD + 1); s <= k; s++) {
    for (let e = Math.max(k + 1, s + MIN_WORD); e <= Math.min(re, s + MAX_WORD); e++) {
      const q = wordQ(s, e);
      if (q >= 0 && q / 4 >= altLog) return true;
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
