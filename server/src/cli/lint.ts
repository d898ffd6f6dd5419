/**
 * `shuzhi lint FILE... [--format text|json] [--rule id=level]... [--report-type T]
 *  [--corpus DIR]... [--no-default-corpus] [--list-rules]`
 *
 * Text output, one finding a line: `file:line:col severity rule message` (1-based). JSON: an
 * array of { file, rule, severity, line, column, endLine, endColumn, message }. Every readable
 * file is checked even when another cannot be read (its reason goes to stderr); the exit code
 * is the worst: 2 for an unreadable file or a usage error, 1 when a finding is at error level,
 * 0 otherwise. Rules, report type and corpus paths also come from `.shuzhirc.json` in the
 * working folder; flags override it.
 */
import { kindShareStats } from '../engine/delivery/kindShare';
import { learnCorpusHeadings } from '../engine/lint/corpusHeadings';
import { lintText } from '../engine/lint/lint';
import { categoryName } from '../engine/lint/categories';
import { getRule, RULES } from '../engine/lint/registry';
import { resolveReportType } from '../engine/lint/reportTypeOf';
import { REPORT_TYPES } from '../engine/report/reportTypes';
import type { RuleLevel, Settings } from '../engine/settings';
import type { Finding } from '../engine/lint/types';
import { LineIndex } from '../engine/text/lineIndex';
import { cliCorpus, cliSettings, cliTypoInputs, readDraft } from './common';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, formatOf, UsageError, type CliIO } from './io';
import { parseCommandArgs, usageLine } from './options';
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

/** The `--report-type T` flag, checked (the engine decides how it ranks against front matter and title). */
export function reportTypeFlag(flags: Map<string, string[]>): string | undefined {
  const typeFlag = flags.get('report-type')?.at(-1);
  if (typeFlag !== undefined && !resolveReportType(typeFlag)) {
    throw new UsageError(`无法识别报告类型“${typeFlag}”；可用的类型：${REPORT_TYPES.map((t) => `${t.id}（${t.name}）`).join('、')}。`);
  }
  return typeFlag;
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
  const rows = RULES.map((r) => ({ id: r.id, severity: r.defaultSeverity, category: categoryName(r.category), description: r.description, example: r.example }));
  if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
  else io.out(rows.map((r) => `${r.id}\t${r.severity}\t${r.description}`).join('\n') + '\n');
  return EXIT_OK;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, flags } = parseCommandArgs('lint', args);
  const format = formatOf(flags);
  if (flags.has('list-rules')) return listRules(io, format);
  if (!positional.length) throw new UsageError(`用法：shuzhi ${usageLine('lint')}（级别：${LEVELS.join('|')}）`);

  const settings = cliSettings(io, flags);
  for (const id of Object.keys(settings.lint.rules)) {
    if (!getRule(id)) io.err(`配置文件中的规则“${id}”不存在，已忽略。\n`);
  }
  applyRuleFlags(settings, flags.get('rule') ?? []);
  const typeFlag = reportTypeFlag(flags);
  // An unreadable file is reported and the others are still checked; it makes the exit code 2.
  const drafts: Array<{ file: string; text: string }> = [];
  let unreadable = 0;
  for (const file of positional) {
    try {
      drafts.push({ file, text: readDraft(io, file).text });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.err(e.message + '\n');
      unreadable++;
    }
  }
  if (!drafts.length) return EXIT_USAGE;
  const { reports } = await cliCorpus(settings);
  const corpusHeadings = learnCorpusHeadings(reports);
  const corpusStats = kindShareStats(reports);
  // The general lexicon and the word list, as the editor's check has them (typo-suspect's word check, names read as names).
  const { lexicon, words } = cliTypoInputs(io);

  const rows: LintRow[] = [];
  for (const d of drafts) {
    const lines = new LineIndex(d.text);
    for (const f of lintText(d.text, { settings, reportType: typeFlag, corpusHeadings, corpusStats, stage: 'full', lexicon, words })) rows.push(lintRow(d.file, lines, f));
  }
  if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n');
  else if (rows.length) io.out(rows.map((r) => `${r.file}:${r.line}:${r.column} ${r.severity} ${r.rule} ${r.message}`).join('\n') + '\n');
  if (unreadable) return EXIT_USAGE;
  return rows.some((r) => r.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
