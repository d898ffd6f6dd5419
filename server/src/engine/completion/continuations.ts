/**
 * Reads the continuations that follow a context, cut at phrase boundaries.
 *
 * For each length k of context (the last k characters before the cursor, the line start
 * included), the suffix array gives the corpus rows whose suffix starts with that context;
 * the text after it on each row is a continuation. The draft itself is a second, small
 * source, searched directly: writers reuse their own phrases.
 *
 * Where a phrase may end is decided per row (rows.ts). Candidates from all rows go into one
 * small trie, and evidence is gathered per context length, so the ranker can weigh long,
 * rare matches against short, frequent ones.
 */
import { isWordBreak, kindsAt, type PhraseIndex, rangeOf, reportAt } from './corpusView';
import { hasBit, MAX_DEPTH, offsetAfter } from '../search/suffixArray';
import { CLAUSE, NATURAL, readRow, type Row, type Source } from './rows';
import { segmentWords } from '../text/segment';

/** Evidence for a continuation after one context length. */
export interface Level {
  /** Context length in UTF-16 units. */
  k: number;
  /** Occurrences (estimated when the context's rows were sampled). */
  count: number;
  /** Distinct reports it occurs in. */
  reports: number;
  /** Occurrences and distinct reports of the context itself. */
  contextCount: number;
  contextReports: number;
}

/** Evidence from the draft itself. */
export interface DocLevel {
  k: number;
  count: number;
  contextCount: number;
}

export interface Continuation {
  /** Text after the cursor. */
  text: string;
  /** Ends at clause punctuation or the line end. */
  clauseEnd: boolean;
  /** Ends only at a word boundary (not at punctuation, a quote or 、). */
  wordEnd: boolean;
  /** Corpus evidence per context length, longest context first (may be empty for draft-only phrases). */
  levels: Level[];
  /** Draft evidence per context length, longest first. */
  docLevels: DocLevel[];
  /** Index offset where the text starts after the longest corpus context, or -1. */
  pos: number;
  /** Section-kind mask of that occurrence. */
  kinds: number;
  /** Ranking score, filled in by the ranker. */
  score: number;
}

/** A context length read for a query, whether or not a candidate occurs after it. */
export interface ContextLevel {
  k: number;
  contextCount: number;
  contextReports: number;
  /** Distinct next characters after the context. */
  types: number;
}

export interface Collected {
  candidates: Continuation[];
  /** Corpus context lengths read, longest first. */
  levels: ContextLevel[];
  /** Draft context lengths read, longest first. */
  draftLevels: ContextLevel[];
}

export interface CollectOptions {
  /** Longest context tried, in units. */
  maxContext: number;
  /** Rows read per context length; larger ranges are sampled evenly. */
  maxRows: number;
  /** Longest continuation read, in units. */
  maxLength: number;
  /** Unclosed quotes/brackets in the user's line before the cursor (openers, innermost last). */
  openMarks: string;
  /**
   * Word alignment (see wordAlignment): the context lengths that start at a word boundary of
   * the draft, and the length of the word being typed. Without it every length is read.
   */
  align?: Alignment;
}

/**
 * What the draft's words say about which corpus occurrences are evidence. A context counts
 * only when it starts where a draft word starts and covers the whole word being typed
 * (`南部` is never read as its last character `部`); an occurrence counts only when the corpus
 * has word boundaries there too — at the context's start and where the typed word starts —
 * so a continuation that finishes a word finishes the same word in the corpus.
 */
export interface Alignment {
  /** Allowed context lengths (units, the leading line break of a line-start context included). */
  lengths: ReadonlySet<number>;
  /** Length of the word being typed (0 after punctuation or a space). */
  typed: number;
}


export { openMarksOf } from './rows';

interface LevelRows {
  k: number;
  size: number;
  /** Distinct first characters after the context: how freely writers go on from it. */
  types: number;
  step: number;
  rows: Row[];
  /** Report of each row (corpus) or -1 (draft). */
  reports: number[];
  contextReports: number;
}

