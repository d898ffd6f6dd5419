import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyHeading, inferKinds, inferTopLevelKinds } from '../../server/src/engine/report/kinds';
import { parseReport } from '../../server/src/engine/report/structure';
import type { SectionKind } from '../../server/src/engine/types';

/** Label of a heading line as the parser reads it (ordinal and trailing punctuation removed). */
function labelOf(heading: string): string {
  const tree = parseReport(`标题\n${heading}\n`);
  assert.equal(tree.sections.length, 1, heading);
  return tree.sections[0].label;
}

/**
 * Every top-level heading of the bundled corpus, hand-checked. Slogan headings that name no
 * part are [] here; inferKinds gives them a kind from their place in the report.
 */
const CORPUS_HEADINGS: Array<[string, SectionKind[]]> = [
  // 000 — 党支部书记2023年度述职报告
  ['（一）突出政治引领，在全面履职尽责上体现“新担当”', ['duty']],
  ['（二）聚焦重点聚力，在推动村中心工作发展上实现“新突破”', ['duty']],
  ['（三）打造廉洁支部，在营造良好政治生态上展现“新作为”', ['integrity']],
  ['（四）存在的问题及原因', ['problems', 'causes']],
  ['（五）、下一步工作思路和主要措施', ['next']],
  // 000 — 党员干部2023年度个人述职报告
  ['（一）狠抓学习固本，锤炼内功强素质，蓄势赋能增本领', ['study']],
  ['（二）抓实中心工作，担当尽责显作为，奋进高质量发展', ['duty']],
  ['（四）聚焦分管工作，注重前瞻争主动，突出重点抓落实', ['duty']],
  ['（五）坚持拒腐防变，压实廉政责任，筑稳担当实干根基', ['integrity']],
  // 000 — 综治中心主任2023年个人述职报告
  ['一、履职情况', ['duty']],
  ['二、存在问题及下一步打算', ['problems', 'next']],
  // 000 — 党委书记2023年党管武装工作述职
  ['一、不忘初心，切实提高党管武装工作意识。', []],
  ['二、牢记使命，扎实推动党管武装落地见效', []],
  ['三、存在不足', ['problems']],
  ['四、下一步工作', ['next']],
  // 000 — 2023年述学述职述廉述法报告
  ['一、述学：加强政治学习，强化党性锻炼，深入学习贯彻落实习近平新时代中国特色社会主义思想和党的二十大精神', ['study']],
  ['二、述职：以重点项目为抓手，强基固本、深化内涵，全面提升人才培养质量', ['duty']],
  ['三、述廉：坚守廉洁底线，落实从严治党，营造学校风清气正的育人环境', ['integrity']],
  ['四、述法：增强法治思维，坚持依法治校，加快推进学校治理体系和治理能力现代化', ['law']],
  // 000 — 党委书记2023年述学述职述廉述法报告
  ['一、理论学习方面', ['study']],
  ['二、履职尽责方面', ['duty']],
  ['三、党风廉政建设方面', ['integrity']],
  ['四、学法用法方面', ['law']],
  // 001 — 2023年度党组织书记抓基层党建工作述职报告
  ['一、工作开展情况', ['duty']],
  ['二、存在的问题和主要原因', ['problems', 'causes']],
  ['三、下步工作思路和主要措施', ['next']],
  // 001 — 2023年度工作述职报告
  ['一、抓学习，在学思践悟中夯实履职根基。', ['study']],
  ['二、 求标准，在无私无畏中提高履职质效。', ['duty']],
  ['三、强自律，在干净清爽中守好履职底线。', ['integrity']],
  // 001 — 2023年度基层党建工作述职报告
  ['一、2023年度基层党建主要工作', ['duty']],
  ['二、存在的突出问题', ['problems']],
  ['三、下一步工作打算', ['next']],
  // 001 — 2023年度抓基层党建工作述职报告
  ['一、履职情况和工作亮点', ['duty']],
  ['二、承诺兑现情况', ['pledge']],
  ['三、存在的问题和主要原因分析', ['problems', 'causes']],
  ['四、工作目标和具体措施', ['next']],
  // 001 — 2023年抓基层党建工作述职报告
  ['一、主要做法和成效', ['duty']],
  ['二、存在问题及原因', ['problems', 'causes']],
  ['三、下一步工作思路和措施', ['next']],
  // 001 — 机关支部书记2023年抓基层党建工作述职报告
  ['一、主要工作成效', ['duty']],
  ['二、存在的主要问题及原因', ['problems', 'causes']],
  ['三、下一步工作思路和主要举措', ['next']],
  // 001 — 支部书记2023年抓基层党建工作述职报告（国企）: three unheaded parts, slogans only
  ['（一）树牢意识，提高站位，切实贯彻新时代党的组织路线', []],
  ['（二）以上率下，示范带动，发挥新时代领导干部“头雁效应”', []],
  ['（三）常学常新，常态长效，由点及面提升新时代基层党建水平', []],
  ['（一）主体责任还须“落实落细”', []],
  ['（二）党建载体还需“创新做实”', []],
  ['（三）党性修养有待“千锤百炼”', []],
  ['（一）推进“两个覆盖”，夯实基层基础', []],
  ['（二）着眼“两个先进”，强化队伍建设', []],
  ['（三）突出“三个重点”，提升内生动力', []],
  // 001 — 支部书记2023年抓基层党建工作述职报告（政协）
  ['一、主要工作', ['duty']],
  ['二、存在问题', ['problems']],
  ['三、认识体会', []],
  ['四、下一步思路举措', ['next']],
  // 002 — 2022年述德述廉述职报告
  ['一、加强学习，提高政治站位', ['study', 'virtue']],
  ['二、认真履职，提高党建水平', ['duty']],
  ['三、自省自律，筑牢防腐堤坝', ['integrity']],
  ['四、盘点不足，明确努力方向', ['problems', 'next']],
  // 004 — XX党委（党组）书记2023年党建工作述职报告
  ['一、基层党建工作开展情况', ['duty']],
  ['二、存在困难和不足', ['problems']],
  ['四、下步工作打算', ['next']],
];

