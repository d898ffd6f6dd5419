/**
 * Ranks continuations by corpus evidence and drops near-duplicates.
 *
 * The score is log-linear in a few evidence features: how likely the corpus makes the phrase
 * after the context (as a share of occurrences and of reports, the longest matched context
 * trusted most), how long a context matched, whether the draft itself uses the phrase, how
 * many words accepting it saves, and whether it ends at clause punctuation or merely at a
 * word boundary. The weights were fitted by maximising the keystrokes saved in the
 * leave-one-report-out benchmark (bench/completion.ts), on two halves of the bundled corpus
 * in turn: they hold on the half they were not fitted on.
 */
import type { ContextLevel, Continuation, Level } from './continuations';

export interface RankParams {
  /** Added to a context's count: the share of writers who continue differently. */
  novelty: number;
  /** Discount per character of context shorter than the longest match. */
  backoff: number;
  /** Feature weights, in the order of `FEATURE_NAMES`. */
  weights: readonly number[];
}

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
] as const;

export const DEFAULT_RANK_PARAMS: RankParams = {
  novelty: 1,
  backoff: 0.8,
  weights: [0.2, 0.2, 0.1, 1.1, 1.9, 0.4, -0.3, -0.7, 0.3, 1, -0.2, 0, -0.5, 0.7],
};

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

/** Feature vector of a continuation (see FEATURE_NAMES). */
export function features(c: Continuation, q: QueryFacts, p: RankParams): number[] {
  let shareCount = 0;
  let shareReports = 0;
  for (const l of c.levels) {
    const w = Math.pow(p.backoff, q.longestK - l.k);
    shareCount = Math.max(shareCount, (w * l.count) / (l.contextCount + p.novelty));
    shareReports = Math.max(shareReports, (w * l.reports) / (l.contextReports + p.novelty));
  }
  let shareDraft = 0;
  for (const l of c.docLevels) shareDraft = Math.max(shareDraft, (Math.pow(p.backoff, q.longestK - l.k) * l.count) / (l.contextCount + p.novelty));
  const k0 = c.levels[0]?.k ?? 0;
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
  ];
}

/** Log-score of a continuation: the weighted sum of its features. */
export function scoreContinuation(c: Continuation, q: QueryFacts, p: RankParams): number {
  const f = features(c, q, p);
  let s = 0;
  for (let i = 0; i < f.length; i++) s += (p.weights[i] ?? 0) * f[i];
  return s;
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
 * Scores, sorts (best first; ties: longer first) and drops near-duplicates, keeping at
 * most `max`.
 */
export function rankContinuations(conts: Continuation[], max: number, q: QueryFacts, p: RankParams = DEFAULT_RANK_PARAMS): Continuation[] {
  for (const c of conts) c.score = scoreContinuation(c, q, p);
  const sorted = conts.sort((a, b) => b.score - a.score || b.text.length - a.text.length);
  const out: Continuation[] = [];
  const keys: string[] = [];
  for (const c of sorted) {
    const key = dedupeKey(c.text);
    if (!key || out.some((o, i) => isNearDuplicate(o, c, keys[i], key))) continue;
    out.push(c);
    keys.push(key);
    if (out.length >= max) break;
  }
  return out;
}
