/**
 * The report types by id and Chinese name: the one table the engine (REPORT_TYPES in
 * reportTypes.ts), the settings schema (`shuzhi.reportType`, written by
 * client/scripts/updateManifest.ts) and the client's template picker read. Plain data with no
 * imports, so the client bundle can carry it (through server/src/protocol/contract.ts).
 *
 * `choice` marks a type a writer picks by name (the template picker, the setting's enum); it is
 * the value sent to the server and stored in settings (the server reads a name with or without
 * the trailing 报告, see getReportType). The other types are recognised from titles only.
 */
export const REPORT_TYPE_TABLE = [
  { id: 'general', name: '述职报告', choice: '述职报告' },
  { id: 'party-building', name: '抓基层党建工作述职报告', choice: '抓基层党建工作述职' },
  { id: 'virtue-integrity', name: '述德述廉述职报告', choice: '述德述廉述职' },
  { id: 'duty-integrity', name: '述职述廉报告' },
  { id: 'four-parts', name: '述学述职述廉述法报告', choice: '述学述职述廉述法' },
  { id: 'armed-forces', name: '党管武装工作述职报告' },
  { id: 'ideology', name: '意识形态工作述职报告' },
  { id: 'safety', name: '安全生产述职报告' },
] as const;

export type ReportTypeId = (typeof REPORT_TYPE_TABLE)[number]['id'];

/** A type a writer can choose by name. */
export type ChoosableReportType = Extract<(typeof REPORT_TYPE_TABLE)[number], { choice: string }>;
export type ChoosableReportTypeId = ChoosableReportType['id'];

/** The types a writer chooses from (template picker, `shuzhi.reportType`), general first. */
export const CHOOSABLE_REPORT_TYPES: readonly ChoosableReportType[] = REPORT_TYPE_TABLE.filter(
  (t): t is ChoosableReportType => 'choice' in t,
);
