/**
 * 公文规范 benchmark (GB/T 15835, GB/T 15834, GB/T 9704 rules):
 * - recall on the fixture built from the standards' own examples (test/fixtures/gongwenExamples.ts):
 *   a positive counts when its rule flags exactly the span the standard names; negatives count
 *   the false alarms;
 * - the rules' findings on the 17 bundled reports, per rule and level (each one checked by hand:
 *   see the README and lintCorpus.test.ts; `--gongwen-findings` lists them on stderr);
 * - recall on slips put into the reports' own text (bench/gongwenInject.ts);
 * - the time the rules add to lint of a 5,000-character draft (corpus paragraphs under headings).
 */
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { lintText } from '../server/src/engine/lint/lint';
import { Draft } from '../server/src/engine/lint/draft';
import { RULES } from '../server/src/engine/lint/registry';
import { GONGWEN_EXAMPLES } from '../test/fixtures/gongwenExamples';
import { injectAll } from './gongwenInject';
import { bodyParagraphs, synthDraft, time } from './lint';
import { ms, percentile, type BenchRow } from './table';

const GONGWEN = RULES.filter((r) => r.category === 'standards').map((r) => r.id);
const OTHERS = RULES.filter((r) => r.category !== 'standards').map((r) => r.id);
const DRAFT_CHARS = 5000;
const TARGET_RECALL = 0.95;
const TARGET_ADDED_MS = 10;

/** Positives flagged at the named span, and negatives flagged at all. */
export function fixtureRecall(): { found: number; positives: number; falseAlarms: number; negatives: number; missed: string[] } {
  let found = 0;
  let falseAlarms = 0;
  const missed: string[] = [];
  for (const ex of GONGWEN_EXAMPLES) {
    const spans = lintText(ex.text, { only: [ex.rule] }).map((f) => ex.text.slice(f.start, f.end));
    if (!ex.flag) falseAlarms += spans.length ? 1 : 0;
    else if (spans.length === 1 && spans[0] === ex.flag) found++;
    else missed.push(`${ex.rule} ${ex.flag}`);
  }
  const positives = GONGWEN_EXAMPLES.filter((e) => e.flag).length;
  return { found, positives, falseAlarms, negatives: GONGWEN_EXAMPLES.length - positives, missed };
}

/** A draft of at least `chars` characters: corpus paragraphs under numbered headings, cut at the next line end. */
export function draftOf(paragraphs: readonly string[], chars: number): string {
  const long = synthDraft(paragraphs, 2000);
  const cut = long.indexOf('\n', chars);
  return long.slice(0, cut > 0 ? cut : chars);
}

export async function benchGongwen(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const r = fixtureRecall();
  const recall = r.found / r.positives;
  rows.push({
    group: '公文规范',
    metric: `recall on the standards' examples (${r.positives} positives, ${r.negatives} negatives; false alarms ${r.falseAlarms})` + (r.missed.length ? ` — missed: ${r.missed.join('; ')}` : ''),
    value: `${(recall * 100).toFixed(1)}%`,
    baseline: 'before: 2 of the 10 slips of issue 19',
    target: `≥ ${TARGET_RECALL * 100}%, 0 false alarms`,
    ok: recall >= TARGET_RECALL && r.falseAlarms === 0,
  });

  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  const perRule = new Map<string, Map<string, number>>();
  // `npm run bench -- --gongwen-findings` lists every finding (for the hand check), on stderr.
  const list = process.argv.includes('--gongwen-findings');
  for (const rep of reports) {
    for (const f of lintText(rep.text, { only: GONGWEN })) {
      if (list) {
        const context = rep.text.slice(Math.max(0, f.start - 12), f.end + 12).replace(/\n/g, '⏎');
        process.stderr.write(`${f.rule}\t${f.severity}\t${rep.title}\t${context}\n`);
      }
      const levels = perRule.get(f.rule) ?? new Map<string, number>();
      levels.set(f.severity, (levels.get(f.severity) ?? 0) + 1);
      perRule.set(f.rule, levels);
    }
  }
  const count = (level: string) => [...perRule.values()].reduce((n, m) => n + (m.get(level) ?? 0), 0);
  const detail = [...perRule].map(([rule, m]) => `${rule} ${[...m].map(([l, n]) => `${n} ${l}`).join('+')}`).join(', ');
  rows.push({
    group: '公文规范',
    metric: `findings on the ${reports.length} bundled reports (${detail || 'none'})`,
    value: `${count('warning')} warning, ${count('info')} info, ${count('hint')} hint`,
    baseline: 'every one checked by hand: README',
  });

  const injected = injectAll(reports).filter((x) => x.tried > 0);
  const tried = injected.reduce((n, x) => n + x.tried, 0);
  const found = injected.reduce((n, x) => n + x.found, 0);
  const alarms = injected.reduce((n, x) => n + x.falseAlarms, 0);
  rows.push({
    group: '公文规范',
    metric: `recall on slips put into the bundled reports' own text, one at a time (${injected.map((x) => `${x.rule} ${x.found}/${x.tried}`).join(', ')}); new findings elsewhere: ${alarms}`,
    value: `${((found / tried) * 100).toFixed(1)}% of ${tried}`,
    target: `≥ ${TARGET_RECALL * 100}%`,
    ok: found / tried >= TARGET_RECALL,
  });

  const draft = draftOf(bodyParagraphs(reports), DRAFT_CHARS);
  // One parse (tree, prose view, lines), as the server keeps per document version: the rules' own cost.
  const parsed = new Draft(draft);
  const without = await time(() => lintText(parsed, { only: OTHERS }), 21);
  const alone = await time(() => lintText(parsed, { only: GONGWEN }), 21);
  const added = percentile(alone, 50);
  rows.push({
    group: '公文规范',
    metric: `time the ${GONGWEN.length} rules add to lint of a ${draft.length.toLocaleString('en-US')}-character draft, median of 21`,
    value: ms(added),
    baseline: `lint without them ${ms(percentile(without, 50))}`,
    target: `≤ ${TARGET_ADDED_MS} ms`,
    ok: added <= TARGET_ADDED_MS,
  });
  return rows;
}
