/**
 * Entry point of the VS Code extension: starts the Shuzhi language server and adds the
 * commands, status bar items and the ghost-text trigger for Chinese input around it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCorpusCommands } from './commands/corpus';
import { registerDashboard } from './commands/dashboard';
import type { CommandDeps } from './commands/deps';
import { registerDocxCommands } from './commands/docx';
import { registerFindSimilar } from './commands/findSimilar';
import { registerReview } from './commands/review';
import { registerInsertTemplate } from './commands/insertTemplate';
import { registerShowStats } from './commands/stats';
import { registerWalkthroughCommands } from './commands/walkthrough';
import { registerCorpusDocuments } from './corpusDocuments';
import { CorpusWatcher } from './corpusWatcher';
import { registerImeSuggest, registerSuggestPhrases } from './imeSuggest';
import { createLanguageClient } from './languageClient';
import { NotificationMethods } from '../../server/src/protocol/contract';
import { onNotification, ServerRequests } from './serverRequests';
import { CorpusStatusItem, CountStatusItem } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('述职助手', { log: true });
  const log = (m: string) => output.info(m);
  const watcher = new CorpusWatcher(log);
  context.subscriptions.push(output, watcher);

  // The server keeps its corpus snapshot in the global storage folder, which may not exist yet.
  await vscode.workspace.fs.createDirectory(context.globalStorageUri).then(undefined, (e: unknown) => log(`[client] no storage folder: ${String(e)}`));
  const lc = (client = createLanguageClient(context, output, watcher));
  const corpusItem = new CorpusStatusItem();
  const countItem = new CountStatusItem(lc);
  context.subscriptions.push(corpusItem, countItem);
  let refreshDashboard = () => {};
  context.subscriptions.push(
    onNotification(lc, NotificationMethods.corpusStatus, (s) => {
      corpusItem.update(s);
      if (s.state === 'ready') refreshDashboard();
    }),
  );

  let starting: Promise<void> = lc.start();
  const started = () => starting;
  const deps: CommandDeps = { context, server: new ServerRequests(lc, started, output), output };
  refreshDashboard = registerDashboard(deps);
  registerInsertTemplate(deps);
  registerFindSimilar(deps);
  registerReview(deps);
  registerCorpusCommands(deps);
  registerShowStats(deps);
  registerDocxCommands(deps);
  registerWalkthroughCommands(deps);
  registerCorpusDocuments(context);
  registerImeSuggest(context);
  registerSuggestPhrases(context);

  // Trust changes what the server may read (workspace corpus folders): restart it with the new flag.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log('[client] workspace trusted: restarting the server so it reads workspace corpus folders');
      starting = lc.restart();
      void starting.then(() => countItem.refresh());
    }),
  );

  try {
    await starting;
    countItem.refresh();
  } catch (error) {
    // The client shows its own error; activation must still succeed so commands report it.
    log(`[client] the language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    corpusItem.update({ state: 'error', reports: 0, skipped: 0, message: vscode.l10n.t('The Shuzhi language server failed to start.') });
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
