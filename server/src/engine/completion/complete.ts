/**
 * Phrase completion: from the text before the cursor on its line to ranked phrases.
 * The language server and the benchmark both call `completePhrases`, so what is measured
 * is what users get.
 */
import type { SectionKind } from '../types';
import { segmentWords } from '../text/segment';
import { collectContinuations, openMarksOf, type Alignment, type CollectOptions, type Continuation, type DraftText } from './continuations';
import { draftText, exampleAt, kindMask, LINE_BREAK, lineBody, occurrencesOf, reportAt, type PhraseExample, type PhraseIndex } from './corpusView';
import { entryOffset } from '../search/suffixArray';
import { MODEL, rankContinuations, type CompletionModel, type QueryFacts } from './ranking';

export interface CompletePhrasesOptions {
  /** Most items returned. */
  maxItems: number;
  /** Characters of line text needed before the cursor before phrases are offered. */
  minPrefix: number;
  /** Section kinds of the section the cursor is in (from the draft's report tree). */
  sectionKinds?: readonly SectionKind[];
  /**
   * The rest of the draft (its other lines, joined by \n), searched as extra evidence:
   * writers reuse their own phrases. Or the whole document and the span of the cursor's line
   * (DraftAround), which is the same evidence without a new string of the draft per request.
   */
  draft?: string | DraftAround;
  /** Attach an example sentence to each item (the server does; the benchmark need not). */
  examples?: boolean;
  /** The fitted model (tests and fitting only; default: model.json). */
  model?: CompletionModel;
  /** Collection limits (tests and tuning only). */
  collect?: Partial<Omit<CollectOptions, 'openMarks'>>;
}

export interface PhraseItem {
  /** Replaces the line from `replaceStart` to the cursor. */
  insertText: string;
  label: string;
  /** Reports of the corpus that contain insertText (0: only the draft uses it). */
  reports: number;
  /** True when `reports` is a lower bound (a very frequent phrase, counted on a sample). */
  reportsAtLeast: boolean;
  /** Occurrences of insertText in the corpus. */
  count: number;
  example?: PhraseExample;
  /** Estimated chance that the writer goes on with this phrase (the fitted model). */
  chance: number;
  /** May appear without being asked (ghost text): see mayAppearBySelf. */
  general: boolean;
}

export interface PhraseCompletion {
  /** Offset within the line where the replaced (already typed) part starts. */
  replaceStart: number;
  items: PhraseItem[];
}

const DIGITS = /[0-9０-９]/;
const CLAUSE_MARKS = '，。；：！？,;:!?';

/** Where the clause being typed began: after the last clause mark, or the line start. */
function clauseStart(body: string): number {
  for (let i = body.length - 1; i >= 0; i--) if (CLAUSE_MARKS.includes(body[i])) return i + 1;
  return 0;
}
/** Shortest continuation shown by itself: one character saves nothing over typing it. */
export const GHOST_MIN_CHARS = 2;

/**
 * Whether a continuation may appear without being asked: at least GHOST_MIN_CHARS long, used
 * in more than one report (or earlier in the draft), and free of figures — one report's own
 * facts (numbers, names, its events) are offered on demand only.
 */
export function mayAppearBySelf(continuation: string, reports: number, inDraft: boolean): boolean {
  return continuation.length >= GHOST_MIN_CHARS && (reports >= 2 || inDraft) && !DIGITS.test(continuation);
}

/**
 * The ghost text for a completion: among the items that may appear by itself (see
 * mayAppearBySelf) and whose chance reaches `confidence`, the one that saves the most words
 * on expectation — the list's first such item; undefined when there is none.
 */
export function ghostOf(c: PhraseCompletion, confidence: number): PhraseItem | undefined {
  return c.items.find((it) => it.general && it.chance >= confidence);
}

const COLLECT: Omit<CollectOptions, 'openMarks'> = { maxContext: 24, maxRows: 64, maxLength: 40 };
const WORDLIKE_END = /[\p{Script=Han}\p{L}\p{N}]$/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * Start of the part of the clause the user is typing: the last word, extended over single
 * characters the segmenter split off (it cuts unknown compounds such as 四个 into 四|个).
 * Returns `body.length` after punctuation or space (nothing typed of the next phrase).
 */
