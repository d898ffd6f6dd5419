import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLeadingOrdinal, findShiCandidates } from '../../server/src/engine/report/ordinals';
import { parseReport, flattenNodes, nodeAt, headingPath } from '../../server/src/engine/report/structure';
import type { ReportNode, ReportTree } from '../../server/src/engine/types';

/** Compact view of a tree: one line per node, indented by depth. */
function outline(tree: ReportTree): string[] {
  return flattenNodes(tree).map((n) => `${'  '.repeat(n.depth - 1)}${n.name}`);
}

function find(tree: ReportTree, name: string): ReportNode {
  const n = flattenNodes(tree).find((x) => x.name === name);
  assert.ok(n, `node ${name} not found in ${outline(tree).join(' | ')}`);
  return n;
}

function corpusLines(file: string, from: number, to: number): string {
  const text = fs.readFileSync(path.join(__dirname, '../../corpus', file), 'utf8');
  return text.split('\n').slice(from - 1, to).join('\n');
}

test('leading ordinals: every numbering style', () => {
  const cases: Array<[string, string, number | undefined, string?]> = [
    ['## 一、履职情况', 'markdown', undefined],
    ['一、履职情况', 'cn', 1],
    ['十二．其他', 'cn', 12],
    ['三.加强学习', 'cn', 3],
    ['（二）加强学习', 'cn-paren', 2],
    ['(三)加强学习', 'cn-paren', 3],
    ['（五）、下一步打算', 'cn-paren', 5, '、'],
    ['（六）．廉洁自律', 'cn-paren', 6, '．'],
    ['1.注重学习', 'arabic-dot', 1],
    ['2．注重学习', 'arabic-dot', 2],
    ['１０.注重学习', 'arabic-dot', 10],
    ['3、注重学习', 'arabic-comma', 3],
    ['（4）细化任务', 'arabic-paren', 4],
    ['(5)细化任务', 'arabic-paren', 5],
    ['③坚持制度', 'circled', 3],
    ['②、坚持制度', 'circled', 2, '、'],
    ['　　一是提高站位。', 'shi', 1],
    ['十是落实责任', 'shi', 10],
  ];
  for (const [line, style, ordinal, slip] of cases) {
    const o = parseLeadingOrdinal(line);
    assert.ok(o, line);
    assert.equal(o.style, style, line);
    assert.equal(o.ordinal, ordinal, line);
    assert.equal(o.suffixSlip, slip, line);
  }
  const md = parseLeadingOrdinal('### 小结')!;
  assert.equal(md.markdownLevel, 3);
  assert.equal('### 小结'.slice(md.ordinalEnd), '小结');
  assert.equal('　　（五）、下一步'.slice(parseLeadingOrdinal('　　（五）、下一步')!.ordinalEnd), '下一步');
});

test('leading ordinals: common false positives are rejected', () => {
  for (const line of [
    '1.5亿元用于基础设施建设',
    '2023年，我坚持学习',
    '12.5%的增长',
    '1、2月份完成任务',
    '一、二季度完成了全年任务的一半',
    '一年来，我始终坚持',
    '第一是提高认识',
    '一、',
    '（一）',
    '#标签不是标题',
    '统一是前提',
  ]) {
    assert.equal(parseLeadingOrdinal(line), undefined, line);
  }
  assert.equal(parseLeadingOrdinal('一是抓学习', { includeShi: false }), undefined);
});

test('inline 一是 candidates need punctuation before them', () => {
  const text = '我们坚持统一是基础。一是抓学习；二是抓落实，三是抓廉政';
  const c = findShiCandidates(text, 0, text.length);
  assert.deepEqual(c.map((x) => [x.ordinal, x.strong]), [[1, true], [2, true], [3, false]]);
  assert.equal(text.slice(c[0].start, c[0].ordinalEnd), '一是');
});

