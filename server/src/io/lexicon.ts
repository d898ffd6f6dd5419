/**
 * Reading the general lexicon (dist/lexicon.txt, made by the build from jieba's dict.txt) for
 * the word check of typo-suspect. Loaded once, on first use; the engine gets the parsed table.
 * A missing or corrupt file is not an error for review: it keeps working on corpus evidence and
 * the caller says once, with `error`, that the general check is off.
 * `SHUZHI_LEXICON` names another file (tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLexicon, parseLexiconLines, type Lexicon } from '../engine/review/lexicon';

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
    return failed(e, path, t);
  }
}

function failed(e: unknown, path: string, t: number): LexiconLoad {
  const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到词表文件' : (e as Error).message;
  return { error: `通用词典不可用（${why}：${path}），错别字检查只依据语料，常用词的错别字查不出。`, ms: performance.now() - t, path };
}

/** Bytes of the file read and decoded per turn of the event loop by readLexicon (under a millisecond of decoding). */
const CHUNK_BYTES = 64 * 1024;

/**
 * loadLexicon without holding the event loop: the file (6 MB) is read in chunks off the thread,
 * each chunk decoded and split into lines in its own turn, each line made one flat string when
 * its end is read (a few milliseconds at most; the whole text made flat at once took 14 ms), and
 * the lines parsed (a few ms). Read at once, the first check after a start waited 70–230 ms for
 * it. The same table and messages as loadLexicon; never rejects.
 */
export async function readLexicon(path = lexiconPath()): Promise<LexiconLoad> {
  const t = performance.now();
  try {
    const file = await open(path, 'r');
    // As readFileSync(path, 'utf8'): a byte-order mark stays in the text, bad bytes become U+FFFD.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    // As text.split('\n'): the pieces of the line being read, then the line.
    const lines: string[] = [];
    let parts: string[] = [];
    const take = (s: string) => {
      let from = 0;
      for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
        parts.push(s.slice(from, nl));
        lines.push(parts.join(''));
        parts = [];
        from = nl + 1;
      }
      if (from < s.length) parts.push(s.slice(from));
    };
    try {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const { bytesRead } = await file.read(buf, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        take(decoder.decode(buf.subarray(0, bytesRead), { stream: true }));
      }
      take(decoder.decode());
      lines.push(parts.join(''));
    } finally {
      await file.close();
    }
    return { lexicon: parseLexiconLines(lines), ms: performance.now() - t, path };
  } catch (e) {
    return failed(e, path, t);
  }
}

let shared: LexiconLoad | undefined;
let ahead: Promise<LexiconLoad> | undefined;

/** Starts reading the lexicon in the background (the server at start-up), so that its first use finds it parsed. */
export function readSharedLexiconAhead(): Promise<LexiconLoad> {
  ahead ??= readLexicon().then((l) => (shared ??= l));
  return ahead;
}

/** The lexicon: the one read ahead, else loaded at once on the first call (the CLI; a check before the read ended). */
export function sharedLexicon(): LexiconLoad {
  shared ??= loadLexicon();
  return shared;
}
