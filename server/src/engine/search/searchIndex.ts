import MiniSearch, { type SearchResult } from 'minisearch';
import type { CorpusReport } from '../types';
import { passageHeadings, passageSection, passageText, splitPassages, type Passage } from './passages';
import { runToEnd, type Steps } from '../slices';
import { indexTerm, isSingleHan, tokenizeChinese } from './tokenize';

/**
 * Full-text search over the corpus for “查找相似表述”: MiniSearch (BM25) over sentence
 * passages, tokenized as the rest of the engine segments text (plus Han bigrams, see
 * tokenize.ts). Each passage is indexed with the headings of its section as a second,
 * lighter field, so a query that names a topic also finds sentences under that heading.
 * Results are re-ranked so passages containing the query's words verbatim come first.
 */
export interface SearchIndex {
  readonly reports: readonly CorpusReport[];
  readonly passages: readonly Passage[];
  readonly mini: MiniSearch<IndexedPassage>;
  /** About how many passages have each term (text or heading), to query with the telling terms only. */
  readonly df: ReadonlyMap<string, number>;
}

/** One search result. */
export interface SearchHit {
  /** The passage (a sentence of a corpus report), as plain text: escape it before rendering Markdown. */
  text: string;
  /** Title of the report it comes from. */
  title: string;
  /** Heading of its section (` › `-joined path), '' outside any section. */
  section: string;
  /** File the report came from. */
  source: string;
  /** Relevance: higher is better (2 = whole query verbatim, +1 all words, + BM25 share). */
  score: number;
  /** Zero-based line of the passage in the report's cleaned text (CorpusReport.text). */
  line: number;
  /** CorpusReport.id of the report. */
  reportId: number;
}

export interface SearchOptions {
  /** Most results returned; default 20. */
  limit?: number;
}

interface IndexedPassage {
  id: number;
  text: string;
  heading: string;
}

const FIELD_BOOST = { text: 2, heading: 1 };

/**
 * Query options. A query of one Han character (廉) is searched as a prefix, so it finds the
 * words it begins (廉洁, 廉政); inside longer queries single characters stay whole (a prefix
 * 的 or 在 would match half the index). Typos are forgiven only in Latin words: a Han word
 * one edit away is another word.
 */
function searchOptions(tokens: readonly string[], prefixOnly: boolean) {
  return {
    boost: FIELD_BOOST,
    combineWith: 'OR' as const,
    tokenize: () => [...tokens],
    processTerm: indexTerm,
    prefix: prefixOnly,
    fuzzy: (term: string) => (/^[a-z]{5,}$/.test(term) ? 0.2 : false),
  };
}

/** Builds the search index of a corpus at once. */
export function buildSearchIndex(reports: readonly CorpusReport[]): SearchIndex {
  return runToEnd(searchIndexSteps(reports));
}

/** Passages indexed between yields of a sliced build. */
const ADD_CHUNK = 500;

/** The search-index build as resumable steps, for building in slices (see slices.ts). */
export function* searchIndexSteps(reports: readonly CorpusReport[]): Steps<SearchIndex> {
  const passages: Passage[] = [];
  splitPassages(reports, (p) => passages.push(p));
  // A section's heading is indexed with each of its sentences: tokenize it once.
  const headingTokens = new Map<string, string[]>();
  const df = new Map<string, number>();
  const mini = new MiniSearch<IndexedPassage>({
    fields: ['text', 'heading'],
    storeFields: [],
    tokenize: (text, field) => {
      if (field !== 'heading') {
        const tokens = tokenizeChinese(text);
        for (const t of new Set(tokens)) df.set(t, (df.get(t) ?? 0) + 1);
        return tokens;
      }
      let t = headingTokens.get(text);
      if (!t) headingTokens.set(text, (t = [...new Set(tokenizeChinese(text))]));
      // Counted too (a term in both fields of a passage counts twice: df only ranks terms).
      for (const term of t) df.set(term, (df.get(term) ?? 0) + 1);
      return t;
    },
    processTerm: indexTerm,
  });
  // Documents are made one at a time and dropped: the index keeps only terms and ids.
  yield;
  for (let id = 0; id < passages.length; id++) {
    mini.add({ id, text: passageText(reports, passages[id]), heading: passageHeadings(reports, passages[id]) });
    if (id % ADD_CHUNK === ADD_CHUNK - 1) yield;
  }
  return { reports, passages, mini, df };
}

/** Most terms a query is searched with. */
const MAX_QUERY_TERMS = 12;
/** A term in more than this share of passages is dropped from a query that has enough others. */
const COMMON_SHARE = 0.05;

/**
 * The terms worth searching for: those the corpus has, rarest first, at most
 * MAX_QUERY_TERMS, without very common ones (工作, 坚持) while three or more remain. A whole
 * paragraph sent as a query would otherwise match, and score, most of a large corpus; the
 * verbatim re-ranking still looks at the full query.
 */
function tellingTerms(index: SearchIndex, tokens: readonly string[]): string[] {
  const df = (t: string) => index.df.get(t) ?? 0;
  const known = [...new Set(tokens)].filter((t) => df(t) > 0 || /^[a-z]{5,}$/.test(t));
  known.sort((a, b) => df(a) - df(b));
  const kept = known.slice(0, MAX_QUERY_TERMS);
  const common = index.passages.length * COMMON_SHARE;
  while (kept.length > 3 && df(kept[kept.length - 1]) > common) kept.pop();
  return kept;
}

/** How many BM25 results are re-ranked by verbatim matching. */
const RERANK_POOL = 400;

/**
 * Searches the corpus. Passages containing the whole query verbatim rank first, then those
 * containing all of its words, then by BM25. A query with no words (or no match) gives [].
 * Identical sentences (compilations repeat reports) are returned once.
 */
export function searchCorpus(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = Math.max(1, Math.min(1000, Math.floor(opts.limit ?? 20)));
  const q = query.trim();
  const tokens = tokenizeChinese(q);
  if (tokens.length === 0) return [];
  const prefixOnly = tokens.length === 1 && isSingleHan(tokens[0]);
  const terms = prefixOnly ? tokens : tellingTerms(index, tokens);
  if (terms.length === 0) return [];
  const raw: SearchResult[] = index.mini.search(q, searchOptions(terms, prefixOnly));
  if (raw.length === 0) return [];
  const compact = q.replace(/\s+/g, '');
  const words = q.split(/[\s\p{P}\p{S}]+/u).filter((w) => w !== '');
  const top = raw[0].score;
  // Identical sentences (compilations repeat whole reports) count once, in their best place.
  const pool: Array<{ p: Passage; text: string; score: number }> = [];
  const seen = new Set<string>();
  const poolSize = Math.max(RERANK_POOL, limit * 4);
  for (const r of raw) {
    const p = index.passages[r.id as number];
    const text = passageText(index.reports, p);
    const key = text.replace(/\s+/g, '');
    if (seen.has(key)) continue;
    seen.add(key);
    const whole = text.includes(compact) ? 2 : 0;
    const share = words.length ? words.filter((w) => text.includes(w)).length / words.length : 0;
    pool.push({ p, text, score: whole + share + r.score / top });
    if (pool.length >= poolSize) break;
  }
  pool.sort((a, b) => b.score - a.score || a.p.report - b.p.report || a.p.start - b.p.start);

  return pool.slice(0, limit).map(({ p, text, score }) => {
    const report = index.reports[p.report];
    return {
      text,
      title: report.title,
      section: passageSection(index.reports, p),
      source: report.source,
      score: Math.round(score * 1000) / 1000,
      line: p.line,
      reportId: report.id,
    };
  });
}
