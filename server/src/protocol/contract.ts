/**
 * The contract between the VS Code client (client/src) and the Shuzhi language server
 * (server/src): every custom request and notification — method name, params, result — the error
 * codes, and the options the client passes at start-up. Both sides import this one module, and
 * both are type-checked against it: the server registers its handlers through `ContractServer`
 * (ServerContext.connection), the client sends through client/src/serverRequests.ts.
 *
 * It imports plain data and types only (no vscode, no LSP package at run time), so the client
 * bundle stays small. Shapes here are what travels on the wire; an optional field may be missing.
 * Every request may also be answered null: a handler that fails is logged and answers null
 * (server/src/guard.ts), and so does a request cancelled while queued.
 */
import type { CancellationToken, Disposable } from 'vscode-jsonrpc';
import type { SearchHit as EngineSearchHit } from '../engine/search/searchIndex';
import type { Position, Range, Severity } from '../engine/types';

export {
  CHOOSABLE_REPORT_TYPES,
  REPORT_TYPE_TABLE,
  type ChoosableReportTypeId,
  type ReportTypeId,
} from '../engine/report/reportTypeTable';

/** LSP positions and ranges: zero-based lines, UTF-16 columns (the engine's shapes are the same). */
export type { Position, Range, Severity };

// ---------------------------------------------------------------- requests (client → server)

/** `shuzhi/skeleton`: the template of a report type. */
export interface SkeletonParams {
  /** A type id or name (CHOOSABLE_REPORT_TYPES' `choice`); empty or missing: the setting `shuzhi.reportType`, else the general report. */
  type?: string;
}
export interface SkeletonResult {
  /** Snippet body (`${1:…}` tab stops), the title line included. */
  snippet: string;
  /** Id and name of the type the template is for. */
  type: string;
  name: string;
}

/** `shuzhi/search`: corpus passages close to the query (查找相似表述). A malformed query answers []. */
export interface SearchParams {
  query: string;
  /** Most hits, 1–200; default 20. */
  limit?: number;
}
/**
 * A hit: the engine's (text, title, section, source, score, reportId), with `line` the zero-based
 * line in the source *file* (what “open the source” needs), present when the passage could be
 * found there, and `reportLine` the line in the report's cleaned text.
 */
export type SearchHit = Omit<EngineSearchHit, 'line'> & { line?: number; reportLine: number };

export type CorpusState = 'indexing' | 'ready' | 'error';
/** The corpus state: the `shuzhi/corpusStatus` notification, and the answer of `shuzhi/status` and `shuzhi/rebuild`. */
export interface CorpusStatus {
  state: CorpusState;
  reports: number;
  skipped: number;
  message?: string;
  /** Where the last load came from: the snapshot (all files unchanged), partly, or the files. */
  source?: 'snapshot' | 'partial-snapshot' | 'files';
}

/** `shuzhi/stats`: the corpus summary (显示语料统计). */
export interface CorpusStats {
  reports: number;
  /** Reports by type name. */
  byType: Record<string, number>;
  /** Reports having each section kind, by kind name. */
  byKind: Record<string, number>;
  skipped: { path: string; reason: string }[];
}

/** `shuzhi/clearCache`: what was removed from the snapshot cache folders. */
export interface ClearCacheResult {
  /** The folders cleared, joined with ', '. */
  dir: string;
  files: number;
  bytes: number;
  /** Files that could not be removed, with the reason. */
  failed: { path: string; reason: string }[];
}

/** `shuzhi/export`: writes the draft (the open document, else the file) as a .docx. */
export interface ExportParams {
  uri: string;
  /** File path or file: URI of the .docx; a relative path resolves against the draft's folder. */
  target: string;
  /** Replace an existing file; without it the server answers EXPORT_TARGET_EXISTS. */
  overwrite?: boolean;
}
export interface ExportResult {
  /** The file written (absolute). */
  path: string;
}

/** `shuzhi/import`: a .docx as Markdown (the client opens it as a new draft). */
export interface ImportParams {
  /** File path or file: URI of the .docx. */
  path: string;
}
export interface ImportResult {
  markdown: string;
  /** The document's title, when it has one. */
  title?: string;
}

