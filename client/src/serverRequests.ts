/**
 * Sending custom requests to the server from commands: waits until the client runs, and turns
 * failures into one plain message for the user (the details go to the output channel).
 */
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';

export class ServerRequests {
  constructor(
    private readonly client: LanguageClient,
    private readonly started: () => Promise<void>,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Sends a request once the client is running; rejects with an error already logged. */
  async send<R>(method: string, params?: unknown, token?: vscode.CancellationToken): Promise<R> {
    await this.started();
    try {
      return params === undefined
        ? await this.client.sendRequest<R>(method, token)
        : await this.client.sendRequest<R>(method, params, token);
    } catch (error) {
      this.output.appendLine(`[client] ${method} failed: ${describe(error)}`);
      throw error;
    }
  }

  /**
   * Like send, but shows the failure to the user and resolves to undefined, so a command can
   * simply stop. Cancellation is silent.
   */
  async trySend<R>(method: string, params?: unknown, token?: vscode.CancellationToken): Promise<R | undefined> {
    return this.trySendWith(() => this.send<R>(method, params, token), method);
  }

  /** Runs a send (possibly wrapped, e.g. in withProgress) and reports its failure like trySend. */
  async trySendWith<R>(sending: () => Thenable<R>, method?: string): Promise<R | undefined> {
    try {
      return await sending();
    } catch (error) {
      this.report(error, method);
      return undefined;
    }
  }

  /** Shows a failed request to the user; cancellation is silent. */
  report(error: unknown, method?: string): void {
    if (error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The running Shuzhi language server does not support “{0}”.', method ?? error.message));
    } else if (!(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled)) {
      // Server messages are already plain sentences for the user.
      void vscode.window.showErrorMessage(vscode.l10n.t('Shuzhi: {0}', describe(error)));
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
