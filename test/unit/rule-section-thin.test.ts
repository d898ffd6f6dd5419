import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { kindShareStats, type KindShareStats } from '../../server/src/engine/delivery/kindShare';
import { sectionThin } from '../../server/src/engine/delivery/lengthRules';
import { lintText } from '../../server/src/engine/lint/lint';
import { parseDraft } from '../../server/src/engine/lint/parseDraft';
import { normalizeSettings } from '../../server/src/engine/settings';

/** 43 字: 全年组织集中学习 8, 12 one word, 次 ， 2, 开展专题研讨 6, 4 one word, 次 ， 2, 推动党建与业务深度融合 11, ， 1, 各项工作取得明显成效 10, 。 1. */
const DUTY = '全年组织集中学习12次，开展专题研讨4次，推动党建与业务深度融合，各项工作取得明显成效。';

/** 6 + 6 + 602 + 7 + problems + 7 + 129 字 (2024年述职报告 6, 一、履职情况 6, 二、存在的问题 7, 三、下一步打算 7). */
function draft(problems: string): string {
  return ['2024年述职报告', '一、履职情况', DUTY.repeat(14), '二、存在的问题', problems, '三、下一步打算', DUTY.repeat(3)].join('\n');
}

/** Corpus figures as plain data, so every figure in a message is known beforehand. */
function stats(problemsMedian: number, nextMedian: number): KindShareStats {
  const share = (kind: 'problems' | 'next', median: number, medianCount: number) => ({ kind, reports: 4, median, p25: median * 0.8, p75: median * 1.2, medianCount });
  return { reportCount: 4, kinds: { problems: share('problems', problemsMedian, 300), next: share('next', nextMedian, 240) } };
}

const thin = (text: string, corpusStats?: KindShareStats) => lintText(text, { only: ['section-thin'], corpusStats });

test('section-thin: a problems part far shorter than usual gets a hint on its heading, with the figures', () => {
  // 学习不够。 is 5 字: the part is 7 + 5 = 12 of 762 字 = 1.6%, against a usual 25%.
  const text = draft('学习不够。');
  const fs = thin(text, stats(0.25, 0.2));
  assert.equal(fs.length, 1, JSON.stringify(fs));
  assert.equal(text.slice(fs[0].start, fs[0].end), '二、存在的问题');
  assert.equal(fs[0].severity, 'hint');
  assert.equal(fs[0].message, '“存在的问题”部分仅 12 字，占全文 2%；语料中此部分通常占 25%（中位数，4 篇），约 300 字。');
  // A fair share (学习不够深入。×40 = 280 字: 287 of 1037 = 27.7%), or no corpus to compare with: quiet.
  assert.deepEqual(thin(draft('学习不够深入。'.repeat(40)), stats(0.25, 0.2)), []);
  assert.deepEqual(thin(text), []);
  // The level follows the settings like any rule's.
  const warned = lintText(text, { only: ['section-thin'], corpusStats: stats(0.25, 0.2), settings: normalizeSettings({ lint: { rules: { 'section-thin': 'warning' } } }) });
  assert.deepEqual(warned.map((f) => f.severity), ['warning']);
});

test('section-thin: against the bundled corpus, the draft side of the message is the hand count', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  const corpusStats = kindShareStats(reports);
  const usual = corpusStats.kinds.problems!;
  const text = draft('学习不够。');
  const fs = thin(text, corpusStats);
  assert.equal(fs.length, 1, JSON.stringify(fs));
  assert.equal(text.slice(fs[0].start, fs[0].end), '二、存在的问题');
  assert.equal(
    fs[0].message,
    `“存在的问题”部分仅 12 字，占全文 2%；语料中此部分通常占 ${Math.round(usual.median * 100)}%（中位数，${usual.reports} 篇），约 ${usual.medianCount} 字。`,
  );
});

test('section-thin: an 一是… item inside a section is not a part of its own, and a thin part beside it is still told', () => {
  const text = [
    '2024年述职报告', // 6
    '一、履职情况', // 6
    `一是${DUTY.repeat(6)}二是${DUTY.repeat(6)}三是完成人才目标。引进人才2名。`, // 2 + 258 + 2 + 258 + 9 + 7 = 536
    '二、存在的问题', // 7
    '学习不够。', // 5 → the part is 12 of 627 字 = 1.9%
    '三、下一步打算', // 7
    '加强学习。'.repeat(12), // 60
  ].join('\n');
  // Plans usually take 50% here, so 83 字 (三是… 16 + 67) of 627 = 13% is thin too; the delivery rule
  // measures the plans from the first node naming them — the item `三是完成人才目标` — and points there.
  const corpusStats = stats(0.25, 0.5);
  const delivery = sectionThin({ text, tree: parseDraft(text), settings: normalizeSettings({}), corpusStats });
  assert.deepEqual(delivery.map((f) => text.slice(f.start, f.end)), ['三是完成人才目标', '二、存在的问题']);
  assert.match(delivery[0].message, /仅 83 字，占全文 13%；语料中此部分通常占 50%/);
  // Lint leaves the item's finding out and keeps the real one.
  const fs = thin(text, corpusStats);
  assert.deepEqual(fs.map((f) => text.slice(f.start, f.end)), ['二、存在的问题'], JSON.stringify(fs));
  assert.equal(fs[0].message, '“存在的问题”部分仅 12 字，占全文 2%；语料中此部分通常占 25%（中位数，4 篇），约 300 字。');
});
