/**
 * `shuzhi.openDashboard` (打开体检面板): the draft check-up beside the editor. The server renders
 * the page (`shuzhi/dashboard`); this module only shows it, follows the active Markdown draft,
 * asks again while the writer types (debounced) and moves the cursor when the page asks.
 *
 * Safety: the page gets scripts by nonce only (its CSP is in the HTML), `localResourceRoots`
 * is the extension's folder, and the one message acted on is `{ type: 'reveal', line }` with an
 * integer line inside the document — anything else is ignored.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { revealLineOf } from '../dashboardMessages';
import { Methods, type DashboardParams } from '../../../server/src/protocol/contract';
import type { Answer } from '../serverRequests';
import type { CommandDeps } from './deps';

const DEBOUNCE_MS = 300;
/** How soon to ask again while the server is still building the corpus figures (a large corpus). */
const PENDING_RETRY_MS = 2000;

const isDraft = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === 'markdown';

class Dashboard {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers older than the last request are dropped. */
  private sequence = 0;

  constructor(
    private readonly deps: CommandDeps,
    private doc: vscode.TextDocument,
    private readonly onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      'shuzhi.dashboard',
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [deps.context.extensionUri] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(deps.context.extensionUri, 'client/media/icon.png');
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      // A hidden panel misses the updates posted meanwhile (its page comes back as first set).
      this.panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('shuzhi')) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.doc) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (isDraft(e?.document) && e.document !== this.doc) this.show(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.doc) this.panel.dispose();
      }),
    );
    void this.load();
  }

  private title(): string {
    return vscode.l10n.t('Check-up: {0}', path.basename(this.doc.uri.path));
  }

  /** Shows the check-up of `doc` (a new draft becomes the panel's). */
  show(doc: vscode.TextDocument, reveal = false): void {
    if (reveal) this.panel.reveal(undefined, true);
    if (doc === this.doc) return;
    this.doc = doc;
    this.panel.title = this.title();
    void this.load();
  }

  /** Asks again, e.g. when the corpus has been (re)loaded. */
  refresh(): void {
    this.schedule();
  }

  private params(page: boolean): DashboardParams {
    const p: DashboardParams = { uri: this.doc.uri.toString(), locale: vscode.env.language };
    if (page) p.page = { nonce: randomBytes(16).toString('base64'), cspSource: this.panel.webview.cspSource };
    return p;
  }

  /** The whole page: on opening and when the panel turns to another draft. */
  private async load(): Promise<void> {
    const seq = ++this.sequence;
    const started = Date.now();
    const result = await this.deps.server.trySend(Methods.dashboard, this.params(true));
    if (seq !== this.sequence || !result?.html) return;
    this.panel.webview.html = result.html;
    if (result.pending) this.schedule(PENDING_RETRY_MS);
    this.deps.output.appendLine(`[client] check-up page of ${path.basename(this.doc.uri.path)}: ${result.html.length} characters from the server in ${Date.now() - started} ms`);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /** The part that changes, swapped in place by the page's script (scroll and open groups stay). */
  private async update(): Promise<void> {
    const seq = ++this.sequence;
    let result: Answer<typeof Methods.dashboard>;
    try {
      result = await this.deps.server.send(Methods.dashboard, this.params(false));
    } catch {
      return; // logged by send; no pop-up while typing
    }
    if (seq !== this.sequence || result?.body === undefined) return;
    void this.panel.webview.postMessage({ type: 'update', body: result.body });
    if (result.pending) this.schedule(PENDING_RETRY_MS);
  }

  private onMessage(message: unknown): void {
    const line = revealLineOf(message, this.doc.lineCount);
    if (line === undefined) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
    const at = new vscode.Range(line, 0, line, 0);
    void vscode.window
      .showTextDocument(this.doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: at, preserveFocus: false })
      .then((editor) => editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport));
  }

  private dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.onDispose();
  }
}

let current: Dashboard | undefined;

/** Registers the command; the returned function refreshes an open panel (corpus reloaded). */
export function registerDashboard(deps: CommandDeps): () => void {
  deps.context.subscriptions.push(
    vscode.commands.registerCommand('shuzhi.openDashboard', (uri?: unknown) => {
      // From the editor title the command gets the draft's URI; from the palette, the active editor.
      const fromMenu = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
      const doc = fromMenu ?? vscode.window.activeTextEditor?.document;
      if (!isDraft(doc)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report to check it.'));
        return;
      }
      if (current) current.show(doc, true);
      else current = new Dashboard(deps, doc, () => (current = undefined));
    }),
  );
  return () => current?.refresh();
}
