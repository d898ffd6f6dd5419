/**
 * One FileSystemWatcher for all corpus folders, handed to the language client through
 * `synchronize.fileEvents`. That option is fixed when the client is created, while the folders
 * come from a setting that can change, so this object forwards the events of inner watchers
 * that are rebuilt whenever `shuzhi.corpusPaths` or the workspace folders change.
 */
import * as vscode from 'vscode';
import { corpusFolders } from './settings';

/** Files the corpus loader reads; other files in a corpus folder do not change the index. */
const CORPUS_GLOB = '**/*.{txt,md,markdown,docx}';

export class CorpusWatcher implements vscode.FileSystemWatcher {
  readonly ignoreCreateEvents = false;
  readonly ignoreChangeEvents = false;
  readonly ignoreDeleteEvents = false;

  private readonly created = new vscode.EventEmitter<vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly deleted = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidCreate = this.created.event;
  readonly onDidChange = this.changed.event;
  readonly onDidDelete = this.deleted.event;

  private inner: vscode.Disposable[] = [];
  private folders: string[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly log: (message: string) => void) {
    this.rebuild();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('shuzhi.corpusPaths')) this.rebuild();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()),
    );
  }

  /** Folders currently watched (absolute paths). */
  get watchedFolders(): readonly string[] {
    return this.folders;
  }

  private rebuild(): void {
    const folders = corpusFolders();
    if (folders.join('\n') === this.folders.join('\n') && this.inner.length > 0) return;
    this.disposeInner();
    this.folders = folders;
    for (const folder of folders) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), CORPUS_GLOB));
      this.inner.push(
        watcher,
        watcher.onDidCreate((uri) => this.created.fire(uri)),
        watcher.onDidChange((uri) => this.changed.fire(uri)),
        watcher.onDidDelete((uri) => this.deleted.fire(uri)),
      );
    }
    if (folders.length > 0) this.log(`watching corpus folders: ${folders.join(', ')}`);
  }

  private disposeInner(): void {
    for (const d of this.inner) d.dispose();
    this.inner = [];
  }

  dispose(): void {
    this.disposeInner();
    for (const d of this.subscriptions) d.dispose();
    this.created.dispose();
    this.changed.dispose();
    this.deleted.dispose();
  }
}