test('classic nesting 一、 → （一） → 1. → （1） → ① with exact offsets', () => {
  const text = [
    '某单位2023年述职报告',
    '　　一年来，我认真履职。现报告如下：',
    '　　一、履职情况',
    '　　（一）加强学习',
    '　　1.理论学习',
    '　　（1）读原著',
    '　　①学原文',
    '　　②悟原理',
    '　　（2）写心得',
    '　　2.业务学习',
    '　　（二）廉洁自律',
    '　　二、存在问题',
    '　　学习不够深入。',
    '',
  ].join('\n');
  const tree = parseReport(text);
  assert.equal(tree.title?.text, '某单位2023年述职报告');
  assert.deepEqual(outline(tree), [
    '一、履职情况',
    '  （一）加强学习',
    '    1.理论学习',
    '      （1）读原著',
    '        ①学原文',
    '        ②悟原理',
    '      （2）写心得',
    '    2.业务学习',
    '  （二）廉洁自律',
    '二、存在问题',
  ]);
  assert.deepEqual(tree.anomalies, []);
  const duty = tree.sections[0];
  assert.equal(duty.label, '履职情况');
  assert.equal(duty.ordinal, 1);
  assert.equal(duty.depth, 1);
  assert.equal(text.slice(duty.headingStart, duty.headingEnd), '一、履职情况');
  assert.equal(text.slice(duty.labelStart, duty.headingEnd), '履职情况');
  assert.equal(text.slice(duty.start, duty.headingStart), '　　', 'start includes indentation');
  assert.ok(text.slice(duty.start, duty.end).endsWith('（二）廉洁自律'), 'section ends at its last content line');
  assert.deepEqual(duty.selectionRange, { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
  assert.deepEqual(duty.range, { start: { line: 2, character: 0 }, end: { line: 10, character: 9 } });
  const problems = tree.sections[1];
  assert.equal(text.slice(problems.start, problems.end), '　　二、存在问题\n　　学习不够深入。', 'trailing blank line excluded');
  assert.equal(find(tree, '①学原文').depth, 5);
  assert.equal(find(tree, '（2）写心得').ordinal, 2);
});

test('（五）、 is a heading with a style-suffix anomaly; its label drops the slip', () => {
  const tree = parseReport('述职报告\n（四）存在问题\n问题内容\n（五）、下一步打算\n打算内容\n');
  const n = find(tree, '（五）、下一步打算');
  assert.equal(n.label, '下一步打算');
  assert.equal(n.ordinal, 5);
  const a = tree.anomalies.filter((x) => x.type === 'style-suffix');
  assert.equal(a.length, 1);
  assert.equal(a[0].node, n);
  assert.match(a[0].message, /（五）/);
});

test('a list restarting inside another is nested when the outer list resumes', () => {
  const text = [
    '述职报告',
    '（一）政治引领',
    '（二）中心工作',
    '（三）廉洁支部',
    '（四）存在的问题及原因',
    '（一）推进不平衡。具体表现……',
    '（二）业务不精通。具体表现……',
    '反思原因：……',
    '（五）下一步工作思路',
    '今后我将……',
  ].join('\n');
  const tree = parseReport(text);
  assert.deepEqual(outline(tree), [
    '（一）政治引领',
    '（二）中心工作',
    '（三）廉洁支部',
    '（四）存在的问题及原因',
    '  （一）推进不平衡',
    '  （二）业务不精通',
    '（五）下一步工作思路',
  ]);
  const restarts = tree.anomalies.filter((a) => a.type === 'restart');
  assert.equal(restarts.length, 1);
  assert.equal(restarts[0].node.name, '（一）推进不平衡');
  assert.ok(!tree.anomalies.some((a) => a.type === 'gap' || a.type === 'duplicate'), 'resumed （五） is in sequence');
  assert.ok(text.slice(find(tree, '（二）业务不精通').start, find(tree, '（二）业务不精通').end).endsWith('反思原因：……'));
});

test('a restart the outer list never resumes stays on the same level', () => {
  const tree = parseReport('述职报告\n（一）甲\n（二）乙\n（三）丙\n还存在一些问题，主要体现在：\n（一）丁\n（二）戊\n（一）己\n');
  assert.deepEqual(outline(tree), ['（一）甲', '（二）乙', '（三）丙', '（一）丁', '（二）戊', '（一）己']);
  const restarts = tree.anomalies.filter((a) => a.type === 'restart').map((a) => a.node.name);
  assert.deepEqual(restarts, ['（一）丁', '（一）己']);
});

test('skipped numbers give a gap anomaly with the expected ordinal', () => {
  const tree = parseReport('述职报告\n一、履职情况\n内容\n二、存在不足\n内容\n四、下步打算\n内容\n');
  const gaps = tree.anomalies.filter((a) => a.type === 'gap');
  assert.equal(gaps.length, 1);
  assert.equal(gaps[0].node.name, '四、下步打算');
  assert.equal(gaps[0].expected, 3);
  assert.match(gaps[0].message, /三、/);
});

test('two “2.” in one list are a duplicate; 1. and 1、 mixed are mixed-style', () => {
  const tree = parseReport('述职报告\n一、甲\n1.子一\n2.子二\n2.子三\n3、子四\n二、乙\n1、丑一\n2、丑二\n');
  const dup = tree.anomalies.filter((a) => a.type === 'duplicate');
  assert.deepEqual(dup.map((a) => [a.node.name, a.expected]), [['2.子三', 3]]);
  const mixed = tree.anomalies.filter((a) => a.type === 'mixed-style');
  assert.deepEqual(mixed.map((a) => a.node.name), ['3、子四'], 'a list that uses 1、 throughout is fine');
  assert.deepEqual(outline(tree).filter((l) => !l.startsWith(' ')), ['一、甲', '二、乙']);
});

test('orphan level only when the parent level is used elsewhere', () => {
  const orphan = parseReport('述职报告\n（一）甲\n（二）乙\n一、丙\n（一）丁\n二、戊\n');
  assert.deepEqual(outline(orphan), ['（一）甲', '（二）乙', '一、丙', '  （一）丁', '二、戊']);
  const o = orphan.anomalies.filter((a) => a.type === 'orphan-level');
  assert.equal(o.length, 1);
  assert.equal(o[0].node.name, '（一）甲');
  // Many reports use （一） as their top level: no 一、 anywhere, no anomaly.
  const plain = parseReport('述职报告\n（一）甲\n1.子\n（二）乙\n（三）丙\n');
  assert.deepEqual(plain.anomalies, []);
  assert.deepEqual(outline(plain), ['（一）甲', '  1.子', '（二）乙', '（三）丙']);
});

test('the order the report uses wins over the official order when it is consistent', () => {
  const tree = parseReport('述职报告\n（1）甲\n1.子一\n2.子二\n（2）乙\n1.子三\n');
  assert.deepEqual(outline(tree), ['（1）甲', '  1.子一', '  2.子二', '（2）乙', '  1.子三']);
  assert.deepEqual(tree.anomalies, []);
});

test('a report without headings: 一是… paragraphs are top-level items', () => {
  const text = [
    '党支部书记述职报告',
    '　　一年来，我认真履行职责。',
    '',
    '　　一是提高政治站位抓党建。始终把学习作为首要任务。',
    '',
    '　　二是围绕中心大局抓党建。坚持服务大局。',
    '',
    '　　但也存在一些不足：一是落实责任不够扎实；二是党建工作不够创新。',
    '',
    '　　述职完毕，敬请批评指正。',
  ].join('\n');
  const tree = parseReport(text);
  assert.deepEqual(outline(tree), ['一是提高政治站位抓党建', '二是围绕中心大局抓党建', '一是落实责任不够扎实', '二是党建工作不够创新']);
  const [first, second, third, fourth] = tree.sections;
  assert.equal(first.style, 'shi');
  assert.equal(first.label, '提高政治站位抓党建');
  assert.equal(text.slice(first.start, first.end), '　　一是提高政治站位抓党建。始终把学习作为首要任务。');
  assert.equal(text.slice(second.headingStart, second.headingEnd), '二是围绕中心大局抓党建');
  assert.equal(text.slice(third.start, third.end), '一是落实责任不够扎实；', 'an inline item ends where the next begins');
  assert.equal(text.slice(fourth.start, fourth.end), '二是党建工作不够创新。');
  assert.deepEqual(tree.anomalies, [], 'a new 一是 run is not a restart slip');
  assert.deepEqual(parseReport(text, { includeShi: false }).sections, []);
});

test('一是 after a comma counts only as the start of a sequence; stray 二是 does not', () => {
  const tree = parseReport('述职报告\n本人履行职责，一是抓学习；二是抓落实。\n他说：二是这样。\n');
  assert.deepEqual(outline(tree), ['一是抓学习', '二是抓落实']);
  const lone = parseReport('述职报告\n工作很多，一是一回事。\n');
  assert.deepEqual(lone.sections, []);
});

test('items inside a numbered paragraph nest under its heading; the heading is the first sentence', () => {
  const text = '述职报告\n一、履职情况\n（一）加强理论学习，提升综合素质。作为一名党员，我坚持学习。一是读原著；二是写心得。\n（二）严于律己\n';
  const tree = parseReport(text);
  const study = find(tree, '（一）加强理论学习，提升综合素质');
  assert.equal(study.label, '加强理论学习，提升综合素质');
  assert.deepEqual(study.children.map((c) => c.name), ['一是读原著', '二是写心得']);
  assert.equal(study.children[0].depth, 3);
  const numbered = parseReport('述职报告\n1.聚焦主责主业，增强工作凝聚力。始终把抓好党建作为最大政绩，先后召开专题会议。\n');
  assert.equal(numbered.sections[0].label, '聚焦主责主业，增强工作凝聚力');
});

test('Markdown headings nest by depth; Chinese enumerations nest under the nearest one', () => {
  const text = [
    '# 2023年述职报告',
    '',
    '## 一、履职情况',
    '',
    '（一）加强学习',
    '',
    '一是学理论。二是学业务。',
    '',
    '### 小结',
    '',
    '1. 学习要常态化',
    '',
    '## 二、存在问题',
    '',
    '（一）学习不够',
    '',
  ].join('\n');
  const tree = parseReport(text);
  assert.equal(tree.title?.text, '2023年述职报告');
  assert.deepEqual(outline(tree), [
    '一、履职情况',
    '  （一）加强学习',
    '    一是学理论',
    '    二是学业务',
    '  小结',
    '    1. 学习要常态化',
    '二、存在问题',
    '  （一）学习不够',
  ]);
  const duty = tree.sections[0];
  assert.equal(duty.style, 'markdown');
  assert.equal(duty.markdownLevel, 2);
  assert.equal(duty.ordinal, 1);
  assert.equal(duty.label, '履职情况');
  assert.equal(text.slice(duty.headingStart, duty.headingEnd), '一、履职情况');
  assert.equal(find(tree, '小结').markdownLevel, 3);
  assert.deepEqual(tree.anomalies, []);
  // An H1 that is itself numbered is a section, not the title.
  assert.equal(parseReport('# 一、履职情况\n内容\n').title, undefined);
});

test('setext headings (=== and ---) are Markdown headings of level 1 and 2; a --- after a blank line is a rule', () => {
  const text = [
    '2023年述职报告',
    '==============',
    '',
    '一、履职情况',
    '------------',
    '',
    '（一）加强学习',
    '',
    '---',
    '',
    '工作体会',
    '--------',
    '',
    '坚持学用结合。',
    '',
  ].join('\n');
  const tree = parseReport(text);
  assert.equal(tree.title?.text, '2023年述职报告');
  assert.deepEqual(outline(tree), ['一、履职情况', '  （一）加强学习', '工作体会']);
  const duty = tree.sections[0];
  assert.equal(duty.style, 'markdown');
  assert.equal(duty.markdownLevel, 2);
  assert.equal(duty.ordinal, 1);
  assert.equal(text.slice(duty.headingStart, duty.headingEnd), '一、履职情况');
  assert.equal(find(tree, '工作体会').markdownLevel, 2);
  assert.deepEqual(tree.anomalies, []);
  // The second line of a paragraph underlined is not taken for a heading of its own.
  assert.deepEqual(outline(parseReport('标题\n\n第一行，\n第二行\n---\n')), []);
});

test('CRLF line endings keep positions right', () => {
  const text = '述职报告\r\n一、履职情况\r\n内容。\r\n（一）学习\r\n二、存在问题\r\n';
  const tree = parseReport(text);
  assert.deepEqual(outline(tree), ['一、履职情况', '  （一）学习', '二、存在问题']);
  const sub = find(tree, '（一）学习');
  assert.deepEqual(sub.selectionRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } });
  assert.equal(text.slice(tree.sections[0].start, tree.sections[0].end), '一、履职情况\r\n内容。\r\n（一）学习');
  assert.deepEqual(tree.sections[1].range.end, { line: 4, character: 6 });
});

