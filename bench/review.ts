/**
 * Review (审校) benchmark, on the bundled corpus, leave-one-report-out: each report is checked
 * against a phrase index built from the other reports only, so its own text is never the
 * evidence.
 *
 * typo-suspect:
 * - false alarms: findings on the unaltered reports, per 10,000 Han characters;
 * - recall: slips injected into the reports' own lines — one Han character (with Han characters
 *   on both sides) replaced by a true homophone (same toneless pinyin, pinyin-pro) that the corpus
 *   uses, such that the three characters around it are not a phrase of the corpus. Counted found
 *   when a finding names that character and the original one as the fix. Recall is given for
 *   slips in phrases the rest of the corpus uses (a four-character window holding the slipped
 *   character occurs in at least two other reports: only those can be told from the corpus) —
 *   the target — and, for context, for slips at any position.
 * Thresholds are fitted on the even-numbered reports — the most recall such that the false-alarm
 * rate is within target at 80% confidence (the one-sided Poisson upper bound of the count, a
 * sample of 20,000 characters being small) — and checked on the odd-numbered ones.
 */
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { proseView } from '../server/src/engine/lint/prose';
import { corpusSoundAlikes } from '../server/src/engine/review/corpusChars';
import { homophones, isHan } from '../server/src/engine/review/pinyin';
import { COMMON_WORD_Q, findSlips, reportsOf, SLIP_DEFAULTS, type SlipGuard, type SlipOptions } from '../server/src/engine/review/slips';
import { COPY_DEFAULTS, findCopies } from '../server/src/engine/review/copied';
import { buildPhraseIndex, countOccurrences, type PhraseIndex } from '../server/src/engine/search/phraseIndex';
import { findRange } from '../server/src/engine/search/suffixArray';
import type { CorpusReport } from '../server/src/engine/types';
import { prng } from '../test/helpers/prng';
import { formatTable, ms, type BenchRow } from './table';
import { synthesizeCorpus } from './synth';
import { kindShareStats } from '../server/src/engine/delivery/kindShare';
import { learnCorpusHeadings } from '../server/src/engine/lint/corpusHeadings';
import { lintText } from '../server/src/engine/lint/lint';
import { reviewDraft } from '../server/src/engine/check/review';
import { sharedLexicon } from '../server/src/io/lexicon';
import type { Lexicon } from '../server/src/engine/review/lexicon';
import { benchWordSlips } from './wordSlips';

const ATTEMPTS_PER_REPORT = 200;
const FA_TARGET = 1;
const RECALL_TARGET = 0.8;

interface Injected {
  report: number;
  /** The altered line and the slipped offset in it. */
  line: string;
  at: number;
  original: string;
  eligible: boolean;
}

function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) n++;
  return n;
}

/** Slips injected into report r's lines (see the module comment), deterministic. */
function inject(r: number, report: CorpusReport, loo: PhraseIndex, full: PhraseIndex, rand: () => number): Injected[] {
  const text = proseView(report.text).masked;
  const out: Injected[] = [];
  for (let t = 0; t < ATTEMPTS_PER_REPORT; t++) {
    const k = Math.floor(rand() * text.length);
    const d = text.charCodeAt(k);
    if (!isHan(d) || !isHan(text.charCodeAt(k - 1)) || !isHan(text.charCodeAt(k + 1))) continue;
    const trigram = (c: number) => text[k - 1] + String.fromCharCode(c) + text[k + 1];
    const options = corpusSoundAlikes(full, d).filter((c) => homophones(c, d) && countOccurrences(loo, trigram(c)) === 0);
    if (!options.length) continue;
    const c = options[Math.floor(rand() * options.length)];
    let eligible = false;
    for (let s = k - 3; s <= k && !eligible; s++) {
      const w = text.slice(Math.max(0, s), s + 4);
      if (s < 0 || w.length < 4 || ![...w].every((x) => isHan(x.charCodeAt(0)))) continue;
      const [lo, hi] = findRange(loo, loo.sa, w);
      eligible = hi > lo && reportsOf(loo, lo, hi).reports >= 2;
    }
    const ls = text.lastIndexOf('\n', k) + 1;
    const le = text.indexOf('\n', k) < 0 ? text.length : text.indexOf('\n', k);
    const line = text.slice(ls, k) + String.fromCharCode(c) + text.slice(k + 1, le);
    out.push({ report: r, line, at: k - ls, original: text[k], eligible });
  }
  return out;
}

