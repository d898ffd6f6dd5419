/**
 * A pasted draft of millions of characters through the real server (bundled corpus):
 * `textDocument/documentSymbol` on drafts of 3.3 and 10 million characters (10 and 30 MB
 * in UTF-8), and the diagnostics of the 3.3-million-character one. Then the stall figure
 * (stallFigure): completions in another, small draft while the 10-million-character one is
 * checked, from its didOpen to its published diagnostics — also run by bench/scale.ts on a
 * server with a large corpus. Each figure is timed
 * from the didOpen that carries the text to the answer (symbols) or to the published
 * diagnostics (after the server's 200 ms debounce), on a fresh document each time, and only
 * counts when the answer is not empty. Medians of RUNS runs.
 *
 *   npm run build && node --import tsx bench/largeDrafts.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer, type TestServer } from '../test/helpers/lspClient';
import { synthesizeDraft } from './synth';
import { formatTable, ms, percentile, type BenchRow } from './table';
import { cpuMsOf } from './indexBuild';

const RUNS = 3;
const GROUP = 'large drafts';

/**
 * The figures before the structure-pass outline and the transferred buffers (#20.5): main at
 * 9dcfecd, measured by the lead on a quiet machine (load 1), medians of three; printed in the
 * baseline column.
 */
const BEFORE = {
  symbols3m: '1238 ms',
  symbols10m: '2993 ms (2284, 3055, 2993)',
  completionP99: 'p99 231 ms',
  diagnostics10m: '3578 ms',
};

let opened = 0;

/** CPU time the server used (all threads), summed over the measurements, per figure. */
const cpu = new Map<string, number[]>();

/**
 * Opens `text` as a new document, runs `measure` on it, closes it; the milliseconds from the
 * open to what `measure` awaited. The server's CPU time meanwhile is noted under `figure`
 * (it includes any work still running from the open, such as the lint after an outline).
 */
async function timed(server: TestServer, figure: string, text: string, measure: (uri: string) => Promise<void>): Promise<number> {
  const uri = fileUri(path.join(os.tmpdir(), `shuzhi-bench-paste-${opened++}.md`));
  const c = cpuMsOf(server.proc.pid);
  const t = performance.now();
  server.open(uri, text);
  await measure(uri);
  const elapsed = performance.now() - t;
  cpu.set(figure, [...(cpu.get(figure) ?? []), cpuMsOf(server.proc.pid) - c]);
  server.notify('textDocument/didClose', { textDocument: { uri } });
  // Let the check of the closed document finish before the next figure.
  await new Promise((r) => setTimeout(r, 100));
  return elapsed;
}

async function outlineMs(server: TestServer, figure: string, text: string): Promise<number> {
  return timed(server, figure, text, async (uri) => {
    const symbols = await server.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    if (!symbols?.length) throw new Error('documentSymbol answered nothing for a pasted draft');
  });
}

