import * as path from 'node:path';
import type { CorpusReport, LoadedFile, ReportTree, SkippedFile } from '../types';
import { corpusTree } from '../report/tree';
import { detectReportType } from '../report/reportTypes';
import { cleanText } from './clean';
import { splitReports } from './split';
import { bundledCorpusDir, loadCorpusPaths } from './loader';
import type { Steps } from '../slices';

/** A corpus report's structure (report/tree.ts; the phrase-index workers parse with it too). */
export { corpusTree };

/**
 * A report's tree for one pass over the corpus (an index build). A large corpus keeps its
 * trees lazy — `tree` an accessor that parses on first access and keeps the result, about
 * 7 bytes a character — so for such a report the tree is parsed here and not kept.
 */
export function treeForScan(report: CorpusReport): ReportTree {
  const d = Object.getOwnPropertyDescriptor(report, 'tree');
  return d?.get ? corpusTree(report.text) : report.tree;
}

/** Characters of report text read between two pauses of forEachReportTree. */
const REPORT_STEP_CHARS = 20_000;

/**
 * The loop of a sliced corpus-wide build: calls `visit` with each report and its tree
 * (treeForScan), pausing (see engine/slices.ts) every few tens of thousands of
 * characters, so a large corpus is read between requests. Use with `yield*`.
 */
export function* forEachReportTree(reports: readonly CorpusReport[], visit: (report: CorpusReport, tree: ReportTree) => void): Steps<void> {
  let sinceYield = 0;
  for (const r of reports) {
    sinceYield += r.text.length;
    if (sinceYield > REPORT_STEP_CHARS) {
      sinceYield = 0;
      yield;
    }
    visit(r, treeForScan(r));
  }
}

/**
 * Turns one file's text into reports: clean (in memory), split compilations, parse each
 * report's structure, classify its type. `firstId` numbers the reports within a corpus.
 */
export function reportsFromText(text: string, source: string, firstId = 0): CorpusReport[] {
  const cleaned = cleanText(text);
  const fallback = path.basename(source).replace(/\.[^.]+$/, '');
  return splitReports(cleaned, fallback).map((slice, k) => {
    const tree = corpusTree(slice.text);
    return {
      id: firstId + k,
      title: slice.title,
      source,
      text: slice.text,
      typeId: detectReportType(slice.title).id,
      tree,
    };
  });
}

/** Reports of several loaded files, numbered in order. */
export function reportsFromFiles(files: readonly LoadedFile[]): CorpusReport[] {
  const reports: CorpusReport[] = [];
  for (const f of files) reports.push(...reportsFromText(f.text, f.path, reports.length));
  return reports;
}

export interface LoadCorpusOptions {
  /** User folders or files, added to the bundled corpus. */
  paths: readonly string[];
  useBundled: boolean;
  maxFileSizeBytes: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** Loads the bundled corpus (unless disabled) and the user's paths into reports. */
export async function loadCorpus(opts: LoadCorpusOptions): Promise<{ reports: CorpusReport[]; skipped: SkippedFile[]; files: LoadedFile[] }> {
  const paths = [...(opts.useBundled ? [bundledCorpusDir()] : []), ...opts.paths];
  const { files, skipped } = await loadCorpusPaths(paths, {
    maxFileSizeBytes: opts.maxFileSizeBytes,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  // The bundled folder holds a README about the corpus, which is not a report.
  const usable = files.filter((f) => !(opts.useBundled && path.basename(f.path) === 'README.md' && path.dirname(f.path) === bundledCorpusDir()));
  return { reports: reportsFromFiles(usable), skipped, files: usable };
}
