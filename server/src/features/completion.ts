/**
 * Completion: corpus phrases as the user types, and numbered headings / report skeletons at
 * the start of a line. Also answers `shuzhi/skeleton` for the client's 插入报告模板 command.
 *
 * The server computes the span each item replaces (the already-typed part of the phrase) and
 * marks the list incomplete: VS Code takes a whole run of Chinese characters for one word, so
 * left to itself it would filter items against the whole clause or replace it.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CancellationToken,
  type CompletionParams,
  type InlineCompletionItem,
  type InlineCompletionParams,
  type Position,
} from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { completePhrases, ghostOf, prepareDraft, type PhraseCompletion, type PhraseItem } from '../engine/completion/complete';
import { learnHeadingStats, type HeadingStats } from '../engine/completion/headingStats';
import type { Draft } from '../engine/lint/draft';
import { isHuge } from './hugeDrafts';
import { serviceOf, type Service } from './service';
import { phraseIndex, phraseIndexBuild, phraseIndexNow, waitForCorpus } from './sharedPhraseIndex';
import type { PhraseIndex } from '../engine/search/phraseIndex';
import { isLineStart, lineStartSnippets, skeletonFromStats } from '../engine/completion/snippets';
import { getReportType, REPORT_TYPES } from '../engine/report/reportTypes';
import { nodePath } from '../engine/report/structure';
import type { SectionKind } from '../engine/types';
import { escapeMarkdown } from '../engine/text/escape';
import { answering } from '../guard';

let noHeadingStats: HeadingStats | undefined;

/**
 * The corpus's heading statistics: learnt on the spot for a small corpus; a large one is
 * read in slices, and until then snippets are built from the report types' own headings.
 */
function headingStatsOf(ctx: ServerContext): HeadingStats {
  const indexes = serviceOf(ctx).indexes;
  return indexes.now(indexes.headingStats) ?? (noHeadingStats ??= learnHeadingStats([]));
}

/**
 * Longest a completion request waits for a corpus still loading (start-up, a changed corpus
 * setting): the bundled corpus loads in about 0.3 s; typing must not wait for a large one.
 */
const COMPLETION_CORPUS_WAIT_MS = 2000;

const rank = (i: number) => String(i).padStart(4, '0');

/** Markdown for an item: one corpus sentence, the phrase in bold, and its report's title. */
function exampleMarkdown(item: PhraseItem): string | undefined {
  const ex = item.example;
  if (!ex) return undefined;
  const sentence =
    escapeMarkdown(ex.sentence.slice(0, ex.start)) + '**' + escapeMarkdown(ex.sentence.slice(ex.start, ex.end)) + '**' + escapeMarkdown(ex.sentence.slice(ex.end));
  return `${sentence}\n\n—— 《${escapeMarkdown(ex.title)}》`;
}

/**
 * Runs completions on corpus sentences once the index is ready, with a draft of corpus
 * sentences around them, so the code paths are compiled before the user's first keystrokes
 * instead of during them (about 100 ms in all, once per corpus). One completion per turn of
 * the event loop: run in one go, the warm-up held the requests that came meanwhile (the first
 * hovers and completions after a restart) for as long. Stops when `stale()` says so; waits
 * while `held()` does (a request is being answered).
 */
export async function warmUp(index: PhraseIndex, stale: () => boolean = () => false, held: () => boolean = () => false): Promise<number> {
  const n = index.sentStart.length;
  if (n === 0) return 0;
  const sentence = (s: number, max: number) => index.text.slice(index.sentStart[s], Math.min(index.sentEnd[s], index.sentStart[s] + max));
  const draftLines: string[] = [];
  for (let i = 0; i < WARM_DRAFT_LINES; i++) draftLines.push(sentence(Math.floor(((i + 0.5) * n) / WARM_DRAFT_LINES), 200));
  let done = 0;
  for (let i = 0; i < WARM_QUERIES; i++) {
    do await new Promise<void>((resolve) => setImmediate(resolve));
    while (held());
    if (stale()) return done;
    const line = sentence(Math.floor(((i + 0.25) * n) / WARM_QUERIES), 2 + (i % 7));
    // As in a request: the draft is the document without the line being typed.
    const draft = [...draftLines.slice(0, i), ...draftLines.slice(i + 1)].join('\n');
    completePhrases(index, line, { maxItems: 20, minPrefix: 1, draft, examples: true });
    done++;
  }
  return done;
}