/** A small draft of 40 lines, and positions inside them for completion. */
function smallDraft(): { text: string; at: Array<{ line: number; character: number }> } {
  const lines = synthesizeDraft(4000, 7).split('\n').filter((l) => l.length >= 20 && !/^[#一二三四五六七八九十（]/.test(l)).slice(0, 40);
  const at = lines.map((l, i) => ({ line: i + 1, character: Math.min(l.length, 4 + ((i * 7) % Math.max(1, l.length - 4))) }));
  return { text: ['2024年度述职报告', ...lines].join('\n') + '\n', at };
}

export interface StallFigure {
  /** Completion latencies in the small draft while the huge one was checked. */
  completions: number[];
  /** didOpen of the huge draft → the server has read it (the first completion is asked for then). */
  receivedMs: number;
  /** didOpen of the huge draft → its diagnostics published. */
  diagnosticsMs: number;
  /** Its diagnostics: how many, and whether the check was cut at its budget. */
  diagnostics: number;
  cut: boolean;
}

/**
 * Opens `huge` while a small draft is open beside it, and asks for completion in the small
 * draft every 20 ms until the huge draft's diagnostics are published: the latencies, and the
 * time to those diagnostics.
 */
export async function stallFigure(server: TestServer, huge: string): Promise<StallFigure> {
  const small = smallDraft();
  const smallUri = fileUri(path.join(os.tmpdir(), `shuzhi-bench-small-${opened++}.md`));
  server.open(smallUri, small.text);
  await server.waitForDiagnostics(smallUri, () => true, 60_000);
  await server.request('textDocument/completion', { textDocument: { uri: smallUri }, position: small.at[0] });
  const hugeUri = fileUri(path.join(os.tmpdir(), `shuzhi-bench-paste-${opened++}.md`));
  const t = performance.now();
  server.open(hugeUri, huge);
  // Answered once the server has read the 30 MB didOpen before it: the check starts there.
  await server.request('shuzhi/status', null);
  const received = performance.now() - t;
  let published: { at: number; d: Array<{ code?: unknown }> } | undefined;
  void server.waitForDiagnostics(hugeUri, (d) => d.length > 0, 600_000).then((d) => (published = { at: performance.now(), d }));
  const completions: number[] = [];
  for (let i = 0; !published; i++) {
    const c = performance.now();
    await server.request('textDocument/completion', { textDocument: { uri: smallUri }, position: small.at[i % small.at.length] });
    completions.push(performance.now() - c);
    await new Promise((r) => setTimeout(r, 20));
  }
  const done = published as { at: number; d: Array<{ code?: unknown }> };
  server.notify('textDocument/didClose', { textDocument: { uri: hugeUri } });
  server.notify('textDocument/didClose', { textDocument: { uri: smallUri } });
  await new Promise((r) => setTimeout(r, 200));
  return { completions, receivedMs: received, diagnosticsMs: done.at - t, diagnostics: done.d.length, cut: done.d.some((x) => x.code === 'check-cut') };
}

/** Table rows of a stall figure (`corpus` names the corpus in the metric). */
export function stallRows(group: string, corpus: string, f: StallFigure): BenchRow[] {
  const p99 = percentile(f.completions, 99);
  return [
    {
      group,
      metric: `completion in a small draft while a 10-million-character draft is checked (${corpus}; ${f.completions.length} requests from when the server has read its 30 MB didOpen, ${ms(f.receivedMs)} after sending it), p50 / p99 / max`,
      value: `${ms(percentile(f.completions, 50))} / ${ms(p99)} / ${ms(Math.max(...f.completions))}`,
      target: 'p99 ≤ 100 ms',
      ok: p99 <= 100,
    },
    {
      group,
      metric: `diagnostics of that draft (${corpus}): open → published (${f.diagnostics} diagnostics${f.cut ? ', check cut at its budget and said so' : ''})`,
      value: ms(f.diagnosticsMs),
      target: '≤ 5 s',
      ok: f.diagnosticsMs <= 5000,
    },
  ];
}

async function diagnosticsMs(server: TestServer, figure: string, text: string): Promise<number> {
  return timed(server, figure, text, async (uri) => {
    await server.waitForDiagnostics(uri, (d) => d.length > 0, 300_000);
  });
}

/** Median, and every run, of `RUNS` measurements. */
async function runs(measure: () => Promise<number>): Promise<{ median: number; all: string }> {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await measure());
  return { median: percentile(xs, 50), all: xs.map((x) => ms(x)).join(', ') };
}

export async function benchLargeDrafts(): Promise<BenchRow[]> {
  // A cache of its own, so the bench leaves no snapshot in the user's.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-bench-drafts-'));
  const server = await startServer({ initializationOptions: { storagePath: path.join(cache, 'storage') }, env: { XDG_CACHE_HOME: cache } });
  try {
    const rows: BenchRow[] = [];
    const figures: Array<{ chars: number; label: string; symbolsTarget: number; diagnosticsTarget?: number; before: string }> = [
      { chars: 3_300_000, label: '3.3 million characters (10 MB)', symbolsTarget: 2000, diagnosticsTarget: 2000, before: BEFORE.symbols3m },
      { chars: 10_000_000, label: '10 million characters (30 MB)', symbolsTarget: 2000, before: BEFORE.symbols10m },
    ];
    for (const f of figures) {
      const text = synthesizeDraft(f.chars);
      const symbols = await runs(() => outlineMs(server, `symbols ${f.chars}`, text));
      process.stderr.write(`[drafts] documentSymbol, ${f.label}: ${symbols.all}\n`);
      rows.push({
        group: GROUP,
        metric: `documentSymbol, pasted draft of ${f.label}: open → symbols (median of ${RUNS}: ${symbols.all}; server CPU meanwhile ${ms(percentile(cpu.get(`symbols ${f.chars}`)!, 50))})`,
        value: ms(symbols.median),
        baseline: f.before,
        target: `≤ ${f.symbolsTarget / 1000} s`,
        ok: symbols.median <= f.symbolsTarget,
      });
      if (f.diagnosticsTarget !== undefined) {
        const diagnostics = await runs(() => diagnosticsMs(server, `diagnostics ${f.chars}`, text));
        process.stderr.write(`[drafts] diagnostics, ${f.label}: ${diagnostics.all}\n`);
        rows.push({
          group: GROUP,
          metric: `diagnostics, pasted draft of ${f.label}: open → published, incl. 200 ms debounce (median of ${RUNS}: ${diagnostics.all}; server CPU meanwhile ${ms(percentile(cpu.get(`diagnostics ${f.chars}`)!, 50))})`,
          value: ms(diagnostics.median),
          target: `≤ ${f.diagnosticsTarget / 1000} s`,
          ok: diagnostics.median <= f.diagnosticsTarget,
        });
      }
    }
    const stall = await stallFigure(server, synthesizeDraft(10_000_000));
    process.stderr.write(`[drafts] stall: ${JSON.stringify({ ...stall, completions: stall.completions.map(Math.round) })}\n`);
    const [completionRow, diagnosticsRow] = stallRows(GROUP, 'bundled corpus', stall);
    rows.push({ ...completionRow, baseline: BEFORE.completionP99 }, { ...diagnosticsRow, baseline: BEFORE.diagnostics10m });
    return rows;
  } finally {
    await server.stop();
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchLargeDrafts().then((rows) => process.stdout.write(formatTable(rows) + '\n'));
}