test('classifyHeading: every top-level heading of the bundled corpus', () => {
  for (const [heading, kinds] of CORPUS_HEADINGS) {
    assert.deepEqual(classifyHeading(labelOf(heading)), kinds, heading);
  }
});

test('the table covers exactly the top-level headings the parser finds in the corpus', () => {
  // Report spans [file, first line, last line], cut by hand (the splitter is tested elsewhere).
  const spans: Array<[string, number, number]> = [
    ['000_6d88075644ea0d60.txt', 2, 26], ['000_6d88075644ea0d60.txt', 27, 57], ['000_6d88075644ea0d60.txt', 58, 80],
    ['000_6d88075644ea0d60.txt', 81, 95], ['000_6d88075644ea0d60.txt', 96, 124], ['000_6d88075644ea0d60.txt', 125, 181],
    ['000_6d88075644ea0d60.txt', 182, 269], ['001_7fcf90987e934ab5.txt', 13, 33], ['001_7fcf90987e934ab5.txt', 34, 61],
    ['001_7fcf90987e934ab5.txt', 62, 73], ['001_7fcf90987e934ab5.txt', 74, 99], ['001_7fcf90987e934ab5.txt', 100, 139],
    ['001_7fcf90987e934ab5.txt', 140, 158], ['001_7fcf90987e934ab5.txt', 159, 180], ['001_7fcf90987e934ab5.txt', 181, 211],
    ['002_3e93923e7c530369.txt', 1, 27], ['004_cb09353ef4bbd6c1.txt', 1, 19],
  ];
  const found: string[] = [];
  for (const [file, from, to] of spans) {
    const text = fs.readFileSync(path.join(__dirname, '../../corpus', file), 'utf8').split('\n').slice(from - 1, to).join('\n');
    for (const s of parseReport(text).sections) if (s.style !== 'shi') found.push(s.name);
  }
  assert.deepEqual(found, CORPUS_HEADINGS.map(([h]) => h));
});

