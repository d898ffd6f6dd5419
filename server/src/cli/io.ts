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

/**
 * Minimal argument parser: `--name value`, `--name=value`, repeated flags collected, `--flag` booleans.
 * `booleans` names flags that take no value.
 */
export function parseArgs(
  args: string[],
  booleans: readonly string[] = [],
): { positional: string[]; flags: Map<string, string[]> } {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') || (a.startsWith('-') && a.length === 2)) {
      const eq = a.indexOf('=');
      const name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
      if (eq > 0) add(name, a.slice(eq + 1));
      else if (booleans.includes(name)) add(name, 'true');
      else {
        if (i + 1 >= args.length) throw new UsageError(`选项 ${a} 缺少取值。`);
        add(name, args[++i]);
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

/** `--format json|text`, default text. */
export function formatOf(flags: Map<string, string[]>): 'json' | 'text' {
  const f = flags.get('format')?.at(-1) ?? 'text';
  if (f !== 'json' && f !== 'text') throw new UsageError(`不支持的输出格式“${f}”，请用 text 或 json。`);
  return f;
}
