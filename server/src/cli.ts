/**
 * `shuzhi` command line: the same engine as the language server, for batch and CI use.
 * Exit codes: 0 ok, 1 findings at error level, 2 usage error or unreadable input.
 */
import { EXIT_USAGE, UsageError, type CliIO } from './cli/io';
import * as corpus from './cli/corpus';
import * as outline from './cli/outline';
import * as lint from './cli/lint';
import * as search from './cli/search';
import * as count from './cli/count';
import * as exportCmd from './cli/export';
import * as importCmd from './cli/import';
import * as review from './cli/review';
import { COMMAND_SPECS, usageLine, type CommandName } from './cli/options';

type Command = { run(args: string[], io: CliIO): Promise<number> };

const COMMANDS: Record<CommandName, Command> = {
  corpus,
  outline,
  lint,
  search,
  count,
  export: exportCmd,
  import: importCmd,
  review,
};

const isCommand = (name: string): name is CommandName => Object.prototype.hasOwnProperty.call(COMMANDS, name);

function commandHelp(name: CommandName): string {
  return `用法：shuzhi ${usageLine(name)}\n${COMMAND_SPECS[name].summary}。\n`;
}

export function usage(): string {
  return (
    [
      '用法：shuzhi <命令> [选项]（shuzhi <命令> --help 显示该命令的用法）',
      '',
      '命令：',
      ...(Object.keys(COMMANDS) as CommandName[]).flatMap((n) => [`  ${usageLine(n)}`, `      ${COMMAND_SPECS[n].summary}`]),
      '',
      '读取语料的命令（corpus、lint、search）都接受 --corpus 文件夹（可重复）和 --no-default-corpus；',
      '当前文件夹中的 .shuzhirc.json（规则、报告类型、语料路径）会被读取。',
      '行号、列号一律从 1 数起。',
      '退出码：0 正常，1 有错误级别的问题，2 用法错误或无法读取输入（给了几个文件时取最重的一个）。',
    ].join('\n') + '\n'
  );
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    io.out('0.1.0\n');
    return 0;
  }
  if (!isCommand(name)) {
    io.err(`未知命令“${name}”。\n\n${usage()}`);
    return EXIT_USAGE;
  }
  const optionsEnd = rest.indexOf('--');
  const options = optionsEnd < 0 ? rest : rest.slice(0, optionsEnd);
  if (options.includes('--help') || options.includes('-h')) {
    io.out(commandHelp(name));
    return 0;
  }
  try {
    return await COMMANDS[name].run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message + '\n');
      return EXIT_USAGE;
    }
    io.err(`出错了：${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  const io: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`出错了：${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
