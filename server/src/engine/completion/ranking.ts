/**
 * Ranks continuations by the estimated chance that the writer goes on with them, and drops
 * near-duplicates.
 *
 * The chance is a logistic model over evidence features (FEATURE_NAMES): how likely the
 * corpus makes the phrase after the context (as a share of occurrences and of reports, the
 * longest matched context trusted most), how long a context matched, whether the draft itself
 * uses the phrase, how many words it saves, how it ends, whether it is one report's own
 * material (a single report, digits). The weights are data (model.json), fitted by
 * `npm run fit:completion` (bench/fitCompletion.ts) on leave-one-report-out typing of the
 * corpus, with the held-out calibration printed; nothing here is tuned by hand.
 */
import type { ContextLevel, Continuation, Level } from './continuations';
import fitted from './model.json';

/** A fitted logistic model: p = σ(bias + Σ weights[i]·(f[i] − mean[i]) / scale[i]). */
export interface CompletionModel {
  features: readonly string[];
  bias: number;
  weights: readonly number[];
  mean: readonly number[];
  scale: readonly number[];
  /** Least chance for ghost text that the fit recommends (the setting's default). */
  confidence: number;
}

/** How evidence of shorter contexts is discounted, and the share left for unseen continuations. */
const NOVELTY = 1;
const BACKOFF = 0.8;

export const FEATURE_NAMES = [
  'log corpus share (occurrences)',
  'log corpus share (reports)',
  'log words saved',
  'matched context / longest context',
  'log draft share',
  'ends at clause punctuation',
  'ends at a word boundary only',
  'log matched context length',
  'section kind matches',
  'log blended chance (occurrences)',
  'log blended chance (reports)',
  'log draft chance',
  'log draft context length',
  'ends after a closing quote or before 、',
  'log typed word length',
  'log reports using it',
  'one report only',
  'holds a digit',
  'log length',
  'context opens the line',
  'log context occurrences',
  'share at the longest context',
  'count / best count at that context',
  'log continuations at the longest context',
  'share at the longest context × log length',
  'log blended chance (occurrences) × no draft use',
  'log matched context in words',
  'log characters since the clause began',
] as const;

export const MODEL: CompletionModel = fitted as CompletionModel;
if (MODEL.features.length !== FEATURE_NAMES.length || MODEL.features.some((f, i) => f !== FEATURE_NAMES[i])) {
  throw new Error('completion model.json does not match FEATURE_NAMES: run npm run fit:completion');
}

/** Ideographs (and other letters of CJK blocks); CJK and full-width punctuation excluded. */
function isHanLike(c: number): boolean {
  return (c >= 0x3400 && c < 0xa000) || (c >= 0xd800 && c < 0xdc00) || (c >= 0xf900 && c < 0xfb00);
}

function isPunct(c: number): boolean {
  return (c >= 0x3000 && c < 0x3040) || (c >= 0xff00 && c < 0xff10) || (c >= 0xff1a && c < 0xff21) || (c >= 0x2010 && c < 0x2070) || (c < 0x80 && !/[A-Za-z0-9\s]/.test(String.fromCharCode(c)));
}

/**
 * Words in a phrase, estimated without a segmenter (this runs on every candidate):
 * Chinese words average under two characters; punctuation marks and runs of Latin letters
 * or digits count as one each.
 */
export function estimateWords(s: string): number {
  let words = 0;
  let han = 0;
  let inOther = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c < 0xe000) continue; // low surrogate: counted with its high half
    if (isHanLike(c)) {
      han++;
      inOther = false;
      continue;
    }
    if (han) words += Math.ceil(han / 1.7);
    han = 0;
    if (isPunct(c)) {
      words++;
      inOther = false;
    } else if (c === 32 || c === 9 || c === 0x3000) inOther = false;
    else if (!inOther) {
      words++;
      inOther = true;
    }
  }
  if (han) words += Math.ceil(han / 1.7);
  return words;
}

