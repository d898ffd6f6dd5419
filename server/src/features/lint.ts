/**
 * Lint in the editor: diagnostics (source `shuzhi`, code = rule id) pushed on open and
 * change (debounced), when settings change and when the corpus is (re)loaded; code actions
 * for the fixes each finding carries, a “turn this rule off for this line” action, and
 * `source.fixAll.shuzhi` applying every safe fix (punctuation, numbering) at once.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { getTree } from '../documentCache';
import { KIND_SHARE_INDEX_KEY, kindShareSteps, type KindShareStats } from '../engine/delivery/kindShare';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { LARGE_CORPUS_CHARS } from '../engine/corpus/store';
import { CORPUS_HEADINGS_INDEX_KEY, corpusHeadingsSteps, type CorpusHeadings } from '../engine/lint/corpusHeadings';
import { safeFixEdits } from '../engine/lint/edits';
import { lintText } from '../engine/lint/lint';
import type { Finding, Severity, TextEdit } from '../engine/lint/types';
import type { PhraseIndex } from '../engine/search/phraseIndex';
import { corpusUri, SourceFiles } from './corpusSources';
import { phraseIndex, phraseIndexNow } from './sharedPhraseIndex';

/** Diagnostic source; clients filter and label by it. */
export const SOURCE = 'shuzhi';
/** Code action kind of “fix all” for this server. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shuzhi`;
const DEBOUNCE_MS = 200;
/**
 * Most diagnostics pushed per document: a pasted compilation can hold tens of thousands of
 * repeats and placeholders, which no one reads in the Problems view and which cost seconds
 * to send. The most severe are kept, in document order.
 */
export const MAX_DIAGNOSTICS = 1000;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** At most `max` findings, the most severe first chosen, returned in document order. */
export function capFindings(findings: readonly Finding[], max = MAX_DIAGNOSTICS): Finding[] {
  if (findings.length <= max) return [...findings];
  return [...findings]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start)
    .slice(0, max)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface Linted {
  version: number;
  /** Settings and corpus the findings were computed under. */
  stamp: string;
  findings: Finding[];
  /** The phrase index the corpus rules read (their corpusRelated report numbers index its reports). */
  phrases?: PhraseIndex;
}

/**
 * Above LARGE_CORPUS_CHARS the corpus rules (typo-suspect, copied-passage: a few ms for
 * a 5,000-character draft on the bundled corpus, tens of ms at 100 MB and more on a busy machine)
 * leave the 200 ms pass and run CORPUS_RULES_DEBOUNCE_MS after the last change, so typing never
 * waits for them.
 */
const CORPUS_RULES_DEBOUNCE_MS = 1500;
const isLarge = (index: PhraseIndex | undefined): boolean => index !== undefined && index.text.length > LARGE_CORPUS_CHARS;
/** Longest a check waits for the answers before it to be written. */
const FLUSH_WAIT_MS = 2000;

/**
 * Bytes of messages to the client not yet written: stdout's buffer (stdio) or the IPC
 * channel's write queue (how VS Code runs the server; `writeQueueSize` of the pipe handle,
 * when Node exposes it).
 */
function pendingOutputBytes(): number {
  const channel = process.channel as { writeQueueSize?: unknown } | undefined;
  const ipc = typeof channel?.writeQueueSize === 'number' ? channel.writeQueueSize : 0;
  return ipc + (process.stdout.writableLength ?? 0);
}

/**
 * Runs `check` once the answers already on their way are written (at most FLUSH_WAIT_MS
 * later). The connection writes an answer in the next immediate and a pipe takes megabytes
 * in many turns of the event loop, while checking a pasted draft of millions of characters
 * holds the thread for seconds: started at once, it would hold back the draft's outline,
 * asked for at the same time.
 */
function afterPendingOutput(check: () => void, since = Date.now()): void {
  setImmediate(() => {
    if (pendingOutputBytes() > 0 && Date.now() - since < FLUSH_WAIT_MS) setTimeout(() => afterPendingOutput(check, since), 5);
    else check();
  });
}


