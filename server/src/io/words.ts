/**
 * The workspace's word list for review: words typo-suspect never calls slips (names, local
 * terms). Read from `.shuzhi/words.txt` in the workspace folder — one word a line, `#` starts a
 * comment — and the setting `shuzhi.review.words`. The file is re-read when it changes (its
 * modification time), so a word added by the quick fix 忽略此词 counts at the next check.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the word list lives, relative to the workspace folder. */
export const WORDS_FILE = join('.shuzhi', 'words.txt');

/** Words of a word list's text. */
export function parseWordList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const w = line.replace(/#.*$/, '').trim();
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

const cache = new Map<string, { mtime: number; size: number; words: string[] }>();

/** The words of `<folder>/.shuzhi/words.txt` (none when there is no such file or it cannot be read). */
export function readWordList(folder: string | undefined): string[] {
  if (!folder) return [];
  const path = join(folder, WORDS_FILE);
  try {
    const st = statSync(path);
    const hit = cache.get(path);
    if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.words;
    const words = st.size > 1 << 20 ? [] : parseWordList(readFileSync(path, 'utf8'));
    cache.set(path, { mtime: st.mtimeMs, size: st.size, words });
    return words;
  } catch {
    return [];
  }
}
