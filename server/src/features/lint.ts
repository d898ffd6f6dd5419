/**
 * Lint in the editor. The feature functions: `checkDraft` (a draft's findings, in slices
 * between requests; a huge draft's non-corpus rules in the worker; work past the check's time
 * budget cut), `diagnosticsOf` (findings → LSP diagnostics, one information diagnostic when the
 * check was cut, corpus sources placed on their file lines) and `codeActions` (the fixes each
 * finding carries, a “turn this rule off for this line” action, and `source.fixAll.shuzhi`
 * applying every safe fix at once). `register` wires them: diagnostics are published by the
 * server's one scheduler (scheduler.ts), once per document version and inputs.
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
import { capFindings, MAX_DIAGNOSTICS } from '../engine/lint/cap';
import { Draft } from '../engine/lint/draft';
import { safeFixEdits } from '../engine/lint/edits';
import { lintSteps, lintText, ruleLevel } from '../engine/lint/lint';
import { RULES } from '../engine/lint/registry';
import type { Settings } from '../engine/settings';
import type { Finding, Severity, TextEdit } from '../engine/lint/types';
import type { PhraseIndex } from '../engine/search/phraseIndex';
import { BuildCancelled, runSliced } from '../engine/slices';
import { corpusUri } from './corpusSources';
import { addSessionWord, ignoreWordAction, readLexiconAhead, WORD_ADDED_COMMAND } from './typoInputs';
import { LARGE_CORPUS_CHARS } from '../engine/corpus/store';
import { cpuClock } from '../indexWorkers/cpuClock';
import { isHuge, mergeFindings } from './hugeDrafts';
import { MIN_RULES_MS } from '../indexWorkers/draftProtocol';
import { Scheduler, type CheckToken } from './scheduler';
import { answering } from '../guard';
import { CHECK_BUDGET_MS, HUGE_CHECK_MS, serviceOf, SLICED_RULES, type CheckInputs, type Service } from './service';

export { capFindings, MAX_DIAGNOSTICS };

/** Diagnostic source; clients filter and label by it. */
export const SOURCE = 'shuzhi';
/** Code action kind of “fix all” for this server. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shuzhi`;
const DEBOUNCE_MS = 200;
/** Code of the information diagnostic of a check cut at its time budget. */
export const CUT_CODE = 'check-cut';
/** Work between two yields of a check on the server's thread: a request that comes meanwhile waits for the rest of the slice (guard.ts holds the next ones back until it is answered). */
const SLICE_MS = 1;
/** Longest a check waits for corpus files to be read before placing copied passages on their lines. */
const SOURCES_WAIT_MS = 1000;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A draft's check: its findings (capped for a huge draft), how many in all, the rules cut at the budget. */
export interface Checked {
  version: number;
  findings: Finding[];
  total: number;
  cut: string[];
  /** The phrase index the corpus rules read (their corpusRelated report numbers index its reports). */
  phrases?: PhraseIndex;
}

/**
 * The findings of `draft` under `inputs`, worked out in slices between requests and cut at
 * the time budget; a huge draft's rules but the corpus ones run in the worker meanwhile.
 * Undefined when cancelled (the draft changed).
 */
