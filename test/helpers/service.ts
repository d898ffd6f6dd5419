/**
 * The server's feature functions in-process, without a connection: a stand-in server context
 * (documents, settings, a corpus store) and its Service (features/service.ts). `at` reads a
 * cursor marker: `'我们要坚定|'` is the text `我们要坚定` with the cursor at its end, as
 * vscode-css-languageservice's tests write positions.
 *
 * `request` answers a request as the server's handler for it does (the feature modules'
 * `register` run against a connection that only records their handlers), so custom requests
 * (`shuzhi/review`, `shuzhi/dashboard`, …) and code actions are tested without a process.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerContext } from '../../server/src/context';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { CorpusStore } from '../../server/src/engine/corpus/store';
import type { Draft } from '../../server/src/engine/lint/draft';
import { normalizeSettings, type Settings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';
import { serviceOf, type Service } from '../../server/src/features/service';
import { checkDraft, diagnosticsOf, register as registerLint } from '../../server/src/features/lint';
import { register as registerCompletion } from '../../server/src/features/completion';
import { register as registerDashboard } from '../../server/src/features/dashboard';
import { register as registerHover } from '../../server/src/features/hover';
import { register as registerOutline } from '../../server/src/features/outline';
import { register as registerReview } from '../../server/src/features/review';
import { register as registerSearch } from '../../server/src/features/search';

export const CURSOR = '|';

type Position = { line: number; character: number };

export interface TestService {
  service: Service;
  readonly settings: Settings;
  /** Opens `text` as a document (a new URI each time unless `uri` is given) and returns its Draft. */
  open(text: string, uri?: string): Draft;
  /** The next version of an open document, with `text`: its Draft. */
  change(uri: string, text: string): Draft;
  /** Opens `marked` without its cursor marker: the Draft and the LSP position of the marker. */
  at(marked: string): { draft: Draft; position: Position };
  /** New settings (as the client sends them), as after workspace/didChangeConfiguration. */
  configure(settings: unknown): void;
  /** The diagnostics the scheduler would publish for this version of the draft. */
  diagnostics(draft: Draft, budgetMs?: number): Promise<Diagnostic[]>;
  /** The answer of the server's handler of `method` (`shuzhi/review`, `textDocument/codeAction`, …). */
  request<T>(method: string, params: unknown): Promise<T>;
  /** Runs the features' didOpen listeners for the open document `uri`, as the connection's documents do on textDocument/didOpen. */
  announceOpen(uri: string): void;
}

const never = { isCancellationRequested: false };

/** LSP methods whose handlers are registered by a `connection.onX(handler)` of their own. */
const LSP_HANDLERS: Record<string, string> = {
  'textDocument/codeAction': 'onCodeAction',
  'textDocument/completion': 'onCompletion',
  'textDocument/hover': 'onHover',
  'textDocument/documentSymbol': 'onDocumentSymbol',
  'textDocument/foldingRange': 'onFoldingRanges',
  'textDocument/inlineCompletion': 'languages.inlineCompletion.on',
};

/**
 * A connection that records the handlers registered on it (any `onX(handler)`,
 * `onRequest(method, handler)`) and answers nothing itself: whatever else a feature calls on it
 * (`sendDiagnostics`, `window.showWarningMessage`, …) resolves to undefined.
 */
function recordingConnection(handlers: Map<string, (...args: unknown[]) => unknown>, prefix = ''): unknown {
  return new Proxy(
    () => undefined,
    {
      apply: () => Promise.resolve(undefined),
      get(_, name: string) {
        if (name === 'then') return undefined;
        if (name === 'onRequest' || name === 'onNotification')
          return (method: string, h: (...args: unknown[]) => unknown) => void handlers.set(method, h);
        if (name.startsWith('on')) return (h: (...args: unknown[]) => unknown) => void handlers.set(prefix + name, h);
        // Namespaces (`languages.inlineCompletion`, `window`, …) and the calls on them.
        return recordingConnection(handlers, `${prefix}${name}.`);
      },
    },
  );
}

export function testService(reports: CorpusReport[] = [], settings: unknown = {}): TestService {
  const docs = new Map<string, TextDocument>();
  const corpus = new CorpusStore();
  if (reports.length) corpus.set(reports);
  let current = normalizeSettings(settings);
  const settingsListeners: Array<() => void> = [];
  const openListeners: Array<(e: { document: TextDocument }) => void> = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const ctx = {
    connection: recordingConnection(handlers),
    documents: {
      get: (uri: string) => docs.get(uri),
      all: () => [...docs.values()],
      keys: () => [...docs.keys()],
      onDidClose: () => ({ dispose() {} }),
      onDidOpen: (l: (e: { document: TextDocument }) => void) => (openListeners.push(l), { dispose() {} }),
      onDidChangeContent: () => ({ dispose() {} }),
    },
    settings: () => current,
    corpus,
    log: () => undefined,
    onSettingsChanged: (l: () => void) => void settingsListeners.push(l),
    corpusSettled: async () => undefined,
    workspaceRoot: () => undefined,
  } as unknown as ServerContext;
  const service = serviceOf(ctx);
  let registered = false;
  /** The feature modules register their handlers on the recording connection, once. */
  const register = () => {
    if (registered) return;
    registered = true;
    registerDashboard(ctx, registerLint(ctx));
    for (const r of [registerCompletion, registerReview, registerSearch, registerHover, registerOutline]) r(ctx);
  };
  let n = 0;
  const open = (text: string, uri = `file:///draft-${n++}.md`): Draft => {
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    docs.set(doc.uri, doc);
    return service.draft(doc);
  };
  return {
    service,
    get settings() {
      return current;
    },
    open,
    change(uri, text) {
      const old = docs.get(uri);
      if (!old) throw new Error(`${uri} is not open`);
      const doc = TextDocument.create(uri, 'markdown', old.version + 1, text);
      docs.set(uri, doc);
      return service.draft(doc);
    },
    at(marked) {
      const offset = marked.indexOf(CURSOR);
      if (offset < 0) throw new Error(`no cursor marker ${CURSOR} in ${JSON.stringify(marked)}`);
      const draft = open(marked.slice(0, offset) + marked.slice(offset + 1));
      return { draft, position: draft.lines.positionAt(offset) };
    },
    configure(settings) {
      current = normalizeSettings(settings);
      for (const l of settingsListeners) l();
    },
    async diagnostics(draft, budgetMs) {
      const checked = await checkDraft(service, draft, service.inputs(), never, budgetMs);
      if (!checked) throw new Error('the check was cancelled');
      return diagnosticsOf(service, draft, checked);
    },
    async request<T>(method: string, params: unknown): Promise<T> {
      register();
      const h = handlers.get(LSP_HANDLERS[method] ?? method);
      if (!h) throw new Error(`no handler for ${method}`);
      return (await h(params, never)) as T;
    },
    announceOpen(uri) {
      register();
      const document = docs.get(uri);
      if (!document) throw new Error(`${uri} is not open`);
      for (const l of openListeners) l({ document });
    },
  };
}

const loaded = new Map<string, Promise<CorpusReport[]>>();

/** The reports of corpus folders (the bundled corpus unless `useBundled` is false), as the server loads them; read once per process. */
export function corpusReports(paths: string[] = [], useBundled = true): Promise<CorpusReport[]> {
  const key = JSON.stringify([paths, useBundled]);
  let hit = loaded.get(key);
  if (!hit) {
    hit = loadCorpus({ paths, useBundled, maxFileSizeBytes: 20 * 1024 * 1024 }).then((r) => r.reports);
    loaded.set(key, hit);
  }
  return hit;
}