interface Score {
  falseAlarms: number;
  chars: number;
  found: number;
  injected: number;
  eligibleFound: number;
  eligible: number;
}

/** Slips and false alarms of the corpus check; `alarms` and `hits` (eligible slips found) collect them when given. */
function score(
  reports: readonly number[],
  texts: string[],
  loo: PhraseIndex[],
  injected: Injected[],
  opts: SlipOptions,
  guard: SlipGuard = {},
  alarms?: string[],
  hits?: Set<Injected>,
): Score {
  const s: Score = { falseAlarms: 0, chars: 0, found: 0, injected: 0, eligibleFound: 0, eligible: 0 };
  const set = new Set(reports);
  for (const r of reports) {
    const found = findSlips(loo[r], texts[r], opts, guard);
    s.falseAlarms += found.length;
    s.chars += hanCount(texts[r]);
    for (const f of found) alarms?.push(`${f.phrase}→${f.variant} (…${texts[r].slice(Math.max(0, f.start - 6), f.end + 6).replace(/\s+/g, ' ')}…)`);
  }
  for (const inj of injected) {
    if (!set.has(inj.report)) continue;
    const hit = findSlips(loo[inj.report], inj.line, opts, guard).some((f) => f.at === inj.at && f.replacement === inj.original);
    s.injected++;
    if (hit) s.found++;
    if (inj.eligible) {
      s.eligible++;
      if (hit) s.eligibleFound++;
      if (hit) hits?.add(inj);
    }
  }
  return s;
}

/** One-sided 80% Poisson upper bounds on the mean for 0…5 observed events. */
const UPPER_80 = [1.61, 2.99, 4.28, 5.52, 6.72, 7.91];
const upperRate = (s: Score) => ((UPPER_80[s.falseAlarms] ?? s.falseAlarms + 1.28 * Math.sqrt(s.falseAlarms) + 1) / s.chars) * 10_000;
const rate = (s: Score) => (s.falseAlarms / s.chars) * 10_000;
const recall = (s: Score) => (s.eligible ? s.eligibleFound / s.eligible : 0);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The threshold grid searched when fitting. */
function grid(): SlipOptions[] {
  const out: SlipOptions[] = [];
  for (const minLength of [3, 4, 5])
    for (const minOccurrences of [2, 3, 4])
      for (const minReports of [2, 3])
        for (const minSide of [0, 1]) out.push({ minLength, maxLength: 10, minOccurrences, minReports, minSide });
  return out;
}

export async function benchReview(): Promise<BenchRow[]> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  const full = buildPhraseIndex(reports);
  const loo = reports.map((_, r) => buildPhraseIndex(reports.filter((_, i) => i !== r)));
  return [...benchSlips(reports, full, loo), ...benchWordSlips(reports, loo), ...benchCopies(reports, loo), ...(await benchSpeed('bundled', reports, full))];
}

const SPEED_RUNS = 9;
const DRAFT_CHARS = 5000;

/**
 * Median and fastest of `SPEED_RUNS` timings of fn (after one warm-up run). Each run gets a
 * different draft (a number appended), so no run is answered from the previous one's memo.
 */
function median(fn: (run: number) => unknown): { p50: number; min: number } {
  fn(-1);
  const t: number[] = [];
  for (let i = 0; i < SPEED_RUNS; i++) {
    const a = performance.now();
    fn(i);
    t.push(performance.now() - a);
  }
  t.sort((a, b) => a - b);
  return { p50: t[SPEED_RUNS >> 1], min: t[0] };
}

/**
 * A 5,000-character draft of real prose: paragraphs of the bundled reports, every other one
 * with a homophone slip, under a title and numbered headings — much of it is verbatim corpus
 * text, the heaviest case for the copy search.
 */
async function speedDraft(): Promise<string> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  const paras = reports.flatMap((r) => r.text.split('\n').slice(1).filter((l) => l.trim().length >= 40));
  const out = ['# 2024年度述职报告', ''];
  let n = 0;
  for (let i = 0; n < DRAFT_CHARS; i += 7) {
    let p = paras[i % paras.length].trim();
    if (i % 2) p = p.replace(/初心/g, '出心').replace(/从严/g, '从言').replace(/使命/g, '使名');
    out.push(p, '');
    n += p.length;
  }
  return out.join('\n').slice(0, DRAFT_CHARS + 40);
}

