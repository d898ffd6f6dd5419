/**
 * Review on reports written for the acceptance check by someone who saw neither the review code
 * nor its bench (test/fixtures/unseen/slips/): each `<name>.md` is a clean report, `<name>-slips.md`
 * the same with same-pinyin slips and `<name>-shape.md` with shape slips, each keyed by a
 * `.json` list of {line, wrong, right, char, fix}. The leave-one-out bench (wordSlips.ts) injects
 * slips into the corpus's own reports, whose words the rest of the corpus tends to use too; these
 * reports use words of their own, so this is the figure a new user meets. The corpus is the whole
 * bundled one (none of these reports is in it), as `shuzhi review` has it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { reviewDraft } from '../server/src/engine/check/review';
import { buildPhraseIndex } from '../server/src/engine/search/phraseIndex';
import { sharedLexicon } from '../server/src/io/lexicon';
import type { Finding } from '../server/src/engine/lint/types';
import type { BenchRow } from './table';

export const UNSEEN_SLIPS_DIR = process.env.SHUZHI_UNSEEN_SLIPS ?? path.join(__dirname, '..', 'test', 'fixtures', 'unseen', 'slips');

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
    if (m) slipped.push({ name: m[1], kind: m[2] === 'slips' ? 'sound' : 'shape', text: read(`${m[1]}-${m[2]}.md`), key: JSON.parse(read(f)) as SlipKey[] });
  }
  return { clean, slipped };
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether a typo-suspect finding names the slip: on its line, its wrong character, suggesting the right one. */
export function names(text: string, f: Finding, k: SlipKey): boolean {
  if (f.rule !== 'typo-suspect' || lineOf(text, f.start) !== k.line) return false;
  const span = text.slice(f.start, f.end);
  return span.includes(k.char) && k.wrong.includes(span.replace(/\s/g, '').slice(0, 1)) && (f.fixes ?? []).some((x) => x.edits.some((e) => e.newText.includes(k.fix)));
}

const hanCount = (t: string) => [...t].filter((c) => /\p{Script=Han}/u.test(c)).length;

export async function benchUnseenSlips(): Promise<BenchRow[]> {
  const { clean, slipped } = unseenSlipFixtures();
  if (!clean.length) return [{ group: 'review', metric: `unseen reports (${UNSEEN_SLIPS_DIR})`, value: 'none' }];
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  const phrases = buildPhraseIndex(reports);
  const lexicon = sharedLexicon().lexicon;
  const typos = (text: string) => reviewDraft(text, { phrases, lexicon }).findings.filter((f) => f.rule === 'typo-suspect');
  const rows: BenchRow[] = [];
  for (const kind of ['sound', 'shape'] as const) {
    let found = 0;
    let total = 0;
    const missed: string[] = [];
    for (const d of slipped.filter((x) => x.kind === kind)) {
      const fs = typos(d.text);
      for (const k of d.key) {
        total++;
        if (fs.some((f) => names(d.text, f, k))) found++;
        else missed.push(`${k.wrong}→${k.right}`);
      }
    }
    rows.push({
      group: 'review',
      metric: `typo-suspect recall on unseen reports, ${kind === 'sound' ? 'same pinyin' : 'similar shape'} (${clean.length} reports written for the check, n = ${total}; missed: ${missed.join(' ')})`,
      value: total ? `${Math.round((100 * found) / total)}%` : '—',
      target: kind === 'sound' ? '≥ 85% (the issue\'s figure is leave-one-out)' : '≥ 60% (leave-one-out)',
      ok: total ? found / total >= (kind === 'sound' ? 0.85 : 0.6) : undefined,
    });
  }
  let chars = 0;
  const alarms: string[] = [];
  for (const c of clean) {
    chars += hanCount(c.text);
    for (const f of typos(c.text)) alarms.push(`${c.text.slice(f.start, f.end)} (${c.name}: ${f.message})`);
  }
  const rate = (alarms.length / chars) * 10_000;
  rows.push({
    group: 'review',
    metric: `typo-suspect false alarms on the clean unseen reports (${alarms.length} in ${chars} Han chars): ${alarms.join(' · ') || 'none'}`,
    value: `${rate.toFixed(2)} / 10k`,
    target: '≤ 1 / 10k',
    ok: rate <= 1,
  });
  return rows;
}
