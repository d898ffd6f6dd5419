/**
 * Lint speed: parse + lint + outline of a 5,000-line draft, beside markdownlint (default
 * rules) on the same text. The draft is synthesised deterministically from the bundled
 * corpus: its paragraphs in order, under numbered headings, with one blank line between
 * paragraphs, so both tools see ordinary Markdown prose.
 */
import { loadCorpus } from '../server/src/engine/corpus/corpus';
import { kindShareStats } from '../server/src/engine/delivery/kindShare';
import { learnCorpusHeadings } from '../server/src/engine/lint/corpusHeadings';
import { lintText } from '../server/src/engine/lint/lint';
import { Draft } from '../server/src/engine/lint/draft';
import { outlineSymbols } from '../server/src/engine/report/symbols';
import { toChineseNumber } from '../server/src/engine/text/chars';
import type { CorpusReport } from '../server/src/engine/types';
import { ms, percentile, type BenchRow } from './table';

const TARGET_LINES = 5000;
const RUNS = 7;
/**
 * Interactive budget: diagnostics come 200 ms after the last keystroke (debounce); a draft
 * 50 times longer than a real report should still get them within a second of typing.
 */
const TARGET_MS = 500;

/** A long draft from corpus paragraphs: 一、 sections of （一） subsections of paragraphs. */
export function synthDraft(paragraphs: readonly string[], lines = TARGET_LINES): string {
  const out = ['# 2024年度述职报告（基准测试稿）', ''];
  let p = 0;
  let section = 0;
  while (out.length < lines) {
    section++;
    out.push(`${toChineseNumber(section)}、第${toChineseNumber(section)}部分工作情况`, '');
    for (let sub = 1; sub <= 5 && out.length < lines; sub++) {
      out.push(`（${toChineseNumber(sub)}）第${toChineseNumber(sub)}方面`, '');
      for (let k = 0; k < 8 && out.length < lines; k++) {
        out.push(paragraphs[p++ % paragraphs.length], '');
      }
    }
  }
  return out.slice(0, lines).join('\n');
}

/** Body paragraphs of corpus reports (no titles, no headings): material for synthetic drafts. */
export function bodyParagraphs(reports: readonly CorpusReport[]): string[] {
  return reports.flatMap((r) =>
    r.text
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter((l) => l.length >= 30 && !/^[一二三四五六七八九十]+、|^[（(]/.test(l)),
  );
}

/** Timings of `runs` calls of `fn` after one warm-up call. */
export async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function benchLint(): Promise<BenchRow[]> {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  // Body paragraphs only: titles and headings would break the synthetic numbering.
  const paragraphs = bodyParagraphs(reports);
  const draft = synthDraft(paragraphs);
  const corpusHeadings = learnCorpusHeadings(reports);
  const corpusStats = kindShareStats(reports);

  let findings: ReturnType<typeof lintText> = [];
  let symbols = 0;
  const shuzhi = await time(() => {
    const d = new Draft(draft);
    findings = lintText(d, { corpusHeadings, corpusStats });
    symbols = outlineSymbols(d.tree).length;
  });
  const repeats = findings.filter((f) => f.rule === 'sentence-repeated').length;
  const placeholders = findings.filter((f) => f.rule === 'placeholder').length;

  // markdownlint 0.40 is ESM-only; its promise API lints strings.
  const { lint } = await import('markdownlint/promise');
  let mdIssues = 0;
  const markdownlint = await time(async () => {
    const result = await lint({ strings: { draft } });
    mdIssues = result.draft.length;
  });

  const med = percentile(shuzhi, 50);
  const chars = draft.length.toLocaleString('en-US');
  // The timing counts only if the work was done: findings on a draft full of repeats, and an outline.
  const answered = findings.length > 0 && symbols > 0;
  return [
    {
      group: 'lint',
      metric:
        `lint + outline, ${TARGET_LINES.toLocaleString('en-US')}-line draft (${chars} chars), median of ${RUNS}` +
        (answered ? '' : ` — EMPTY answer (${findings.length} findings, ${symbols} top-level symbols)`),
      value: ms(med),
      baseline: `markdownlint ${ms(percentile(markdownlint, 50))}`,
      target: `< ${TARGET_MS} ms`,
      ok: answered && med < TARGET_MS,
    },
    {
      group: 'lint',
      // The corpus is cycled to reach 5,000 lines, so most findings are repeated sentences.
      metric: `findings on that draft (${repeats} sentence-repeated, ${placeholders} placeholder)`,
      value: String(findings.length),
      baseline: `markdownlint ${mdIssues}`,
    },
  ];
}
