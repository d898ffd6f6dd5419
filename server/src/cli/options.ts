/**
 * The options every command takes, declared once, and the one parser that holds each command
 * to its own list. Node's `util.parseArgs` splits the arguments (tokens mode: `--name value`,
 * `--name=value`, `-o value`, `--` ends the options); the checks on the tokens are ours, so
 * every mistake gets one plain Chinese sentence that names the option: an option the command
 * does not take (and which command does take it), a value missing or given to a flag, a
 * single-use option given twice.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

/** One option a command takes. */
export interface OptionSpec {
  /** Takes a value, shown in usage and messages as this placeholder (`--limit N`); a flag otherwise. */
  value?: string;
  /** May be given more than once; the values are kept in order. */
  repeatable?: boolean;
  /** A one-letter alias (`-o`). */
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
  /** What the command takes besides options, for the usage line (`文件...`). */
  args: string;
  /** What the command does, one short phrase. */
  summary: string;
  options: OptionSpecs;
}

const FORMAT: OptionSpecs = { format: { value: 'text|json' } };
const CORPUS: OptionSpecs = { corpus: { value: '文件夹', repeatable: true }, 'no-default-corpus': {} };

/** Every command and the options it takes: the parser and the usage text both read this table. */
export const COMMAND_SPECS = {
  corpus: { args: '', summary: '列出语料中的报告（--clear-cache 清除语料缓存）', options: { ...CORPUS, 'clear-cache': {}, ...FORMAT } },
  outline: { args: '文件', summary: '显示报告结构', options: { items: {}, ...FORMAT } },
  lint: {
    args: '文件...',
    summary: '检查草稿',
    options: { rule: { value: '规则=级别', repeatable: true }, 'report-type': { value: '类型' }, 'list-rules': {}, ...CORPUS, ...FORMAT },
  },
  search: { args: '查询', summary: '在语料中查找相似表述', options: { limit: { value: 'N' }, ...CORPUS, ...FORMAT } },
  count: { args: '文件', summary: '统计字数', options: { ...FORMAT } },
  export: { args: '文件.md', summary: '导出为 Word', options: { output: { value: '文件.docx', short: 'o' }, force: {}, ...FORMAT } },
  import: { args: '文件.docx', summary: '从 Word 导入（-o - 打印到屏幕）', options: { output: { value: '文件.md', short: 'o' }, force: {}, ...FORMAT } },
  review: {
    args: '文件',
    summary: '审校全文：错别字、规范表述、与语料重复（--html 另存体检页）',
    options: { rule: { value: '规则=级别', repeatable: true }, 'report-type': { value: '类型' }, html: { value: '文件.html' }, force: {}, ...CORPUS, ...FORMAT },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_SPECS;

/** `--name 占位` / `--name`, with `-o|` first when there is a short alias. */
function optionText(name: string, o: OptionSpec): string {
  const flag = o.short ? `-${o.short}|--${name}` : `--${name}`;
  return o.value ? `${flag} ${o.value}` : flag;
}

/** `lint 文件... [--rule 规则=级别]... [--format text|json]`. */
export function usageLine(name: CommandName): string {
  const spec: CommandSpec = COMMAND_SPECS[name];
  const opts = Object.entries(spec.options).map(([n, o]) => `[${optionText(n, o)}]${o.repeatable ? '...' : ''}`);
  return [name, spec.args, ...opts].filter(Boolean).join(' ');
}

/** The commands other than `except` that take the option written `rawName` (`--limit`, `-o`). */
function ownersOf(rawName: string, except: CommandName): CommandName[] {
  return (Object.keys(COMMAND_SPECS) as CommandName[]).filter((c) => {
    if (c === except) return false;
    const specs: OptionSpecs = COMMAND_SPECS[c].options;
    return Object.entries(specs).some(([n, o]) => rawName === `--${n}` || (o.short !== undefined && rawName === `-${o.short}`));
  });
}

export interface ParsedArgs {
  positional: string[];
  /** Values by long option name, in the order given; a flag has `['true']`. */
  flags: Map<string, string[]>;
}

/**
 * Parses `args` for command `name`. Throws UsageError (exit 2) with one sentence naming the
 * option for anything the command's declaration does not allow.
 */
export function parseCommandArgs(name: CommandName, args: readonly string[]): ParsedArgs {
  const specs: OptionSpecs = COMMAND_SPECS[name].options;
  const options = Object.fromEntries(
    Object.entries(specs).map(([n, o]) => [n, { type: o.value ? ('string' as const) : ('boolean' as const), ...(o.short ? { short: o.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (const t of tokens) {
    if (t.kind === 'positional') positional.push(t.value);
    if (t.kind !== 'option') continue;
    const spec = Object.prototype.hasOwnProperty.call(specs, t.name) ? specs[t.name] : undefined;
    if (!spec) {
      const owners = ownersOf(t.rawName, name);
      const elsewhere = owners.length ? `（这是 ${owners.join('、')} 命令的选项）` : '';
      const accepted = Object.entries(specs).map(([n, o]) => optionText(n, o).split(' ')[0]).join('、');
      throw new UsageError(`${name} 命令不接受选项 ${t.rawName}${elsewhere}；它可用的选项：${accepted}。`);
    }
    const shown = `${t.rawName} ${spec.value}`;
    let value = t.value;
    if (spec.value) {
      // `-o=x` comes back as the value "=x"; `-o x`, `-ox` and `--output=x` as "x".
      if (value !== undefined && t.inlineValue && !t.rawName.startsWith('--') && value.startsWith('=')) value = value.slice(1);
      if (value === undefined) throw new UsageError(`选项 ${t.rawName} 缺少取值，应写成 ${shown}。`);
      // Like parseArgs' strict mode: `--limit --format json` forgot the limit (a value may still be `-`).
      if (!t.inlineValue && value.length > 1 && value.startsWith('-')) {
        throw new UsageError(`选项 ${t.rawName} 缺少取值（其后的“${value}”是另一个选项），应写成 ${shown}。`);
      }
    } else if (value !== undefined) {
      throw new UsageError(`选项 ${t.rawName} 不带取值，请去掉“=${value}”。`);
    }
    const prior = flags.get(t.name);
    // A flag given twice means the same; a second value for a single-use option is a mistake.
    if (prior && spec.value && !spec.repeatable) throw new UsageError(`选项 ${t.rawName} 只能给一次，这里给了两次。`);
    flags.set(t.name, [...(prior ?? []), value ?? 'true']);
  }
  return { positional, flags };
}
