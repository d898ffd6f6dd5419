/**
 * Which characters a pinyin input method confuses: two characters are *sound-alike* when a
 * reading of one and a reading of the other are the same syllable once tones are dropped
 * and the distinctions that IMEs' “fuzzy pinyin” settings merge are merged (z/zh, c/ch, s/sh,
 * n/l, an/ang, en/eng, in/ing, ian/iang, uan/uang). Readings come from pinyin-pro (every
 * reading of a polyphone), memoised per character. They are read with `polyphonic`, which looks
 * the character up in pinyin-pro's character table alone: `pinyin(ch, { multiple: true })` gives
 * the same readings (test/unit/pinyin.test.ts compares them) but first builds the library's
 * word-matching automaton, one block of 40–80 ms that held the server's first requests.
 */
import { polyphonic } from 'pinyin-pro';

/** Fuzzy syllable of a toneless pinyin syllable (see the module comment). */
export function fuzzySyllable(s: string): string {
  let x = s.toLowerCase().replace(/ü|v/g, 'u');
  x = x.replace(/^([zcs])h/, '$1').replace(/^n/, 'l');
  x = x.replace(/(a|e|i|ua|ia)ng$/, '$1n');
  return x;
}

const readingsCache = new Map<number, readonly string[]>();

/** Toneless readings of the character with code `c` (every reading of a polyphone; none for a non-Han character), memoised. */
export function tonelessReadings(c: number): readonly string[] {
  let r = readingsCache.get(c);
  if (!r) {
    // pinyin-pro gives the character itself for a reading when it knows none.
    const readings = isHan(c) ? (polyphonic(String.fromCharCode(c), { toneType: 'none', type: 'array' })[0] ?? []) : [];
    r = [...new Set(readings.filter((x) => /^[a-zü]+$/i.test(x)))];
    readingsCache.set(c, r);
  }
  return r;
}

const keysCache = new Map<number, readonly string[]>();

/** Fuzzy syllables of every reading of the character with code `c` (none for a non-Han character). */
export function soundKeys(c: number): readonly string[] {
  let keys = keysCache.get(c);
  if (keys) return keys;
  keys = [...new Set(tonelessReadings(c).map(fuzzySyllable))];
  keysCache.set(c, keys);
  return keys;
}

/** True when characters `a` and `b` (codes) can be typed with the same or a near pinyin. */
export function soundAlike(a: number, b: number): boolean {
  if (a === b) return true;
  const ka = soundKeys(a);
  if (!ka.length) return false;
  const kb = soundKeys(b);
  for (const k of ka) if (kb.includes(k)) return true;
  return false;
}

/** The runs of Han characters of `text`, as [start, end) offsets, in order. */
export function* hanRuns(text: string): Generator<[number, number]> {
  for (let rs = 0; rs < text.length; ) {
    if (!isHan(text.charCodeAt(rs))) {
      rs++;
      continue;
    }
    let re = rs;
    while (re < text.length && isHan(text.charCodeAt(re))) re++;
    yield [rs, re];
    rs = re;
  }
}

/** A CJK unified ideograph of the basic block or extension A. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * Groups of sound-alike characters among `chars`: for each fuzzy syllable, the characters
 * having a reading with it. Used to list the candidates a slip of one character could stand for.
 */
export function soundGroups(chars: Iterable<number>): Map<string, number[]> {
  return addSoundGroups(new Map<string, number[]>(), chars);
}

/** soundGroups into `groups`, adding `chars` after those already in it (a table built a few characters at a time). */
export function addSoundGroups(groups: Map<string, number[]>, chars: Iterable<number>): Map<string, number[]> {
  for (const c of chars) {
    for (const k of soundKeys(c)) {
      const g = groups.get(k);
      if (g) g.push(c);
      else groups.set(k, [c]);
    }
  }
  return groups;
}

/** True when `a` and `b` share a reading once tones are dropped (a true homophone, no fuzzy merging). */
export function homophones(a: number, b: number): boolean {
  if (!isHan(a) || !isHan(b)) return false;
  const rb = tonelessReadings(b);
  return tonelessReadings(a).some((r) => rb.includes(r));
}
