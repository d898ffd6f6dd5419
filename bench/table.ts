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

/**
 * Whether an answer carries something: not null, not an empty list, not a completion list
 * without items, not a hover without contents. A fast empty answer is no answer, so latency
 * figures are taken over real answers only (see timeAnswers).
 */
export function isAnswer(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') {
    const o = v as { items?: unknown; contents?: unknown };
    if ('items' in o) return isAnswer(o.items);
    if ('contents' in o) return isAnswer(typeof o.contents === 'object' && o.contents !== null && 'value' in o.contents ? (o.contents as { value: unknown }).value : o.contents);
  }
  return true;
}

/** Latencies of the real answers; empty answers are counted, not timed. */
export interface Answered {
  times: number[];
  empty: number;
}

/** Asks `ask` for each input in turn, timing each answer that is real (isAnswer). */
export async function timeAnswers<T>(inputs: readonly T[], ask: (x: T) => unknown): Promise<Answered> {
  const out: Answered = { times: [], empty: 0 };
  for (const x of inputs) {
    const t = performance.now();
    const v = await ask(x);
    const elapsed = performance.now() - t;
    if (isAnswer(v)) out.times.push(elapsed);
    else out.empty++;
  }
  return out;
}

/** How many answers a figure is taken over, e.g. `over 288 answers, 12 of 300 empty`. */
export function answeredNote(a: Answered): string {
  return `over ${a.times.length} answers, ${a.empty} of ${a.times.length + a.empty} empty`;
}
