import type * as vscode from 'vscode';
import type { ServerRequests } from '../serverRequests';

/** What every command module gets from activate(). */
export interface CommandDeps {
  readonly context: vscode.ExtensionContext;
  readonly server: ServerRequests;
  readonly output: vscode.OutputChannel;
}