/** Longest draft whose lines are read ahead when it is opened. */
const PREPARE_MAX_CHARS = 1_000_000;

/** Completions run by warmUp, and the lines of its draft. */
const WARM_QUERIES = 48;
const WARM_DRAFT_LINES = 300;

/** The draft's tree, unless it is a huge draft only the worker has parsed (then completion goes without sections and snippets). */
function treeOf(draft: Draft) {
  return isHuge(draft) && !draft.hasTree ? undefined : draft.tree;
}

/** The cursor, clamped into the document (clients may send a position past a line's end), and its line's text before it. */
function cursorOf(draft: Draft, position: Position): { offset: number; pos: Position; lineBefore: string } {
  const offset = draft.lines.offsetAt(position);
  const pos = draft.lines.positionAt(offset);
  const lineStart = draft.lines.lineStart(pos.line);
  return { offset, pos, lineBefore: draft.text.slice(lineStart, offset) };
}

function detailOf(item: PhraseItem): string {
  const used = item.reports > 0 ? `语料中 ${item.reports}${item.reportsAtLeast ? ' 篇以上' : ' 篇'}报告使用` : '本文前文用过';
  return `${used} · 把握 ${Math.round(item.chance * 100)}%`;
}

/**
 * Ranked phrases for the cursor at `offset` (undefined until the phrase index is ready). The
 * rest of the draft is evidence too: writers reuse their own phrases.
 */
async function phrasesAt(service: Service, doc: Draft, offset: number, lineBefore: string, examples = true): Promise<PhraseCompletion | undefined> {
  const ctx = service.ctx;
  // Early requests (the first keystrokes after start-up) wait a little for the corpus rather
  // than answer nothing; a small corpus is then indexed on the spot.
  await waitForCorpus(ctx, COMPLETION_CORPUS_WAIT_MS);
  const settings = ctx.settings();
  const text = doc.text;
  const lineStart = offset - lineBefore.length;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  // The rest of the document is the draft evidence: passed as the document and the line to leave out.
  const draft = { text, lineStart, lineEnd };
  const kinds = new Set<SectionKind>();
  const tree = treeOf(doc);
  if (tree) for (const n of nodePath(tree, offset)) for (const k of n.kinds) kinds.add(k);
  const index = phraseIndexNow(ctx);
  if (!index) return undefined;
  return completePhrases(index, lineBefore, {
    maxItems: settings.completion.maxItems,
    minPrefix: settings.completion.minPrefix,
    draft,
    sectionKinds: [...kinds],
    examples,
  });
}

export function register(ctx: ServerContext): void {
  // A phrase index restored from the snapshot is there as the corpus comes in: the completion path
  // is compiled on it before the corpus is announced ready, as requests wait for that anyway.
  // Run after ready, the warm-up's completions (a few milliseconds each, cold) either held the
  // first requests up or, held back by them, left those requests to run the path cold.
  /** The corpus version warmed up before it was announced ready: the warm-up after the change skips it. */
  let warmedBeforeReady = -1;
  ctx.corpus.onPrepare(async (stale) => {
    const index = ctx.settings().completion.enable ? phraseIndexBuild(ctx).peek() : undefined;
    if (!index) return;
    warmedBeforeReady = ctx.corpus.version;
    const t0 = performance.now();
    const n = await warmUp(index, stale);
    ctx.log(`补全已预热：${n} 次（${Math.round(performance.now() - t0)} 毫秒）。`);
  });
  // Else build the indexes soon after the corpus changes, not inside the first keystroke's request,
  // and warm up between requests once the phrase index is built.
  ctx.corpus.onDidChange(() => {
    setTimeout(() => {
      if (!ctx.settings().completion.enable || ctx.corpus.reports.length === 0) return;
      const version = ctx.corpus.version;
      // The heading statistics behind line-start snippets, learnt now rather than in the first such request.
      headingStatsOf(ctx);
      if (warmedBeforeReady === version) return;
      const warm = (built: PhraseIndex) =>
        warmUp(built, () => ctx.corpus.version !== version, answering).catch((e: unknown) => ctx.log(`补全预热失败：${e instanceof Error ? e.message : String(e)}`));
      const index = phraseIndexNow(ctx);
      if (index) void warm(index);
      else phraseIndex(ctx).then(warm, () => undefined);
    }, 50);
  });

  const service = serviceOf(ctx);
  // Read a newly opened draft's lines, and parse its tree (the section kinds at the cursor), for
  // completion now, not inside its first completion request: the draft's check parses the same
  // tree, but it waits while requests come (a 600-line draft's first completion took 15 ms).
  ctx.documents.onDidOpen((e) => {
    const doc = e.document;
    setImmediate(() => {
      // A huge document (a pasted archive) is left to the first completion: this would block other requests.
      if (!ctx.settings().completion.enable || !ctx.documents.get(doc.uri) || doc.getText().length > PREPARE_MAX_CHARS) return;
      prepareDraft(doc.getText());
      void service.openDraft(doc.uri)?.tree;
    });
  });

  ctx.connection.onCompletion((params: CompletionParams, token) => {
    const draft = service.openDraft(params.textDocument.uri);
    return draft ? completion(service, draft, params.position, token) : { isIncomplete: true, items: [] };
  });
  ctx.connection.languages.inlineCompletion.on((params: InlineCompletionParams, token) => {
    const draft = service.openDraft(params.textDocument.uri);
    return draft ? inlineCompletion(service, draft, params.position, token) : [];
  });

  ctx.connection.onRequest('shuzhi/skeleton', (params: { type?: string } | undefined) => {
    const name = params?.type?.trim() || ctx.settings().reportType;
    const type = (name && getReportType(name)) || REPORT_TYPES[0];
    return { snippet: skeletonFromStats(type, headingStatsOf(ctx), { withTitle: true }), type: type.id, name: type.name };
  });
}

