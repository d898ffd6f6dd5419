/**
 * Corpus source files as the client opens them: the `shuzhi-corpus:` URI of a report's file
 * (the client's read-only content provider, client/src/corpusDocuments.ts) and the line of a
 * passage in that file. Cleaning and splitting change lines, so a passage is looked up in the
 * file's own text (engine/search/sourceLine.ts); files are read once per corpus version.
 */
import { pathToFileURL } from 'node:url';
import type { ServerContext } from '../context';
import { readSource } from '../io/sourceText';
import { locateInSource } from '../engine/search/sourceLine';
import type { CorpusReport } from '../engine/types';
import { CORPUS_SCHEME } from '../protocol/contract';

/** The read-only URI of a corpus file given by its absolute path. */
export function corpusUri(source: string): string {
  return CORPUS_SCHEME + pathToFileURL(source).href.slice('file'.length);
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}

/** Source file texts, read on demand and forgotten when the corpus changes. */
export class SourceFiles {
  private files = new Map<string, Promise<string | undefined>>();
  private ready = new Map<string, string | undefined>();

  constructor(private readonly ctx: ServerContext) {
    ctx.corpus.onDidChange(() => {
      this.files = new Map();
      this.ready = new Map();
    });
  }

  /** The file's text (undefined: a Word file or unreadable). */
  text(source: string): Promise<string | undefined> {
    let p = this.files.get(source);
    if (!p) {
      const files = this.files;
      p = readSource(source, this.ctx.settings().maxFileSizeMB * 1024 * 1024);
      files.set(source, p);
      void p.then((t) => {
        if (this.files === files) this.ready.set(source, t);
      });
    }
    return p;
  }

  /** Reads these files, waiting at most `ms` for them. */
  async readAll(sources: readonly string[], ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([Promise.all(sources.map((s) => this.text(s))), timeout]);
    clearTimeout(timer);
  }

  /**
   * The zero-based file line of report text [start, end) now: undefined while the file is
   * still being read (it is then), null when it cannot be placed (a Word file).
   */
  lineNow(report: CorpusReport, start: number, end: number): number | null | undefined {
    if (!this.ready.has(report.source)) {
      void this.text(report.source);
      return undefined;
    }
    const text = this.ready.get(report.source);
    if (text === undefined) return null;
    return locateInSource(text, firstLine(report.text), report.text.slice(start, end)) ?? null;
  }

  /** The file line of a passage, reading the file if needed (undefined: it cannot be placed). */
  async line(report: CorpusReport, passage: string): Promise<number | undefined> {
    const text = await this.text(report.source);
    return text === undefined ? undefined : locateInSource(text, firstLine(report.text), passage);
  }
}
