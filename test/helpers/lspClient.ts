/**
 * A small LSP client for protocol tests: starts the built `dist/server.js --stdio`
 * and speaks JSON-RPC to it, as an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The built server; SHUZHI_BENCH_SERVER points the benches at another build (a baseline checkout's dist/server.js). */
export const SERVER = process.env.SHUZHI_BENCH_SERVER ?? path.join(ROOT, 'dist', 'server.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

export interface TestServer {
  conn: MessageConnection;
  proc: ChildProcess;
  /** stderr and window/logMessage lines, for debugging failures. */
  logs: string[];
  initializeResult: any;
  /** Diagnostics pushed by the server, by URI (latest). */
  diagnostics: Map<string, Diagnostic[]>;
  request<T = any>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  open(uri: string, text: string, languageId?: string): void;
  /** Waits until `pred` holds for the diagnostics of `uri`, or throws after `ms`. */
  waitForDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean, ms?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export interface StartOptions {
  initializationOptions?: unknown;
  /** Answer for workspace/configuration section `shuzhi`; omit to not advertise the capability. */
  configuration?: unknown;
  env?: NodeJS.ProcessEnv;
  args?: string[];
  cwd?: string;
  /** A workspace folder on disk to open (default none). */
  root?: string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  // Started as the client starts it (the contract's Node options), so protocol tests and benches run what users run.
  const proc = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio', ...(opts.args ?? [])], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  proc.stderr!.on('data', (d) => logs.push(String(d)));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters = new Set<() => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) w();
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === 'shuzhi' ? opts.configuration ?? null : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => null);
  conn.onRequest('workspace/semanticTokens/refresh', () => null);
  conn.onNotification(() => undefined);
  conn.listen();

  const initializeResult = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: opts.root ? fileUri(opts.root) : null,
    workspaceFolders: opts.root ? [{ uri: fileUri(opts.root), name: 'workspace' }] : null,
    initializationOptions: opts.initializationOptions,
    capabilities: {
      workspace: { configuration: opts.configuration !== undefined, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { relatedInformation: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      },
    },
  });
  conn.sendNotification('initialized', {});

  const server: TestServer = {
    conn,
    proc,
    logs,
    initializeResult,
    diagnostics,
    request: (method, params) => conn.sendRequest(method, params) as Promise<any>,
    notify: (method, params) => void conn.sendNotification(method, params),
    open(uri, text, languageId = 'markdown') {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    waitForDiagnostics(uri, pred, ms = 15000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = diagnostics.get(uri);
          if (d && pred(d)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(d);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`diagnostics for ${uri} did not arrive in ${ms} ms; last: ${JSON.stringify(diagnostics.get(uri))}\n${logs.join('')}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      await new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        const t = setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, 2000);
        proc.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      conn.dispose();
    },
  };
  return server;
}

/** Corpus status as `shuzhi/status` answers it. */
export type { CorpusStatus } from '../../server/src/protocol/contract';
import { SERVER_NODE_ARGS, type CorpusStatus } from '../../server/src/protocol/contract';

/** Waits until the server reports its corpus loaded (`shuzhi/status`); throws on an error state or after `ms`. */
export async function corpusReady(server: TestServer, ms = 20000): Promise<CorpusStatus> {
  const until = Date.now() + ms;
  for (;;) {
    const s = await server.request<CorpusStatus>('shuzhi/status', null);
    if (s.state === 'ready') return s;
    if (s.state === 'error' || Date.now() > until) throw new Error(`corpus not ready: ${JSON.stringify(s)}\n${server.logs.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