/**
 * The completion list at `position` of `draft`: heading snippets at the start of a line, else
 * the corpus phrases that continue what is typed.
 */
export async function completion(service: Service, draft: Draft, position: Position, _token?: CancellationToken): Promise<CompletionList> {
  const ctx = service.ctx;
  const empty: CompletionList = { isIncomplete: true, items: [] };
  const settings = ctx.settings();
  if (!settings.completion.enable) return empty;
  const { offset, pos, lineBefore } = cursorOf(draft, position);
  const range = (start: number) => ({ start: { line: pos.line, character: start }, end: pos });
  const maxItems = settings.completion.maxItems;

  const tree = treeOf(draft);
  const snippets =
    tree && isLineStart(lineBefore) ? lineStartSnippets(tree, offset, lineBefore, headingStatsOf(ctx), { reportType: settings.reportType, maxItems }) : undefined;
  if (snippets) {
    const typed = lineBefore.slice(snippets.replaceStart);
    return {
      isIncomplete: true,
      items: snippets.items.map(
        (s, i): CompletionItem => ({
          label: s.label,
          kind: s.kind === 'skeleton' ? CompletionItemKind.Snippet : s.kind === 'heading' ? CompletionItemKind.Module : CompletionItemKind.Text,
          detail: s.detail,
          // VS Code filters by the typed part (e.g. 三 or （): the filter text must start with it.
          filterText: s.label.startsWith(typed) ? s.label : typed + s.label,
          sortText: rank(i),
          insertTextFormat: InsertTextFormat.Snippet,
          textEdit: { range: range(snippets.replaceStart), newText: s.snippet },
        }),
      ),
    };
  }

  const result = await phrasesAt(service, draft, offset, lineBefore);
  if (!result) return empty;
  return {
    isIncomplete: true,
    items: result.items.map((item, i): CompletionItem => {
      const doc = exampleMarkdown(item);
      return {
        label: item.label,
        kind: CompletionItemKind.Text,
        detail: detailOf(item),
        documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
        filterText: item.insertText,
        sortText: rank(i),
        textEdit: { range: range(result.replaceStart), newText: item.insertText },
      };
    }),
  };
}

/** Ghost text at `position` of `draft`: the one continuation the model is confident of, or nothing (see ghostOf). */
export async function inlineCompletion(service: Service, draft: Draft, position: Position, _token?: CancellationToken): Promise<InlineCompletionItem[]> {
  const settings = service.ctx.settings();
  if (!settings.completion.enable || !settings.completion.inline) return [];
  const { offset, pos, lineBefore } = cursorOf(draft, position);
  // Nothing on an empty line or a heading's number: the list has the snippets there.
  if (isLineStart(lineBefore)) return [];
  const result = await phrasesAt(service, draft, offset, lineBefore, false);
  const ghost = result && ghostOf(result, settings.completion.confidence);
  if (!result || !ghost) return [];
  return [{ insertText: ghost.insertText, range: { start: { line: pos.line, character: result.replaceStart }, end: pos } }];
}

