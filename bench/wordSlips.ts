/**
 * Review (审校) benchmark of typo-suspect as a whole — the corpus check and the general word
 * check together (review/typos.ts) — leave-one-report-out on the bundled corpus: each report is
 * checked against a phrase index of the other reports and the general lexicon.
 *
 * Slips are injected at random words of each report (the words of the lexicon segmentation, two
 * to four Han characters), one at a time, a fixed seed:
 * - same pinyin: one character replaced by a common character (lexicon frequency ≥ 500) with the
 *   same toneless pinyin — the wrong candidate of a pinyin input method;
 * - similar shape (when the shape data is there): a shape-alike instead.
 * A slip is found when a finding names that character and suggests the original one. Recall is
 * given for slips that make a non-word (the target: `工做`), and for all (a slip making another
 * word — 实施→实时 — is a whole-word confusion, which needs context evidence).
 * False alarms: findings on the untouched reports, per 10,000 Han characters, listed.
 * The thresholds (wordSlipModel.json) are fitted on the even-numbered reports — the most recall
 * such that the false-alarm rate is within target at 80% confidence — and checked on the odd ones;
 * `npm run bench -- --fit-review` writes the fitted ones.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { proseView } from '../server/src/engine/lint/prose';
import type { Lexicon } from '../server/src/engine/review/lexicon';
import { hanRuns, homophones, isHan } from '../server/src/engine/review/pinyin';
import { findTypos, type Typo } from '../server/src/engine/review/typos';
import { injectConfusion } from '../server/src/engine/review/confusions';
import { shapeAlikes } from '../server/src/engine/review/shapes';
import { segmentWords, SHAPE, SOUND, WORD_SLIP_DEFAULTS, type CharSource, type SlipKind, type WordSlipOptions } from '../server/src/engine/review/wordSlips';
import type { PhraseIndex } from '../server/src/engine/search/phraseIndex';
import type { CorpusReport } from '../server/src/engine/types';
import { loadLexicon, lexiconPath } from '../server/src/io/lexicon';
import { prng } from '../test/helpers/prng';
import type { BenchRow } from './table';

const PER_REPORT = 80;
const FA_TARGET = 1;
const RECALL_TARGET: Record<SlipKind, number> = { sound: 0.85, shape: 0.6 };
/** Least lexicon frequency of a character an input method offers as a candidate. */
const COMMON_CHAR = Math.round(4 * Math.log(500));

type Kind = SlipKind | 'word';

export interface Slip {
  report: number;
  kind: Kind;
  /** The line as the report has it, and with the slip. */
  original_line: string;
  line: string;
  at: number;
  original: string;
  /** The slipped word is itself a lexicon word. */
  makesWord: boolean;
}

/** Alternative sources for injection and detection; the shape one when its data is there. */
export interface KindSource {
  kind: SlipKind;
  /** Characters an input method may give instead of `d`. */
  alternatives(d: string): readonly string[];
  detect: CharSource;
}

export function shapeSource(): KindSource {
  return {
    kind: 'shape',
    // Pure shape slips: a shape-alike that is also a homophone counts as same pinyin.
    alternatives: (d) => shapeAlikes(d).filter((c) => !homophones(d.charCodeAt(0), c.charCodeAt(0))),
    detect: SHAPE,
  };
}

export function soundSource(lex: Lexicon): KindSource {
  const common: number[] = [];
  for (const [w, q] of lex.entries(1)) if (q >= COMMON_CHAR) common.push(w.charCodeAt(0));
  const memo = new Map<string, string[]>();
  return {
    kind: 'sound',
    alternatives(d) {
      let out = memo.get(d);
      if (!out) {
        const dc = d.charCodeAt(0);
        out = common.filter((c) => c !== dc && homophones(dc, c)).map((c) => String.fromCharCode(c));
        memo.set(d, out);
      }
      return out;
    },
    detect: SOUND,
  };
}

const hanCount = (text: string) => [...text].filter((c) => isHan(c.charCodeAt(0))).length;