/** What other features may ask of lint: a document's findings at its current version (cached). */
export interface LintAccess {
  findingsOf(doc: TextDocument): Finding[];
}

export function register(ctx: ServerContext): LintAccess {
  const { connection, documents } = ctx;
  const timers = new Map<string, NodeJS.Timeout>();
  const slowTimers = new Map<string, NodeJS.Timeout>();
  const results = new Map<string, Linted>();

  // The corpus's section-length figures (section-thin): counted on the spot for a small corpus; a
  // large one is counted in slices (seconds at 100 MB) and the drafts are checked again when done.
  const shares = new SlicedIndex<KindShareStats>(ctx.corpus, KIND_SHARE_INDEX_KEY, kindShareSteps, () => revalidateAll());
  // The corpus's typical headings (section-missing's suggestions), the same way.
  const headings = new SlicedIndex<CorpusHeadings>(ctx.corpus, CORPUS_HEADINGS_INDEX_KEY, corpusHeadingsSteps, () => revalidateAll());
  // Corpus sources of copied passages, placed on their file lines once the file is read.
  const sources = new SourceFiles(ctx);
  let waitingForPhrases = false;
  /** The phrase index for the corpus rules: now for a small corpus; a large one is built in slices and the drafts checked again. */
  const phrasesNow = (): PhraseIndex | undefined => {
    const index = phraseIndexNow(ctx);
    if (!index && !waitingForPhrases && ctx.corpus.reports.length) {
      waitingForPhrases = true;
      phraseIndex(ctx).then(
        () => {
          waitingForPhrases = false;
          revalidateAll();
        },
        () => {
          waitingForPhrases = false;
        },
      );
    }
    return index;
  };
  const stamp = (withStats: string) =>
    `${ctx.corpus.version}:${withStats}:${JSON.stringify(ctx.settings().lint)}:${ctx.settings().reportType}:${ctx.settings().length.limit}`;

  /**
   * Findings of `doc` at its current version, computed once per version, settings and corpus.
   * `withCorpus` false leaves out the corpus rules (typo-suspect, copied-passage) when the
   * corpus is large — unless they were already run on this version.
   */
  const findingsOf = (doc: TextDocument, withCorpus = true): Finding[] => {
    const corpusStats = shares.now(LARGE_CORPUS_CHARS);
    const corpusHeadings = headings.now(LARGE_CORPUS_CHARS);
    const indexed = phrasesNow();
    const phrases = withCorpus || !isLarge(indexed) ? indexed : undefined;
    const base = stamp(`${corpusStats !== undefined}/${corpusHeadings !== undefined}`);
    const s = `${base}/${phrases !== undefined}`;
    const hit = results.get(doc.uri);
    if (hit && hit.version === doc.version && (hit.stamp === s || (!phrases && hit.stamp === `${base}/true`))) return hit.findings;
    const findings = lintText(doc.getText(), {
      settings: ctx.settings(),
      tree: getTree(ctx, doc),
      corpusHeadings,
      corpusStats,
      // A draft open in the editor is being written: a title-only draft gets a hint, not warnings.
      stage: 'editing',
      phrases,
    });
    results.set(doc.uri, { version: doc.version, stamp: s, findings, phrases });
    return findings;
  };

  const toDiagnostic = (doc: TextDocument, f: Finding): Diagnostic => {
    const d: Diagnostic = {
      range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
      severity: SEVERITY[f.severity],
      source: SOURCE,
      code: f.rule,
      message: f.message,
    };
    if (f.related?.length) {
      d.relatedInformation = f.related.map((r) => ({
        location: { uri: doc.uri, range: { start: doc.positionAt(r.start), end: doc.positionAt(r.end) } },
        message: r.message,
      }));
    }
    const reports = results.get(doc.uri)?.phrases?.reports;
    if (f.corpusRelated?.length && reports) {
      const infos = d.relatedInformation ?? [];
      for (const r of f.corpusRelated) {
        const report = reports[r.report];
        const line = report ? sources.lineNow(report, r.start, r.end, () => schedule(doc.uri)) : null;
        // Not placed yet (the file is being read): the diagnostics are sent again when it is.
        if (!report || line === null || line === undefined) continue;
        const at = { line, character: 0 };
        infos.push({ location: { uri: corpusUri(report.source), range: { start: at, end: at } }, message: `${r.message}（第 ${line + 1} 行）` });
      }
      if (infos.length) d.relatedInformation = infos;
    }
    return d;
  };

  const validate = (uri: string, withCorpus: boolean) => {
    const doc = documents.get(uri);
    if (!doc) return;
    try {
      const diagnostics = capFindings(findingsOf(doc, withCorpus)).map((f) => toDiagnostic(doc, f));
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (e) {
      ctx.log(`检查 ${uri} 时出错：${(e as Error).stack ?? e}`);
    }
  };

  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        afterPendingOutput(() => validate(uri, false));
      }, DEBOUNCE_MS),
    );
    // With a large corpus the corpus rules take a good part of a second: they run once typing pauses.
    clearTimeout(slowTimers.get(uri));
    if (isLarge(phraseIndexNow(ctx))) {
      slowTimers.set(
        uri,
        setTimeout(() => {
          slowTimers.delete(uri);
          validate(uri, true);
        }, CORPUS_RULES_DEBOUNCE_MS),
      );
    }
  };
  const revalidateAll = () => {
    for (const doc of documents.all()) schedule(doc.uri);
  };

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    clearTimeout(slowTimers.get(e.document.uri));
    slowTimers.delete(e.document.uri);
    results.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ctx.onSettingsChanged(revalidateAll);
  ctx.corpus.onDidChange(revalidateAll);

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return codeActions(doc, findingsOf(doc, false), params, (f) => toDiagnostic(doc, f));
  });
  return { findingsOf };
}