export function typedPartStart(body: string): number {
  if (!WORDLIKE_END.test(body)) return body.length;
  const tailStart = Math.max(0, body.length - 16);
  const words = segmentWords(body.slice(tailStart));
  let i = words.length - 1;
  if (i < 0 || !words[i].isWord) return body.length;
  let start = words[i].start;
  while (i > 0 && words[i - 1].isWord && SINGLE_HAN.test(words[i - 1].text) && SINGLE_HAN.test(words[i].text) && body.length - (tailStart + words[i - 1].start) <= 4) {
    i--;
    start = words[i].start;
  }
  return tailStart + start;
}

/**
 * The context lengths that agree with the draft's words (see Alignment): those starting where
 * a word of the line starts (the segmenter's view of its last `maxContext` units; the line
 * start too) and covering the whole word being typed, which starts at `typedStart`.
 */
export function wordAlignment(body: string, typedStart: number, maxContext: number): Alignment {
  const typed = body.length - typedStart;
  const tailStart = Math.max(0, body.length - maxContext);
  const lengths = new Set<number>();
  for (const w of segmentWords(body.slice(tailStart))) {
    // The window's first segment may be the end of a longer word: not a word start.
    if (w.start === 0 && tailStart > 0) continue;
    const k = body.length - tailStart - w.start;
    if (k >= typed && k > 0) lengths.add(k);
  }
  // The whole line, opened by its line break (the index's line anchors).
  if (tailStart === 0) lengths.add(body.length + 1);
  return { lengths, typed };
}

/** Rows read to count the reports of a phrase; beyond this the count is a lower bound. */
const REPORT_COUNT_ROWS = 128;

/** Distinct reports of suffix-array entries. */
function reportsOf(index: PhraseIndex, entries: readonly number[]): number {
  const seen = new Set<number>();
  for (const e of entries) seen.add(reportAt(index, entryOffset(e)));
  seen.delete(-1);
  return seen.size;
}

/**
 * The last draft normalised, and normalised lines by text: while the user types on one line
 * the rest of the draft stays the same, and when the cursor moves only one line changes.
 */
let draftMemo: { raw: string; text: string } | undefined;
const lineMemo = new Map<string, string>();

function normalisedDraft(raw: string): string {
  if (draftMemo?.raw === raw) return draftMemo.text;
  if (lineMemo.size > 50_000) lineMemo.clear();
  let text = '';
  for (const line of raw.split('\n')) text += normalisedLine(line);
  draftMemo = { raw, text };
  return text;
}

function normalisedLine(line: string): string {
  let l = lineMemo.get(line);
  if (l === undefined) lineMemo.set(line, (l = draftText(line)));
  return l;
}

/**
 * Normalises the lines of a draft ahead of time (when it is opened), so the first completion
 * in a long document does not pay for reading all of it.
 */
export function prepareDraft(raw: string): void {
  if (lineMemo.size > 50_000) lineMemo.clear();
  for (const line of raw.split('\n')) normalisedLine(line);
}

/** A document and its cursor's line [lineStart, lineEnd) (lineEnd at its \n or the end): the rest is the draft. */
export interface DraftAround {
  text: string;
  lineStart: number;
  lineEnd: number;
}

/** The last document normalised line by line: each line's piece of `text` starts at `pieceStart[line]`. */
let documentMemo: { raw: string; text: string; rawStart: Int32Array; pieceStart: Int32Array } | undefined;

function normalisedDocument(raw: string): NonNullable<typeof documentMemo> {
  if (documentMemo?.raw === raw) return documentMemo;
  if (lineMemo.size > 50_000) lineMemo.clear();
  const lines = raw.split('\n');
  const rawStart = new Int32Array(lines.length);
  const pieceStart = new Int32Array(lines.length + 1);
  let text = '';
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    rawStart[i] = at;
    at += lines[i].length + 1;
    pieceStart[i] = text.length;
    text += normalisedLine(lines[i]);
  }
  pieceStart[lines.length] = text.length;
  documentMemo = { raw, text, rawStart, pieceStart };
  return documentMemo;
}

/**
 * The draft evidence of a request, as normalisedDraft(document without the cursor's line) +
 * LINE_BREAK + body would give it: '' when the document is that line alone; the normalised
 * document with the line's piece skipped (kept from one request to the next while the
 * document is unchanged) when the line lies between line feeds; else (a lone \r ends a line)
 * the joined string.
 */