/** Corpus rows of each matched context length, longest context first. */
function corpusLevels(index: PhraseIndex, context: string, opts: CollectOptions): LevelRows[] {
  const src: Source = { text: index.text, wordBreaks: () => (i) => isWordBreak(index, i), isNoise: (i) => hasBit(index.noise, i) };
  // Lookups are exact up to MAX_DEPTH keys (a leading line break is one).
  const maxK = Math.min(opts.maxContext, MAX_DEPTH, context.length);
  const ranges: Array<[number, number]> = [];
  for (let k = 1; k <= maxK; k++) {
    const r = rangeOf(index, context.slice(context.length - k));
    if (r[0] === r[1]) break;
    ranges.push(r);
  }
  const align = opts.align;
  // A corpus occurrence is evidence only where its words agree with the draft's (Alignment).
  const aligned = (e: number, k: number, q: number): boolean =>
    !align || ((e < 0 || isWordBreak(index, q - k)) && (align.typed === 0 || align.typed >= k || isWordBreak(index, q - align.typed)));
  const levels: LevelRows[] = [];
  // A corpus position read for a longer context is the same row for a shorter one.
  const cache = new Map<number, Row | undefined>();
  let prevSize = -1;
  let readRows = 0;
  for (let k = ranges.length; k >= 1; k--) {
    if (align && !align.lengths.has(k)) continue;
    const [lo, hi] = ranges[k - 1];
    const rangeSize = hi - lo;
    // A shorter context with exactly the same rows adds no evidence.
    if (rangeSize === prevSize) continue;
    prevSize = rangeSize;
    // Longer contexts read up to maxRows each; once a query has read ROW_BUDGET rows, shorter
    // (more generic, larger) contexts are sampled more thinly, down to MIN_ROWS.
    const want = Math.max(MIN_ROWS, Math.min(opts.maxRows, ROW_BUDGET - readRows));
    const step = rangeSize > want ? rangeSize / want : 1;
    const rows: Row[] = [];
    const reports: number[] = [];
    const seen = new Set<number>();
    let sampled = 0;
    let agree = 0;
    for (let x = lo; x < hi; x += step) {
      const e = index.sa[Math.floor(x)];
      const q = offsetAfter(e, k);
      sampled++;
      if (!aligned(e, k, q)) continue;
      agree++;
      const report = reportAt(index, q);
      seen.add(report);
      let row = cache.get(q);
      if (row === undefined && !cache.has(q)) cache.set(q, (row = readRow(src, q, opts)));
      if (row) {
        rows.push(row);
        reports.push(report);
      }
    }
    readRows += sampled;
    if (agree === 0) continue;
    // Occurrences that agree with the draft's words, estimated from the sample when sampled.
    const size = step === 1 ? agree : Math.max(agree, Math.round((agree * rangeSize) / sampled));
    const firsts = new Set<number>();
    for (const row of rows) firsts.add(row.text.charCodeAt(0));
    levels.push({ k, size, step: size / Math.max(1, agree), rows, reports, contextReports: seen.size, types: Math.max(1, Math.round(firsts.size * step)) });
  }
  return levels;
}

/** Corpus rows a query reads at full rate (see corpusLevels); beyond it each shorter context gets MIN_ROWS. */
const ROW_BUDGET = 256;
const MIN_ROWS = 24;

/**
 * The draft as one text without building it: `text` without [skipFrom, skipTo), then `tail`
 * (the draft of a completion request is the document's text normalised, without the cursor's
 * line, then that line's text before the cursor — a new string of the whole draft for every
 * request otherwise). Each part starts at a line break, so no context match and no row crosses
 * from one part into the next: the parts are searched where they lie.
 */
export interface DraftText {
  text: string;
  skipFrom: number;
  skipTo: number;
  tail: string;
}