export function inject(lex: Lexicon, texts: string[], kinds: readonly KindSource[], rand: () => number): Slip[] {
  const out: Slip[] = [];
  texts.forEach((text, r) => {
    const lines = text.split('\n');
    const words: Array<{ line: number; s: number; e: number }> = [];
    lines.forEach((l, li) => {
      for (const [rs, re] of hanRuns(l)) {
        for (const [s, e] of segmentWords(lex, l.slice(rs, re))) if (e - s >= 2 && e - s <= 4) words.push({ line: li, s: rs + s, e: rs + e });
      }
    });
    for (const ks of kinds) {
      for (let n = 0, tries = 0; n < PER_REPORT && tries < PER_REPORT * 20 && words.length; tries++) {
        const w = words[Math.floor(rand() * words.length)];
        const at = w.s + Math.floor(rand() * (w.e - w.s));
        const l = lines[w.line];
        const options = ks.alternatives(l[at]);
        if (!options.length) continue;
        const c = options[Math.floor(rand() * options.length)];
        const line = l.slice(0, at) + c + l.slice(at + 1);
        out.push({ report: r, kind: ks.kind, original_line: l, line, at, original: l[at], makesWord: lex.q(line.slice(w.s, w.e)) !== undefined });
        n++;
      }
    }
    // Whole-word confusions (confusions.ts): wherever a line holds a word a rule could be swapped for, in its context.
    let n = 0;
    for (const l of lines) {
      if (n >= PER_REPORT) break;
      const inj = injectConfusion(l, rand);
      if (!inj) continue;
      out.push({ report: r, kind: 'word', original_line: l, line: inj.text, at: inj.start, original: inj.original, makesWord: true });
      n++;
    }
  });
  return out;
}

export interface Score {
  falseAlarms: Array<{ report: number; typo: Typo; context: string }>;
  chars: number;
  /** Per kind: [found, injected] over non-word slips, and over all. */
  recall: Record<Kind, { nonword: [number, number]; all: [number, number] }>;
}

export function score(
  reports: readonly number[],
  texts: string[],
  loo: PhraseIndex[],
  slips: Slip[],
  lex: Lexicon | undefined,
  detect: readonly CharSource[],
  opts: Partial<WordSlipOptions>,
): Score {
  const set = new Set(reports);
  const s: Score = {
    falseAlarms: [],
    chars: 0,
    recall: { sound: { nonword: [0, 0], all: [0, 0] }, shape: { nonword: [0, 0], all: [0, 0] }, word: { nonword: [0, 0], all: [0, 0] } },
  };
  for (const r of reports) {
    for (const typo of findTypos(texts[r], { index: loo[r], lexicon: lex, sources: detect, wordOptions: opts })) {
      s.falseAlarms.push({ report: r, typo, context: texts[r].slice(Math.max(0, typo.start - 6), typo.end + 6).replace(/\s+/g, ' ') });
    }
    s.chars += hanCount(texts[r]);
  }
  for (const slip of slips) {
    if (!set.has(slip.report)) continue;
    // Found: a finding whose fix gives the line back as the report has it.
    const hit = findTypos(slip.line, { index: loo[slip.report], lexicon: lex, sources: detect, wordOptions: opts }).some(
      (f) => slip.line.slice(0, f.fix.start) + f.fix.newText + slip.line.slice(f.fix.end) === slip.original_line,
    );
    const rec = s.recall[slip.kind];
    rec.all[1]++;
    if (hit) rec.all[0]++;
    if (!slip.makesWord) {
      rec.nonword[1]++;
      if (hit) rec.nonword[0]++;
    }
  }
  return s;
}

/** One-sided 80% Poisson upper bounds on the mean for 0…5 observed events. */
const UPPER_80 = [1.61, 2.99, 4.28, 5.52, 6.72, 7.91];
const upperRate = (s: Score) => ((UPPER_80[s.falseAlarms.length] ?? s.falseAlarms.length + 1.28 * Math.sqrt(s.falseAlarms.length) + 1) / s.chars) * 10_000;
const rate = (s: Score) => (s.falseAlarms.length / s.chars) * 10_000;
const ratio = ([a, b]: [number, number]) => (b ? a / b : 0);
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/**
 * The thresholds tried. rareChar stays 1 (a character the corpus never uses): a count above
 * "never" depends on the corpus's size (rareChar 2 was measured: one more point of recall on both
 * halves and one more false alarm held-out, README).
 */
