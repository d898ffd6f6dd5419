import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { kindShareStats } from '../../server/src/engine/delivery/kindShare';
import { lintText } from '../../server/src/engine/lint/lint';

const DUTY = '全年组织集中学习12次，开展专题研讨4次，推动党建与业务深度融合，各项工作取得明显成效。';

function draft(problems: string): string {
  return ['2024年述职报告', '一、履职情况', DUTY.repeat(14), '二、存在的问题', problems, '三、下一步打算', DUTY.repeat(3)].join('\n');
}

test('section-thin: a problems part far shorter than usual in the corpus gets a hint', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  const corpusStats = kindShareStats(reports);
  const text = draft('学习不够。');
  const fs = lintText(text, { only: ['section-thin'], corpusStats });
  assert.equal(fs.length, 1);
  assert.equal(text.slice(fs[0].start, fs[0].end), '二、存在的问题');
  assert.equal(fs[0].severity, 'hint');
  assert.match(fs[0].message, /语料中此部分通常占/);
  // A fair share, or no corpus to compare with: quiet.
  assert.deepEqual(lintText(draft('理论学习不够深入，调查研究不够扎实，创新意识有待增强。'.repeat(6)), { only: ['section-thin'], corpusStats }), []);
  assert.deepEqual(lintText(text, { only: ['section-thin'] }), []);
});

test('section-thin: an 一是… item inside a section is not a part of its own', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 * 1024 * 1024 });
  const corpusStats = kindShareStats(reports);
  const text = [
    '2024年述职报告',
    '一、履职情况',
    `一是${DUTY.repeat(6)}二是${DUTY.repeat(6)}三是完成人才目标。引进人才2名。`,
    '二、存在的问题',
    '理论学习不够深入，调查研究不够扎实。'.repeat(8),
    '三、下一步打算',
    '加强学习。',
  ].join('\n');
  // The delivery rule measures the plans from the first node naming them — here the item
  // `三是完成人才目标` (目标) — and would point there; lint leaves such findings out.
  const fs = lintText(text, { only: ['section-thin'], corpusStats });
  assert.ok(!fs.some((f) => text.slice(f.start, f.end).startsWith('三是')), JSON.stringify(fs));
});
