/** Output channel of a CLI command, so commands can be tested without a process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Working folder for relative paths and `.shuzhirc.json`. */
  cwd: string;
}

/** Exit codes fixed by the interface: 0 ok, 1 findings at error level, 2 usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A usage or input error: its message is one plain sentence shown to the user; exit code 2. */
export class UsageError extends Error {}

/** `--format json|text`, default text. */
export function formatOf(flags: Map<string, string[]>): 'json' | 'text' {
  const f = flags.get('format')?.at(-1) ?? 'text';
  if (f !== 'json' && f !== 'text') throw new UsageError(`不支持的输出格式“${f}”，请用 text 或 json。`);
  return f;
}
