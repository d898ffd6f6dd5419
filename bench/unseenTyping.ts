/**
 * Ghost text on reports the corpus never saw: the clean reports of test/fixtures/unseen/slips/
 * (written for the acceptance checks by sessions that saw no code) are typed line by line, as in
 * bench/typing.ts, with the phrase index of the whole bundled corpus — what a new user meets.
 * Figures beside the leave-one-report-out ones of bench/completion.ts: how often ghost text
 * appears, how often it is right (holds at least two characters of what comes next), units saved.
 *
 *   node --import tsx bench/unseenTyping.ts
 */
import { reportsFromText, loadCorpus } from '../server/src/engine/corpus/corpus';
import { buildPhraseIndex } from '../server/src/engine/completion/corpusView';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { unseenSlipFixtures, UNSEEN_SLIPS_DIR } from '../test/helpers/unseenSlips';
import { formatTable, type BenchRow } from './table';
import { emptyResult, typedLines, typeGhostLine } from './typing';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function benchUnseenTyping(): Promise<BenchRow[]> {
  const { clean } = unseenSlipFixtures();
  if (!clean.length) return [{ group: 'completion', metric: `unseen reports (${UNSEEN_SLIPS_DIR})`, value: 'none' }];
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  const index = buildPhraseIndex(reports);
  const ghost = emptyResult();
  clean.forEach((c, r) => {
    for (const report of reportsFromText(c.text, `${c.name}.md`)) {
      for (const line of typedLines(report, r)) typeGhostLine(index, line, new Map([[DEFAULT_SETTINGS.completion.confidence, ghost]]));
    }
  });
  return [
    { group: 'completion', metric: `ghost text on ${clean.length} unseen reports (whole bundled corpus): shown at points (${ghost.shown} of ${ghost.points})`, value: pct(ghost.shown / ghost.points) },
    { group: 'completion', metric: 'ghost text on unseen reports: precision (holds ≥ 2 characters of what comes next)', value: pct(ghost.right / Math.max(1, ghost.shown)), target: '≥ 50.0%', ok: ghost.right / Math.max(1, ghost.shown) >= 0.5 },
    { group: 'completion', metric: 'ghost text on unseen reports: units saved by accepting it', value: pct(1 - ghost.spent / ghost.units) },
  ];
}

if (require.main === module) void benchUnseenTyping().then((rows) => process.stdout.write(formatTable(rows) + '\n'));
