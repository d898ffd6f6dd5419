// Build step (run by esbuild.mjs): derives the general lexicon review's word check reads,
// dist/lexicon.txt, from jieba's dict.txt as @node-rs/jieba ships it (a devDependency: only this
// file is used), and writes its licence notice beside it (dist/lexicon.LICENSE.txt).
//
// dict.txt: one `word frequency tag` a line, about 349,000 words. Kept: words of Han characters
// (basic block and extension A, so one UTF-16 unit each) of 1–8 characters. The table groups
// them by length and by frequency bucket q = round(4·ln f): one line `L q` + the words of that
// length and bucket written one after another with no separator (a word is L characters), so
// the file is the words themselves and is parsed by slicing. The first line carries the total
// frequency; a bucket written `Q*` holds proper nouns and abbreviations (never suggested). Measured options (README “Review”): this file 2.3 MB (0.9 MB in the .vsix zip),
// parsed into a Map in ~100 ms.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const MAX_LEN = 8;
/** jieba's part-of-speech tags of proper nouns and abbreviations. */
const PROPER = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j']);
const isHan = (c) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** The lexicon table from dict.txt's text (see the module comment). */
export function lexiconTable(dict) {
  const groups = new Map();
  let total = 0;
  const seen = new Set();
  for (const line of dict.split('\n')) {
    const [word, f, tag] = line.split(' ');
    const freq = Number(f);
    if (!word || !(freq > 0)) continue;
    total += freq;
    if (word.length > MAX_LEN || seen.has(word)) continue;
    let han = true;
    for (let i = 0; i < word.length && han; i++) han = isHan(word.charCodeAt(i));
    if (!han) continue;
    seen.add(word);
    // Proper nouns and abbreviations (names, places, organisations, 石化) are known words but never suggested: `*`.
    const key = `${word.length} ${Math.round(4 * Math.log(freq))}${PROPER.has(tag?.trim()) ? '*' : ''}`;
    const g = groups.get(key);
    if (g) g.push(word);
    else groups.set(key, [word]);
  }
  const lines = [`shuzhi-lexicon 1 ${total}`];
  for (const [key, words] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`${key} ${words.sort().join('')}`);
  return lines.join('\n') + '\n';
}

const NOTICE = `The general lexicon of Shuzhi's review (lexicon.txt) is derived from jieba's dictionary
(dict.txt, https://github.com/fxsjy/jieba), as distributed in the npm package @node-rs/jieba
(https://github.com/napi-rs/node-rs). Only words of Han characters and a rounded frequency are kept.
Both are released under the MIT License:

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