function grid(): Array<Partial<WordSlipOptions>> {
  const out: Array<Partial<WordSlipOptions>> = [];
  for (const sound of [3, 4])
    for (const unsupported of [6, 8])
      for (const rareUnsupported of [0, 1, 2])
        for (const preferSupported of [0, 3])
          out.push({ minGain: { sound, shape: 7 }, minAltLogFreq: 4, corpusVouch: 1, unsupported, altSupport: 3, commonLogFreq: 99, rareChar: 1, rareUnsupported, preferSupported });
  return out;
}

/** The release before this one (issue 18's first word check), held-out: for the table's baseline column. */
const PREVIOUS = { sound: '76%', shape: '66%', falseAlarms: '0.95 / 10k' };

/** What the fit maximises: recall of same-pinyin and of shape slips making a non-word. */
const objective = (s: Score) => ratio(s.recall.sound.nonword) + ratio(s.recall.shape.nonword);

/** Heap growth of `fn`'s result, in MB, after garbage collection. */
function heapOf<T>(fn: () => T): { value: T; mb: number } {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = fn();
  gc();
  return { value, mb: (process.memoryUsage().heapUsed - before) / 1e6 };
}

export function benchWordSlips(reports: CorpusReport[], loo: PhraseIndex[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const { value: load, mb } = heapOf(() => loadLexicon());
  const lex = load.lexicon;
  if (!lex) return [{ group: 'review', metric: `general lexicon (${lexiconPath()})`, value: load.error ?? 'missing' }];
  rows.push(
    { group: 'review', metric: `general lexicon load (read and parse, ${lex.size} words)`, value: `${load.ms.toFixed(0)} ms`, target: '≤ 300 ms', ok: load.ms <= 300 },
    { group: 'review', metric: 'general lexicon memory (heap after GC)', value: `${mb.toFixed(1)} MB`, target: '≤ 60 MB', ok: mb <= 60 },
  );
  const texts = reports.map((r) => proseView(r.text).masked);
  const kinds = [soundSource(lex), shapeSource()];
  const detect = kinds.map((k) => k.detect);
  const slips = inject(lex, texts, kinds, prng(18));
  const all = reports.map((_, i) => i);
  const fitSet = all.filter((i) => i % 2 === 0);
  const checkSet = all.filter((i) => i % 2 === 1);

  let best: { opts: Partial<WordSlipOptions>; s: Score } | undefined;
  for (const opts of grid()) {
    const s = score(fitSet, texts, loo, slips, lex, detect, opts);
    if (process.env.REVIEW_BENCH_VERBOSE) {
      process.stderr.write(`${JSON.stringify(opts)} FA ${s.falseAlarms.length} sound ${pct(ratio(s.recall.sound.nonword))} shape ${pct(ratio(s.recall.shape.nonword))}\n`);
    }
    if (upperRate(s) > FA_TARGET) continue;
    if (!best || objective(s) > objective(best.s) || (objective(s) === objective(best.s) && s.falseAlarms.length < best.s.falseAlarms.length)) best = { opts, s };
  }
  const fitted = best?.opts;
  const desc = (o: Partial<WordSlipOptions>) =>
    `gain ≥ ${o.minGain?.sound} (shape ${o.minGain?.shape}; +${o.unsupported} when the corpus has the word < ${o.altSupport}× and its ln f < ${o.commonLogFreq}, ` +
    `+${o.rareUnsupported} instead when the corpus uses the draft's character < ${o.rareChar}×; rank +${o.preferSupported} for a word the corpus uses), word ln f ≥ ${o.minAltLogFreq}, corpus vouches at ${o.corpusVouch}`;
  const same = fitted && desc(fitted) === desc(WORD_SLIP_DEFAULTS);
  rows.push({ group: 'review', metric: `typo-suspect word check thresholds fitted on ${fitSet.length} reports`, value: fitted ? desc(fitted) + (same ? ' (= shipped)' : ` (shipped: ${desc(WORD_SLIP_DEFAULTS)})`) : 'none within target' });
  if (fitted && process.argv.includes('--fit-review')) {
    const file = join(__dirname, '..', 'server', 'src', 'engine', 'review', 'wordSlipModel.json');
    const model = { note: 'Thresholds of the general word check (wordSlips.ts), fitted by npm run bench -- --fit-review (bench/wordSlips.ts) leave-one-report-out on the bundled corpus.', ...fitted };
    writeFileSync(file, JSON.stringify(model, null, 2) + '\n');
  }

  const held = score(checkSet, texts, loo, slips, lex, detect, WORD_SLIP_DEFAULTS);
  const shipped = score(all, texts, loo, slips, lex, detect, WORD_SLIP_DEFAULTS);
  const before = score(all, texts, loo, slips, undefined, detect, WORD_SLIP_DEFAULTS);
  for (const k of kinds) {
    const name = k.kind === 'sound' ? 'same pinyin' : 'similar shape';
    const h = held.recall[k.kind];
    const a = shipped.recall[k.kind];
    const b = before.recall[k.kind];
    rows.push(
      {
        group: 'review',
        metric: `typo-suspect recall, ${name}, slip makes a non-word — held-out ${checkSet.length} reports (n = ${h.nonword[1]})`,
        value: pct(ratio(h.nonword)),
        baseline: `${k.kind === 'sound' ? PREVIOUS.sound : PREVIOUS.shape} (release before); ${pct(ratio(before.recall[k.kind].nonword))} (corpus check only, all reports)`,
        target: `≥ ${pct(RECALL_TARGET[k.kind])}`,
        ok: ratio(h.nonword) >= RECALL_TARGET[k.kind],
      },
      {
        group: 'review',
        metric: `typo-suspect recall, ${name}, non-word — all ${reports.length} reports (n = ${a.nonword[1]})`,
        value: pct(ratio(a.nonword)),
        baseline: pct(ratio(b.nonword)),
        target: `≥ ${pct(RECALL_TARGET[k.kind])}`,
        ok: ratio(a.nonword) >= RECALL_TARGET[k.kind],
      },
      { group: 'review', metric: `typo-suspect recall, ${name}, every slip (also those making another word) (n = ${a.all[1]})`, value: pct(ratio(a.all)), baseline: pct(ratio(b.all)) },
    );
  }
  const w = shipped.recall.word;
  rows.push({
    group: 'review',
    metric: `typo-suspect recall, whole-word confusion (a confusable put where its context settles the original, confusions.ts), all reports (n = ${w.all[1]})`,
    value: pct(ratio(w.all)),
    baseline: pct(ratio(before.recall.word.all)),
  });
  rows.push(
    {
      group: 'review',
      metric: `typo-suspect false alarms, held-out (${held.falseAlarms.length} in ${held.chars} Han chars)`,
      value: `${rate(held).toFixed(2)} / 10k`,
      baseline: `${PREVIOUS.falseAlarms} (release before)`,
      target: `≤ ${FA_TARGET} / 10k`,
      ok: rate(held) <= FA_TARGET,
    },
    {
      group: 'review',
      metric: `typo-suspect false alarms, all reports (${shipped.falseAlarms.length} in ${shipped.chars} Han chars)`,
      value: `${rate(shipped).toFixed(2)} / 10k`,
      baseline: `${rate(before).toFixed(2)} / 10k (corpus check only)`,
      target: `≤ ${FA_TARGET} / 10k`,
      ok: rate(shipped) <= FA_TARGET,
    },
    {
      group: 'review',
      metric: 'typo-suspect false alarms on the bundled reports, listed',
      value: shipped.falseAlarms.map((f) => `${f.typo.phrase}→${f.typo.variant} (${f.typo.evidence}, …${f.context}…)`).join(' · ') || 'none',
    },
  );
  return rows;
}
