/**
 * Deterministic synthetic corpora for the scale benchmark and the start-up tests.
 *
 * Reports are stitched from the bundled corpus: a title of a bundled report with another
 * year, then runs of consecutive lines (headings with their paragraphs) taken from random
 * bundled reports, with figures changed. Files hold several reports each (as the
 * compilations found online do), are 100–500 KB, and one in five is GB18030-encoded.
 * The same size and seed always give the same bytes; corpora are cached under
 * `.cache/bench/` (gitignored).
 *
 *   node --import tsx bench/synth.ts 10        # writes .cache/bench/synth-10mb-s1/
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanText } from '../server/src/engine/corpus/clean';
import { splitReports } from '../server/src/engine/corpus/split';
import { encodeGb18030 } from '../test/helpers/gb18030';
import { prng } from '../test/helpers/prng';

export const REPO = path.resolve(__dirname, '..');
const MB = 1024 * 1024;


interface Source {
  titles: string[];
  /** Body lines of each bundled report (title line removed, blank lines dropped). */
  bodies: string[][];
}

let source: Source | undefined;

/** The bundled reports, cleaned and split, as raw material. */
function bundledSource(): Source {
  if (source) return source;
  const dir = path.join(REPO, 'corpus');
  const titles: string[] = [];
  const bodies: string[][] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const text = cleanText(fs.readFileSync(path.join(dir, name), 'utf8'));
    for (const r of splitReports(text)) {
      const lines = r.text.split('\n').slice(1).filter((l) => l.trim() !== '');
      if (lines.length < 5) continue;
      titles.push(r.title);
      bodies.push(lines);
    }
  }
  if (bodies.length === 0) throw new Error('the bundled corpus has no reports to synthesise from');
  source = { titles, bodies };
  return source;
}

/** One synthetic report of at least `minChars` characters. */
function synthReport(rand: () => number, minChars: number): string {
  const { titles, bodies } = bundledSource();
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const year = 2015 + Math.floor(rand() * 10);
  const title = pick(titles).replace(/(19|20)\d\d(?=年)/g, String(year));
  const lines = [title];
  let chars = title.length;
  while (chars < minChars) {
    const body = pick(bodies);
    const start = Math.floor(rand() * body.length);
    const run = 3 + Math.floor(rand() * 12);
    for (const line of body.slice(start, start + run)) {
      // Change figures so that repeated passages are not byte-identical.
      const l = line.replace(/\d+/g, (d) => (rand() < 0.5 ? d : String(Math.floor(rand() * 10 ** Math.min(d.length, 4)))));
      lines.push(l);
      chars += l.length + 1;
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * A pasted draft of at least `chars` characters: synthetic reports (as in the corpora)
 * one after another, as when a compilation is pasted into the editor. Same size and seed,
 * same text.
 */
export function synthesizeDraft(chars: number, seed = 1): string {
  const rand = prng(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    const r = synthReport(rand, 5000 + rand() * 25000);
    parts.push(r);
    n += r.length + 1;
  }
  return parts.join('\n');
}

/** GB18030 bytes of `text`; lines with characters the helper cannot encode are left out. */
function gbBytes(text: string): Uint8Array {
  try {
    return encodeGb18030(text);
  } catch {
    const parts: Uint8Array[] = [];
    for (const line of text.split('\n')) {
      try {
        parts.push(encodeGb18030(line + '\n'));
      } catch {
        /* left out */
      }
    }
    return Buffer.concat(parts);
  }
}

export interface SynthOptions {
  /** Total size on disk, in MB. */
  sizeMB: number;
  seed?: number;
  /** Folder to write; default `.cache/bench/synth-<size>mb-s<seed>/`. */
  dir?: string;
  /** File size range in KB (default 100–500). */
  minFileKB?: number;
  maxFileKB?: number;
}

/**
 * Writes (or reuses, when already complete) a synthetic corpus folder and returns its path.
 * Every fifth file is GB18030; the others are UTF-8.
 */
export function synthesizeCorpus(opts: SynthOptions): string {
  const seed = opts.seed ?? 1;
  const minKB = opts.minFileKB ?? 100;
  const maxKB = opts.maxFileKB ?? 500;
  const dir = opts.dir ?? path.join(REPO, '.cache', 'bench', `synth-${opts.sizeMB}mb-s${seed}`);
  const marker = path.join(dir, '.complete');
  const params = JSON.stringify({ sizeMB: opts.sizeMB, seed, minKB, maxKB, version: 1 });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === params) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rand = prng(seed);
  const target = opts.sizeMB * MB;
  let written = 0;
  for (let i = 0; written < target; i++) {
    const fileBytes = Math.min(target - written, (minKB + rand() * (maxKB - minKB)) * 1024);
    const reports: string[] = [];
    let chars = 0;
    // About three bytes a character in UTF-8, two in GB18030.
    while (chars * 3 < fileBytes) {
      const r = synthReport(rand, 5000 + rand() * 25000);
      reports.push(r);
      chars += r.length;
    }
    const text = reports.join('\n');
    const gb = i % 5 === 4;
    const bytes = gb ? gbBytes(text) : Buffer.from(text, 'utf8');
    fs.writeFileSync(path.join(dir, `synth-${String(i).padStart(5, '0')}${gb ? '-gb' : ''}.txt`), bytes);
    written += bytes.length;
  }
  fs.writeFileSync(marker, params);
  return dir;
}

/** Bytes of the corpus files in a folder. */
export function folderBytes(dir: string): number {
  return fs.readdirSync(dir).filter((n) => !n.startsWith('.')).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
}

if (require.main === module) {
  for (const arg of process.argv.slice(2)) {
    const t = performance.now();
    const dir = synthesizeCorpus({ sizeMB: Number(arg) });
    process.stdout.write(`${dir}: ${(folderBytes(dir) / MB).toFixed(1)} MB in ${Math.round(performance.now() - t)} ms\n`);
  }
}
