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
  type CompletionParams,
  type InlineCompletionItem,
  type InlineCompletionParams,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { getTree } from '../documentCache';
import { completePhrases, ghostOf, prepareDraft, type PhraseCompletion, type PhraseItem } from '../engine/completion/complete';
import { headingStatsSteps, learnHeadingStats, type HeadingStats } from '../engine/completion/headingStats';
import { SlicedIndex } from '../engine/search/slicedIndex';
import { LARGE_CORPUS_CHARS } from '../engine/corpus/store';
import { phraseIndex, phraseIndexNow, waitForCorpus } from './sharedPhraseIndex';
import type { PhraseIndex } from '../engine/search/phraseIndex';
import { isLineStart, lineStartSnippets, skeletonFromStats } from '../engine/completion/snippets';
import { getReportType, REPORT_TYPES } from '../engine/report/reportTypes';
import { nodePath } from '../engine/report/structure';
import type { SectionKind } from '../engine/types';
import { escapeMarkdown } from '../engine/text/escape';

/** Key of the heading statistics in the corpus store. */
export const HEADING_STATS_KEY = 'completion.headingStats';

const headingStatsBuilds = new WeakMap<ServerContext, SlicedIndex<HeadingStats>>();
let noHeadingStats: HeadingStats | undefined;

/**
 * The corpus's heading statistics: learnt on the spot for a small corpus; a large one is
 * read in slices, and until then snippets are built from the report types' own headings.
 */
