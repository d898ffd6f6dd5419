import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanText, hasTextNoise, isNoiseLine } from '../../server/src/engine/corpus/clean';
import { isTitleLine, splitReports } from '../../server/src/engine/corpus/split';

const CORPUS = path.join(__dirname, '..', '..', 'corpus');
const read = (f: string) => fs.readFileSync(path.join(CORPUS, f), 'utf8');

const EXPECTED: Record<string, string[]> = {
  '000_6d88075644ea0d60.txt': [
    '党支部书记2023年述职报告',
    '党支部书记2023年度述职报告',
    '党员干部2023年度个人述职报告',
    '综治中心主任2023年个人述职报告',
    '党委书记2023年党管武装工作述职',
    '2023年述学述职述廉述法报告',
    '党委书记2023年述学述职述廉述法报告',
  ],
  '001_7fcf90987e934ab5.txt': [
    '2023年度党组织书记抓基层党建工作述职报告',
    '2023年度工作述职报告',
    '2023年度基层党建工作述职报告',
    '2023年度抓基层党建工作述职报告',
    '2023年抓基层党建工作述职报告',
    '机关支部书记2023年抓基层党建工作述职报告',
    '支部书记2023年抓基层党建工作述职报告（国企）',
    '支部书记2023年抓基层党建工作述职报告（政协）',
  ],
  '002_3e93923e7c530369.txt': ['2022年述德述廉述职报告'],
  '004_cb09353ef4bbd6c1.txt': ['XX党委（党组）书记2023年党建工作述职报告'],
};

test('the four bundled files split into their 17 reports with their real titles', () => {
  let total = 0;
  for (const [file, titles] of Object.entries(EXPECTED)) {
    const slices = splitReports(cleanText(read(file)));
    assert.deepEqual(slices.map((s) => s.title), titles, file);
    for (const s of slices) assert.ok(s.text.startsWith(s.title), `${s.title} text starts with its title`);
    total += slices.length;
  }
  assert.equal(total, 17);
});

test('the table of contents, compilation title and page furniture are not reports', () => {
  const slices = splitReports(cleanText(read('001_7fcf90987e934ab5.txt')));
  assert.ok(!slices.some((s) => /汇编|目\s*录/.test(s.title)));
  // The TOC lines stay out of the first report's text.
  assert.ok(!slices[0].text.includes('目 录'));
});

test('junk markers and advertising lines are cleaned, words kept', () => {
  const c = cleanText(read('004_cb09353ef4bbd6c1.txt'));
  assert.ok(!c.includes('##paid'));
  assert.ok(c.includes('基层党组织书记和党务工作者的理论素养'), 'the words around a junk marker are joined back');
  const c0 = cleanText(read('000_6d88075644ea0d60.txt'));
  assert.ok(!c0.includes('素材库'));
  assert.ok(c0.includes('为推动学校高质量发展和升本建设努力奋斗。'));
  // The typo is kept in the text but flagged as noise for phrase statistics.
  const c1 = cleanText(read('001_7fcf90987e934ab5.txt'));
  assert.ok(c1.includes('加强政治i理论学习'));
  assert.equal(hasTextNoise('加强政治i理论学习'), true);
  assert.equal(hasTextNoise('组织学习xx次'), true);
  assert.equal(hasTextNoise('坚定“四个自信”'), false);
  assert.equal(hasTextNoise('利用学习强国APP学习'), false);
});

test('a synthetic compilation with a TOC with page numbers splits by title shape', () => {
  const body = (topic: string) =>
    `一、主要工作\n一年来，我认真履行${topic}职责，坚持以习近平新时代中国特色社会主义思想为指导，各项工作取得新进展，完成了年度目标任务。\n二、存在的问题\n一是学习不够深入。二是创新不足。\n三、下一步打算\n持续加强学习，推动工作再上新台阶。\n`;
  const text = [
    '某县干部述职报告范文3篇',
    '目录',
    '一、局长2024年述职述廉报告……………1',
    '二、副局长2024年个人述职报告……………5',
    '三、所长2024年安全生产工作述职……………9',
    '- 1 -',
    '局长2024年述职述廉报告',
    body('局长'),
    '第 2 页',
    '副局长2024年个人述职报告',
    body('分管'),
    '所长2024年安全生产工作述职',
    body('安全生产'),
  ].join('\n');
  const slices = splitReports(cleanText(text));
  assert.deepEqual(slices.map((s) => s.title), ['局长2024年述职述廉报告', '副局长2024年个人述职报告', '所长2024年安全生产工作述职']);
  assert.ok(!slices[0].text.includes('第 2 页'));
});

test('a single report without a recognisable title stays one report', () => {
  const text = '2024年工作总结\n一年来，我坚持学习，认真履职，较好完成了各项任务。\n一是加强学习。二是狠抓落实。\n';
  const slices = splitReports(cleanText(text));
  assert.equal(slices.length, 1);
  assert.equal(slices[0].title, '2024年工作总结');
});

test('title shape: headings, sentences and TOC entries are not titles', () => {
  assert.equal(isTitleLine('党委书记2023年党管武装工作述职'), true);
  assert.equal(isTitleLine('# 2024年个人述职报告'), true);
  assert.equal(isTitleLine('一、履职情况'), false);
  assert.equal(isTitleLine('1.2023年度工作述职报告'), false);
  assert.equal(isTitleLine('现将有关情况述职如下：'), false);
  assert.equal(isTitleLine('　　根据要求，现将述职报告'), false);
  assert.equal(isTitleLine('2023年度工作述职报告汇编'), false);
  assert.equal(isNoiseLine('- 12 -'), true);
  assert.equal(isNoiseLine('一年来，我认真学习。'), false);
});
