import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { findPhraseAt, phraseHoverMarkdown } from '../engine/search/hoverPhrase';
import type { PhraseIndex } from '../engine/search/phraseIndex';
import { BuildCancelled } from '../engine/slices';
import { phraseIndexBuild } from './sharedPhraseIndex';

/** Wait after a corpus change before indexing it: a loading corpus changes several times in a row. */
const WARM_DELAY_MS = 300;
/** Longest a hover waits for the phrase index to be built. */
const HOVER_WAIT_MS = 1500;

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
    if (!ctx.documents.get(params.textDocument.uri) || ctx.corpus.reports.length === 0) return null;
    let built: PhraseIndex | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      // A small corpus is indexed in well under a second: wait for it. A large one keeps
      // building in the background and hover answers nothing until it is done.
      built = await Promise.race([index.get(), new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), HOVER_WAIT_MS)))]);
    } catch (e) {
      if (e instanceof BuildCancelled) return null;
      throw e;
    } finally {
      clearTimeout(timer);
    }
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
