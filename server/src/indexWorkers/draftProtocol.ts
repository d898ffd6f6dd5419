/** Messages between the server and the huge-draft worker (draftWorker.ts). Plain data only. */
import type { CorpusHeadings } from '../engine/lint/corpusHeadings';
import type { KindShareStats } from '../engine/delivery/kindShare';
import type { Fold } from '../engine/lint/folding';
import type { Finding, LintStage } from '../engine/lint/types';
import type { OutlineSymbol } from '../engine/report/symbols';
import type { Settings } from '../engine/settings';

/**
 * The rules of a huge draft get at least this long after its prose view is ready, even past the
 * job's deadline (on a loaded machine the parse alone can outlast it): some findings come, not
 * only the notice that the check was cut. The worker and the server's corpus rules both keep it.
 */
export const MIN_RULES_MS = 700;

export interface DraftJob {
  id: number;
  text: string;
  settings: Settings;
  stage: LintStage;
  showItems: boolean;
  corpusStats?: KindShareStats;
  corpusHeadings?: CorpusHeadings;
  /**
   * Rules still running at this wall-clock time (Date.now()) are cut (see lintSteps' outOfTime):
   * the diagnostics of a huge draft come a fixed time after its job was asked for, however
   * loaded the machine is.
   */
  deadline: number;
  /** The rules get at least this long after the prose view is ready, even past the deadline (MIN_RULES_MS). */
  minRulesMs: number;
  /** Most findings sent back (the most severe); the count of all is sent beside them. */
  maxFindings: number;
  /** Rules left to the server (the corpus rules: the phrase index lives there). */
  skipRules: string[];
}

/** The outline and folds of a draft. */
export interface DraftOutline {
  symbols: OutlineSymbol[];
  folds: Fold[];
}

/**
 * First reply: the outline and folds as JSON (a string crosses threads in one copy; tens of
 * thousands of symbol objects would be rebuilt one by one on the server's thread, holding its
 * requests). Sent before the prose view is worked out: the outline waits for nothing else.
 */
export interface OutlineReply {
  id: number;
  part: 'outline';
  outline: string;
}

/** Second reply: the masked prose (the server runs the corpus rules on it). */
export interface ProseReply {
  id: number;
  part: 'prose';
  masked: string;
}

/** Third reply: the findings of every rule but the corpus ones. */
export interface LintReply {
  id: number;
  part: 'lint';
  findings: Finding[];
  total: number;
  cut: string[];
}

export type DraftReply = OutlineReply | ProseReply | LintReply | { id: number; part: 'error'; error: string };