function wordSource(text: string): Source {
  return {
    text,
    wordBreaks(from, to) {
      const set = new Set<number>();
      for (const w of segmentWords(text.slice(from, to))) set.add(from + w.start);
      return (i) => set.has(i);
    },
  };
}

/** Draft rows of each context length found in `draft`, longest first (at most DRAFT_ROWS per length). */
function draftLevels(draft: string | DraftText, context: string, opts: CollectOptions): LevelRows[] {
  const { text, skipFrom, skipTo, tail } = typeof draft === 'string' ? { text: draft, skipFrom: draft.length, skipTo: draft.length, tail: '' } : draft;
  // Offsets are of the joined draft: text before skipFrom, text from skipTo on, then tail from `base`.
  const gap = skipTo - skipFrom;
  const base = text.length - gap;
  const length = base + tail.length;
  const charAt = (v: number) => (v < skipFrom ? text.charCodeAt(v) : v < base ? text.charCodeAt(v + gap) : tail.charCodeAt(v - base));
  const main = wordSource(text);
  const end = wordSource(tail);
  const rowAt = (v: number): Row | undefined => {
    const row = v < skipFrom ? readRow(main, v, opts) : v < base ? readRow(main, v + gap, opts) : readRow(end, v - base, opts);
    if (row) row.pos = v;
    return row;
  };
  // Continuation starts after each context length, found in one scan: the places the last
  // k+1 characters match are among those where the last k do.
  const maxK = Math.min(opts.maxContext, context.length);
  if (maxK < 2) return [];
  const byK: number[][] = [];
  let starts: number[] = [];
  const last2 = context.slice(context.length - 2);
  for (let at = text.indexOf(last2); at >= 0; at = text.indexOf(last2, at + 1)) {
    if (at >= skipFrom && at < skipTo) continue;
    const v = at < skipFrom ? at : at - gap;
    if (v + 2 < length) starts.push(v + 2);
  }
  for (let at = tail.indexOf(last2); at >= 0; at = tail.indexOf(last2, at + 1)) if (base + at + 2 < length) starts.push(base + at + 2);
  for (let k = 2; k <= maxK && starts.length; k++) {
    byK[k] = starts;
    const want = context.charCodeAt(context.length - k - 1);
    starts = starts.filter((q) => q - k - 1 >= 0 && charAt(q - k - 1) === want);
  }
  const levels: LevelRows[] = [];
  let prevSize = -1;
  for (let k = byK.length - 1; k >= 2; k--) {
    const found = byK[k];
    if (!found || found.length === prevSize || (opts.align && !opts.align.lengths.has(k))) continue;
    prevSize = found.length;
    const rows: Row[] = [];
    for (const q of found) {
      // Draft rows are segmented on the fly: a few are enough evidence.
      if (rows.length >= DRAFT_ROWS) break;
      const row = rowAt(q);
      if (row) rows.push(row);
    }
    levels.push({ k, size: found.length, step: 1, rows, reports: rows.map(() => -1), contextReports: 1, types: new Set(rows.map((r) => r.text[0])).size || 1 });
    // Short contexts in one's own draft say little; stop once there is some evidence.
    if (found.length >= 8) break;
  }
  return levels;
}

/** Rows read per context length from the draft. */
const DRAFT_ROWS = 16;

/** A node of the per-query trie of candidate phrases. */
interface TrieNode {
  /** The first child and its character; further children in `more` (most nodes have one child). */
  firstChar: number;
  first?: TrieNode;
  more?: Map<number, TrieNode>;
  cand?: Continuation;
  count: number;
  /** Reports seen (created with the candidate: only candidate nodes are counted). */
  reps?: Set<number>;
  touched: boolean;
}

const newNode = (): TrieNode => ({ firstChar: -1, count: 0, touched: false });

function childOf(node: TrieNode, c: number): TrieNode | undefined {
  return node.firstChar === c ? node.first : node.more?.get(c);
}

