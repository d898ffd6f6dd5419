/**
 * Per phrase index, memoised: the Han characters the corpus uses, grouped by fuzzy syllable
 * (pinyin.ts), so a draft character's sound-alikes in the corpus are one lookup away.
 */
import type { PhraseIndex } from '../search/phraseIndex';
import { runToEnd, type Steps } from '../slices';
import { addSoundGroups, isHan, soundKeys } from './pinyin';

interface SoundTable {
  groups: Map<string, number[]>;
  /** Sound-alikes of a character, memoised. */
  alikes: Map<number, readonly number[]>;
}

const tables = new WeakMap<PhraseIndex, SoundTable>();

function tableOf(index: PhraseIndex): SoundTable {
  if (!tables.has(index)) runToEnd(soundTableSteps(index));
  return tables.get(index)!;
}

/** Corpus characters read, and characters grouped, between two yields of soundTableSteps (each about a millisecond). */
const TEXT_CHUNK = 1 << 17;
const GROUP_CHUNK = 48;

/**
 * Builds the index's table in steps (engine/slices.ts), for the first check after a corpus is
 * ready: at 50 MB the corpus's 19 million characters are read once (about 60 ms) and its few
 * thousand characters' readings looked up (about 100 ms the first time), which in one go held
 * requests for as long. The same table as in one go; nothing to do once it is built.
 */
export function* soundTableSteps(index: PhraseIndex): Steps<void> {
  if (tables.has(index)) return;
  const seen = new Uint8Array(0x10000);
  const text = index.text;
  for (let i = 0; i < text.length; ) {
    for (const end = Math.min(text.length, i + TEXT_CHUNK); i < end; i++) seen[text.charCodeAt(i)] = 1;
    yield;
  }
  const chars: number[] = [];
  for (let c = 0; c < seen.length; c++) if (seen[c] && isHan(c)) chars.push(c);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < chars.length; i += GROUP_CHUNK) {
    addSoundGroups(groups, chars.slice(i, i + GROUP_CHUNK));
    yield;
  }
  // A one-go caller may have built it meanwhile: the first table stands.
  if (!tables.has(index)) tables.set(index, { groups, alikes: new Map() });
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
