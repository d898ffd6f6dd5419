/**
 * Lints a draft: parses it once (or reuses the caller's tree), runs every rule that is not
 * switched off, stamps each finding with its rule id and the configured level (a hint for a
 * finding its rule marks `early` — a draft just begun, at the `editing` stage), and drops
 * findings in spans switched off by inline comments.
 */
import type { CorpusHeadings } from './corpusHeadings';
import type { KindShareStats } from '../delivery/kindShare';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { LineIndex } from '../text/lineIndex';
import type { ReportTree } from '../types';
import type { PhraseIndex } from '../search/phraseIndex';
import type { Lexicon } from '../review/lexicon';
import { DisableMap } from './disable';
import { parseDraft } from './parseDraft';
import { proseView } from './prose';
import { RULES } from './registry';
import { reportTypeOf } from './reportTypeOf';
import type { Finding, LintStage, RuleContext, Severity } from './types';

export interface LintOptions {
  settings?: Settings;
  /** The draft's tree when the caller already has it (the server's per-version cache). */
  tree?: ReportTree;
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
}

/** The level a rule runs at under `settings`, or 'off'. */
export function ruleLevel(settings: Settings, id: string, fallback: Severity): Severity | 'off' {
  return settings.lint.rules[id] ?? fallback;
}

/** All findings for `text`, in document order. */
export function lintText(text: string, opts: LintOptions = {}): Finding[] {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const tree = opts.tree ?? parseDraft(text);
  const lines = new LineIndex(text);
  const ctx: RuleContext = {
    text,
    prose: proseView(text),
    tree,
    lines,
    settings,
    reportType: reportTypeOf(text, tree, settings.reportType, opts.reportType),
    corpusHeadings: opts.corpusHeadings,
    corpusStats: opts.corpusStats,
    stage: opts.stage ?? 'full',
    phrases: opts.phrases,
    lexicon: opts.lexicon,
    words: opts.words,
  };
  const disabled = new DisableMap(text, lines);
  const out: Finding[] = [];
  for (const rule of RULES) {
    if (opts.only && !opts.only.includes(rule.id)) continue;
    const level = ruleLevel(settings, rule.id, rule.defaultSeverity);
    if (level === 'off') continue;
    for (const { early, ...f } of rule.check(ctx)) {
      if (!disabled.empty && disabled.isDisabled(rule.id, f.start)) continue;
      out.push({ rule: rule.id, severity: early ? 'hint' : level, ...f });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
