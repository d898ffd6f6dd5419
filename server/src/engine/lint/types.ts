/**
 * Shapes of the lint layer. Everything is in string offsets (UTF-16, as JavaScript strings
 * are); adapters turn offsets into LSP ranges with a LineIndex.
 */
import type { RuleCategory } from './categories';
import type { CorpusHeadings } from './corpusHeadings';
import type { KindShareStats } from '../delivery/kindShare';
import type { LineIndex } from '../text/lineIndex';
import type { Settings } from '../settings';
import type { PhraseIndex } from '../search/phraseIndex';
import type { Finding, ReportTree, Severity } from '../types';
import type { ProseView } from './prose';
import type { ReportTypeChoice } from './reportTypeOf';
import type { Lexicon } from '../review/lexicon';
import type { Steps } from '../slices';

/** The finding shapes are the engine's (engine/types.ts), shared with the length rules and review. */
export type { Finding, Fix, Severity, TextEdit } from '../types';

/** What a rule reports: a finding before lint stamps it with the rule id and the configured severity. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity'> & {
  /**
   * The draft is at too early a stage for this finding to count at the configured level
   * (see LintStage): lint shows it as a hint instead.
   */
  early?: boolean;
};

/**
 * How complete a verdict the caller wants. `full` (the CLI, export, review): every rule at its
 * configured level. `editing` (the editor, while the writer types): findings that would scold a
 * draft just begun — the parts a title-only draft lacks — are shown as hints until it has a body.
 */
export type LintStage = 'editing' | 'full';

/** Everything a rule may look at, computed once per lint run. */
export interface RuleContext {
  /** The draft as given. */
  text: string;
  /**
   * The draft with everything that is not prose (front matter, comments, code, link targets,
   * URLs, Markdown markers) replaced by spaces, offsets kept.
   */
  prose: ProseView;
  /** The report tree (section kinds inferred). */
  tree: ReportTree;
  lines: LineIndex;
  settings: Settings;
  /** The report type the draft is measured against, and where it was read from. */
  reportType: ReportTypeChoice;
  /** Typical headings per section kind learnt from the corpus, most frequent first. */
  corpusHeadings?: CorpusHeadings;
  /** Usual share of each section kind in the corpus (for section-thin). */
  corpusStats?: KindShareStats;
  /** Editing in the editor, or the full check (see LintStage). */
  stage: LintStage;
  /** The corpus phrase index (typo-suspect, copied-passage); rules that need it are silent without it. */
  phrases?: PhraseIndex;
  /** The general lexicon (typo-suspect's word check); without it only the corpus evidence counts. */
  lexicon?: Lexicon;
  /** The workspace's word list (`.shuzhi/words.txt`), beside the setting `shuzhi.review.words`. */
  words?: readonly string[];
  /** True once a sliced run is out of time: a rule with steps stops there (see LintOptions.outOfTime). */
  outOfTime?: () => boolean;
}

/** A lint rule: its id, category, default level, a Chinese description and the check itself. */
export interface LintRule {
  id: string;
  /** The category its findings are summed up under (categories.ts). */
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One Chinese sentence saying what the rule looks for (shown in docs and `shuzhi lint --rules`). */
  description: string;
  /** A short example of text the rule flags, for the README table. */
  example: string;
  check(ctx: RuleContext): RuleFinding[];
  /**
   * The same check as a sliced run (engine/slices.ts), for a rule that can take long (the corpus
   * rules on a huge draft): yields now and then, stops early once ctx.outOfTime() says so.
   */
  steps?(ctx: RuleContext): Steps<RuleFinding[]>;
}
