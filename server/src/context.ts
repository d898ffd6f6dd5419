import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusStore } from './engine/corpus/store';
import type { Settings } from './engine/settings';
import type { ContractServer } from './protocol/contract';

/** The LSP connection, its custom requests and notifications typed by the contract (protocol/contract.ts). */
export type ContractConnection = Omit<Connection, 'onRequest' | 'sendNotification'> & ContractServer;

/** What every feature adapter gets from the server: the connection, open documents, settings, corpus. */
export interface ServerContext {
  readonly connection: ContractConnection;
  readonly documents: TextDocuments<TextDocument>;
  /** Current settings (workspace/configuration `shuzhi`, initializationOptions, .shuzhirc.json). */
  settings(): Settings;
  readonly corpus: CorpusStore;
  /** Writes a line to the server log (the client's “述职助手” output channel). */
  log(message: string): void;
  /** Registers a callback run when settings change (after they are re-read). */
  onSettingsChanged(listener: () => void): void;
  /** Resolves when the corpus is loaded or failed to load (at once unless a full load is running); bound the wait (waitForCorpus). */
  corpusSettled(): Promise<void>;
  /** The workspace folder's path (its `.shuzhi/words.txt`), when there is one on disk. */
  workspaceRoot(): string | undefined;
}
