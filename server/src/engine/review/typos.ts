/**
 * Every suspected typo of a draft, for rule typo-suspect: slips inside phrases the corpus uses
 * (slips.ts) first, then whole-word confusions its context settles (confusions.ts: 截止/截至 …),
 * then slips of ordinary words found with the general lexicon (wordSlips.ts) where neither found
 * one. Words of the workspace's word list are never suspect.
 */
import type { PhraseIndex } from '../search/phraseIndex';
import type { Lexicon } from './lexicon';
import { findConfusions } from './confusions';
import { CONFUSIONS } from './confusionData';
import { findSlips, type SlipSpan, type SlipSuspect } from './slips';
import { runToEnd, type Steps } from '../slices';
import { contextGain, wordSlipsSteps, type CharSource, type SlipKind, type WordSlipOptions } from './wordSlips';

/** A suspected typo (for a confusion, `at`/`replacement` name the first character that differs). */
export interface Typo extends SlipSpan {
  /** The replacement the fix makes (the whole word for a confusion). */
  fix: { start: number; end: number; newText: string };
  /** Where the evidence comes from: a corpus phrase, the general lexicon, or a confusion rule. */
  evidence: 'corpus' | 'lexicon' | 'confusion';
  /** For a confusion: why, and the usage note or standard that decides it. */
  reason?: string;
  source?: string;
  /** Corpus reports using the suggested wording. */
  reports: number;
  kind: SlipKind | 'word';
}

/**
 * Longest text the word check reads (about half a second on a busy machine): a pasted
 * compilation of millions of characters gets the corpus check and the confusion rules only.
 */
export const WORD_CHECK_MAX_CHARS = 100_000;

/**
 * A corpus slip is dropped when the general lexicon's segmentation around it loses by the
 * correction more than this (ln probability: the draft reads e⁴ ≈ 55 times likelier): the draft's
 * wording is ordinary language and the corpus phrase merely sounds alike (也是基层党 → 实: −4.5).
 * Corpus slips injected at random gain 2.4 or more (bench); a genre term the lexicon lacks can
 * lose a little (不忘出心 → 初心: −1.75).
 */
export const CORPUS_VETO = -4;

export interface TypoInput {
  index?: PhraseIndex;
  /** Confusion rules another rule reports (word-confusion: 截止/截至), by id. */
  skipConfusions?: readonly string[];
  /** The corpus check's slips when the caller ran it already (in slices: lint's steps). */
  corpusSlips?: readonly SlipSuspect[];
  /** The general lexicon; without it only the corpus check runs. */
  lexicon?: Lexicon;
  words?: readonly string[];
  sources?: readonly CharSource[];
  wordOptions?: Partial<WordSlipOptions>;
}

/** Suspected typos of `text` (prose: non-prose blanked), in document order, not overlapping. */
export function findTypos(text: string, input: TypoInput): Typo[] {
  return runToEnd(typosSteps(text, input));
}

/** findTypos as a sliced run: the word check yields between slices (engine/slices.ts). */
export function* typosSteps(text: string, input: TypoInput): Steps<Typo[]> {
  const words = input.words ?? [];
  const listed = (start: number, end: number) => words.some((w) => w && coveredBy(text, w, start, end));
  const out: Typo[] = [];
  if (input.index || input.corpusSlips) {
    for (const s of input.corpusSlips ?? findSlips(input.index!, text, {}, { lexicon: input.lexicon })) {
      if (listed(s.at, s.at + 1)) continue;
      // The general lexicon reads the draft far better than the corpus's wording: 也是基层党支部书记, not 也实基层党
      // (夯实基层党建). A moderate loss is no reason: the lexicon lacks many terms of the genre (初心: 不忘出心 loses 1.75).
      if (input.lexicon && contextGain(input.lexicon, text, s.at, s.replacement) < CORPUS_VETO) continue;
      out.push({ ...pick(s), evidence: 'corpus', reports: s.reports, kind: 'sound' });
    }
    yield;
  }
  const rules = input.skipConfusions?.length ? CONFUSIONS.filter((r) => !input.skipConfusions!.includes(r.id)) : CONFUSIONS;
  for (const c of findConfusions(text, { errorsOnly: true, rules })) {
    if (listed(c.start, c.end) || out.some((t) => c.start < t.end && t.start < c.end)) continue;
    const diff = [...c.found].findIndex((ch, i) => ch !== c.suggestion[i]);
    out.push({
      start: c.start,
      end: c.end,
      at: c.start + Math.max(0, diff),
      replacement: c.suggestion[Math.max(0, diff)] ?? c.suggestion,
      phrase: c.found,
      variant: c.suggestion,
      fix: { start: c.start, end: c.end, newText: c.suggestion },
      evidence: 'confusion',
      reason: c.reason,
      source: c.source,
      reports: 0,
      kind: 'word',
    });
  }
  yield;
  if (input.lexicon && text.length <= WORD_CHECK_MAX_CHARS) {
    const taken = out.slice();
    for (const w of yield* wordSlipsSteps(text, { lexicon: input.lexicon, index: input.index, words, sources: input.sources, options: input.wordOptions })) {
      if (taken.some((t) => w.start < t.end && t.start < w.end)) continue;
      out.push({ ...pick(w), evidence: 'lexicon', reports: w.reports, kind: w.kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function pick(s: SlipSpan) {
  return {
    start: s.start,
    end: s.end,
    at: s.at,
    replacement: s.replacement,
    phrase: s.phrase,
    variant: s.variant,
    fix: { start: s.at, end: s.at + 1, newText: s.replacement },
  };
}

/** An occurrence of `word` in text overlaps [start, end). */
function coveredBy(text: string, word: string, start: number, end: number): boolean {
  for (let i = text.indexOf(word, Math.max(0, start - word.length + 1)); i >= 0 && i < end; i = text.indexOf(word, i + 1)) {
    if (i + word.length > start) return true;
  }
  return false;
}