/** What a query knows beyond the candidates: the contexts matched. */
export interface QueryFacts {
  /** Longest context matched in the corpus (units). */
  longestK: number;
  /** Corpus and draft context lengths read, longest first. */
  levels: readonly ContextLevel[];
  draftLevels: readonly ContextLevel[];
  /** Section-kind mask of the cursor's section (0 = unknown). */
  sectionMask: number;
  /** Length of the word being typed (0 after punctuation). */
  typed: number;
  /** Context length that opens the line (line break + the whole line body). */
  lineStartK: number;
  /** Context lengths that start at a draft word, ascending (the words a context of length k covers: those ≤ k). */
  wordStarts: readonly number[];
  /** Characters typed since the clause began (the last clause mark or the line start). */
  clauseChars: number;
  /** Largest candidate count at each context length (filled by rankContinuations / withBestCounts). */
  bestCount?: Map<number, number>;
}

/** Records in `q` the largest candidate count at each context length (a feature is relative to it). */
export function withBestCounts(conts: readonly Continuation[], q: QueryFacts): QueryFacts {
  const best = new Map<number, number>();
  for (const c of conts) for (const l of c.levels) if (l.count > (best.get(l.k) ?? 0)) best.set(l.k, l.count);
  q.bestCount = best;
  return q;
}

/**
 * Probability that the writer goes on with `c`, blended over context lengths as in PPM:
 * each context keeps count/(n + types) for what followed it and passes the escape share
 * types/(n + types) on to the next shorter context. `by` picks occurrences or reports.
 */
export function blendedChance(c: Continuation, levels: readonly ContextLevel[], by: 'count' | 'reports'): number {
  let p = 0;
  let mass = 1;
  let li = 0;
  for (const ctx of levels) {
    while (li < c.levels.length && c.levels[li].k > ctx.k) li++;
    const l: Level | undefined = c.levels[li]?.k === ctx.k ? c.levels[li] : undefined;
    const n = by === 'count' ? ctx.contextCount : ctx.contextReports;
    const seen = l ? (by === 'count' ? l.count : l.reports) : 0;
    p += (mass * seen) / (n + ctx.types);
    mass *= ctx.types / (n + ctx.types);
  }
  return p;
}

const DIGIT = /[0-9０-９]/;

/** Feature vector of a continuation (see FEATURE_NAMES). */
export function features(c: Continuation, q: QueryFacts): number[] {
  let shareCount = 0;
  let shareReports = 0;
  let maxReports = 0;
  for (const l of c.levels) {
    const w = Math.pow(BACKOFF, q.longestK - l.k);
    shareCount = Math.max(shareCount, (w * l.count) / (l.contextCount + NOVELTY));
    shareReports = Math.max(shareReports, (w * l.reports) / (l.contextReports + NOVELTY));
    maxReports = Math.max(maxReports, l.reports);
  }
  let shareDraft = 0;
  for (const l of c.docLevels) shareDraft = Math.max(shareDraft, (Math.pow(BACKOFF, q.longestK - l.k) * l.count) / (l.contextCount + NOVELTY));
  const top = c.levels[0];
  const k0 = top?.k ?? 0;
  let draftChance = 0;
  if (c.docLevels.length) {
    const d = c.docLevels[0];
    const ctx = q.draftLevels.find((l) => l.k === d.k);
    draftChance = d.count / ((ctx?.contextCount ?? d.contextCount) + (ctx?.types ?? 1));
  }
  return [
    Math.log(shareCount + 1e-4),
    Math.log(shareReports + 1e-4),
    Math.log(Math.max(0.1, estimateWords(c.text) - 1)),
    q.longestK > 0 ? k0 / q.longestK : 0,
    Math.log(shareDraft + 1e-3),
    c.clauseEnd ? 1 : 0,
    c.wordEnd ? 1 : 0,
    Math.log(1 + k0),
    q.sectionMask && c.kinds & q.sectionMask ? 1 : 0,
    Math.log(blendedChance(c, q.levels, 'count') + 1e-5),
    Math.log(blendedChance(c, q.levels, 'reports') + 1e-5),
    Math.log(draftChance + 1e-3),
    Math.log(1 + (c.docLevels[0]?.k ?? 0)),
    !c.clauseEnd && !c.wordEnd ? 1 : 0,
    Math.log(1 + q.typed),
    Math.log(1 + maxReports),
    maxReports <= 1 && c.docLevels.length === 0 ? 1 : 0,
    DIGIT.test(c.text) ? 1 : 0,
    Math.log(c.text.length),
    k0 === q.lineStartK ? 1 : 0,
    Math.log(1 + (top?.contextCount ?? 0)),
    top ? top.count / Math.max(1, top.contextCount) : 0,
    top ? top.count / Math.max(1, q.bestCount?.get(top.k) ?? top.count) : 0,
    Math.log(q.levels.find((l) => l.k === k0)?.types ?? 1),
    (top ? top.count / Math.max(1, top.contextCount) : 0) * Math.log(c.text.length),
    c.docLevels.length ? 0 : Math.log(blendedChance(c, q.levels, 'count') + 1e-5),
    Math.log(1 + wordsWithin(q.wordStarts, k0)),
    Math.log(1 + q.clauseChars),
  ];
}

