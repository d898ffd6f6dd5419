/**
 * `shuzhi review FILE [--format text|json] [--rule id=level]... [--report-type T] [--html OUT [--force]]
 *  [--corpus DIR]... [--no-default-corpus]`: review before submission (审校) — every lint rule,
 * the corpus ones included (typo-suspect, formulation, copied-passage), and the share of the
 * draft copied from the corpus with its sources. Exit 1 when a finding is at error level.
 *
 * Text: the summary (copied share and sources, counts per category), then one finding a
 * line, `file:line:col severity rule message`, a copied passage followed by its source's
 * `path:line`. JSON: { file, copy, categories, findings }.
 */
import { kindShareStats } from '../engine/delivery/kindShare';
import { learnCorpusHeadings } from '../engine/lint/corpusHeadings';
import { copiedSummary, copyShareText, reviewDraft } from '../engine/check/review';
import { buildPhraseIndex } from '../engine/search/phraseIndex';
import { locateInSource } from '../engine/search/sourceLine';
import { LineIndex } from '../engine/text/lineIndex';
import type { CorpusReport } from '../engine/types';
import { readSource } from '../io/sourceText';
import { Draft } from '../engine/lint/draft';
import { cliCorpus, cliSettings, cliTypoInputs, readDraft } from './common';
import { writeDashboardHtml } from './dashboardHtml';
import { EXIT_FINDINGS, EXIT_OK, formatOf, UsageError, type CliIO } from './io';
import { applyRuleFlags, lintRow, reportTypeFlag, type LintRow } from './lint';
import { parseCommandArgs, usageLine } from './options';
import { displayPath, plain } from './search';

/** Where a copied passage comes from. */
export interface ReviewSourceRow {
  title: string;
  file: string;
  /** One-based line in the source file, when the passage could be found there. */
  line?: number;
}

export interface ReviewJson {
  file: string;
  copy?: {
    share: number;
    chars: number;
    copied: number;
    sources: Array<{ title: string; file: string; chars: number; share: number }>;
  };
  categories: Array<{ name: string; count: number; severity: string }>;
  findings: Array<LintRow & { sources?: ReviewSourceRow[] }>;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('review', args);
  const format = formatOf(flags);
  if (positional.length !== 1) throw new UsageError(`用法：shuzhi ${usageLine('review')}`);
  const settings = cliSettings(io, flags);
  applyRuleFlags(settings, flags.get('rule') ?? []);
  const reportType = reportTypeFlag(flags);
  const file = positional[0];
  const draft = readDraft(io, file);
  const { reports } = await cliCorpus(settings);
  const phrases = buildPhraseIndex(reports);
  // The general lexicon of typo-suspect: without it the check keeps to corpus evidence, and says so once.
  const { lexicon, words } = cliTypoInputs(io);
  const parsed = new Draft(draft.text);
  const result = reviewDraft(parsed, {
    lexicon,
    words,
    settings,
    reportType,
    phrases,
    corpusHeadings: learnCorpusHeadings(reports),
    corpusStats: kindShareStats(reports),
    stage: 'full',
  });

  // The same review as a standalone check-up page (the panel's renderer), for print or mail.
  const html = flags.get('html')?.at(-1);
  if (html !== undefined) {
    const page = writeDashboardHtml(file, html, {
      settings,
      reports,
      findings: result.findings,
      ...(result.copy ? { copied: copiedSummary(result.copy, reports) } : {}),
      ...(reportType !== undefined ? { reportType: parsed.reportType(settings.reportType, reportType) } : {}),
      force: flags.has('force'),
      cwd: io.cwd,
    });
    // On stderr, so JSON on stdout stays clean.
    io.err(`已写出体检页：${page.path}\n`);
  }

  const maxBytes = settings.maxFileSizeMB * 1024 * 1024;
  const files = new Map<string, Promise<string | undefined>>();
  const sourceRow = async (report: CorpusReport, start: number, end: number): Promise<ReviewSourceRow> => {
    if (!files.has(report.source)) files.set(report.source, readSource(report.source, maxBytes));
    const text = await files.get(report.source)!;
    const line = text === undefined ? undefined : locateInSource(text, report.text.split('\n', 1)[0], report.text.slice(start, end));
    return { title: report.title, file: report.source, ...(line !== undefined ? { line: line + 1 } : {}) };
  };

  const lines = new LineIndex(draft.text);
  const findings: ReviewJson['findings'] = [];
  for (const f of result.findings) {
    const row: ReviewJson['findings'][number] = lintRow(file, lines, f);
    if (f.corpusRelated?.length) row.sources = await Promise.all(f.corpusRelated.map((r) => sourceRow(phrases.reports[r.report], r.start, r.end)));
    findings.push(row);
  }
  const out: ReviewJson = {
    file,
    ...(result.copy
      ? {
          copy: {
            share: result.copy.share,
            chars: result.copy.chars,
            copied: result.copy.copied,
            sources: result.copy.sources.map((s) => ({ title: reports[s.report].title, file: reports[s.report].source, chars: s.chars, share: s.share })),
          },
        }
      : {}),
    categories: result.categories,
    findings,
  };
  if (format === 'json') io.out(JSON.stringify(out, null, 2) + '\n');
  else io.out(formatReview(out, io.cwd));
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The review as text: summary lines, then the findings. */
export function formatReview(r: ReviewJson, cwd: string): string {
  const lines: string[] = [];
  if (r.copy) {
    const top = r.copy.sources.slice(0, 3).map((s) => `《${plain(s.title)}》${pct(s.share)}`);
    lines.push(`${r.file}：${copyShareText(r.copy.share)}${top.length ? `（${top.join('，')}）` : ''}`);
  }
  lines.push(r.categories.length ? `问题：${r.categories.map((c) => `${c.name} ${c.count}`).join(' · ')}` : '问题：无');
  for (const f of r.findings) {
    lines.push(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${plain(f.message)}`);
    for (const s of f.sources ?? []) lines.push(`    来源：${displayPath(s.file, cwd)}${s.line !== undefined ? `:${s.line}` : ''}《${plain(s.title)}》`);
  }
  return lines.join('\n') + '\n';
}