/** Is an action of `kind` wanted, given the client's `only` filter? */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only?.length) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function lspEdits(doc: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

/** The code actions for the findings touching the requested range. */
export function codeActions(
  doc: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  toDiagnostic: (f: Finding) => Diagnostic,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const changes = (edits: readonly TextEdit[]) => ({ changes: { [doc.uri]: lspEdits(doc, edits) } });

  if (wanted(only, CodeActionKind.QuickFix)) {
    const from = doc.offsetAt(params.range.start);
    const to = doc.offsetAt(params.range.end);
    const asked = params.context.diagnostics.filter((d) => d.source === SOURCE);
    const switchOffered = new Set<string>();
    for (const f of findings) {
      // The client names the diagnostics under the cursor; without them, use the range.
      const diagnostic = toDiagnostic(f);
      const named = asked.some((d) => d.code === f.rule && sameRange(d.range, diagnostic.range));
      const touches = f.start <= to && f.end >= from;
      if (!(named || (!asked.length && touches))) continue;
      for (const fix of f.fixes ?? []) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: changes(fix.edits),
        });
      }
      const line = doc.positionAt(f.start).line;
      if (switchOffered.has(`${f.rule}:${line}`)) continue;
      switchOffered.add(`${f.rule}:${line}`);
      const lineStart = doc.offsetAt({ line, character: 0 });
      const indent = /^[ \t\u3000]*/.exec(doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
      actions.push({
        title: `在这一行停用规则 ${f.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: changes([{ start: lineStart, end: lineStart, newText: `${indent}<!-- shuzhi-disable-next-line ${f.rule} -->\n` }]),
      });
    }
  }

  if (wanted(only, FIX_ALL_KIND)) {
    const edits = safeFixEdits(findings);
    if (edits.length) actions.push({ title: '述职助手：修正所有可自动修正的问题', kind: FIX_ALL_KIND, edit: changes(edits) });
  }
  return actions;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
