// Build step (run by esbuild.mjs): derives the general lexicon review's word check reads,
// dist/lexicon.txt, from jieba's dict.txt as @node-rs/jieba ships it (a devDependency: only this
// file is used), and writes its licence notice beside it (dist/lexicon.LICENSE.txt).
//
// dict.txt: one `word frequency tag` a line, about 349,000 words. Kept: words of Han characters
// (basic block and extension A, so one UTF-16 unit each) of 1–8 characters. The table is made of
// sorted fixed-width lists, so loading it is reading a few long lines and a lookup is a binary
// search — no per-word parsing (a Map of the same words took 350–500 ms to fill and 30 MB):
//   W L <the words of length L, sorted, one after another>
//   Q L <one character per word of W L: 0x30 + round(4·ln f), + 0x80 for a proper noun or an
//        abbreviation (jieba's tags nr, nrt, nrfg, ns, nt, nz, j: known, never suggested)>
//   R L J <the words of length L that may be suggested (f ≥ 50; a proper one only where the corpus uses it), each with its
//        character J moved to the end, sorted: words equal but at J are neighbours>
//   S L J <the same for the rare words (5 ≤ f < 50: terms of the trade, 抓手, 排查), suggested only where the corpus uses
//        them; a separate list, so the common case searches the short one>
// The first line carries the total frequency.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const MAX_LEN = 8;
/** jieba's part-of-speech tags of proper nouns and abbreviations. */
const PROPER = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j']);
/** Suggestible words: 2–4 characters, frequency at least this. */
const SUGGEST_MIN = 50;
/** Rare words, suggestible where the corpus uses them: frequency at least this. */
const RARE_MIN = 5;
const isHan = (c) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The lexicon table from dict.txt's text (see the module comment). */
export function lexiconTable(dict) {
  const entries = new Map();
  let total = 0;
  for (const line of dict.split('\n')) {
    const [word, f, tag] = line.trim().split(' ');
    const freq = Number(f);
    if (!word || !(freq > 0)) continue;
    total += freq;
    if (word.length > MAX_LEN || entries.has(word)) continue;
    let han = true;
    for (let i = 0; i < word.length && han; i++) han = isHan(word.charCodeAt(i));
    if (han) entries.set(word, { freq, proper: PROPER.has(tag) });
  }
  const lines = [`shuzhi-lexicon 2 ${total}`];
  for (let len = 1; len <= MAX_LEN; len++) {
    const words = [...entries.keys()].filter((w) => w.length === len).sort(byCode);
    if (!words.length) continue;
    const q = words.map((w) => {
      const e = entries.get(w);
      return String.fromCharCode(0x30 + Math.max(0, Math.round(4 * Math.log(e.freq))) + (e.proper ? 0x80 : 0));
    });
    lines.push(`W ${len} ${words.join('')}`, `Q ${len} ${q.join('')}`);
    if (len < 2 || len > 4) continue;
    const suggest = words.filter((w) => entries.get(w).freq >= SUGGEST_MIN);
    const rare = words.filter((w) => entries.get(w).freq >= RARE_MIN && entries.get(w).freq < SUGGEST_MIN);
    for (const [mark, list] of [['R', suggest], ['S', rare]]) {
      for (let j = 0; j < len; j++) lines.push(`${mark} ${len} ${j} ${list.map((w) => w.slice(0, j) + w.slice(j + 1) + w[j]).sort(byCode).join('')}`);
    }
  }
  return lines.join('\n') + '\n';
}

const NOTICE = `The general lexicon of Shuzhi's review (lexicon.txt) is derived from jieba's dictionary
(dict.txt, https://github.com/fxsjy/jieba), as distributed in the npm package @node-rs/jieba
(https://github.com/napi-rs/node-rs). Only words of Han characters, a rounded frequency and a
proper-noun mark are kept. Both are released under the MIT License:

jieba — The MIT License (MIT), Copyright (c) 2013 Sun Junyi

@node-rs/jieba — its LICENSE file follows.

`;

/** Writes dist/lexicon.txt and its notice; returns the table's size in bytes. */
export function buildLexicon(outDir) {
  const pkg = dirname(require.resolve('@node-rs/jieba/package.json'));
  const table = lexiconTable(readFileSync(join(pkg, 'dict.txt'), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'lexicon.txt'), table);
  writeFileSync(join(outDir, 'lexicon.LICENSE.txt'), NOTICE + readFileSync(join(pkg, 'LICENSE'), 'utf8'));
  return Buffer.byteLength(table);
}
