import { keyAt, MAX_DEPTH, type KeyedText } from '../../server/src/engine/search/suffixArray';

/** The keys a suffix-array entry is ordered by: up to the first terminator, at most MAX_DEPTH. */
export function keysOf(t: KeyedText, entry: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < MAX_DEPTH; d++) {
    const c = keyAt(t, entry, d);
    if (c === 0) break;
    out.push(c);
  }
  return out;
}

/** Order of two key lists (a prefix first). */
export function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
