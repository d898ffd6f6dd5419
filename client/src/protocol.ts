/**
 * The custom messages the client exchanges with the Shuzhi language server, in one place so
 * the client's commands, status bar and tests agree on names and shapes. The server's
 * handlers must answer these shapes; anything optional here may be missing in an answer.
 */

/** Report types offered when inserting a template; the id is what the server understands. */
export interface SkeletonParams {
  /** Report type: '' (general) or the Chinese type name, e.g. '抓基层党建工作述职'. */
  type: string;
}
/** The server answers a snippet body (`${1:…}` tab stops) or an object carrying one. */
export type SkeletonResult = string | { snippet?: string; text?: string; markdown?: string } | null;

export interface SearchParams {
  query: string;
  limit: number;
}
export interface SearchHit {
  text: string;
  title: string;
  section?: string;
  /** Path of the corpus file (absolute, or relative to the bundled corpus). */
  source: string;
  score: number;
  /** Zero-based line of the hit in the source file, when known. */
  line?: number;
}

export interface CorpusStats {
  reports: number;
  byType: Record<string, number>;
  byKind: Record<string, number>;
  skipped: { path: string; reason: string }[];
  /** Optional extras a server may add (files, sources); shown when present. */
  files?: number;
  sources?: string[];
}

export interface ExportParams {
  /** URI of the Markdown document to export (the server reads it from its open documents). */
  uri: string;
  /** File system path of the .docx to write. */
  target: string;
  /** Replace an existing file; without it the server answers EXPORT_TARGET_EXISTS. */
  overwrite?: boolean;
}
/** Error code of `shuzhi/export` when the target exists and overwrite was not set. */
export const EXPORT_TARGET_EXISTS = 1001;
export interface ExportResult {
  path?: string;
  /** Non-fatal remarks (e.g. unknown fonts); shown to the user. */
  warnings?: string[];
}

export interface ImportParams {
  path: string;
}
export interface ImportResult {
  markdown: string;
  warnings?: string[];
}

export type CorpusState = 'indexing' | 'ready' | 'error';
/** Notification `shuzhi/corpusStatus`, sent whenever the corpus index changes state. */
export interface CorpusStatus {
  state: CorpusState;
  reports: number;
  skipped: number;
  message?: string;
}

export interface CountParams {
  uri: string;
  /** Selections to count separately; omitted means the whole document only. */
  ranges?: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}
/** Answer to `shuzhi/count`; also the payload of the optional notification of the same name. */
export interface CountResult {
  uri?: string;
  total: number;
  /** Configured limit (shuzhi.length.limit); 0 or missing = no limit. */
  limit?: number;
  /** Characters in the selections, when ranges were given. */
  selection?: number;
  /** Where the limit comes from. */
  limitSource?: 'frontmatter' | 'title' | 'settings';
}

/** Answer to `shuzhi/clearCache`: what was removed from the snapshot cache folders. */
export interface ClearCacheResult {
  /** The folders cleared, joined with ', '. */
  dir: string;
  files: number;
  bytes: number;
  /** Files that could not be removed, with the reason. */
  failed: { path: string; reason: string }[];
}
export interface DashboardParams {
  uri: string;
  /** Display language; the page's words follow it (zh-cn or en). */
  locale: string;
  /** Ask for the whole webview page, with this nonce and the webview's CSP source. */
  page?: { nonce: string; cspSource: string };
}
/**
 * Answer to `shuzhi/dashboard`: the page (`html`, when `page` was given) or the part that changes (`body`);
 * `pending` while the corpus figures are still being built; null when the document is not open.
 */
export type DashboardResult = { uri: string; version: number; body?: string; html?: string; pending?: boolean } | null;
export interface ReviewParams {
  uri: string;
}
/** Where a copied passage comes from: a `shuzhi-corpus:` URI (read-only) and the zero-based line, when found. */
export interface ReviewSource {
  title: string;
  uri: string;
  line?: number;
}
type Position = { line: number; character: number };
/** Answer to `shuzhi/review` (null: the document is not open on the server). */
export interface ReviewResult {
  uri: string;
  /** Categories with findings, most severe first; names are Chinese, from the server. */
  categories: { name: string; count: number; severity: string }[];
  /** The share of the draft copied from the corpus; missing without a corpus. */
  copy?: { share: number; text: string; chars: number; copied: number; sources: (ReviewSource & { chars: number; share: number })[] };
  items: { rule: string; category: string; severity: string; message: string; range: { start: Position; end: Position }; sources?: ReviewSource[] }[];
}

/** Method names. */
export const Methods = {
  skeleton: 'shuzhi/skeleton',
  search: 'shuzhi/search',
  rebuild: 'shuzhi/rebuild',
  clearCache: 'shuzhi/clearCache',
  stats: 'shuzhi/stats',
  exportDocx: 'shuzhi/export',
  importDocx: 'shuzhi/import',
  count: 'shuzhi/count',
  corpusStatus: 'shuzhi/corpusStatus',
  dashboard: 'shuzhi/dashboard',
  review: 'shuzhi/review',
} as const;
