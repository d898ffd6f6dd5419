/**
 * The report types the client offers (template QuickPick, `shuzhi.reportType` enum). The value
 * is what the server understands: the Chinese type name; '' means “infer from the title”.
 */
import * as vscode from 'vscode';

export interface ReportTypeChoice {
  /** Value sent to the server / stored in settings. */
  value: string;
  label: string;
  detail: string;
}

/** Types a template can be made for (the '' “infer” value makes no sense there). */
export function reportTypeChoices(): ReportTypeChoice[] {
  return [
    {
      value: '述职报告',
      label: vscode.l10n.t('General duty report (述职报告)'),
      detail: vscode.l10n.t('Duties and results, problems, next steps; often study and integrity parts.'),
    },
    {
      value: '抓基层党建工作述职',
      label: vscode.l10n.t('Party-building duty report (抓基层党建工作述职)'),
      detail: vscode.l10n.t('Duties and results, problems and their causes, next steps, pledges kept.'),
    },
    {
      value: '述德述廉述职',
      label: vscode.l10n.t('Morality, integrity and duty report (述德述廉述职)'),
      detail: vscode.l10n.t('Political integrity and morality, duties, integrity and self-discipline, problems, next steps.'),
    },
    {
      value: '述学述职述廉述法',
      label: vscode.l10n.t('Study, duty, integrity and law report (述学述职述廉述法)'),
      detail: vscode.l10n.t('Four named parts (study, duty, integrity, law), then problems and next steps.'),
    },
  ];
}
