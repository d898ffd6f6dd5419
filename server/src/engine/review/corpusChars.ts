/**
 * Per phrase index, memoised: the Han characters the corpus uses, grouped by fuzzy syllable
 * (pinyin.ts), so a draft character's sound-alikes in the corpus are one lookup away.
 */
import type { PhraseIndex } from '../search/phraseIndex';
import { isHan, soundGroups, soundKeys } from './pinyin';

interface SoundTable {
  groups: Map<string, number[]>;
  /** Sound-alikes of a character, memoised. */
  alikes: Map<number, readonly number[]>;
}

const tables = new WeakMap<PhraseIndex, SoundTable>();

function tableOf(index: PhraseIndex): SoundTable {
  let t = tables.get(index);
  if (!t) {
    const seen = new Uint8Array(0x10000);
    const text = index.text;
    for (let i = 0; i < text.length; i++) seen[text.charCodeAt(i)] = 1;
    const chars: number[] = [];
    for (let c = 0; c < seen.length; c++) if (seen[c] && isHan(c)) chars.push(c);
    t = { groups: soundGroups(chars), alikes: new Map() };
    tables.set(index, t);
  }
  return t;
}

/** Characters of the corpus that sound like `c` (code), `c` itself left out. */
export function corpusSoundAlikes(index: PhraseIndex, c: number): readonly number[] {
  const t = tableOf(index);
  let list = t.alikes.get(c);
  if (!list) {
    const set = new Set<number>();
    for (const k of soundKeys(c)) for (const x of t.groups.get(k) ?? []) if (x !== c) set.add(x);
    list = [...set];
    t.alikes.set(c, list);
  }
  return list;
}
