/**
 * `shuzhi lint FILE... [--format text|json] [--rule id=level]... [--report-type T]
 *  [--corpus DIR]... [--no-default-corpus] [--list-rules]`
 *
 * Text output, one finding a line: `file:line:col severity rule message` (1-based). JSON: an
 * array of { file, rule, severity, line, column, endLine, endColumn, message }. Exit 1 when a
 * finding is at error level, 0 otherwise, 2 on usage errors. Rules, report type and corpus
 * paths also come from `.shuzhirc.json` in the working folder; flags override it.
 */
import { kindShareStats } from '../engine/delivery/kindShare';
import { learnCorpusHeadings } from '../engine/lint/corpusHeadings';
import { lintText } from '../engine/lint/lint';
import { getRule, RULES } from '../engine/lint/registry';
import { resolveReportType } from '../engine/lint/reportTypeOf';
import { REPORT_TYPES } from '../engine/report/reportTypes';
import type { RuleLevel, Settings } from '../engine/settings';
import { LineIndex } from '../engine/text/lineIndex';
import type { Finding } from '../engine/lint/types';
import { CORPUS_BOOLEANS, cliCorpus, cliSettings, readDraft } from './common';
import { EXIT_FINDINGS, EXIT_OK, formatOf, parseArgs, UsageError, type CliIO } from './io';

const USAGE =
  '用法：shuzhi lint 文件... [--format text|json] [--rule 规则=off|hint|info|warning|error]... ' +
  '[--report-type 类型] [--corpus 目录]... [--no-default-corpus] [--list-rules]';
const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A finding as the JSON output lists it. */
export interface LintRow {
  file: string;
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** A finding as a row: 1-based line and column of its start and end. */
export function lintRow(file: string, lines: LineIndex, f: Finding): LintRow {
  const s = lines.positionAt(f.start);
  const e = lines.positionAt(f.end);
  return { file, rule: f.rule, severity: f.severity, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, message: f.message };
}

/** Applies `--report-type T`, checking the type. */
export function applyReportTypeFlag(settings: Settings, flags: Map<string, string[]>): void {
  const typeFlag = flags.get('report-type')?.at(-1);
  if (typeFlag === undefined) return;
  if (!resolveReportType(typeFlag)) {
    throw new UsageError(`无法识别报告类型“${typeFlag}”；可用的类型：${REPORT_TYPES.map((t) => `${t.id}（${t.name}）`).join('、')}。`);
  }
  settings.reportType = typeFlag;
}

/** Applies `--rule id=level` flags, checking ids and levels. */
export function applyRuleFlags(settings: Settings, values: readonly string[]): void {
  for (const v of values) {
    const m = /^([^=]+)=(.*)$/.exec(v);
    if (!m) throw new UsageError(`--rule 的取值应写成“规则=级别”，如 --rule placeholder=error，这里是“${v}”。`);
    const id = m[1].trim();
    const level = m[2].trim() as RuleLevel;
    if (!getRule(id)) throw new UsageError(`没有名为“${id}”的规则；可用的规则：${RULES.map((r) => r.id).join('、')}。`);
    if (!LEVELS.includes(level)) throw new UsageError(`规则级别“${m[2]}”无效，应为 ${LEVELS.join('、')} 之一。`);
    settings.lint.rules[id] = level;
  }
}

function listRules(io: CliIO, format: 'json' | 'text'): number {
  const rows = RULES.map((r) => ({ id: r.id, severity: r.defaultSeverity, description: r.description, example: r.example }));
  if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
  else io.out(rows.map((r) => `${r.id}\t${r.severity}\t${r.description}`).join('\n') + '\n');
  return EXIT_OK;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseArgs(args, [...CORPUS_BOOLEANS, 'list-rules']);
  const format = formatOf(flags);
  if (flags.has('list-rules')) return listRules(io, format);
  if (!positional.length) throw new UsageError(USAGE);

  const settings = cliSettings(io, flags);
  for (const id of Object.keys(settings.lint.rules)) {
    if (!getRule(id)) io.err(`配置文件中的规则“${id}”不存在，已忽略。\n`);
  }
  applyRuleFlags(settings, flags.get('rule') ?? []);
  applyReportTypeFlag(settings, flags);
  // Read every draft first: an unreadable file is a usage error before any output.
  const drafts = positional.map((file) => ({ file, ...readDraft(io, file) }));
  const { reports } = await cliCorpus(settings);
  const corpusHeadings = learnCorpusHeadings(reports);
  const corpusStats = kindShareStats(reports);

  const rows: LintRow[] = [];
  for (const d of drafts) {
    const lines = new LineIndex(d.text);
    for (const f of lintText(d.text, { settings, corpusHeadings, corpusStats })) rows.push(lintRow(d.file, lines, f));
  }
  if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
  else if (rows.length) io.out(rows.map((r) => `${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}`).join('\n') + '\n');
  return rows.some((r) => r.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
