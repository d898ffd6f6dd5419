/**
 * 公文规范 rules beyond the standards' examples (gongwenFixture.test.ts): the edges each
 * rule draws — what it leaves alone in real reports, and how its fix is built.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { fullYear } from '../../server/src/engine/lint/rules/year-short';
import { runValue } from '../../server/src/engine/lint/rules/digit-unit-char';
import { standardMarker } from '../../server/src/engine/lint/rules/numbering-style';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

const spans = (rule: string, text: string) => lintText(text, { only: [rule] }).map((f) => text.slice(f.start, f.end));
const fixed = (rule: string, text: string) => {
  const f = lintText(text, { only: [rule] })[0];
  return applyEdits(text, f.fixes![0].edits);
};

test('year-short: the century comes from the title year; a year ahead of it belongs to the century before', () => {
  assert.equal(fullYear(23, 2023), 2023);
  assert.equal(fullYear(98, 2023), 1998);
  assert.equal(fullYear(24, 2023), 2024);
  assert.equal(fixed('year-short', '1999年度述职报告\n98年5月，我参加工作。'), '1999年度述职报告\n1998年5月，我参加工作。');
  assert.deepEqual(spans('year-short', '2023年述职报告\n第23年，增长23.5年，2023年5月，时间为8:30年'), []);
  assert.deepEqual(spans('year-short', '2023年述职报告\n参加工作20年以来，我坚持学习。'), [], 'years of service');
  assert.deepEqual(spans('year-short', '2023年述职报告\n至22年底，完成任务。'), ['22']);
});

test('year-zero: 零, ○ and a letter O all become 〇; quantities keep 零', () => {
  assert.equal(fixed('year-zero', '报告\n二○二三年'), '报告\n二〇二三年');
  assert.equal(fixed('year-zero', '报告\n一九九零年'), '报告\n一九九〇年');
  assert.deepEqual(spans('year-zero', '报告\n一百零八年来，二〇二三年'), []);
});

test('date-mixed-numerals: offers the all-Arabic form first and the all-Chinese form second', () => {
  const text = '报告\n2023年十二月三十一日';
  const f = lintText(text, { only: ['date-mixed-numerals'] })[0];
  assert.equal(f.fixes![0].edits[0].newText, '2023年12月31日');
  assert.equal(f.fixes![1].edits[0].newText, '二〇二三年十二月三十一日');
  assert.deepEqual(spans('date-mixed-numerals', '报告\n2023年一季度，2023年5月6日'), []);
});

test('date-dotted: a slash date is a hint; a decimal with a unit is not a date', () => {
  const f = lintText('报告\n会议于2023/12/5召开', { only: ['date-dotted'] })[0];
  assert.equal(f.severity, 'hint');
  assert.deepEqual(spans('date-dotted', '报告\n增长2023.5吨，共2023.12万元'), []);
  assert.deepEqual(spans('date-dotted', '报告\n编号为2023、12的两份文件'), [], 'two numbers in a list');
});

test('digit-unit-char: runs of units, metric prefixes and mixed numbers', () => {
  assert.equal(runValue('3千5百'), 3500);
  assert.equal(runValue('5百3千'), undefined);
  assert.equal(runValue('12千5百'), undefined);
  assert.equal(fixed('digit-unit-char', '报告\n投资5千万元'), '报告\n投资5000万元');
  assert.deepEqual(spans('digit-unit-char', '报告\n行程3千米，功率5千瓦，3千5人，提高2百分点'), []);
  assert.equal(fixed('digit-unit-char', '报告\n投资3百万元'), '报告\n投资300万元');
});

test('range-unit: 至 and 到 join ranges too; a range written in full stays', () => {
  assert.deepEqual(spans('range-unit', '报告\n增长15至30%，20%~35%，1.5~2.5'), ['15至30%']);
});

test('decimal-zero: version numbers, paths and ellipses are not decimals', () => {
  assert.deepEqual(spans('decimal-zero', '报告\n版本v1.2，文件a.46，共1.46，走访...46户'), []);
});

test('punctuation-doubled and ellipsis-dash: an ellipsis of 。 is one finding, not a doubled 。', () => {
  const text = '报告\n走访。。。调研';
  assert.deepEqual(spans('punctuation-doubled', text), []);
  assert.deepEqual(spans('ellipsis-dash', text), ['。。。']);
  assert.deepEqual(spans('ellipsis-dash', '报告\nsee the docs... -- ok'), [], 'English text');
  assert.equal(fixed('ellipsis-dash', '报告\n走访…调研'), '报告\n走访……调研');
});

test('quote-dunhao: info level, and its fix is not applied by “fix all”', () => {
  const f = lintText('报告\n开展“三会一课”、“两学一做”', { only: ['quote-dunhao'] })[0];
  assert.equal(f.severity, 'info');
  assert.equal(f.fixes![0].safe, false);
});

test('word-confusion: 截止 before a time or a placeholder; 截止 ending a clause stays', () => {
  assert.deepEqual(spans('word-confusion', '报告\n截止xxxx年xx月，截止发稿时，报名于昨日截止。截止时间为5日'), ['截止', '截止']);
  assert.equal(fixed('word-confusion', '报告\n拍摄图象资料'), '报告\n拍摄图像资料');
  assert.equal(fixed('word-confusion', '报告\n报名截至日期为5日'), '报告\n报名截止日期为5日');
});

test('numbering-style: a list mixing 1. and 1、 is reported at the 1、 items only, with the standard form', () => {
  const text = '报告\n一、工作\n1.学理论\n2、学业务\n3.抓落实\n';
  const found = lintText(text, { only: ['numbering-style'] });
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['2、']);
  assert.match(found[0].message, /GB\/T 9704-2012 第7\.3\.3条/);
  assert.equal(applyEdits(text, found[0].fixes![0].edits), '报告\n一、工作\n1.学理论\n2.学业务\n3.抓落实\n');
  assert.deepEqual(spans('numbering-style', '报告\n一．2023年度党建工作\n二、存在问题\n'), ['一．'], 'a dot before a figure');
  assert.equal(standardMarker('（一）'), undefined);
  assert.equal(standardMarker('十二.'), '十二、');
  assert.deepEqual(spans('numbering-style', '报告\n一，是加强学习，二是改进作风，三是狠抓落实，确保各项工作落到实处。'), [], 'no 一、 heading: a comma line is prose');
});

test('this-year: needs one year in the title; only a year right beside 今年/本年度 counts', () => {
  assert.deepEqual(spans('this-year', '述职报告\n今年（2022年）以来'), []);
  assert.deepEqual(spans('this-year', '2021—2023年述职报告\n今年（2022年）以来'), [], 'two years in the title');
  assert.deepEqual(spans('this-year', '2023年述职报告\n本年度即2022年度，2023年（今年），2021年（今年）'), ['2022', '2021']);
  assert.deepEqual(spans('this-year', '2023年述职报告\n今年继续巩固2021年的成果，今年完成量较2022年增长。'), []);
});

test('unit-name-stray: without the title naming the unit, three mentions and three times any other are needed', () => {
  assert.deepEqual(spans('unit-name-stray', '述职报告\n青山镇发展，青山镇团结。大坪镇做法。'), []);
  assert.deepEqual(spans('unit-name-stray', '述职报告\n青山镇发展，青山镇团结，青山镇稳定。大坪镇做法。'), ['大坪镇']);
  assert.equal(lintText('述职报告\n青山镇发展，青山镇团结，青山镇稳定。大坪镇做法。', { only: ['unit-name-stray'] })[0].severity, 'hint');
});

test('every 公文规范 rule can be turned off in the settings', () => {
  const text = '报告\n23年以来，截止12月底，增长15～30%。';
  const settings = { ...DEFAULT_SETTINGS, lint: { rules: { 'year-short': 'off', 'word-confusion': 'off', 'range-unit': 'off' } as const } };
  assert.deepEqual(lintText(text, { settings: settings as typeof DEFAULT_SETTINGS }).filter((f) => ['year-short', 'word-confusion', 'range-unit'].includes(f.rule)), []);
});
