/**
 * One Draft per open document version (engine/lint/draft.ts): the first feature to ask for a
 * version makes its Draft, and every other feature — lint, outline, folding, completion, the
 * check-up page, review — reads the same parse. A new version replaces it; closing the
 * document drops it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { Draft } from '../engine/lint/draft';

const stores = new WeakMap<ServerContext, Map<string, Draft>>();

function storeOf(ctx: ServerContext): Map<string, Draft> {
  let store = stores.get(ctx);
  if (!store) {
    const created = new Map<string, Draft>();
    ctx.documents.onDidClose((e) => created.delete(e.document.uri));
    stores.set(ctx, created);
    store = created;
  }
  return store;
}

/** The Draft of `document` at its current version. */
export function draftOf(ctx: ServerContext, document: TextDocument): Draft {
  const store = storeOf(ctx);
  const hit = store.get(document.uri);
  if (hit && hit.version === document.version) return hit;
  const draft = new Draft(document.getText(), document.version, document.uri);
  store.set(document.uri, draft);
  return draft;
}

/** The Draft of an open document by URI (undefined when it is not open). */
export function openDraft(ctx: ServerContext, uri: string): Draft | undefined {
  const doc = ctx.documents.get(uri);
  return doc ? draftOf(ctx, doc) : undefined;
}