function draftAround(d: DraftAround, body: string): string | DraftText {
  const { text, lineStart, lineEnd } = d;
  if (lineStart === 0 && lineEnd === text.length) return '';
  const fed = (lineStart === 0 || text.charCodeAt(lineStart - 1) === 10) && (lineEnd === text.length || text.charCodeAt(lineEnd) === 10);
  if (!fed) return normalisedDraft(text.slice(0, lineStart) + text.slice(lineEnd)) + LINE_BREAK + body;
  const doc = normalisedDocument(text);
  // The line starts right after a line feed: it is one of the document's \n-separated lines.
  const line = doc.rawStart.indexOf(lineStart);
  return { text: doc.text, skipFrom: doc.pieceStart[line], skipTo: doc.pieceStart[line + 1], tail: LINE_BREAK + body };
}

/** The unranked candidates of a query, with what the ranker needs to know about it. */
export interface PhraseQuery {
  /** Offset of the line body (after indentation and Markdown markers) in the line. */
  bodyOffset: number;
  /** Start of the typed part being completed, within the body. */
  typedStart: number;
  candidates: Continuation[];
  facts: QueryFacts;
}

/** Candidates for the cursor at the end of `lineBefore`, or undefined when none are wanted. */
export function phraseQuery(index: PhraseIndex, lineBefore: string, opts: CompletePhrasesOptions): PhraseQuery | undefined {
  const { body, offset } = lineBody(lineBefore);
  if (body.length < Math.max(1, opts.minPrefix) || opts.maxItems <= 0) return undefined;
  const limits = { ...COLLECT, ...opts.collect };
  const context = LINE_BREAK + body.slice(Math.max(0, body.length - limits.maxContext));
  const draft = typeof opts.draft === 'object' ? draftAround(opts.draft, body) : opts.draft ? normalisedDraft(opts.draft) + LINE_BREAK + body : '';
  const typedStart = typedPartStart(body);
  const align = wordAlignment(body, typedStart, limits.maxContext);
  const { candidates, levels, draftLevels } = collectContinuations(index, context, { ...limits, openMarks: openMarksOf(body), align }, draft);
  const facts: QueryFacts = {
    longestK: levels[0]?.k ?? 0,
    levels,
    draftLevels,
    sectionMask: opts.sectionKinds ? kindMask(opts.sectionKinds) : 0,
    typed: align.typed,
    lineStartK: body.length + 1,
    wordStarts: [...align.lengths].sort((a, b) => a - b),
    clauseChars: body.length - clauseStart(body),
  };
  return { bodyOffset: offset, typedStart, candidates, facts };
}

/**
 * Ranked phrases for the cursor at the end of `lineBefore` (the line's text up to the cursor).
 * Each item's insertText replaces lineBefore[replaceStart, end).
 */
export function completePhrases(index: PhraseIndex, lineBefore: string, opts: CompletePhrasesOptions): PhraseCompletion {
  const query = phraseQuery(index, lineBefore, opts);
  if (!query) return { replaceStart: lineBefore.length, items: [] };
  const { candidates: conts, facts } = query;
  const typed = lineBefore.slice(query.bodyOffset + query.typedStart);
  const ranked = rankContinuations(conts, opts.maxItems, facts, opts.model ?? MODEL);
  const items = ranked.map((c): PhraseItem => {
    const insertText = typed + c.text;
    const found = occurrencesOf(index, insertText, REPORT_COUNT_ROWS);
    const top = c.levels[0];
    const item: PhraseItem = {
      insertText,
      label: insertText,
      reports: found.count > 0 ? reportsOf(index, found.entries) : top?.reports ?? 0,
      reportsAtLeast: found.count > REPORT_COUNT_ROWS,
      count: found.count > 0 ? found.count : top?.count ?? 0,
      chance: c.score,
      general: false,
    };
    item.general = mayAppearBySelf(c.text, Math.max(0, ...c.levels.map((l) => l.reports)), c.docLevels.length > 0);
    if (opts.examples) {
      // Prefer the occurrence behind the longest matched context: it reads like the draft.
      if (top && c.pos >= 0 && top.k >= typed.length) item.example = exampleAt(index, c.pos - typed.length, insertText.length);
      else if (found.entries.length) item.example = exampleAt(index, entryOffset(found.entries[0]), insertText.length);
      else if (c.pos >= 0) item.example = exampleAt(index, c.pos, c.text.length);
    }
    return item;
  });
  return { replaceStart: query.bodyOffset + query.typedStart, items };
}