function headingStatsOf(ctx: ServerContext): HeadingStats {
  let build = headingStatsBuilds.get(ctx);
  if (!build) headingStatsBuilds.set(ctx, (build = new SlicedIndex<HeadingStats>(ctx.corpus, HEADING_STATS_KEY, headingStatsSteps)));
  return build.now(LARGE_CORPUS_CHARS) ?? (noHeadingStats ??= learnHeadingStats([]));
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
 * instead of during them (about 100 ms in all, once per corpus).
 */
function warmUp(index: PhraseIndex): void {
  const n = index.sentStart.length;
  if (n === 0) return;
  const sentence = (s: number, max: number) => index.text.slice(index.sentStart[s], Math.min(index.sentEnd[s], index.sentStart[s] + max));
  const draftLines: string[] = [];
  for (let i = 0; i < WARM_DRAFT_LINES; i++) draftLines.push(sentence(Math.floor(((i + 0.5) * n) / WARM_DRAFT_LINES), 200));
  for (let i = 0; i < WARM_QUERIES; i++) {
    const line = sentence(Math.floor(((i + 0.25) * n) / WARM_QUERIES), 2 + (i % 7));
    // As in a request: the draft is the document without the line being typed.
    const draft = [...draftLines.slice(0, i), ...draftLines.slice(i + 1)].join('\n');
    completePhrases(index, line, { maxItems: 20, minPrefix: 1, draft, examples: true });
  }
}

/** Longest draft whose lines are read ahead when it is opened. */
const PREPARE_MAX_CHARS = 1_000_000;

/** Completions run by warmUp, and the lines of its draft. */
const WARM_QUERIES = 48;
const WARM_DRAFT_LINES = 300;

/** The cursor, clamped into the document (clients may send a position past a line's end), and its line's text before it. */
function cursorOf(doc: TextDocument, position: Position): { offset: number; pos: Position; lineBefore: string } {
  const offset = doc.offsetAt(position);
  const pos = doc.positionAt(offset);
  const lineStart = doc.offsetAt({ line: pos.line, character: 0 });
  return { offset, pos, lineBefore: doc.getText().slice(lineStart, offset) };
}

function detailOf(item: PhraseItem): string {
  const used = item.reports > 0 ? `语料中 ${item.reports}${item.reportsAtLeast ? ' 篇以上' : ' 篇'}报告使用` : '本文前文用过';
  return `${used} · 把握 ${Math.round(item.chance * 100)}%`;
}

/**
 * Ranked phrases for the cursor at `offset` (undefined until the phrase index is ready). The
 * rest of the draft is evidence too: writers reuse their own phrases.
 */
async function phrasesAt(ctx: ServerContext, doc: TextDocument, offset: number, lineBefore: string, examples = true): Promise<PhraseCompletion | undefined> {
  // Early requests (the first keystrokes after start-up) wait a little for the corpus rather
  // than answer nothing; a small corpus is then indexed on the spot.
  await waitForCorpus(ctx, COMPLETION_CORPUS_WAIT_MS);
  const settings = ctx.settings();
  const text = doc.getText();
  const lineStart = offset - lineBefore.length;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const draft = text.slice(0, lineStart) + text.slice(lineEnd);
  const kinds = new Set<SectionKind>();
  for (const n of nodePath(getTree(ctx, doc), offset)) for (const k of n.kinds) kinds.add(k);
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
  // Build the indexes soon after the corpus changes, not inside the first keystroke's request.
  // Deferred so a snapshot's restored indexes (set right after the reports) are used as they are.
  ctx.corpus.onDidChange(() => {
    setTimeout(() => {
      if (!ctx.settings().completion.enable || ctx.corpus.reports.length === 0) return;
      const version = ctx.corpus.version;
      // The heading statistics behind line-start snippets, learnt now rather than in the first such request.
      headingStatsOf(ctx);
      const index = phraseIndexNow(ctx);
      const warm = (built: PhraseIndex) => {
        try {
          if (ctx.corpus.version === version) warmUp(built);
        } catch (e) {
          ctx.log(`补全预热失败：${e instanceof Error ? e.message : String(e)}`);
        }
      };
      if (index) warm(index);
      else phraseIndex(ctx).then(warm, () => undefined);
    }, 50);
  });

  // Read a newly opened draft's lines for completion now, not inside its first completion request.
  ctx.documents.onDidOpen((e) => {
    const doc = e.document;
    setImmediate(() => {
      // A huge document (a pasted archive) is left to the first completion: this would block other requests.
      if (ctx.settings().completion.enable && ctx.documents.get(doc.uri) && doc.getText().length <= PREPARE_MAX_CHARS) prepareDraft(doc.getText());
    });
  });

  ctx.connection.onCompletion(async (params: CompletionParams): Promise<CompletionList> => {
    const empty: CompletionList = { isIncomplete: true, items: [] };
    const settings = ctx.settings();
    if (!settings.completion.enable) return empty;
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return empty;
    const { offset, pos, lineBefore } = cursorOf(doc, params.position);
    const range = (start: number) => ({ start: { line: pos.line, character: start }, end: pos });
    const maxItems = settings.completion.maxItems;

    const tree = getTree(ctx, doc);
    const snippets = isLineStart(lineBefore)
      ? lineStartSnippets(tree, offset, lineBefore, headingStatsOf(ctx), { reportType: settings.reportType, maxItems })
      : undefined;
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

    const result = await phrasesAt(ctx, doc, offset, lineBefore);
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
  });

  // Ghost text: the one continuation the model is confident of, or nothing (see ghostOf).
  ctx.connection.languages.inlineCompletion.on(async (params: InlineCompletionParams): Promise<InlineCompletionItem[]> => {
    const settings = ctx.settings();
    if (!settings.completion.enable || !settings.completion.inline) return [];
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { offset, pos, lineBefore } = cursorOf(doc, params.position);
    // Nothing on an empty line or a heading's number: the list has the snippets there.
    if (isLineStart(lineBefore)) return [];
    const result = await phrasesAt(ctx, doc, offset, lineBefore, false);
    const ghost = result && ghostOf(result, settings.completion.confidence);
    if (!result || !ghost) return [];
    return [{ insertText: ghost.insertText, range: { start: { line: pos.line, character: result.replaceStart }, end: pos } }];
  });

  ctx.connection.onRequest('shuzhi/skeleton', (params: { type?: string } | undefined) => {
    const name = params?.type?.trim() || ctx.settings().reportType;
    const type = (name && getReportType(name)) || REPORT_TYPES[0];
    return { snippet: skeletonFromStats(type, headingStatsOf(ctx), { withTitle: true }), type: type.id, name: type.name };
  });
}
