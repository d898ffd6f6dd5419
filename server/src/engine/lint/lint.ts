/**
 * Lints a draft: reads its one parse (a Draft: tree, prose view, report type), runs every rule that is not
 * switched off, stamps each finding with its rule id and the configured level (a hint for a
 * finding its rule marks `early` — a draft just begun, at the `editing` stage), and drops
 * findings in spans switched off by inline comments.
 */
import type { CorpusHeadings } from './corpusHeadings';
import type { KindShareStats } from '../delivery/kindShare';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { PhraseIndex } from '../search/phraseIndex';
import type { Lexicon } from '../review/lexicon';
import { runToEnd, type Steps } from '../slices';
import { DisableMap } from './disable';
import { draftOf, type Draft } from './draft';
import { RULES } from './registry';
import type { Finding, LintStage, RuleContext, Severity } from './types';

export interface LintOptions {
  settings?: Settings;
  /** Typical headings per kind from the corpus (see corpusHeadings.ts). */
  corpusHeadings?: CorpusHeadings;
  /** Usual shares of each kind in the corpus (delivery/kindShare.ts). */
  corpusStats?: KindShareStats;
  /**
   * A report type chosen for this run (the CLI's `--report-type`): wins over the title and the
   * `reportType` setting, not over the draft's front matter (see reportTypeOf.ts).
   */
  reportType?: string;
  /** The corpus phrase index, for the rules that compare the draft with the corpus. */
  phrases?: PhraseIndex;
  /** The general lexicon for typo-suspect (io/lexicon.ts). */
  lexicon?: Lexicon;
  /** The workspace's word list file's words (io/words.ts). */
  words?: readonly string[];
  /** Run only these rules (by id); default all. */
  only?: readonly string[];
  /**
   * `editing` for a draft open in the editor (early-stage findings become hints); `full`, the
   * default, for the CLI, export and review (see LintStage).
   */
  stage?: LintStage;
  /**
   * Asked between rules and inside the long ones (the corpus rules): true stops the run there,
   * and the rules left undone or unfinished are named in LintRun.cut (a huge draft's check
   * past its time budget).
   */
  outOfTime?: () => boolean;
}

/** What a lint run found, and the rules it did not finish (out of time). */
export interface LintRun {
  findings: Finding[];
  cut: string[];
}

/** The level a rule runs at under `settings`, or 'off'. */
export function ruleLevel(settings: Settings, id: string, fallback: Severity): Severity | 'off' {
  return settings.lint.rules[id] ?? fallback;
}

/** All findings for `text` (or a Draft of it: its parse is reused), in document order. */
export function lintText(text: string | Draft, opts: LintOptions = {}): Finding[] {
  return runToEnd(lintSteps(draftOf(text), opts)).findings;
}

/**
 * Lint as a sliced run (engine/slices.ts): yields between rules and inside the rules that
 * have steps, so the server runs it between requests.
 */
export function* lintSteps(draft: Draft, opts: LintOptions = {}): Steps<LintRun> {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const text = draft.text;
  const lines = draft.lines;
  // Views are read when a rule first needs them: the corpus rules alone never parse the draft.
  const ctx: RuleContext = {
    text,
    get prose() {
      return draft.prose;
    },
    get tree() {
      return draft.tree;
    },
    lines,
    settings,
    get reportType() {
      return draft.reportType(settings.reportType, opts.reportType);
    },
    corpusHeadings: opts.corpusHeadings,
    corpusStats: opts.corpusStats,
    stage: opts.stage ?? 'full',
    phrases: opts.phrases,
    lexicon: opts.lexicon,
    words: opts.words,
    outOfTime: opts.outOfTime,
  };
  const disabled = new DisableMap(text, lines);
  const out: Finding[] = [];
  const cut: string[] = [];
  for (const rule of RULES) {
    if (opts.only && !opts.only.includes(rule.id)) continue;
    const level = ruleLevel(settings, rule.id, rule.defaultSeverity);
    if (level === 'off') continue;
    if (opts.outOfTime?.()) {
      cut.push(rule.id);
      continue;
    }
    const found = rule.steps ? yield* rule.steps(ctx) : rule.check(ctx);
    // A rule with steps stops part-way when time runs out: what it found so far stands.
    if (rule.steps && opts.outOfTime?.()) cut.push(rule.id);
    for (const { early, ...f } of found) {
      if (!disabled.empty && disabled.isDisabled(rule.id, f.start)) continue;
      out.push({ rule: rule.id, severity: early ? 'hint' : level, ...f });
    }
    yield;
  }
  return { findings: out.sort((a, b) => a.start - b.start || a.end - b.end), cut };
}
