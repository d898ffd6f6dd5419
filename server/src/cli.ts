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

type Command = { run(args: string[], io: CliIO): Promise<number> };

const COMMANDS: Record<string, { cmd: Command; usage: string }> = {
  corpus: { cmd: corpus, usage: 'corpus [--corpus 文件夹]... [--no-default-corpus] [--format json]   列出语料中的报告' },
  outline: { cmd: outline, usage: 'outline 文件 [--items] [--format json]                          显示报告结构' },
  lint: { cmd: lint, usage: 'lint 文件... [--rule 规则=级别]... [--report-type 类型] [--list-rules] [--format text|json]  检查草稿' },
  search: { cmd: search, usage: 'search 查询 [--limit N] [--format json]                         在语料中查找相似表述' },
  count: { cmd: count, usage: 'count 文件 [--format json]                                      统计字数' },
  export: { cmd: exportCmd, usage: 'export 文件.md [-o 文件.docx] [--force]                         导出为 Word' },
  import: { cmd: importCmd, usage: 'import 文件.docx [-o 文件.md] [--force]                         从 Word 导入' },
  review: { cmd: review, usage: 'review 文件 [--rule 规则=级别]... [--format json]                  审校全文：错别字、规范表述、与语料重复' },
};

export function usage(): string {
  return (
    [
      '用法：shuzhi <命令> [选项]',
      '',
      '命令：',
      ...Object.values(COMMANDS).map((c) => '  ' + c.usage),
      '',
      '读取语料的命令（corpus、lint、search）都接受 --corpus 文件夹（可重复）和 --no-default-corpus；',
      '当前文件夹中的 .shuzhirc.json（规则、报告类型、语料路径）会被读取。',
      '退出码：0 正常，1 有错误级别的问题，2 用法错误或无法读取输入。',
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
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`未知命令“${name}”。\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await entry.cmd.run(rest, io);
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
