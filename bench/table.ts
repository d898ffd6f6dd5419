/** One row of the benchmark table: a figure for Shuzhi beside its baseline and target. */
export interface BenchRow {
  group: string;
  metric: string;
  value: string;
  baseline?: string;
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  ok?: boolean;
}

/** Prints rows as a Markdown table (pasteable into the README). */
export function formatTable(rows: BenchRow[]): string {
  const head = '| group | metric | Shuzhi | baseline | target | met |\n|---|---|---|---|---|---|';
  const body = rows.map(
    (r) => `| ${r.group} | ${r.metric} | ${r.value} | ${r.baseline ?? ''} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'yes' : 'NO'} |`,
  );
  return [head, ...body].join('\n');
}

/** p-th percentile (0–100) of samples, in the samples' unit. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}

export const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