export async function checkDraft(
  service: Service,
  draft: Draft,
  inputs: CheckInputs,
  token: CheckToken,
  budgetMs = CHECK_BUDGET_MS,
  /** `full` for review (every rule at its level, at most `maxFindings` of a huge draft's findings kept). */
  full?: { maxFindings: number },
  /** A check in the background (not asked by a request) waits while this says so: `answering` (guard.ts). */
  held: () => boolean = () => false,
): Promise<Checked | undefined> {
  const spent = cpuClock();
  const opts = { ...inputs, stage: full ? ('full' as const) : ('editing' as const), outOfTime: () => spent() >= budgetMs };
  const cancelled = () => token.isCancellationRequested;
  try {
    if (!isHuge(draft) || draft.hasTree) {
      const run = await runSliced(lintSteps(draft, opts), SLICE_MS, cancelled, held);
      return { version: draft.version, findings: run.findings, total: run.findings.length, cut: run.cut, phrases: inputs.phrases };
    }
    const analysis = full ? service.hugeAnalysis(draft, 'full', full.maxFindings) : service.hugeAnalysis(draft);
    const prose = await analysis.masked;
    draft.knowMasked(prose.masked);
    draft.knowLines(prose.lineStarts);
    // The corpus rules start once the worker has the prose and stop at its job's deadline (given
    // MIN_RULES_MS at least, as the worker's rules are), so the diagnostics of a huge draft come
    // about HUGE_CHECK_MS after its opening.
    const until = Math.max(analysis.deadline, Date.now() + MIN_RULES_MS);
    // Held back for requests only until the deadline: past it the steps run (and stop at once), else a stream of
    // requests would keep the run waiting past the worker's findings, and the draft would get the cut notice alone.
    const heldUntil = () => Date.now() < until && held();
    const own = await runSliced(lintSteps(draft, { ...opts, only: SLICED_RULES, outOfTime: () => Date.now() >= until }), SLICE_MS, cancelled, heldUntil);
    // A rule without steps finishes what it started: the worker is waited for a little past the
    // deadline; later than that, its rules count as cut (their findings are not waited for).
    const theirs = (await within(analysis.lint, until + LATE_MS - Date.now())) ?? { findings: [], total: 0, cut: workerRules(inputs.settings) };
    const findings = mergeFindings(theirs.findings, own.findings, full?.maxFindings);
    return { version: draft.version, findings, total: theirs.total + own.findings.length, cut: [...theirs.cut, ...own.cut], phrases: inputs.phrases };
  } catch (e) {
    if (e instanceof BuildCancelled || cancelled()) return undefined;
    throw e;
  }
}

/**
 * How long past a huge draft's deadline its check waits for the worker's findings: a rule without
 * steps on 10 million characters can run 0.3 s past it, and the worker's findings (most of a huge
 * draft's diagnostics) are worth the wait (bench: 1,001 diagnostics instead of the cut notice alone,
 * within the 5 s target).
 */
export const LATE_MS = 600;

/** `p`'s value, or undefined when it has not settled within `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, ms))));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The rules a huge draft's worker runs under `settings` (all but the corpus ones, those not switched off). */
function workerRules(settings: Settings): string[] {
  return RULES.filter((r) => !SLICED_RULES.includes(r.id) && ruleLevel(settings, r.id, r.defaultSeverity) !== 'off').map((r) => r.id);
}

/** The one sentence saying a check was cut at its budget, and which rules it did not finish. */
export function cutMessage(draft: Draft, cut: readonly string[]): string {
  const limit = isHuge(draft) ? `${HUGE_CHECK_MS / 1000} 秒的时限` : `${CHECK_BUDGET_MS / 1000} 秒的计算时限`;
  return `稿件很长（${draft.text.length} 字），检查用满了 ${limit}，以下规则没有查完：${cut.join('、')}。可把稿件分成几个文件分别检查。`;
}

/** The diagnostics of a check: its findings (at most MAX_DIAGNOSTICS), and one information diagnostic when it was cut. */
export async function diagnosticsOf(service: Service, draft: Draft, checked: Checked): Promise<Diagnostic[]> {
  const shown = capFindings(checked.findings);
  const reports = checked.phrases?.reports;
  // Corpus files of copied passages are read first (bounded), so the diagnostics go out once, sources placed.
  if (reports) {
    const files = new Set<string>();
    for (const f of shown) for (const r of f.corpusRelated ?? []) if (reports[r.report]) files.add(reports[r.report].source);
    if (files.size) await service.sources.readAll([...files], SOURCES_WAIT_MS);
  }
  const diagnostics = shown.map((f) => toDiagnostic(service, draft, f, reports));
  if (checked.cut.length) {
    const at = { line: 0, character: 0 };
    diagnostics.push({
      range: { start: at, end: at },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: CUT_CODE,
      message: cutMessage(draft, checked.cut),
    });
  }
  return diagnostics;
}