/** `shuzhi/count`: the character count of the status bar. */
export interface CountParams {
  uri: string;
  /** Selections; their counts are summed into `selection`. Empty ones are ignored. */
  ranges?: Range[];
}
export interface CountResult {
  total: number;
  /** Characters in the selections, when ranges were given. */
  selection?: number;
  /** The draft's length limit, when it has one, and where it comes from. */
  limit?: number;
  limitSource?: 'frontmatter' | 'title' | 'settings';
}

/** `shuzhi/dashboard`: the check-up (体检面板) of an open draft, rendered by the server. */
export interface DashboardParams {
  uri: string;
  /** Display language (`vscode.env.language`); Chinese unless it names another. */
  locale?: string;
  /** Ask for the whole webview page, with the webview's nonce and CSP source. */
  page?: { nonce: string; cspSource: string };
}
/** The page (`html`, when `page` was given) or the part that changes (`body`); null when the document is not open. */
export type DashboardResult = {
  uri: string;
  version: number;
  body?: string;
  html?: string;
  /** The corpus figures are still being built: ask again shortly. */
  pending?: true;
} | null;

/** `shuzhi/review`: the review (审校) of an open draft. */
export interface ReviewParams {
  uri: string;
}
/** Where a copied passage comes from: a `shuzhi-corpus:` URI (opened read-only) and the zero-based line, when found. */
export interface ReviewSource {
  title: string;
  uri: string;
  line?: number;
}
/** null: the document is not open on the server. */
export type ReviewResult = {
  uri: string;
  /** Categories with findings, most severe first; names are Chinese. */
  categories: { name: string; count: number; severity: Severity }[];
  /** The share of the draft copied from the corpus; missing without a corpus. */
  copy?: { share: number; text: string; chars: number; copied: number; sources: (ReviewSource & { chars: number; share: number })[] };
  items: { rule: string; category: string; severity: Severity; message: string; range: Range; sources?: ReviewSource[] }[];
} | null;

/** Params of a request that takes none (the client sends `{}`). */
export type NoParams = Record<string, never> | undefined;

/** Every custom request: method → params and result. */
export interface Requests {
  'shuzhi/skeleton': { params: SkeletonParams | undefined; result: SkeletonResult };
  'shuzhi/search': { params: SearchParams; result: SearchHit[] };
  'shuzhi/rebuild': { params: NoParams; result: CorpusStatus };
  'shuzhi/status': { params: NoParams; result: CorpusStatus };
  'shuzhi/stats': { params: NoParams; result: CorpusStats };
  'shuzhi/clearCache': { params: NoParams; result: ClearCacheResult };
  'shuzhi/export': { params: ExportParams; result: ExportResult };
  'shuzhi/import': { params: ImportParams; result: ImportResult };
  'shuzhi/count': { params: CountParams; result: CountResult };
  'shuzhi/dashboard': { params: DashboardParams; result: DashboardResult };
  'shuzhi/review': { params: ReviewParams; result: ReviewResult };
}
export type RequestMethod = keyof Requests;
export type RequestParams<M extends RequestMethod> = Requests[M]['params'];
export type RequestResult<M extends RequestMethod> = Requests[M]['result'];

/** Method names, for code that names a request. */
export const Methods = {
  skeleton: 'shuzhi/skeleton',
  search: 'shuzhi/search',
  rebuild: 'shuzhi/rebuild',
  status: 'shuzhi/status',
  stats: 'shuzhi/stats',
  clearCache: 'shuzhi/clearCache',
  exportDocx: 'shuzhi/export',
  importDocx: 'shuzhi/import',
  count: 'shuzhi/count',
  dashboard: 'shuzhi/dashboard',
  review: 'shuzhi/review',
} as const satisfies Record<string, RequestMethod>;

// ------------------------------------------------------------- notifications (server → client)

export interface Notifications {
  /** Sent whenever the corpus changes state (loading, loaded, failed). */
  'shuzhi/corpusStatus': CorpusStatus;
}
export type NotificationMethod = keyof Notifications;

