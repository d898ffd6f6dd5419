/**
 * One parse per document version, shared by the features that read a draft's structure
 * (outline, folding, lint, code actions): the tree is kept per URI and reused while the
 * version is unchanged; closing the document drops it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';
import { parseDraft } from './engine/lint/parseDraft';
import type { ReportTree } from './engine/types';

interface Entry {
  version: number;
  tree: ReportTree;
}

const caches = new WeakMap<ServerContext, Map<string, Entry>>();

function cacheOf(ctx: ServerContext): Map<string, Entry> {
  let cache = caches.get(ctx);
  if (!cache) {
    const created = new Map<string, Entry>();
    ctx.documents.onDidClose((e) => created.delete(e.document.uri));
    caches.set(ctx, created);
    cache = created;
  }
  return cache;
}

/** The report tree of `document` at its current version (section kinds inferred). */
export function getTree(ctx: ServerContext, document: TextDocument): ReportTree {
  const cache = cacheOf(ctx);
  const hit = cache.get(document.uri);
  if (hit && hit.version === document.version) return hit.tree;
  const tree = parseDraft(document.getText());
  cache.set(document.uri, { version: document.version, tree });
  return tree;
}
