/**
 * Which report type a draft is checked against. In order of precedence:
 * 1. front matter `type:` (or `类型:`) — the draft says so itself;
 * 2. a type chosen for this run (the CLI's `--report-type`) — the user says so now;
 * 3. the title, when it names a particular type (`…抓基层党建工作述职报告` → party-building);
 * 4. the setting `shuzhi.reportType` (`.shuzhirc.json` for the CLI) — the kind of report the
 *    user usually writes, for drafts whose title does not say (`2024年述职报告`);
 * 5. the general duty report (from a plain title, or by default).
 * The server and the CLI both decide here. Values may be a type id (`party-building`), its
 * Chinese name, or any title-like phrase.
 */
import { frontMatter, type FrontMatter } from '../delivery/markdown';
import { detectReportType, getReportType, REPORT_TYPES, type ReportType } from '../report/reportTypes';
import type { ReportTree } from '../types';

export interface ReportTypeChoice {
  type: ReportType;
  source: 'frontmatter' | 'explicit' | 'title' | 'settings' | 'default';
}

/** A type from an id, a name or a phrase naming one; undefined when nothing matches. */
export function resolveReportType(value: string): ReportType | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const exact = getReportType(v);
  if (exact) return exact;
  const detected = detectReportType(v);
  if (detected.id !== REPORT_TYPES[0].id) return detected;
  return /述职/.test(v) ? detected : undefined;
}

/**
 * The type `text` (parsed as `tree`) is checked against, and where that came from.
 * `settingValue` is `shuzhi.reportType`; `explicit` a type chosen for this run only; `fm` the
 * draft's front matter when the caller has read it.
 */
export function reportTypeOf(text: string, tree: ReportTree, settingValue: string, explicit = '', fm: FrontMatter | undefined = frontMatter(text)): ReportTypeChoice {
  const declared = fm?.fields.type ?? fm?.fields['类型'] ?? fm?.fields.reportType;
  const fromFm = declared ? resolveReportType(declared) : undefined;
  if (fromFm) return { type: fromFm, source: 'frontmatter' };
  const chosen = resolveReportType(explicit);
  if (chosen) return { type: chosen, source: 'explicit' };
  const fromTitle = tree.title ? detectReportType(tree.title.text) : undefined;
  if (fromTitle && fromTitle.id !== REPORT_TYPES[0].id) return { type: fromTitle, source: 'title' };
  const fromSettings = resolveReportType(settingValue);
  if (fromSettings) return { type: fromSettings, source: 'settings' };
  if (fromTitle) return { type: fromTitle, source: 'title' };
  return { type: REPORT_TYPES[0], source: 'default' };
}