/** Words of the draft a context of length k covers. */
function wordsWithin(starts: readonly number[], k: number): number {
  let n = 0;
  while (n < starts.length && starts[n] <= k) n++;
  return n;
}

/** Words a writer can expect to save with a continuation of this chance. */
export function expectedWords(text: string, chance: number): number {
  return chance * Math.max(1, estimateWords(text));
}

/** The model's chance for a feature vector. */
export function chanceOf(f: readonly number[], m: CompletionModel = MODEL): number {
  let z = m.bias;
  for (let i = 0; i < f.length; i++) z += (m.weights[i] * (f[i] - m.mean[i])) / m.scale[i];
  return 1 / (1 + Math.exp(-z));
}

/** Estimated chance that the writer goes on with `c` after this query. */
export function scoreContinuation(c: Continuation, q: QueryFacts, m: CompletionModel = MODEL): number {
  return chanceOf(features(c, q), m);
}

/** Text with punctuation, quotes and spaces removed: phrases equal under this are near-duplicates. */
export function dedupeKey(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Same corpus evidence: one phrase always goes on as the other in the corpus. */
function sameEvidence(a: Continuation, b: Continuation): boolean {
  if (a.levels.length !== b.levels.length || a.docLevels.length !== b.docLevels.length) return false;
  for (let i = 0; i < a.levels.length; i++) {
    const x = a.levels[i];
    const y = b.levels[i];
    if (x.k !== y.k || x.count !== y.count || x.reports !== y.reports) return false;
  }
  return a.docLevels.every((d, i) => d.k === b.docLevels[i].k && d.count === b.docLevels[i].count);
}

/** Extensions shorter than this (in characters) with the same evidence are near-duplicates. */
const NEAR_EXTENSION = 8;

/**
 * Near-duplicates: equal but for punctuation, or one extending the other by a few
 * characters where the corpus never parts them (same evidence) — only the better-ranked of
 * those is worth a line.
 */
export function isNearDuplicate(a: Continuation, b: Continuation, keyA = dedupeKey(a.text), keyB = dedupeKey(b.text)): boolean {
  if (keyA === keyB) return true;
  const [short, long] = a.text.length < b.text.length ? [a, b] : [b, a];
  return long.text.length - short.text.length < NEAR_EXTENSION && long.text.startsWith(short.text) && sameEvidence(a, b);
}

/**
 * Scores (the chance, see scoreContinuation), sorts (by expected words saved; ties: longer
 * first) and drops near-duplicates, keeping at most `max`.
 */
export function rankContinuations(conts: Continuation[], max: number, q: QueryFacts, m: CompletionModel = MODEL): Continuation[] {
  withBestCounts(conts, q);
  // Best first by the words the writer can expect to save: the chance times the words it holds,
  // so a sure short word does not always bury a likely formulation (computed once a candidate).
  const gains = new Map<Continuation, number>();
  for (const c of conts) {
    c.score = scoreContinuation(c, q, m);
    gains.set(c, expectedWords(c.text, c.score));
  }
  const byGain = (a: Continuation, b: Continuation) => gains.get(b)! - gains.get(a)! || b.text.length - a.text.length;
  const sorted = conts.sort(byGain);
  const out: Continuation[] = [];
  const keys: string[] = [];
  for (const c of sorted) {
    const key = dedupeKey(c.text);
    if (!key) continue;
    const dup = out.findIndex((o, i) => isNearDuplicate(o, c, keys[i], key));
    if (dup >= 0) {
      // Where the corpus never parts them, the longer phrase takes the shorter one's place.
      const o = out[dup];
      if (c.text.length > o.text.length && c.text.startsWith(o.text) && sameEvidence(o, c)) (out[dup] = c), (keys[dup] = key);
      continue;
    }
    if (out.length >= max) break;
    out.push(c);
    keys.push(key);
  }
  // A longer phrase that took a shorter one's place has its own expected words.
  return out.sort(byGain);
}