/** Review of a 5,000-character draft against `index`: all rules with the corpus ones, beside the same lint without them. */
export async function benchSpeed(label: string, reports: readonly CorpusReport[], index: PhraseIndex): Promise<BenchRow[]> {
  const draft = await speedDraft();
  const corpusHeadings = learnCorpusHeadings(reports);
  const corpusStats = kindShareStats(reports);
  const variant = (run: number) => `${draft}\n${run}`;
  const base = median((run) => lintText(variant(run), { corpusHeadings, corpusStats }));
  const lexicon = sharedLexicon().lexicon;
  const full = median((run) => reviewDraft(variant(run), { corpusHeadings, corpusStats, phrases: index, lexicon }));
  const words = median((run) => reviewDraft(variant(run), { corpusHeadings, corpusStats, phrases: index, lexicon, only: ['typo-suspect'] }));
  const slips = median((run) => findSlips(index, proseView(variant(run)).masked));
  const copies = median((run) => findCopies(index, proseView(variant(run)).masked));
  const target = label === 'bundled' ? 50 : 300;
  return [
    {
      group: 'review',
      metric: `review of a ${DRAFT_CHARS}-char draft, ${label} corpus, general lexicon loaded: median (fastest ${ms(full.min)}; typo-suspect ${ms(words.p50)} of which corpus slips ${ms(slips.p50)}; copies ${ms(copies.p50)})`,
      value: ms(full.p50),
      baseline: `${ms(base.p50)} (lint without the corpus rules)`,
      target: `≤ ${target} ms`,
      ok: full.p50 <= target,
    },
  ];
}

/** The same at scale: synthetic corpora of `sizes` MB (bench/synth.ts), indexed in this process. */
export async function benchReviewScale(sizes: number[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const dir = synthesizeCorpus({ sizeMB: size });
    const { reports } = await loadCorpus({ paths: [dir], useBundled: false, maxFileSizeBytes: 64 << 20 });
    const t = performance.now();
    const index = buildPhraseIndex(reports);
    const build = performance.now() - t;
    rows.push(...(await benchSpeed(`${size} MB`, reports, index)));
    rows.at(-1)!.metric += ` (index built in ${(build / 1000).toFixed(0)} s)`;
  }
  return rows;
}

/**
 * copied-passage, leave-one-report-out, for each candidate minChars: the share of each real
 * report flagged as copied from the others (they were written independently: all of it is
 * chance overlap, stock formulations, or two reports sharing paragraphs), and the share of
 * copied characters found in a draft made of a report whose every third paragraph (≥ PARAGRAPH
 * characters) is replaced by a paragraph of another report — the case the rule is for (last
 * year's report in the corpus).
 */
const PARAGRAPH = 50;
function benchCopies(reports: CorpusReport[], loo: PhraseIndex[]): BenchRow[] {
  const texts = reports.map((r) => proseView(r.text).masked);
  const rows: BenchRow[] = [];
  const results: Array<{ n: number; chance: number; found: number }> = [];
  for (const n of [10, 15, 20, 25, 30, 40, 50]) {
    let chance = 0;
    let chars = 0;
    let planted = 0;
    let found = 0;
    for (let r = 0; r < reports.length; r++) {
      const own = findCopies(loo[r], texts[r], { minChars: n });
      chance += own.copied;
      chars += own.chars;
      // The draft: report r with every third paragraph taken from report q (in the index).
      const q = (r + 1) % reports.length;
      const donor = texts[q].split('\n').filter((l) => l.trim().length >= PARAGRAPH);
      const lines = texts[r].split('\n');
      const marks: Array<[number, number]> = [];
      let at = 0;
      let d = 0;
      const out: string[] = [];
      lines.forEach((l, k) => {
        let line = l;
        if (k % 3 === 2 && l.trim().length >= PARAGRAPH && d < donor.length) {
          line = donor[d++];
          marks.push([at, at + line.length]);
        }
        out.push(line);
        at += line.length + 1;
      });
      const draft = out.join('\n');
      const res = findCopies(loo[r], draft, { minChars: n });
      for (const [a, b] of marks) {
        for (let i = a; i < b; i++) {
          if (draft.charCodeAt(i) <= 0x20 || draft.charCodeAt(i) === 0x3000) continue;
          planted++;
          if (res.spans.some((s) => s.start <= i && i < s.end)) found++;
        }
      }
    }
    results.push({ n, chance: chance / chars, found: found / planted });
  }
  const line = results.map((x) => `${x.n}: ${pct(x.found)} / ${(x.chance * 100).toFixed(1)}%`).join(' · ');
  const chosen = results.find((x) => x.n === COPY_DEFAULTS.minChars)!;
  rows.push(
    { group: 'review', metric: 'copied-passage by minChars: characters of copied paragraphs found / of the corpus reports flagged', value: line },
    { group: 'review', metric: `copied-passage, minChars ${COPY_DEFAULTS.minChars} (shipped): characters of copied paragraphs found`, value: pct(chosen.found) },
    { group: 'review', metric: `copied-passage, minChars ${COPY_DEFAULTS.minChars}: characters of the corpus's own reports flagged as copied from another`, value: `${(chosen.chance * 100).toFixed(1)}%` },
  );
  return rows;
}

