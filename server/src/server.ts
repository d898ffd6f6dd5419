/**
 * The language server: wires the pure engine to the LSP connection. Handlers live in
 * features/*; this file owns start-up, settings, the corpus and its status.
 */
// First, before any other module runs: the V8 options the editor starts the server with, for a server started by hand.
import './nodeFlags';
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerContext } from './context';
import { CorpusStore } from './engine/corpus/store';
import { normalizeSettings, type Settings } from './engine/settings';
import { guardConnection, noteInput } from './guard';
import { readRcFile } from './rc';
import { CorpusManager } from './corpusManager';
import * as completion from './features/completion';
import * as hover from './features/hover';
import * as search from './features/search';
import * as outline from './features/outline';
import * as lint from './features/lint';
import * as delivery from './features/delivery';
import * as dashboard from './features/dashboard';
import * as review from './features/review';
import { WORD_ADDED_COMMAND } from './features/typoInputs';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const corpus = new CorpusStore();
const log = (message: string) => connection.console.log(message);

let initOptions: unknown;
let rcSettings: unknown;
let clientSettings: unknown;
let trusted = true;
let workspaceRoot: string | undefined;
let hasConfiguration = false;
let settings: Settings = normalizeSettings();
const settingsListeners: Array<() => void> = [];

const ctx: ServerContext = {
  connection: guardConnection(connection, log),
  documents,
  settings: () => settings,
  corpus,
  log,
  onSettingsChanged: (l) => settingsListeners.push(l),
  corpusSettled: () => manager.settled(),
  workspaceRoot: () => workspaceRoot,
};
const manager = new CorpusManager(ctx);

function recomputeSettings(): void {
  const s = normalizeSettings(rcSettings, initOptions, clientSettings);
  // In an untrusted workspace, folders named by workspace settings are not read.
  if (!trusted) s.corpusPaths = [];
  // Relative folders are relative to the workspace, as the client's watcher reads them.
  if (workspaceRoot) s.corpusPaths = s.corpusPaths.map((p) => path.resolve(workspaceRoot!, p));
  settings = s;
}

async function pullSettings(): Promise<void> {
  if (hasConfiguration) {
    try {
      clientSettings = await connection.workspace.getConfiguration({ section: 'shuzhi' });
    } catch (e) {
      log(`读取设置失败：${(e as Error).message}`);
    }
  }
  recomputeSettings();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  initOptions = params.initializationOptions;
  if (typeof initOptions === 'object' && initOptions !== null && (initOptions as { trusted?: unknown }).trusted === false) trusted = false;
  hasConfiguration = !!params.capabilities.workspace?.configuration;
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (folder?.startsWith('file:')) {
    workspaceRoot = fileURLToPath(folder);
    const rc = readRcFile(workspaceRoot);
    if (rc.error) log(rc.error);
    rcSettings = rc.settings;
  }
  recomputeSettings();
  manager.configure(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      // The list opens on demand only (no trigger characters): what appears by itself is the ghost text.
      completionProvider: { resolveProvider: false },
      inlineCompletionProvider: true,
      hoverProvider: true,
      documentSymbolProvider: { label: '述职助手' },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.shuzhi'] },
      executeCommandProvider: { commands: [WORD_ADDED_COMMAND] },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'shuzhi', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  await pullSettings();
  for (const l of settingsListeners) l();
  void manager.reload();
});

connection.onDidChangeConfiguration(async (change) => {
  const before = JSON.stringify([settings.corpusPaths, settings.useBundledCorpus, settings.maxFileSizeMB]);
  if (!hasConfiguration && change.settings) clientSettings = (change.settings as { shuzhi?: unknown }).shuzhi ?? change.settings;
  await pullSettings();
  for (const l of settingsListeners) l();
  if (JSON.stringify([settings.corpusPaths, settings.useBundledCorpus, settings.maxFileSizeMB]) !== before) void manager.reload();
});

// The snapshot is flushed here, within a bound: `exit` ends the process at once.
connection.onShutdown(() => manager.shutdown());

connection.onDidChangeWatchedFiles((change) => manager.filesChanged(change.changes.map((c) => c.uri)));

completion.register(ctx);
hover.register(ctx);
search.register(ctx);
outline.register(ctx);
const linted = lint.register(ctx);
delivery.register(ctx);
dashboard.register(ctx, linted);
review.register(ctx);
manager.register();

process.on('uncaughtException', (e) => log(`未处理的错误：${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => log(`未处理的错误：${(e as Error)?.stack ?? e}`));

documents.listen(connection);
connection.listen();
// Each message from the client holds background slices a moment (guard.ts): watch the transport the connection reads.
if (process.argv.includes('--stdio')) process.stdin.on('data', noteInput);
else if (process.argv.includes('--node-ipc')) process.on('message', noteInput);
