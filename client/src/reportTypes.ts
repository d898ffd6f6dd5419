/**
 * The report types the template picker offers: the contract's CHOOSABLE_REPORT_TYPES (the one
 * table of types, which also gives the `shuzhi.reportType` enum), with words for the picker.
 * `value` is what the server understands (the Chinese type name).
 */
import * as vscode from 'vscode';
import { CHOOSABLE_REPORT_TYPES, type ChoosableReportTypeId } from '../../server/src/protocol/contract';

/** A QuickPick item for one report type. */
export interface ReportTypeItem {
  /** Value sent to the server / stored in settings. */
  value: string;
  label: string;
  detail: string;
}

/** Types a template can be made for (the '' “infer” value of the setting makes no sense there). */
export function reportTypeItems(): ReportTypeItem[] {
  const t = vscode.l10n.t;
  // The picker's words for each choosable type: a type added to the table without words here does not compile.
  const words: Record<ChoosableReportTypeId, [label: string, detail: string]> = {
    general: [t('General duty report (述职报告)'), t('Duties and results, problems, next steps; often study and integrity parts.')],
    'party-building': [t('Party-building duty report (抓基层党建工作述职)'), t('Duties and results, problems and their causes, next steps, pledges kept.')],
    'virtue-integrity': [
      t('Morality, integrity and duty report (述德述廉述职)'),
      t('Political integrity and morality, duties, integrity and self-discipline, problems, next steps.'),
    ],
    'four-parts': [t('Study, duty, integrity and law report (述学述职述廉述法)'), t('Four named parts (study, duty, integrity, law), then problems and next steps.')],
  };
  return CHOOSABLE_REPORT_TYPES.map((c) => ({ value: c.choice, label: words[c.id][0], detail: words[c.id][1] }));
}