export const NotificationMethods = {
  corpusStatus: 'shuzhi/corpusStatus',
} as const satisfies Record<string, NotificationMethod>;

/** Every method name, requests and notifications, as data (the contract test reads it). */
export const REQUEST_METHODS: readonly RequestMethod[] = Object.values(Methods);
export const NOTIFICATION_METHODS: readonly NotificationMethod[] = Object.values(NotificationMethods);

// --------------------------------------------------------------------------- corpus documents

/**
 * URI scheme of read-only corpus files: the server names corpus sources (review, related
 * information of diagnostics) as `shuzhi-corpus:` + the file URI's path; the client registers a
 * content provider for the scheme (client/src/corpusDocuments.ts).
 */
export const CORPUS_SCHEME = 'shuzhi-corpus';

// ------------------------------------------------------------------------------- error codes

/** `shuzhi/export`: the target exists and `overwrite` was not set (the error's data is `{ path }`); the client asks, then retries. */
export const EXPORT_TARGET_EXISTS = 1001;
/** `shuzhi/export`, `shuzhi/import`: unreadable input (missing draft, corrupt .docx) or an unwritable target. The message is for the user. */
export const DELIVERY_FAILED = 1002;
// Besides these, a request whose `position` is malformed is answered InvalidParams (-32602), and
// a method the server lacks MethodNotFound (-32601), as JSON-RPC says.

// ------------------------------------------------------------------------ start-up options

/** What the client passes as initializationOptions. */
export interface InitializationOptions {
  /** The `shuzhi` settings section as the client reads it (the server also takes the keys at the top level). */
  shuzhi?: Record<string, unknown>;
  /** false: the workspace is not trusted, so corpus folders and the rc file from the workspace are not read. */
  trusted?: boolean;
  /** Folder for the corpus snapshot (VS Code's global storage); default `$XDG_CACHE_HOME/shuzhi`. */
  storagePath?: string;
  /** Watch corpus folders with fs.watch (default: when the client does not send file events). */
  watchCorpus?: boolean;
  /** false disables the snapshot. */
  snapshot?: boolean;
  /** Quiet time before the snapshot is saved after something new (tests). */
  snapshotSaveDelayMs?: number;
}

/**
 * V8 options the server runs with, which V8 also takes once running (nodeFlags.ts sets them in a
 * server started by hand). No allocation-site pretenuring: V8 otherwise learns, from a moment when
 * the objects of some allocation site happened to be alive, to allocate them straight in the old
 * generation, where the corpus build's short-lived objects then pile up until a full collection.
 * Whether it learned that was a matter of timing: with a 50 MB corpus, cold-run peak RSS was 287–291
 * MB in some runs and 352–361 MB in most; without pretenuring, every run is in the low mode (README,
 * Issue 20 point 5).
 */
export const SERVER_RUNTIME_V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/**
 * Node options the client starts the server with (its `execArgv`), and the test helpers and
 * benches too, so what is measured is what users run. Young-generation semi-spaces of 8 MB instead
 * of V8's 16 MB: with a 50 MB corpus the peak resident set falls by 10–18 MB, completion and
 * hover latency unchanged (README, Scale); 2 MB was tried and promoted more. V8 reads it only at
 * start-up (v8.setFlagsFromString later has no effect), so `node dist/server.js --stdio` started by
 * hand runs without it, with V8's defaults (but with SERVER_RUNTIME_V8_FLAGS, set at run time).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=8', ...SERVER_RUNTIME_V8_FLAGS];

// ------------------------------------------------------------- typed ends of the connection

/** A request handler as the contract allows it (it may also throw a ResponseError with a code above). */
export type RequestHandler<M extends RequestMethod> = (
  params: RequestParams<M>,
  token: CancellationToken,
) => RequestResult<M> | Promise<RequestResult<M>>;

/** The server's side: how it registers custom requests and sends custom notifications. */
export interface ContractServer {
  onRequest<M extends RequestMethod>(method: M, handler: RequestHandler<M>): Disposable;
  sendNotification<M extends NotificationMethod>(method: M, params: Notifications[M]): Promise<void>;
}

