/**
 * What every feature function reads besides its draft, made once per server: the open
 * documents' Drafts (one per version), the shared corpus indexes under one policy, the corpus
 * source files, the huge-draft worker, and the inputs of a check. Features are functions of
 * (draft, position, token) over this; server.ts and the protocol adapters register them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import type { Draft } from '../engine/lint/draft';
import type { CorpusHeadings } from '../engine/lint/corpusHeadings';
import type { KindShareStats } from '../engine/delivery/kindShare';
import { RULES } from '../engine/lint/registry';
import type { PhraseIndex } from '../engine/search/phraseIndex';
import type { Lexicon } from '../engine/review/lexicon';
import { typoInputs } from './typoInputs';
import type { Settings } from '../engine/settings';
import type { LintStage } from '../engine/lint/types';
import { SourceFiles } from './corpusSources';
import { draftOf, openDraft } from './drafts';
import { HugeDrafts, type HugeAnalysis } from './hugeDrafts';
import { corpusIndexes, phraseIndex, phraseIndexNow, type CorpusIndexes } from './sharedPhraseIndex';

/** How long one check of a draft may work (CPU time of its thread) before the rest is cut and the draft says so. */
export const CHECK_BUDGET_MS = 4000;
/**
 * A huge draft's check (hugeDrafts.ts) ends this long (wall clock) after its worker job was
 * asked for — on its opening, by the outline or the check — and the rules still running are cut:
 * its diagnostics come about this long after the server has read the draft, however loaded the
 * machine is (the target is 5 s from the opening, the reading of a 30 MB message included).
 */
export const HUGE_CHECK_MS = 2500;

/** Rules the server runs on its own thread, in slices (they read the phrase index); a huge draft's other rules run in the worker. */
export const SLICED_RULES: readonly string[] = RULES.filter((r) => r.steps !== undefined).map((r) => r.id);

/** What a check of a draft depends on besides its text. */
export interface CheckInputs {
  settings: Settings;
  corpusStats?: KindShareStats;
  corpusHeadings?: CorpusHeadings;
  phrases?: PhraseIndex;
  /** typo-suspect's general lexicon and the workspace's word list (typoInputs.ts). */
  lexicon?: Lexicon;
  words?: readonly string[];
}

export interface Service {
  readonly ctx: ServerContext;
  readonly indexes: CorpusIndexes;
  readonly sources: SourceFiles;
  readonly huge: HugeDrafts;
  draft(doc: TextDocument): Draft;
  openDraft(uri: string): Draft | undefined;
  /** The inputs of a check now (indexes not ready yet are left out; a large corpus builds them in the background). */
  inputs(): CheckInputs;
  /** A stamp of those inputs: the same stamp, the same findings for the same version. */
  stamp(): string;
  /** A huge draft's analysis in the worker, shared by its outline, folds and check (`full`: review's, up to `maxFindings`). */
  hugeAnalysis(draft: Draft, stage?: LintStage, maxFindings?: number): HugeAnalysis;
  /** Registers a callback run when the phrase index a check asked for is built. */
  onPhraseIndexBuilt(listener: () => void): void;
}

const services = new WeakMap<ServerContext, Service>();

export function serviceOf(ctx: ServerContext): Service {
  let s = services.get(ctx);
  if (s) return s;
  const indexes = corpusIndexes(ctx);
  const huge = new HugeDrafts(ctx.log);
  ctx.documents.onDidClose((e) => huge.forget(e.document.uri));
  let waitingForPhrases = false;
  const phraseListeners: Array<() => void> = [];
  /** The phrase index for the corpus rules: now for a small corpus; a large one is built in the background and the drafts checked again. */
  const phrasesNow = (): PhraseIndex | undefined => {
    const index = phraseIndexNow(ctx);
    if (!index && !waitingForPhrases && ctx.corpus.reports.length) {
      waitingForPhrases = true;
      const done = () => {
        waitingForPhrases = false;
        for (const l of phraseListeners) l();
      };
      phraseIndex(ctx).then(done, () => (waitingForPhrases = false));
    }
    return index;
  };
  const inputs = (): CheckInputs => ({
    settings: ctx.settings(),
    corpusStats: indexes.now(indexes.kindShares),
    corpusHeadings: indexes.now(indexes.headings),
    phrases: phrasesNow(),
    ...typoInputs(ctx),
  });
  s = {
    ctx,
    indexes,
    sources: new SourceFiles(ctx),
    huge,
    draft: (doc) => draftOf(ctx, doc),
    openDraft: (uri) => openDraft(ctx, uri),
    inputs,
    stamp: () => {
      const i = inputs();
      const settings = i.settings;
      return JSON.stringify([ctx.corpus.version, !!i.corpusStats, !!i.corpusHeadings, !!i.phrases, !!i.lexicon, i.words, settings.lint, settings.reportType, settings.length, settings.review, settings.outline]);
    },
    onPhraseIndexBuilt: (l) => phraseListeners.push(l),
    hugeAnalysis: (draft, stage, maxFindings) => {
      const i = inputs();
      return huge.analyse(draft, {
        settings: i.settings,
        showItems: i.settings.outline.showOrdinals,
        corpusStats: i.corpusStats,
        corpusHeadings: i.corpusHeadings,
        budgetMs: HUGE_CHECK_MS,
        skipRules: [...SLICED_RULES],
        stage,
        maxFindings,
      });
    },
  };
  services.set(ctx, s);
  return s;
}
