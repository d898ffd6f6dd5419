/**
 * Reading the general lexicon (dist/lexicon.txt, made by the build from jieba's dict.txt) for
 * the word check of typo-suspect. Loaded once, on first use; the engine gets the parsed table.
 * A missing or corrupt file is not an error for review: it keeps working on corpus evidence and
 * the caller says once, with `error`, that the general check is off.
 * `SHUZHI_LEXICON` names another file (tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLexicon, type Lexicon } from '../engine/review/lexicon';

export interface LexiconLoad {
  lexicon?: Lexicon;
  /** Why there is none: a sentence for the user. */
  error?: string;
  /** Time to read and parse it (ms). */
  ms: number;
  path: string;
}

/** Where the lexicon is: beside the bundle (dist/), or dist/ of the source tree (tests, bench). */
export function lexiconPath(): string {
  if (process.env.SHUZHI_LEXICON) return process.env.SHUZHI_LEXICON;
  const beside = join(__dirname, 'lexicon.txt');
  if (existsSync(beside)) return beside;
  const tree = join(__dirname, '..', '..', '..', 'dist', 'lexicon.txt');
  return existsSync(tree) ? tree : beside;
}

/** Reads and parses the lexicon at `path` (never throws). */
export function loadLexicon(path = lexiconPath()): LexiconLoad {
  const t = performance.now();
  try {
    const lexicon = parseLexicon(readFileSync(path, 'utf8'));
    return { lexicon, ms: performance.now() - t, path };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到词表文件' : (e as Error).message;
    return { error: `通用词典不可用（${why}：${path}），错别字检查只依据语料，常用词的错别字查不出。`, ms: performance.now() - t, path };
  }
}

let shared: LexiconLoad | undefined;

/** The lexicon, loaded on the first call. */
export function sharedLexicon(): LexiconLoad {
  shared ??= loadLexicon();
  return shared;
}
