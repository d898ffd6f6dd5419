/**
 * Which report type a draft is checked against. In order of precedence:
 * 1. front matter `type:` (or `类型:`) — the draft says so itself;
 * 2. the setting `shuzhi.reportType` (`.shuzhirc.json`, `--report-type`) — the user says so for
 *    every draft;
 * 3. the title (`…抓基层党建工作述职报告` → party-building);
 * 4. the general duty report.
 * Values may be a type id (`party-building`), its Chinese name, or any title-like phrase.
 */
import { frontMatter } from '../delivery/markdown';
import { detectReportType, getReportType, REPORT_TYPES, type ReportType } from '../report/reportTypes';
import type { ReportTree } from '../types';

export interface ReportTypeChoice {
  type: ReportType;
  source: 'frontmatter' | 'settings' | 'title' | 'default';
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

export function reportTypeOf(text: string, tree: ReportTree, settingValue: string): ReportTypeChoice {
  const fm = frontMatter(text);
  const declared = fm?.fields.type ?? fm?.fields['类型'] ?? fm?.fields.reportType;
  const fromFm = declared ? resolveReportType(declared) : undefined;
  if (fromFm) return { type: fromFm, source: 'frontmatter' };
  const fromSettings = resolveReportType(settingValue);
  if (fromSettings) return { type: fromSettings, source: 'settings' };
  if (tree.title) return { type: detectReportType(tree.title.text), source: 'title' };
  return { type: REPORT_TYPES[0], source: 'default' };
}