function toDiagnostic(service: Service, draft: Draft, f: Finding, reports?: PhraseIndex['reports']): Diagnostic {
  const range = (start: number, end: number) => ({ start: draft.lines.positionAt(start), end: draft.lines.positionAt(end) });
  const d: Diagnostic = { range: range(f.start, f.end), severity: SEVERITY[f.severity], source: SOURCE, code: f.rule, message: f.message };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: draft.uri, range: range(r.start, r.end) }, message: r.message }));
  }
  if (f.corpusRelated?.length && reports) {
    const infos = d.relatedInformation ?? [];
    for (const r of f.corpusRelated) {
      const report = reports[r.report];
      const line = report ? service.sources.lineNow(report, r.start, r.end) : null;
      // A file that could not be read in time, or a Word file: no place to point at.
      if (!report || line === null || line === undefined) continue;
      const at = { line, character: 0 };
      infos.push({ location: { uri: corpusUri(report.source), range: { start: at, end: at } }, message: `${r.message}（第 ${line + 1} 行）` });
    }
    if (infos.length) d.relatedInformation = infos;
  }
  return d;
}

/** What other features may ask of lint: a document's findings at its current version. */
export interface LintAccess {
  findingsOf(doc: TextDocument): Finding[];
}

/** Wires lint to the connection: the one scheduler of checks, the code actions. */
export function register(ctx: ServerContext): LintAccess {
  const { connection, documents } = ctx;
  const service = serviceOf(ctx);
  const checked = new Map<string, Checked>();
  // Once a corpus is ready (after its load, which sets the memory's peak), so that the first check finds the lexicon read.
  ctx.corpus.onDidChange(readLexiconAhead);

  const scheduler = new Scheduler<{ checked: Checked; diagnostics: Diagnostic[] }>({
    delayMs: DEBOUNCE_MS,
    version: (uri) => documents.get(uri)?.version,
    stamp: service.stamp,
    check: async (uri, token) => {
      const draft = service.openDraft(uri);
      if (!draft) return undefined;
      const result = await checkDraft(service, draft, service.inputs(), token, CHECK_BUDGET_MS, undefined, answering);
      if (!result || token.isCancellationRequested) return undefined;
      checked.set(uri, result);
      return { checked: result, diagnostics: await diagnosticsOf(service, draft, result) };
    },
    publish: (uri, version, { diagnostics }) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    log: ctx.log,
  });
  const touchAll = () => scheduler.touchAll(documents.all().map((d) => d.uri));

  documents.onDidChangeContent((e) => scheduler.touch(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    checked.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ctx.onSettingsChanged(touchAll);
  ctx.corpus.onDidChange(touchAll);
  service.indexes.onIndexBuilt(touchAll);
  service.onPhraseIndexBuilt(touchAll);

  /** The findings of this version: the check's when it ran, else worked out now (a huge draft: none until its check). */
  const findingsOf = (doc: TextDocument): Finding[] => {
    const hit = checked.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.findings;
    const draft = service.draft(doc);
    if (isHuge(draft) && !draft.hasTree) return [];
    const inputs = service.inputs();
    // With a large corpus the corpus rules take too long to run inside a request: they come with the check.
    const large = inputs.phrases !== undefined && inputs.phrases.text.length > LARGE_CORPUS_CHARS;
    const findings = lintText(draft, { ...inputs, ...(large ? { phrases: undefined } : {}), stage: 'editing' });
    if (!large) checked.set(doc.uri, { version: doc.version, findings, total: findings.length, cut: [], phrases: inputs.phrases });
    return findings;
  };

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const draft = service.draft(doc);
    return codeActions(doc, findingsOf(doc), params, (f) => toDiagnostic(service, draft, f), (word) => ignoreWordAction(ctx.workspaceRoot(), word));
  });
  // After 忽略此词's edit: the word counts at once (the file may not be saved yet), and the drafts are checked again.
  connection.onExecuteCommand((params) => {
    if (params.command !== WORD_ADDED_COMMAND) return;
    addSessionWord(params.arguments?.[0]);
    touchAll();
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
  ignoreWord?: (word: string) => CodeAction | undefined,
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
      const ignore = f.ignoreWord ? ignoreWord?.(f.ignoreWord) : undefined;
      if (ignore) actions.push({ ...ignore, diagnostics: [diagnostic] });
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
