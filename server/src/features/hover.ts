import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { findPhraseAt, phraseHoverMarkdown } from '../engine/search/hoverPhrase';
import { phraseIndexBuild, waitForPhraseIndex } from './sharedPhraseIndex';

/** Wait after a corpus change before indexing it: a loading corpus changes several times in a row. */
const WARM_DELAY_MS = 300;

/**
 * Hover: for the phrase of the draft under the mouse that the corpus knows, shows how
 * often the corpus uses it and example sentences with their report and section.
 */
export function register(ctx: ServerContext): void {
  const index = phraseIndexBuild(ctx);

  // Index a new corpus in the background, so the first hover does not wait for it.
  let warm: NodeJS.Timeout | undefined;
  ctx.corpus.onDidChange(() => {
    if (warm) clearTimeout(warm);
    warm = setTimeout(() => {
      if (ctx.corpus.reports.length) void index.get().catch(() => undefined);
    }, WARM_DELAY_MS);
    warm.unref();
  });

  ctx.connection.onHover(async (params, token): Promise<Hover | null> => {
    if (!ctx.documents.get(params.textDocument.uri)) return null;
    // A hover in the first moments waits for the corpus to load; a small corpus is then indexed
    // at once, a large one in the background, and hover answers nothing until that is done.
    const built = await waitForPhraseIndex(ctx, token);
    if (!built) return null;
    // The wait may have been long: answer for the document as it is now, unless the client gave up.
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    const found = findPhraseAt(built, doc.getText(), doc.offsetAt(params.position));
    if (!found) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: phraseHoverMarkdown(built, found.stats, ctx.settings().hover.maxExamples) },
      range: { start: doc.positionAt(found.start), end: doc.positionAt(found.end) },
    };
  });
}
