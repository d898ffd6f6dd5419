import { MarkupKind, type CancellationToken, type Hover, type Position } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { findPhraseAt, phraseHoverMarkdown } from '../engine/search/hoverPhrase';
import type { Draft } from '../engine/lint/draft';
import { serviceOf, type Service } from './service';
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

  ctx.connection.onHover((params, token) => {
    const draft = serviceOf(ctx).openDraft(params.textDocument.uri);
    return draft ? hover(serviceOf(ctx), draft, params.position, token) : null;
  });
}

/**
 * The hover at `position` of `draft`. In the first moments it waits for the corpus to load; a
 * small corpus is then indexed at once, a large one in the background, and hover answers
 * nothing until that is done. After a wait it answers for the document as it is then (null
 * once closed or cancelled).
 */
export async function hover(service: Service, draft: Draft, position: Position, token?: CancellationToken): Promise<Hover | null> {
  const built = await waitForPhraseIndex(service.ctx, token);
  if (!built) return null;
  const now = draft.uri ? service.openDraft(draft.uri) : draft;
  if (!now || token?.isCancellationRequested) return null;
  const found = findPhraseAt(built, now.text, now.lines.offsetAt(position));
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: phraseHoverMarkdown(built, found.stats, service.ctx.settings().hover.maxExamples) },
    range: { start: now.lines.positionAt(found.start), end: now.lines.positionAt(found.end) },
  };
}
