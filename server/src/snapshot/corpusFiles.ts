/**
 * The corpus as a set of per-file records: each corpus file's reports (or the reason it
 * was skipped) with the size and mtime it had when read. Comparing a fresh listing with
 * the records tells which files are new, changed or gone, so an update — a restart from
 * a snapshot, or a file changed on disk — reads only those files.
 */
import * as nodePath from 'node:path';
import { stat } from 'node:fs/promises';
import { cleanText } from '../engine/corpus/clean';
import { splitReports } from '../engine/corpus/split';
import { isSkipped, loadOneFile } from '../engine/corpus/loader';
import { textHome, type SnapshotFile, type SnapshotSkip } from './snapshotFile';
import { corpusTree } from '../engine/corpus/corpus';
import { detectReportType } from '../engine/report/reportTypes';
import type { CorpusReport, ReportTree, SkippedFile } from '../engine/types';
import type { ListedFile, Listing } from '../engine/corpus/loader';
import { joinedLayout, joinReportTexts, registerCorpusText } from '../engine/search/corpusText';

type FileRecord =
  | { kind: 'loaded'; path: string; size: number; mtimeMs: number; encoding: string; reports: CorpusReport[] }
  | { kind: 'skipped'; path: string; size: number; mtimeMs: number; reason: string };

const parseTree = corpusTree;

/**
 * A corpus report. With `lazyTree` the structure is parsed on first access of `tree`
 * (a snapshot restores thousands of reports; parsing them all would cost seconds), else now.
 */
export function makeReport(title: string, text: string, source: string, lazyTree: boolean): CorpusReport {
  // The title is usually a slice of the whole file's text: copied, it does not keep that alive.
  const own = ownCopy(title);
  const report = { id: 0, title: own, source, text, typeId: detectReportType(own).id } as CorpusReport;
  if (!lazyTree) {
    report.tree = parseTree(text);
    return report;
  }
  armLazyTree(report);
  return report;
}

/** A copy of `s` that shares no memory with the string it was sliced from. */
function ownCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

/** Makes `tree` parse on first access (again, if it was parsed). */
function armLazyTree(report: CorpusReport): void {
  Object.defineProperty(report, 'tree', {
    configurable: true,
    enumerable: true,
    get(this: CorpusReport) {
      const tree = parseTree(this.text);
      Object.defineProperty(this, 'tree', { value: tree, writable: true, enumerable: true, configurable: true });
      return tree;
    },
    set(this: CorpusReport, tree: ReportTree) {
      Object.defineProperty(this, 'tree', { value: tree, writable: true, enumerable: true, configurable: true });
    },
  });
}

/**
 * Where a report's text lives in a joined corpus text (see engine/search/corpusText.ts):
 * set for the reports of a snapshot (sliced from its texts section) and of a consolidation.
 */
const homes = new WeakMap<CorpusReport, { base: string; at: number }>();

/**
 * Makes the reports' texts slices of one joined string (report texts each followed by '\n')
 * and registers it as their shared corpus text, so the hover index does not hold a second
 * copy of the corpus. When the texts already lie in one string in this order (a snapshot
 * restored unchanged) nothing is copied. Otherwise the texts are joined and the reports
 * re-pointed at the joined string; trees already parsed are dropped and parse again on
 * access (they would keep the old texts alive), so call this before the trees are needed.
 */
export function shareTexts(reports: readonly CorpusReport[]): void {
  const { starts, length } = joinedLayout(reports);
  const first = reports.length ? homes.get(reports[0]) : undefined;
  let inPlace = !!first && first.base.length === length;
  for (let r = 0; inPlace && r < reports.length; r++) {
    const h = homes.get(reports[r]);
    inPlace = !!h && h.base === first!.base && h.at === starts[r];
  }
  if (inPlace) {
    registerCorpusText(reports, first!.base);
    return;
  }
  const base = joinReportTexts(reports);
  reports.forEach((report, r) => {
    const wasParsed = !treePending(report);
    report.text = base.slice(starts[r], starts[r] + report.text.length);
    homes.set(report, { base, at: starts[r] });
    if (wasParsed) armLazyTree(report);
  });
  registerCorpusText(reports, base);
}

/** True when the report's tree has not been parsed yet. */
export function treePending(report: CorpusReport): boolean {
  return typeof Object.getOwnPropertyDescriptor(report, 'tree')?.get === 'function';
}

/** Reports of one file's text: cleaned in memory, split, each tree parsed (as `reportsFromText`). */
export function reportsOfText(text: string, source: string, lazyTree = false): CorpusReport[] {
  const fallback = nodePath.basename(source).replace(/\.[^.]+$/, '');
  return splitReports(cleanText(text), fallback).map((s) => makeReport(s.title, s.text, source, lazyTree));
}

export interface SyncOptions {
  maxFileSizeBytes: number;
  signal?: AbortSignal;
  /** Called after each listed file (read or reused), with the number of files read so far. */
  onFile?(done: number, total: number, read: number): void;
}

