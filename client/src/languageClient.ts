/**
 * Creates the language client for the bundled server (`dist/server.js`, over IPC): Markdown
 * documents on disk and untitled, the `shuzhi` settings section synchronised, corpus folder
 * changes forwarded, and a crash handler that restarts the server with a plain message.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { CorpusWatcher } from './corpusWatcher';
import { initializationOptions, SECTION } from './settings';
import { SERVER_NODE_ARGS } from '../../server/src/protocol/contract';

export const CLIENT_ID = 'shuzhi';

/** Restarts allowed within the window below before the client gives up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the server after a crash, at most MAX_RESTARTS times in RESTART_WINDOW_MS; tells the
 * user each time (the default handler's English text would be the only trace otherwise).
 */
export class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.warn(`connection error (${count ?? 0}): ${error.message}`);
    // A few write errors in a row usually mean the server process is gone; closed() follows.
    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = vscode.l10n.t(
        'The Shuzhi language server stopped {0} times in a few minutes and will not be restarted. See the output channel “述职助手” for details, then run “Developer: Reload Window”.',
        this.restarts.length + 1,
      );
      this.output.warn(message);
      void vscode.window.showErrorMessage(message);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    const message = vscode.l10n.t('The Shuzhi language server stopped unexpectedly and has been restarted.');
    this.output.warn(message);
    void vscode.window.showWarningMessage(message);
    return { action: CloseAction.Restart, handled: true };
  }
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  watcher: CorpusWatcher,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      // Sends workspace/didChangeConfiguration on changes; the server then pulls `shuzhi`.
      configurationSection: SECTION,
      fileEvents: watcher,
    },
    // A function, so a restart after a crash sends the settings and trust as they are then.
    initializationOptions: () => initializationOptions(context),
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
    // Messages from the server are plain Chinese for users; the protocol trace stays in the channel.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  return new LanguageClient(CLIENT_ID, '述职助手', serverOptions, clientOptions);
}
