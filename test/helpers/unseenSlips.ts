/**
 * Reports written for the acceptance check by someone who saw neither the review code nor its
 * bench (test/fixtures/unseen/slips/): each `<name>.md` is a clean report, `<name>-slips.md` the
 * same with same-pinyin slips and `<name>-shape.md` with shape slips, each keyed by a `.json`
 * list of {line, wrong, right, char, fix}. Read by bench/unseenSlips.ts and test/unit/unseenSlips.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../server/src/engine/lint/types';
import { LineIndex } from '../../server/src/engine/text/lineIndex';

export const UNSEEN_SLIPS_DIR = process.env.SHUZHI_UNSEEN_SLIPS ?? path.join(__dirname, '..', 'fixtures', 'unseen', 'slips');

export interface SlipKey {
  line: number;
  wrong: string;
  right: string;
  char: string;
  fix: string;
}

export interface KeyedDraft {
  name: string;
  kind: 'sound' | 'shape';
  text: string;
  /** The slipped text's lines (the keys name 1-based lines). */
  lines: LineIndex;
  key: SlipKey[];
}

/** The clean reports and their keyed slipped copies. */
export function unseenSlipFixtures(dir = UNSEEN_SLIPS_DIR): { clean: Array<{ name: string; text: string }>; slipped: KeyedDraft[] } {
  if (!fs.existsSync(dir)) return { clean: [], slipped: [] };
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  const files = fs.readdirSync(dir);
  const clean = files.filter((f) => f.endsWith('.md') && !/-(slips|shape)\.md$/.test(f)).map((f) => ({ name: f.replace(/\.md$/, ''), text: read(f) }));
  const slipped: KeyedDraft[] = [];
  for (const f of files) {
    const m = /^(.*)-(slips|shape)\.json$/.exec(f);
    if (m) {
      const text = read(`${m[1]}-${m[2]}.md`);
      slipped.push({ name: m[1], kind: m[2] === 'slips' ? 'sound' : 'shape', text, lines: new LineIndex(text), key: JSON.parse(read(f)) as SlipKey[] });
    }
  }
  return { clean, slipped };
}

/** Whether a typo-suspect finding in the slipped draft names the slip: on its line, its wrong character, suggesting the right one. */
export function names(d: KeyedDraft, f: Finding, k: SlipKey): boolean {
  if (f.rule !== 'typo-suspect' || d.lines.positionAt(f.start).line + 1 !== k.line) return false;
  const span = d.text.slice(f.start, f.end);
  return span.includes(k.char) && k.wrong.includes(span.replace(/\s/g, '').slice(0, 1)) && (f.fixes ?? []).some((x) => x.edits.some((e) => e.newText.includes(k.fix)));
}