/** Lexicon buckets tried for the corpus check's common-word guard (slips.ts inCommonWord). */
const GUARD_QS = [20, 22, 24, 26, 28, 30, 32, 36, 40];
/** Share of the slips the corpus check finds that the guard may cost on the fit set. */
const GUARD_COST = 0.01;

/**
 * The common-word guard's bucket: the strongest (lowest) whose cost in recall on the fit set is
 * at most GUARD_COST of the slips found without it — a correct common word suggested away for a
 * corpus phrase (集中整治工作 → 政治工作) is the false alarm it stops, which the bundled reports
 * (their own words being the corpus's) hardly show.
 */
function fitGuard(fitSet: readonly number[], texts: string[], loo: PhraseIndex[], injected: Injected[], lexicon: Lexicon): number {
  const base = score(fitSet, texts, loo, injected, SLIP_DEFAULTS).eligibleFound;
  for (const q of GUARD_QS) if (score(fitSet, texts, loo, injected, SLIP_DEFAULTS, { lexicon, minWordQ: q }).eligibleFound >= (1 - GUARD_COST) * base) return q;
  return Infinity;
}

function benchSlips(reports: CorpusReport[], full: PhraseIndex, loo: PhraseIndex[]): BenchRow[] {
  const texts = reports.map((r) => proseView(r.text).masked);
  const rand = prng(14);
  const injected = reports.flatMap((rep, r) => inject(r, rep, loo[r], full, rand));
  const fitSet = reports.map((_, i) => i).filter((i) => i % 2 === 0);
  const checkSet = reports.map((_, i) => i).filter((i) => i % 2 === 1);
  const all = reports.map((_, i) => i);
  const lexicon = sharedLexicon().lexicon;
  /** The guard as the rule runs it (none when the lexicon is missing). */
  const guard: SlipGuard = lexicon ? { lexicon } : {};

  let best: { opts: SlipOptions; s: Score } | undefined;
  for (const opts of grid()) {
    const s = score(fitSet, texts, loo, injected, opts, guard);
    if (process.env.REVIEW_BENCH_VERBOSE) {
      const h = score(checkSet, texts, loo, injected, opts, guard);
      process.stderr.write(`${JSON.stringify(opts)} fit FA ${s.falseAlarms} R ${pct(recall(s))} | held FA ${h.falseAlarms} R ${pct(recall(h))}\n`);
    }
    if (upperRate(s) > FA_TARGET) continue;
    if (!best || recall(s) > recall(best.s) || (recall(s) === recall(best.s) && s.falseAlarms < best.s.falseAlarms)) best = { opts, s };
  }
  const fitted = best?.opts ?? SLIP_DEFAULTS;
  const held = score(checkSet, texts, loo, injected, fitted, guard);
  const shippedAlarms: string[] = [];
  const shippedHits = new Set<Injected>();
  const shipped = score(all, texts, loo, injected, SLIP_DEFAULTS, guard, shippedAlarms, shippedHits);
  const same = JSON.stringify({ ...SLIP_DEFAULTS, ...fitted }) === JSON.stringify(SLIP_DEFAULTS);
  const desc = (o: SlipOptions) => `len ≥ ${o.minLength}, ≥ ${o.minOccurrences} occ., ≥ ${o.minReports} reports, side ≥ ${o.minSide}`;
  const rows: BenchRow[] = [
    { group: 'review', metric: `typo-suspect thresholds fitted on ${fitSet.length} reports`, value: desc(fitted) + (same ? ' (= shipped)' : ` (shipped: ${desc(SLIP_DEFAULTS)})`) },
    {
      group: 'review',
      metric: `typo-suspect recall, held-out ${checkSet.length} reports (slips in phrases ≥ 2 other reports use; n = ${held.eligible})`,
      value: pct(recall(held)),
      target: `≥ ${pct(RECALL_TARGET)}`,
      ok: recall(held) >= RECALL_TARGET,
    },
    {
      group: 'review',
      metric: `typo-suspect false alarms, held-out (${held.falseAlarms} in ${held.chars} Han chars)`,
      value: `${rate(held).toFixed(2)} / 10k`,
      target: `≤ ${FA_TARGET} / 10k`,
      ok: rate(held) <= FA_TARGET,
    },
    {
      group: 'review',
      metric: `typo-suspect recall, all ${reports.length} reports, shipped thresholds (n = ${shipped.eligible})`,
      value: pct(recall(shipped)),
      target: `≥ ${pct(RECALL_TARGET)}`,
      ok: recall(shipped) >= RECALL_TARGET,
    },
    {
      group: 'review',
      metric: `typo-suspect recall, slips at any position (n = ${shipped.injected}; most in wording no other report has)`,
      value: pct(shipped.found / shipped.injected),
    },
    {
      group: 'review',
      metric: `typo-suspect false alarms, all reports (${shipped.falseAlarms} in ${shipped.chars} Han chars)`,
      value: `${rate(shipped).toFixed(2)} / 10k`,
      target: `≤ ${FA_TARGET} / 10k`,
      ok: rate(shipped) <= FA_TARGET,
    },
  ];
  if (lexicon) rows.push(...guardRows());
  return rows;

  /** The common-word guard: fitted bucket, what it costs in recall and which false alarms it stops. */
  function guardRows(): BenchRow[] {
    const fittedQ = fitGuard(fitSet, texts, loo, injected, lexicon!);
    const heldBare = score(checkSet, texts, loo, injected, fitted);
    const heldGuard = score(checkSet, texts, loo, injected, fitted, guard);
    const bareAlarms: string[] = [];
    const bareHits = new Set<Injected>();
    const bare = score(all, texts, loo, injected, SLIP_DEFAULTS, {}, bareAlarms, bareHits);
    const lost = [...bareHits].filter((inj) => !shippedHits.has(inj)).map((inj) => `${inj.line.slice(Math.max(0, inj.at - 3), inj.at + 4)} (${inj.original})`);
    const list = (l: string[]) => (l.length ? l.join(' · ') : 'none');
    return [
      {
        group: 'review',
        metric: `typo-suspect corpus check, common-word guard fitted on ${fitSet.length} reports (lowest lexicon bucket costing ≤ ${pct(GUARD_COST)} of the slips found)`,
        value: `Q ≥ ${fittedQ}` + (fittedQ === COMMON_WORD_Q ? ' (= shipped)' : ` (shipped: Q ≥ ${COMMON_WORD_Q})`),
      },
      {
        group: 'review',
        metric: `typo-suspect recall, held-out ${checkSet.length} reports, with the guard (n = ${heldGuard.eligible})`,
        value: pct(recall(heldGuard)),
        baseline: `${pct(recall(heldBare))} without`,
      },
      {
        group: 'review',
        metric: `typo-suspect slips the guard loses, all reports (${lost.length} of ${bareHits.size} found: recall ${pct(recall(shipped))}, ${pct(recall(bare))} without; draft (original))`,
        value: list(lost.slice(0, 10)) + (lost.length > 10 ? ' …' : ''),
      },
      {
        group: 'review',
        metric: 'typo-suspect corpus-check false alarms on the bundled reports, listed',
        value: list(shippedAlarms),
        baseline: `${list(bareAlarms)} (without the guard)`,
      },
    ];
  }
}

if (require.main === module) {
  const only = process.argv[2];
  void (only === 'scale'
    ? benchReviewScale(process.argv.slice(3).map(Number))
    : only === 'speed'
    ? loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 }).then(({ reports }) => benchSpeed('bundled', reports, buildPhraseIndex(reports)))
    : only === 'slips'
    ? loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 }).then(({ reports }) =>
        benchSlips(reports, buildPhraseIndex(reports), reports.map((_, r) => buildPhraseIndex(reports.filter((_, i) => i !== r)))),
      )
    : only === 'words'
    ? loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 }).then(({ reports }) =>
        benchWordSlips(reports, reports.map((_, r) => buildPhraseIndex(reports.filter((_, i) => i !== r)))),
      )
    : only === 'copies'
    ? loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 }).then(({ reports }) =>
        benchCopies(reports, reports.map((_, r) => buildPhraseIndex(reports.filter((_, i) => i !== r)))),
      )
    : benchReview()
  ).then((rows) => process.stdout.write(formatTable(rows) + '\n'));
}