function addChild(node: TrieNode, c: number): TrieNode {
  const child = newNode();
  if (!node.first) {
    node.firstChar = c;
    node.first = child;
  } else (node.more ??= new Map()).set(c, child);
  return child;
}

/** Adds every end of a row to the trie, creating candidates. */
function insertRow(root: TrieNode, row: Row, out: Continuation[], kinds: number): void {
  let node = root;
  let d = 0;
  for (let x = 0; x < row.ends.length; x++) {
    const e = row.ends[x];
    const flag = row.flags[x];
    for (; d < e; d++) {
      const c = row.text.charCodeAt(d);
      const child = childOf(node, c) ?? addChild(node, c);
      node = child;
    }
    if (!node.cand) {
      node.cand = {
        text: row.text.slice(0, e),
        clauseEnd: (flag & CLAUSE) !== 0,
        wordEnd: (flag & NATURAL) === 0,
        levels: [],
        docLevels: [],
        pos: -1,
        kinds,
        score: 0,
      };
      out.push(node.cand);
    } else {
      if (flag & NATURAL) node.cand.wordEnd = false;
      if (flag & CLAUSE) node.cand.clauseEnd = true;
    }
  }
}

/** Walks the rows of a level through the trie, counting each candidate they pass. */
function countLevel(root: TrieNode, level: LevelRows): TrieNode[] {
  const touched: TrieNode[] = [];
  level.rows.forEach((row, r) => {
    let node: TrieNode | undefined = root;
    for (let d = 0; node && d < row.text.length; d++) {
      node = childOf(node, row.text.charCodeAt(d));
      if (!node?.cand) continue;
      if (!node.touched) {
        node.touched = true;
        node.count = 0;
        node.reps?.clear();
        touched.push(node);
      }
      node.count += level.step;
      (node.reps ??= new Set()).add(level.reports[r]);
      if (node.cand.pos < 0 && level.reports[r] >= 0) node.cand.pos = row.pos;
    }
  });
  for (const node of touched) node.touched = false;
  return touched;
}

/**
 * Collects the continuations after every matched length of `context` (the user's text
 * before the cursor, preceded by LINE_BREAK when it starts the line), from the corpus and,
 * when given, from the rest of the draft (`draft`, lines joined by LINE_BREAK). Every candidate
 * is counted at every context length whose rows support it, whichever length proposed it.
 */
export function collectContinuations(index: PhraseIndex, context: string, opts: CollectOptions, draft: string | DraftText = ''): Collected {
  const levels = corpusLevels(index, context, opts);
  const docLevels = draft ? draftLevels(draft, context, opts) : [];
  const root = newNode();
  const out: Continuation[] = [];
  const seenRows = new Set<number>();
  for (const level of levels) {
    level.rows.forEach((row, r) => {
      if (seenRows.has(row.pos)) return;
      seenRows.add(row.pos);
      insertRow(root, row, out, level.reports[r] >= 0 ? kindsAt(index, row.pos) : 0);
    });
  }
  for (const level of docLevels) for (const row of level.rows) insertRow(root, row, out, 0);
  for (const level of levels) {
    for (const node of countLevel(root, level)) {
      node.cand!.levels.push({
        k: level.k,
        count: node.count,
        // Sampled ranges give report counts of the sample: their ratio is what matters.
        reports: node.reps?.size ?? 0,
        contextCount: level.size,
        contextReports: level.contextReports,
      });
    }
  }
  for (const level of docLevels) {
    for (const node of countLevel(root, level)) node.cand!.docLevels.push({ k: level.k, count: node.count, contextCount: level.size });
  }
  return {
    candidates: out.filter((c) => c.levels.length > 0 || c.docLevels.length > 0),
    levels: levels.map((l) => ({ k: l.k, contextCount: l.size, contextReports: l.contextReports, types: l.types })),
    draftLevels: docLevels.map((l) => ({ k: l.k, contextCount: l.size, contextReports: 1, types: l.types })),
  };
}
