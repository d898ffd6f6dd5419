import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

const run = (text: string) => lintText(text, { only: ['year-mismatch'] });
const found = (text: string) => run(text).map((f) => text.slice(f.start, f.end + 3));

test('year-mismatch: last year written as the year under report is flagged', () => {
  const text = ['2024年度述职报告', '2023年以来，我认真履职。', '现将2023年度履职情况报告如下。', '2023年，我坚持学习。', '2023年度，在党委领导下开展工作。'].join('\n');
  assert.deepEqual(found(text), ['2023年以来', '2023年度履', '2023年，我', '2023年度，']);
  const f = run(text)[0];
  assert.equal(applyEdits(text, f.fixes![0].edits).split('\n')[1], '2024年以来，我认真履职。');
  assert.match(f.message, /2024/);
});

test('year-mismatch: a year later than the title in 以来 is flagged', () => {
  assert.deepEqual(found('2023年述职报告\n2025年以来，我们开展工作。'), ['2025年以来']);
});

test('year-mismatch: references to the past, plans and matching years stay quiet', () => {
  const text = [
    '2024年述职报告',
    '梳理解决2022年之前存在的问题，较2023年增长10%。',
    '2023年是全面贯彻党的二十大精神的开局之年。',
    '2024年以来，我认真履职。2018年以来累计投入资金。',
    '2025年，我将继续努力。',
  ].join('\n');
  assert.deepEqual(found(text), []);
  assert.deepEqual(found('述职报告\n2023年以来，我认真履职。'), [], 'no year in the title');
  assert.deepEqual(found('2023—2024年述职报告\n2023年以来，我认真履职。'), [], 'two years in the title');
});
