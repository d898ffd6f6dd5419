/**
 * Watching corpus folders from the server with fs.watch, for clients that do not send
 * `workspace/didChangeWatchedFiles` for them (editors other than VS Code, or folders outside
 * every workspace). Events are only a hint: they are coalesced and the caller re-lists the
 * corpus (stat only) and reads just the files whose size or mtime changed, so a missed or
 * duplicated event costs nothing but a listing.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { isCorpusFileName } from '../engine/corpus/loader';

export class FolderWatcher {
  private watchers: fs.FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private roots: string[] = [];

  /**
   * @param onChange called once per burst of events, `delayMs` after the last one
   */
  constructor(private readonly onChange: () => void, private readonly log: (message: string) => void, private readonly delayMs = 150) {}

  /** Replaces the watched roots (files or folders). Roots that cannot be watched are logged and left out. */
  watch(roots: readonly string[]): void {
    const next = [...new Set(roots.map((r) => nodePath.resolve(r)))].sort();
    if (next.join('\n') === this.roots.join('\n')) return;
    this.close();
    this.roots = next;
    for (const root of next) {
      try {
        const st = fs.statSync(root);
        const w = st.isDirectory()
          ? fs.watch(root, { recursive: true, persistent: false }, (_e, name) => this.event(name ? String(name) : undefined, true))
          : fs.watch(nodePath.dirname(root), { persistent: false }, (_e, name) => {
              if (!name || String(name) === nodePath.basename(root)) this.event(undefined, false);
            });
        w.on('error', (e) => this.log(`无法继续监视语料 ${root}：${e.message}`));
        this.watchers.push(w);
      } catch (e) {
        this.log(`无法监视语料 ${root}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
  }

  private event(name: string | undefined, inFolder: boolean): void {
    // In a folder, only corpus files and sub-folders (no extension) can change the corpus.
    if (inFolder && name && nodePath.extname(name) !== '' && !isCorpusFileName(name)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, this.delayMs);
  }

  close(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
    this.roots = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