export interface SyncResult {
  /** Files read because they were new or changed. */
  read: number;
  /** Records dropped because their file is gone. */
  removed: number;
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

export class CorpusFiles {
  private records = new Map<string, FileRecord>();
  private walkSkipped: SkippedFile[] = [];

  get size(): number {
    return this.records.size;
  }

  /** Adds the records of a snapshot, for paths not already known. Trees are parsed lazily. */
  seed(files: readonly SnapshotFile[], skipped: readonly SnapshotSkip[]): void {
    for (const f of files) {
      if (this.records.has(f.path)) continue;
      this.records.set(f.path, {
        kind: 'loaded',
        path: f.path,
        size: f.size,
        mtimeMs: f.mtimeMs,
        encoding: f.encoding,
        reports: f.reports.map((r) => {
          const report = makeReport(r.title, r.text, f.path, true);
          const home = textHome(r);
          if (home) homes.set(report, home);
          return report;
        }),
      });
    }
    for (const s of skipped) {
      if (!this.records.has(s.path)) this.records.set(s.path, { kind: 'skipped', ...s });
    }
  }

  /** True when every listed file has a record with the same size and mtime, and nothing else is recorded. */
  matches(listing: Listing): boolean {
    if (listing.files.length !== this.records.size) return false;
    return listing.files.every((f) => this.upToDate(f));
  }

  private upToDate(f: ListedFile): boolean {
    const r = this.records.get(f.path);
    return !!r && r.size === f.size && r.mtimeMs === f.mtimeMs;
  }

  /**
   * Brings the records in line with `listing`: drops records of files no longer listed,
   * reads new and changed files (one at a time, yielding to the event loop after each),
   * keeps the rest untouched. Files for which `exclude` is true are ignored.
   */
  async sync(listing: Listing, opts: SyncOptions, exclude?: (path: string) => boolean): Promise<SyncResult> {
    const listed = listing.files.filter((f) => !exclude?.(f.path));
    this.walkSkipped = listing.skipped;
    const keep = new Set(listed.map((f) => f.path));
    let removed = 0;
    for (const p of [...this.records.keys()]) {
      if (!keep.has(p)) {
        this.records.delete(p);
        removed++;
      }
    }
    let read = 0;
    for (let i = 0; i < listed.length; i++) {
      opts.signal?.throwIfAborted();
      const f = listed[i];
      if (!this.upToDate(f)) {
        this.records.set(f.path, await readRecord(f, opts));
        read++;
        await yieldNow();
      }
      opts.onFile?.(i + 1, listed.length, read);
    }
    return { read, removed };
  }

  /** The reports of all files, in path order, numbered from 0. */
  reports(): CorpusReport[] {
    const out: CorpusReport[] = [];
    for (const r of this.sorted()) {
      if (r.kind !== 'loaded') continue;
      for (const report of r.reports) {
        report.id = out.length;
        out.push(report);
      }
    }
    return out;
  }

  /** Files skipped by the walk or when read, sorted by path. */
  skipped(): SkippedFile[] {
    const out: SkippedFile[] = [...this.walkSkipped];
    for (const r of this.records.values()) if (r.kind === 'skipped') out.push({ path: r.path, reason: r.reason });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The records as snapshot content. */
  toSnapshot(): { files: SnapshotFile[]; skipped: SnapshotSkip[] } {
    const files: SnapshotFile[] = [];
    const skipped: SnapshotSkip[] = [];
    for (const r of this.sorted()) {
      if (r.kind === 'loaded') {
        files.push({ path: r.path, size: r.size, mtimeMs: r.mtimeMs, encoding: r.encoding, reports: r.reports.map((x) => ({ title: x.title, text: x.text })) });
      } else {
        skipped.push({ path: r.path, reason: r.reason, size: r.size, mtimeMs: r.mtimeMs });
      }
    }
    return { files, skipped };
  }

  private sorted(): FileRecord[] {
    return [...this.records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** Reads one listed file into a record; a file that vanished since the listing is recorded as skipped. */
async function readRecord(f: ListedFile, opts: SyncOptions): Promise<FileRecord> {
  const result = await loadOneFile(f.path, { maxFileSizeBytes: opts.maxFileSizeBytes, signal: opts.signal });
  if (isSkipped(result)) {
    const gone = await stat(f.path).then(() => false, () => true);
    return { kind: 'skipped', path: f.path, size: f.size, mtimeMs: f.mtimeMs, reason: gone ? '文件在读取过程中被删除或移动了' : result.reason };
  }
  // Trees stay lazy: the loader first moves the texts into one shared string (shareTexts),
  // then parses the trees between requests (warmTrees).
  const reports = reportsOfText(result.text, f.path, true);
  return { kind: 'loaded', path: f.path, size: result.size, mtimeMs: result.mtimeMs, encoding: result.encoding, reports };
}
