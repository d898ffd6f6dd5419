/**
 * Leave-one-report-out typing of the corpus, shared by the completion benchmark
 * (bench/completion.ts) and the model fit (bench/fitCompletion.ts).
 *
 * Each report is typed line by line with the phrase index built from all the other reports,
 * as a writer who has not seen it would type it. The writer moves a unit at a time (a word or
 * a punctuation mark, as Intl.Segmenter cuts them); at each point a channel may offer text:
 *
 * - automatic (ghost text): at most one continuation, shown without asking;
 * - on demand (the list): the top five items, read on every unit.
 *
 * An offer is *right* when it holds at least two characters of what really comes next (or all
 * of it, when less is left on the line): that is the precision of what appears. The writer
 * accepts an offer only when it is exactly what comes next and reaches at least the end of the
 * next unit (one unit spent instead of several), else types the next unit.
 * Saved = 1 − units spent / units of the text.
 */
import { completePhrases, ghostOf, type CompletePhrasesOptions, type PhraseCompletion } from '../server/src/engine/completion/complete';
import type { CompletionModel } from '../server/src/engine/completion/ranking';
import { buildPhraseIndex, LINE_BREAK, lineBody, rangeOf, type PhraseIndex } from '../server/src/engine/completion/corpusView';
import { parseDraft } from '../server/src/engine/lint/parseDraft';
import { nodePath } from '../server/src/engine/report/structure';
import { hasBit, offsetAfter } from '../server/src/engine/search/suffixArray';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { segmentWords } from '../server/src/engine/text/segment';
import type { CorpusReport, SectionKind } from '../server/src/engine/types';

export const TOP = 5;

/** One line of a report as the writer types it. */
export interface TypedLine {
  report: number;
  body: string;
  /** The draft so far: the report's earlier lines. */
  draft: string;
  kinds: SectionKind[];
  /** Ends of the units (words and marks) of the body, ascending. */
  unitEnds: number[];
}

/** The lines of a report, with what the server would know at each. */
export function typedLines(report: CorpusReport, r: number): TypedLine[] {
  const out: TypedLine[] = [];
  const typed: string[] = [];
  for (const raw of report.text.split('\n')) {
    const { body } = lineBody(raw.trimEnd());
    if (body) {
      const draft = typed.join('\n');
      const tree = parseDraft(draft + '\n' + body);
      const kinds = new Set<SectionKind>();
      for (const n of nodePath(tree, draft.length + 1)) for (const k of n.kinds) kinds.add(k);
      const unitEnds = segmentWords(body)
        .filter((s) => s.text.trim() !== '')
        .map((s) => s.end);
      out.push({ report: r, body, draft, kinds: [...kinds], unitEnds });
    }
    typed.push(raw);
  }
  return out;
}

/** The engine's options at a point of a line, as the server sets them (`model`: a model being fitted). */
export function optionsFor(line: TypedLine, model?: CompletionModel): CompletePhrasesOptions {
  return {
    maxItems: DEFAULT_SETTINGS.completion.maxItems,
    minPrefix: DEFAULT_SETTINGS.completion.minPrefix,
    draft: line.draft,
    sectionKinds: line.kinds,
    model,
  };
}

/** Leave-one-report-out: each report with the index of all the others. */
export function* leaveOneOut(reports: readonly CorpusReport[]): Generator<{ r: number; index: PhraseIndex; lines: TypedLine[] }> {
  for (let r = 0; r < reports.length; r++) {
    yield { r, index: buildPhraseIndex(reports.filter((_, i) => i !== r)), lines: typedLines(reports[r], r) };
  }
}

/** Continuations (text after the cursor) a channel offers at `pos` of a line; [] = nothing appears. */
export type Offer = (line: TypedLine, pos: number) => string[];

export interface ChannelResult {
  units: number;
  spent: number;
  /** Points where the writer was (after each unit, not at the line start). */
  points: number;
  /** Points where something appeared. */
  shown: number;
  /** Appearances holding at least two characters of what came next. */
  right: number;
  accepted: number;
}

export const emptyResult = (): ChannelResult => ({ units: 0, spent: 0, points: 0, shown: 0, right: 0, accepted: 0 });

/** Common prefix length of two strings. */
function common(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Whether an offer holds what comes next: two characters of it, or all that is left. */
export function isRight(offer: string, rest: string): boolean {
  return common(offer, rest) >= Math.min(2, rest.length) && offer.length > 0;
}

/** Types one line through a channel, adding to `into`. */
export function typeLine(line: TypedLine, offer: Offer, into: ChannelResult): void {
  const { body, unitEnds } = line;
  into.units += unitEnds.length;
  const nextEnd = (pos: number) => unitEnds.find((e) => e > pos) ?? body.length;
  let pos = 0;
  while (pos < body.length) {
    if (/\s/.test(body[pos])) {
      pos++;
      continue;
    }
    let best = -1;
    if (pos > 0) {
      into.points++;
      const offers = offer(line, pos);
      if (offers.length) {
        into.shown++;
        const rest = body.slice(pos);
        if (offers.some((o) => isRight(o, rest))) into.right++;
        for (const o of offers) if (o && rest.startsWith(o)) best = Math.max(best, pos + o.length);
      }
    }
    into.spent++;
    if (best >= nextEnd(pos)) {
      into.accepted++;
      pos = best;
    } else pos = nextEnd(pos);
  }
}

/** Completion at a point of a line, memoised per line (the channels visit the same points). */
export function completionAt(index: PhraseIndex, memo: Map<number, PhraseCompletion>, line: TypedLine, pos: number, model?: CompletionModel): PhraseCompletion {
  let c = memo.get(pos);
  if (!c) memo.set(pos, (c = completePhrases(index, line.body.slice(0, pos), optionsFor(line, model))));
  return c;
}

/** Types a line with ghost text at each confidence (one path each), sharing the completions. */
export function typeGhostLine(index: PhraseIndex, line: TypedLine, into: Map<number, ChannelResult>, model?: CompletionModel, memo = new Map<number, PhraseCompletion>()): void {
  for (const [confidence, result] of into) {
    typeLine(
      line,
      (l, pos) => {
        const c = completionAt(index, memo, l, pos, model);
        const g = ghostOf(c, confidence);
        return g ? [continuationOf(c, pos, g.insertText)] : [];
      },
      result,
    );
  }
}

/** The continuation after the cursor of an item (its insertText less the typed part). */
export function continuationOf(c: PhraseCompletion, pos: number, insertText: string): string {
  return insertText.slice(pos - c.replaceStart);
}

const CLAUSE_STOP = /[，。；：！？,;!?\n\uE000]/;

/** The naive baseline: the most frequent continuations (to clause punctuation) of the last two characters. */
export function baselineOffers(index: PhraseIndex, before: string, top: number): string[] {
  const ctx = (LINE_BREAK + before).slice(-2);
  const [lo, hi] = rangeOf(index, ctx);
  const counts = new Map<string, number>();
  for (let i = lo; i < hi; i++) {
    const s = offsetAfter(index.sa[i], ctx.length);
    let j = s;
    while (j < index.text.length && j - s < 40 && !CLAUSE_STOP.test(index.text[j]) && !hasBit(index.noise, j)) j++;
    if (j > s) counts.set(index.text.slice(s, j), (counts.get(index.text.slice(s, j)) ?? 0) + 1);
  }
  return [...counts.entries()]
    // Ties in text order would depend on how the index orders equal suffixes: break them by the text.
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, top)
    .map(([t]) => t);
}
