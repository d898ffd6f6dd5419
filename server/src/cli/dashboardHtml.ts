/**
 * The draft check-up as a standalone HTML page, for people who check reports outside VS Code
 * (print it, attach it to a mail): the same data and renderer as the editor's panel, without a
 * script, following the system's light or dark scheme.
 *
 * Meant for `shuzhi review FILE --html out.html`: the review command passes its settings, corpus
 * and findings (with `copied-passage`) and its copy summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { corpusFigures } from '../engine/dashboard/corpusFigures';
import { dashboardData, type CopiedSummary, type DashboardData } from '../engine/dashboard/data';
import { GENERATOR, renderDashboard } from '../engine/dashboard/render';
import { dashboardLocale } from '../engine/dashboard/strings';
import { kindShareStats } from '../engine/delivery/kindShare';
import { learnCorpusHeadings } from '../engine/lint/corpusHeadings';
import { lintText } from '../engine/lint/lint';
import { Draft } from '../engine/lint/draft';
import type { ReportTypeChoice } from '../engine/lint/reportTypeOf';
import type { Finding } from '../engine/lint/types';
import type { Settings } from '../engine/settings';
import type { CorpusReport } from '../engine/types';
import { readDraft } from './common';
import { writeOutputFile } from '../io/outputFile';
import { UsageError } from './io';

export interface DashboardHtmlOptions {
  settings: Settings;
  /** The corpus the draft is compared with. */
  reports: readonly CorpusReport[];
  /** Display language of the page (`zh-cn` unless another is named). */
  locale?: string;
  /** The draft's findings when the caller has them (review: with copied passages); else lint runs with the corpus. */
  findings?: readonly Finding[];
  /** The review's “与语料重复” summary. */
  copied?: CopiedSummary;
  /** The report type lint used, when the command chose one (`--report-type`); else read from the draft and settings. */
  reportType?: ReportTypeChoice;
  /** Replace any existing file; without it only a page this function wrote earlier is replaced. */
  force?: boolean;
  /** Folder relative paths resolve against (default the process's). */
  cwd?: string;
}

/** The page for `text` (no I/O). */
export function dashboardPage(text: string, opts: Omit<DashboardHtmlOptions, 'force' | 'cwd'>): { html: string; data: DashboardData } {
  const draft = new Draft(text);
  const findings =
    opts.findings ??
    lintText(draft, { settings: opts.settings, corpusStats: kindShareStats(opts.reports), corpusHeadings: learnCorpusHeadings(opts.reports) });
  const data = dashboardData(draft, { settings: opts.settings, findings, figures: corpusFigures(opts.reports), copied: opts.copied, reportType: opts.reportType });
  const html = renderDashboard(data, { locale: dashboardLocale(opts.locale ?? 'zh-cn'), standalone: true, nonce: randomBytes(16).toString('base64') });
  return { html, data };
}

/** Did this function write `file` (so replacing it loses nothing of the user's)? */
function ourPage(file: string): boolean {
  try {
    const head = fs.readFileSync(file, 'utf8').slice(0, 2000);
    return head.includes(`<meta name="generator" content="${GENERATOR}">`);
  } catch {
    return false;
  }
}

/**
 * Reads the draft `file`, writes its check-up page to `out` and returns the written path and the
 * data shown. Unreadable drafts and unwritable targets are UsageErrors with a plain message; an
 * existing file is replaced only with `force` or when it is an earlier page of ours.
 */
export function writeDashboardHtml(file: string, out: string, opts: DashboardHtmlOptions): { path: string; data: DashboardData } {
  const cwd = opts.cwd ?? process.cwd();
  const draft = readDraft({ cwd, out: () => undefined, err: () => undefined }, file);
  const target = path.resolve(cwd, out);
  if (target === draft.path) throw new UsageError(`输出文件不能是草稿本身：${out}`);
  const { html, data } = dashboardPage(draft.text, opts);
  const overwrite = opts.force === true || ourPage(target);
  try {
    if (!writeOutputFile(target, html, overwrite)) throw new UsageError(`文件 ${target} 已存在，未覆盖。如要覆盖，请加 --force。`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`无法写入 ${target}：${(e as Error).message}`);
  }
  return { path: target, data };
}
