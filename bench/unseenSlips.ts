/**
 * Review on reports written for the acceptance check by someone who saw neither the review code
 * nor its bench (test/helpers/unseenSlips.ts reads them). The leave-one-out bench (wordSlips.ts) injects
 * slips into the corpus's own reports, whose words the rest of the corpus tends to use too; these
 * reports use words of their own, so this is the figure a new user meets. The corpus is the whole
 * bundled one (none of these reports is in it), as `shuzhi review` has it.
 */
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { reviewDraft } from '../server/src/engine/check/review';
import { buildPhraseIndex } from '../server/src/engine/search/phraseIndex';
import { sharedLexicon } from '../server/src/io/lexicon';
import { names, UNSEEN_SLIPS_DIR, unseenSlipFixtures } from '../test/helpers/unseenSlips';
import { formatTable, type BenchRow } from './table';
import type { Finding } from '../server/src/engine/types';

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
        if (fs.some((f) => names(d, f, k))) found++;
        else missed.push(`${k.wrong}→${k.right}`);
      }
    }
    rows.push({
      group: 'review',
      metric: `typo-suspect recall on unseen reports, ${kind === 'sound' ? 'same pinyin' : 'similar shape'} (${clean.length} reports written for the check, n = ${total}; missed: ${missed.join(' ')})`,
      value: total ? `${Math.round((100 * found) / total)}% (${found} of ${total})` : '—',
      target: kind === 'sound' ? '≥ 85% (the issue\'s figure is leave-one-out)' : '≥ 60% (leave-one-out)',
      ok: total ? found / total >= (kind === 'sound' ? 0.85 : 0.6) : undefined,
    });
  }
  let chars = 0;
  const alarms: string[] = [];
  // Each clean report reviewed once: its typo-suspect findings are the false alarms, the others listed by rule below.
  const reviewed = clean.map((c) => ({ ...c, findings: reviewDraft(c.text, { phrases, lexicon }).findings }));
  for (const c of reviewed) {
    chars += hanCount(c.text);
    for (const f of c.findings) if (f.rule === 'typo-suspect') alarms.push(`${c.text.slice(f.start, f.end)} (${c.name}: ${f.message})`);
  }
  const rate = (alarms.length / chars) * 10_000;
  rows.push({
    group: 'review',
    metric: `typo-suspect false alarms on the clean unseen reports (${alarms.length} in ${chars} Han chars): ${alarms.join(' · ') || 'none'}`,
    value: `${rate.toFixed(2)} / 10k`,
    target: '≤ 1 / 10k',
    ok: rate <= 1,
  });
  rows.push(otherFindings(reviewed));
  return rows;
}

/**
 * Every other finding review shows on the clean unseen reports, by rule, each with its text: what a
 * writer of a finished report is shown unasked (a hint counts as much as a warning here).
 */
function otherFindings(reviewed: ReadonlyArray<{ name: string; text: string; findings: Finding[] }>): BenchRow {
  const byRule = new Map<string, string[]>();
  for (const c of reviewed) {
    for (const f of c.findings) {
      if (f.rule === 'typo-suspect') continue;
      const list = byRule.get(f.rule) ?? [];
      list.push(`${c.text.slice(f.start, Math.min(f.end, f.start + 12)).replace(/\s+/g, ' ')} (${c.name}, ${f.severity})`);
      byRule.set(f.rule, list);
    }
  }
  const total = [...byRule.values()].reduce((n, l) => n + l.length, 0);
  const listed = [...byRule].map(([rule, l]) => `${rule} ${l.length}: ${l.join(' · ')}`).join('; ');
  return { group: 'review', metric: `other findings on the clean unseen reports (${reviewed.length}), by rule: ${listed || 'none'}`, value: String(total) };
}

if (require.main === module) void benchUnseenSlips().then((rows) => process.stdout.write(formatTable(rows) + '\n'));
