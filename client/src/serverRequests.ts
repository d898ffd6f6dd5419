/**
 * Sending custom requests to the server from commands: waits until the client runs, and turns
 * failures into one plain message for the user (the details go to the output channel). Methods,
 * params and answers are the contract's (server/src/protocol/contract.ts), checked by the compiler.
 */
import * as vscode from 'vscode';
import { ErrorCodes, LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import type { NotificationMethod, Notifications, RequestMethod, RequestParams, RequestResult } from '../../server/src/protocol/contract';

/** What a request answers: the contract's result, or null (a handler that failed, a request cancelled while queued). */
export type Answer<M extends RequestMethod> = RequestResult<M> | null;

/** Sends a contract request on a running client. */
export function request<M extends RequestMethod>(client: LanguageClient, method: M, params: RequestParams<M>, token?: vscode.CancellationToken): Promise<Answer<M>> {
  return client.sendRequest<Answer<M>>(method, params, token);
}

/** Listens to a contract notification. */
export function onNotification<M extends NotificationMethod>(client: LanguageClient, method: M, handler: (params: Notifications[M]) => void): vscode.Disposable {
  return client.onNotification(method, handler);
}

export class ServerRequests {
  constructor(
    private readonly client: LanguageClient,
    private readonly started: () => Promise<void>,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Sends a request once the client is running; rejects with an error already logged. */
  async send<M extends RequestMethod>(method: M, params: RequestParams<M>, token?: vscode.CancellationToken): Promise<Answer<M>> {
    await this.started();
    try {
      return await request(this.client, method, params, token);
    } catch (error) {
      this.output.appendLine(`[client] ${method} failed: ${describe(error)}`);
      throw error;
    }
  }

  /**
   * Like send, but shows the failure to the user and resolves to undefined, so a command can
   * simply stop. Cancellation is silent.
   */
  async trySend<M extends RequestMethod>(method: M, params: RequestParams<M>, token?: vscode.CancellationToken): Promise<Answer<M> | undefined> {
    return this.trySendWith(() => this.send(method, params, token), method);
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
