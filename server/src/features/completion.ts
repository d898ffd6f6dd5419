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
} from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { getTree } from '../documentCache';
import { completePhrases, type PhraseItem } from '../engine/completion/complete';
import { learnHeadingStats, type HeadingStats } from '../engine/completion/headingStats';
import { buildPhraseIndex, phraseIndexBuilder, type PhraseIndex } from '../engine/completion/phraseIndex';
import { isLineStart, lineStartSnippets, skeletonFromStats } from '../engine/completion/snippets';
import { getReportType, REPORT_TYPES } from '../engine/report/reportTypes';
import { nodePath } from '../engine/report/structure';
import type { SectionKind } from '../engine/types';
import { escapeMarkdown } from '../engine/text/escape';

/** Keys of the completion indexes in the corpus store. */
export const PHRASE_INDEX_KEY = 'completion.phraseIndex';
export const HEADING_STATS_KEY = 'completion.headingStats';

/** Corpora up to this many characters are indexed on the spot (the bundled one takes ~40 ms). */
const SYNC_BUILD_CHARS = 2_000_000;
const NOT_BUILT = Symbol('not built');
/** Corpus version whose index is being built in the background. */
const building = new WeakMap<ServerContext, number>();

/**
 * Builds a large corpus's index between requests (the builder pauses every few hundred
 * thousand characters) and stores it when done, unless the corpus changed meanwhile.
 */
async function buildInBackground(ctx: ServerContext): Promise<void> {
  const version = ctx.corpus.version;
  if (building.get(ctx) === version) return;
  building.set(ctx, version);
  const t = performance.now();
  const steps = phraseIndexBuilder(ctx.corpus.reports);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      ctx.corpus.setIndex(PHRASE_INDEX_KEY, step.value);
      ctx.log(`短语索引已建好（${step.value.text.length} 字，${Math.round(performance.now() - t)} 毫秒）。`);
      return;
    }
    await new Promise((r) => setImmediate(r));
    if (ctx.corpus.version !== version) return;
  }
}

/**
 * The phrase index of the current corpus: built on the spot for a small corpus; for a large
 * one, undefined (no phrases yet) while it is built in the background. A snapshot's
 * restored index is used as it is.
 */
export function phraseIndexOf(ctx: ServerContext): PhraseIndex | undefined {
  let size = 0;
  try {
    return ctx.corpus.index(PHRASE_INDEX_KEY, (reports) => {
      for (const r of reports) size += r.text.length;
      if (size > SYNC_BUILD_CHARS) throw NOT_BUILT;
      return buildPhraseIndex(reports);
    });
  } catch (e) {
    if (e !== NOT_BUILT) throw e;
    void buildInBackground(ctx);
    return undefined;
  }
}

function headingStatsOf(ctx: ServerContext): HeadingStats {
  return ctx.corpus.index(HEADING_STATS_KEY, learnHeadingStats);
}

const rank = (i: number) => String(i).padStart(4, '0');

/** Markdown for an item: one corpus sentence, the phrase in bold, and its report's title. */
function exampleMarkdown(item: PhraseItem): string | undefined {
  const ex = item.example;
  if (!ex) return undefined;
  const sentence =
    escapeMarkdown(ex.sentence.slice(0, ex.start)) + '**' + escapeMarkdown(ex.sentence.slice(ex.start, ex.end)) + '**' + escapeMarkdown(ex.sentence.slice(ex.end));
  return `${sentence}\n\n—— 《${escapeMarkdown(ex.title)}》`;
}

export function register(ctx: ServerContext): void {
  // Build the indexes soon after the corpus changes, not inside the first keystroke's request.
  // Deferred so a snapshot's restored indexes (set right after the reports) are used as they are.
  ctx.corpus.onDidChange(() => {
    setTimeout(() => {
      if (ctx.settings().completion.enable) phraseIndexOf(ctx);
    }, 50);
  });

  ctx.connection.onCompletion((params: CompletionParams): CompletionList => {
    const empty: CompletionList = { isIncomplete: true, items: [] };
    const settings = ctx.settings();
    if (!settings.completion.enable) return empty;
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return empty;
    const text = doc.getText();
    // Clamp a position past the line's end (clients may send one) so every range stays inside the document.
    const offset = doc.offsetAt(params.position);
    const pos = doc.positionAt(offset);
    const lineStart = doc.offsetAt({ line: pos.line, character: 0 });
    const lineBefore = text.slice(lineStart, offset);
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

    // The rest of the draft is evidence too: writers reuse their own phrases.
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const draft = text.slice(0, lineStart) + text.slice(lineEnd);
    const kinds = new Set<SectionKind>();
    for (const n of nodePath(tree, offset)) for (const k of n.kinds) kinds.add(k);
    const index = phraseIndexOf(ctx);
    if (!index) return empty;
    const result = completePhrases(index, lineBefore, {
      maxItems,
      minPrefix: settings.completion.minPrefix,
      draft,
      sectionKinds: [...kinds],
      examples: true,
    });
    return {
      isIncomplete: true,
      items: result.items.map((item, i): CompletionItem => {
        const doc = exampleMarkdown(item);
        return {
          label: item.label,
          kind: CompletionItemKind.Text,
          detail: item.reports > 0 ? `语料中 ${item.reports}${item.reportsAtLeast ? ' 篇以上' : ' 篇'}报告使用` : '本文前文用过',
          documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
          filterText: item.insertText,
          sortText: rank(i),
          textEdit: { range: range(result.replaceStart), newText: item.insertText },
        };
      }),
    };
  });

  ctx.connection.onRequest('shuzhi/skeleton', (params: { type?: string } | undefined) => {
    const name = params?.type?.trim() || ctx.settings().reportType;
    const type = (name && getReportType(name)) || REPORT_TYPES[0];
    return { snippet: skeletonFromStats(type, headingStatsOf(ctx), { withTitle: true }), type: type.id, name: type.name };
  });
}