test('classifyHeading: merged parts, slogans and look-alikes', () => {
  const cases: Array<[string, SectionKind[]]> = [
    ['存在的问题及整改措施', ['problems', 'next']],
    ['存在的问题和主要原因', ['problems', 'causes']],
    ['盘点不足，明确努力方向', ['problems', 'next']],
    ['强化理论学习，不断提高个人素养', ['study']],
    ['下一步主要工作', ['next']],
    ['今后努力方向', ['next']],
    ['原因分析', ['causes']],
    ['述职：履职尽责情况', ['duty']],
    ['述德：坚定理想信念', ['virtue']],
    ['落实中央八项规定精神情况', ['integrity']],
    ['学法用法、依法办事情况', ['law']],
    ['上年度承诺事项兑现情况', ['pledge']],
    ['结束语', ['closing']],
    // look-alikes that must not count
    ['加强思想政治工作，推动上好思政课', []],
    ['突出问题导向，深入调查研究', []],
    ['聚焦群众关切，切实解决急难愁盼问题', []],
    ['补齐短板，推动高质量发展', ['duty']],
    ['坚持立德树人，打造育人品牌', []],
  ];
  for (const [label, kinds] of cases) assert.deepEqual(classifyHeading(label), kinds, label);
});

test('inferKinds: slogan sections before the problems are duty; unnamed ones after stay empty', () => {
  const tree = parseReport('述职报告\n一、不忘初心，牢记使命\n内容\n二、存在问题\n内容\n三、认识体会\n内容\n四、下步打算\n内容\n');
  inferKinds(tree);
  assert.deepEqual(tree.sections.map((s) => s.kinds), [['duty'], ['problems'], [], ['next']]);
  // Idempotent.
  assert.deepEqual(inferTopLevelKinds(tree), [['duty'], ['problems'], [], ['next']]);
});

test('inferKinds: a headless report takes its parts from runs of 一是… and lead-in sentences', () => {
  const text = [
    '党支部书记述职报告',
    '一年来，我认真履行职责。',
    '一是提高站位抓党建。内容。',
    '二是围绕中心抓党建。内容。',
    '一是落实责任不够扎实。内容。',
    '二是党建工作不够创新。内容。',
    '一是着力夯实理论基础。内容。',
    '二是着力加强支部建设。内容。',
    '述职完毕，敬请批评指正。',
  ].join('\n');
  const tree = inferKinds(parseReport(text));
  assert.deepEqual(tree.sections.map((s) => s.kinds[0]), ['duty', 'duty', 'problems', 'problems', 'next', 'next']);
  // A lead-in sentence announces the part even when the items do not sound critical.
  const cued = inferKinds(parseReport('述职报告\n一是抓学习。\n二是抓落实。\n但也存在一些不足：一是调研少；二是创新少。\n下一步，我将：一是多调研；二是多创新。\n'));
  assert.deepEqual(cued.sections.map((s) => s.kinds[0]), ['duty', 'duty', 'problems', 'problems', 'next', 'next']);
});

test('inferKinds: restarted runs after an announced problems list become next', () => {
  const text = [
    '述职报告',
    '（一）树牢意识，提高站位',
    '内容。',
    '（二）以上率下，示范带动',
    '内容。还存在一些问题和不足，主要体现在：',
    '（一）主体责任还须落实',
    '内容。',
    '（二）党建载体还需创新',
    '内容。',
    '（一）推进两个覆盖',
    '内容。',
    '（二）强化队伍建设',
  ].join('\n');
  const tree = inferKinds(parseReport(text));
  assert.deepEqual(tree.sections.map((s) => s.kinds), [['duty'], ['duty'], ['problems'], ['problems'], ['next'], ['next']]);
});
