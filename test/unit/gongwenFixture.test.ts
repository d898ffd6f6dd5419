/**
 * The 公文规范 fixture (test/fixtures/gongwenExamples.ts): every positive example from the
 * standards is flagged at the span the standard names, and fixed to the form it asks for;
 * every negative stays quiet. Also: an unseen report with the ten slips of issue 19.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { getRule } from '../../server/src/engine/lint/registry';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { GONGWEN_EXAMPLES } from '../fixtures/gongwenExamples';

for (const ex of GONGWEN_EXAMPLES) {
  const name = `${ex.rule}: ${ex.flag ? 'flags' : 'quiet on'} ${JSON.stringify(ex.text.split('\n').slice(1).join(' ').slice(0, 40))} (${ex.source})`;
  test(name, () => {
    const found = lintText(ex.text, { only: [ex.rule] });
    if (!ex.flag) return assert.deepEqual(found.map((f) => ex.text.slice(f.start, f.end)), []);
    assert.deepEqual(found.map((f) => ex.text.slice(f.start, f.end)), [ex.flag]);
    if (ex.fixed) assert.equal(applyEdits(ex.text, found[0].fixes![0].edits), ex.fixed);
  });
}

test('every 公文规范 rule has fixture examples both ways, and cites its source in description and message', () => {
  const rules = new Set(GONGWEN_EXAMPLES.map((e) => e.rule));
  for (const id of rules) {
    const rule = getRule(id)!;
    assert.equal(rule.category, 'standards', id);
    assert.ok(GONGWEN_EXAMPLES.some((e) => e.rule === id && e.flag), `${id} positive`);
    assert.ok(GONGWEN_EXAMPLES.some((e) => e.rule === id && !e.flag), `${id} negative`);
  }
  const cited = /GB\/T (15835|15834|9704)|现代汉语词典|异形词/;
  for (const ex of GONGWEN_EXAMPLES.filter((e) => e.flag && !['this-year', 'unit-name-stray'].includes(e.rule))) {
    assert.match(getRule(ex.rule)!.description, cited, ex.rule);
    for (const f of lintText(ex.text, { only: [ex.rule] })) assert.match(f.message, cited, ex.rule);
  }
});

test('an unseen report with the ten slips of issue 19 gets them all flagged', () => {
  const draft = [
    '某县审计局局长2023年度个人述职报告',
    '　　23年以来，在局党组领导下，我认真履职，现将情况报告如下。',
    '一、主要工作',
    '　　全年审计项目资金增长15～30%，涉及资金9～16亿元，培训审计人员3百余人。2023.5.6组织专题培训，二〇二三年5月完成年度计划。二零二三年是审计工作的关键一年。截止12月底，共完成审计项目46个。',
    '二、存在问题',
    '　　学习不够深入，调研不够扎实。',
    '三．下一步打算',
    '2022年，我还要加强自身建设。',
  ].join('\n');
  const found = lintText(draft).map((f) => `${f.rule} ${draft.slice(f.start, f.end)}`);
  const want = [
    'year-short 23',
    'range-unit 15～30%',
    'range-unit 9～16亿元',
    'digit-unit-char 3百',
    'date-dotted 2023.5.6',
    'date-mixed-numerals 二〇二三年5月',
    'year-zero 二零二三',
    'word-confusion 截止',
    'numbering-style 三．',
    'year-mismatch 2022',
  ];
  for (const w of want) assert.ok(found.includes(w), `${w} in ${found.join(' | ')}`);
});

test('every 公文规范 rule can be turned off in the settings', () => {
  const text = '报告\n23年以来，截止12月底，增长15～30%。';
  const settings = { ...DEFAULT_SETTINGS, lint: { rules: { 'year-short': 'off', 'word-confusion': 'off', 'range-unit': 'off' } as const } };
  assert.deepEqual(lintText(text, { settings: settings as typeof DEFAULT_SETTINGS }).filter((f) => ['year-short', 'word-confusion', 'range-unit'].includes(f.rule)), []);
});