test('characters outside the BMP before a heading count as two UTF-16 units', () => {
  const text = '𠀀𠀀述职报告\n前言𠮷𠮷。\n一、履职𠮷情况\n内容\n';
  const tree = parseReport(text);
  assert.equal(tree.title?.text, '𠀀𠀀述职报告');
  assert.deepEqual(tree.title?.range.end, { line: 0, character: 8 });
  const n = tree.sections[0];
  assert.equal(n.label, '履职𠮷情况');
  assert.equal(n.headingStart, text.indexOf('一、'));
  assert.deepEqual(n.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
});

test('figures at the start of a line are not headings', () => {
  const tree = parseReport('述职报告\n全年完成投资\n1.5亿元用于基础设施建设。\n2023年，我们完成了任务。\n一、二季度进度较快。\n');
  assert.deepEqual(tree.sections, []);
  assert.deepEqual(tree.anomalies, []);
});

test('title: a first line that reads as a sentence is not a title', () => {
  assert.equal(parseReport('一年来，我认真履职。\n一、履职情况\n').title, undefined);
  assert.equal(parseReport('\n\n　　机关支部书记2023年抓基层党建工作述职报告\n正文').title?.text, '机关支部书记2023年抓基层党建工作述职报告');
  assert.equal(parseReport('一、履职情况\n内容').title, undefined);
});

test('nodeAt, headingPath and flattenNodes', () => {
  const text = '述职报告\n一、履职情况\n（一）加强学习\n坚持读原著。一是读原文；二是悟原理。\n二、存在问题\n学习不够。\n';
  const tree = parseReport(text);
  assert.deepEqual(flattenNodes(tree).map((n) => n.name), ['一、履职情况', '（一）加强学习', '一是读原文', '二是悟原理', '二、存在问题']);
  const at = text.indexOf('悟原理');
  assert.equal(nodeAt(tree, at)?.name, '二是悟原理');
  assert.deepEqual(headingPath(tree, at), ['一、履职情况', '（一）加强学习', '二是悟原理']);
  assert.deepEqual(headingPath(tree, text.indexOf('坚持读原著')), ['一、履职情况', '（一）加强学习']);
  assert.deepEqual(headingPath(tree, text.indexOf('学习不够')), ['二、存在问题']);
  assert.deepEqual(headingPath(tree, 1), [], 'the title is outside every section');
  assert.equal(nodeAt(tree, 0), undefined);
});

test('corpus: a report with a nested restart, （五）、 and a closing line', () => {
  // 000: second report, lines 27–57 (its title through its closing line).
  const text = corpusLines('000_6d88075644ea0d60.txt', 27, 57);
  const tree = parseReport(text);
  assert.equal(tree.title?.text, '党支部书记2023年度述职报告');
  const top = tree.sections.map((s) => s.ordinal);
  assert.deepEqual(top, [1, 2, 3, 4, 5]);
  const problems = tree.sections[3];
  assert.deepEqual(problems.children.map((c) => c.ordinal), [1, 2]);
  assert.deepEqual(tree.anomalies.map((a) => a.type).sort(), ['restart', 'style-suffix']);
  // Items written inline (一是…。二是…) nest under their section.
  assert.deepEqual(tree.sections[1].children.map((c) => c.style + c.ordinal), ['shi1', 'shi2', 'shi3']);
});

test('corpus: a report that jumps from 二、 to 四、', () => {
  const text = corpusLines('004_cb09353ef4bbd6c1.txt', 1, 17);
  const tree = parseReport(text);
  assert.deepEqual(tree.sections.map((s) => s.ordinal), [1, 2, 4]);
  const gap = tree.anomalies.find((a) => a.type === 'gap');
  assert.equal(gap?.expected, 3);
  // 一是…；二是… inside a paragraph that starts mid-sentence (after a comma) still counts.
  const first = tree.sections[0].children[0];
  assert.deepEqual(first.children.map((c) => c.ordinal), [1, 2, 3]);
});

test('front matter and fenced code blocks hold no title or headings', () => {
  const text = '---\ntitle: 草稿\n---\n\n# 2023年述职报告\n\n```\n1.示例代码\n```\n\n## 一、履职情况\n\n内容\n';
  const tree = parseReport(text);
  assert.equal(tree.title?.text, '2023年述职报告');
  assert.deepEqual(outline(tree), ['一、履职情况']);
});
