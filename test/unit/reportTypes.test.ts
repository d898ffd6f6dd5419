import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REPORT_TYPES,
  detectReportType,
  getReportType,
  missingKinds,
  presentKinds,
} from '../../server/src/engine/report/reportTypes';
import { parseReport } from '../../server/src/engine/report/structure';
import { classifyHeading } from '../../server/src/engine/report/kinds';
import { SECTION_KINDS } from '../../server/src/engine/types';
import { CHOOSABLE_REPORT_TYPES, REPORT_TYPE_TABLE } from '../../server/src/engine/report/reportTypeTable';

test('detectReportType: the most specific type a title names, general otherwise', () => {
  const cases: Array<[string, string]> = [
    ['机关支部书记2023年抓基层党建工作述职报告', 'party-building'],
    ['2023年度基层党建工作述职报告', 'party-building'],
    ['XX党委（党组）书记2023年党建工作述职报告', 'party-building'],
    ['支部书记2023年抓基层党建工作述职报告（国企）', 'party-building'],
    ['2022年述德述廉述职报告', 'virtue-integrity'],
    ['局长2023年述职述廉报告', 'duty-integrity'],
    ['2023年述责述廉报告', 'duty-integrity'],
    ['党委书记2023年述学述职述廉述法报告', 'four-parts'],
    ['党委书记2023年党管武装工作述职', 'armed-forces'],
    ['2023年意识形态工作述职报告', 'ideology'],
    ['副县长2023年安全生产工作述职报告', 'safety'],
    ['综治中心主任2023年个人述职报告', 'general'],
    ['2023年度工作述职报告', 'general'],
    ['年终总结', 'general'],
  ];
  for (const [title, id] of cases) assert.equal(detectReportType(title).id, id, title);
});

test('getReportType by id or Chinese name', () => {
  assert.equal(getReportType('party-building')?.name, '抓基层党建工作述职报告');
  assert.equal(getReportType('述学述职述廉述法报告')?.id, 'four-parts');
  assert.equal(getReportType('no-such-type'), undefined);
});

test('report types are consistent data', () => {
  const ids = new Set<string>();
  for (const t of REPORT_TYPES) {
    assert.ok(!ids.has(t.id), `duplicate id ${t.id}`);
    ids.add(t.id);
    assert.ok(t.required.length >= 3, t.id);
    for (const k of [...t.required, ...t.optional]) assert.ok(SECTION_KINDS.includes(k), `${t.id}: ${k}`);
    for (const k of t.required) assert.ok(!t.optional.includes(k), `${t.id}: ${k} both required and optional`);
    // Each typical heading must be recognised as the kind it is listed under.
    for (const [kind, headings] of Object.entries(t.typicalHeadings)) {
      for (const h of headings ?? []) {
        if (kind === 'closing') continue; // closing lines are sentences, not headings
        assert.ok(classifyHeading(h).includes(kind as never), `${t.id}: “${h}” should classify as ${kind}, got ${classifyHeading(h)}`);
      }
    }
  }
  assert.deepEqual(getReportType('party-building')?.required, ['duty', 'problems', 'causes', 'next']);
  assert.deepEqual(getReportType('four-parts')?.required, ['study', 'duty', 'integrity', 'law', 'problems', 'next']);
});

test('presentKinds: causes merged into the problems heading', () => {
  const tree = parseReport('抓基层党建工作述职报告\n一、履职情况\n内容\n二、存在的问题及原因\n内容\n三、下一步打算\n内容\n');
  assert.deepEqual([...presentKinds(tree)].sort(), ['causes', 'duty', 'next', 'problems']);
});

test('presentKinds: causes analysed in a paragraph or child heading of the problems part', () => {
  const byParagraph = parseReport(
    '抓基层党建工作述职报告\n一、履职情况\n内容\n二、存在的问题\n1.调研不够\n2.创新不足\n反思这些问题产生的原因：主观上重视不够。\n三、下一步打算\n内容\n',
  );
  assert.ok(presentKinds(byParagraph).has('causes'));
  const byHeading = parseReport('述职报告\n一、履职情况\n内容\n二、存在的问题\n（一）调研不够\n（二）原因分析\n内容\n三、下一步打算\n');
  assert.ok(presentKinds(byHeading).has('causes'));
  const none = parseReport('述职报告\n一、履职情况\n内容\n二、存在的问题\n调研不够。\n三、下一步打算\n今后要多调研。\n');
  const present = presentKinds(none);
  assert.ok(!present.has('causes'));
  assert.deepEqual(missingKinds(getReportType('party-building')!, present), ['causes']);
  assert.deepEqual(missingKinds(getReportType('general')!, present), []);
});

test('presentKinds: a headless report and its closing line', () => {
  const text = '述职报告\n一是抓落实。\n二是抓服务。\n但也存在一些不足：一是调研少；二是创新少。\n下一步，我将：一是多调研；二是多创新。\n述职完毕，不妥之处，敬请批评指正。\n';
  const present = presentKinds(parseReport(text));
  assert.deepEqual([...present].sort(), ['closing', 'duty', 'next', 'problems']);
  const missing = missingKinds(getReportType('four-parts')!, present);
  assert.deepEqual(missing, ['study', 'integrity', 'law']);
});

test('getReportType accepts ids, names with or without 报告, and free-form names; unknown gives undefined', () => {
  assert.equal(getReportType('party-building')?.id, 'party-building');
  assert.equal(getReportType('抓基层党建工作述职')?.id, 'party-building');
  assert.equal(getReportType('述学述职述廉述法')?.id, 'four-parts');
  assert.equal(getReportType('述责述廉')?.id, 'duty-integrity');
  assert.equal(getReportType(''), undefined);
  assert.equal(getReportType('不相干'), undefined);
});

test('the engine\'s report types are the table\'s, in its order; the choosable ones have names the engine reads back', () => {
  assert.deepEqual(REPORT_TYPES.map((t) => [t.id, t.name]), REPORT_TYPE_TABLE.map((t) => [t.id, t.name]));
  for (const c of CHOOSABLE_REPORT_TYPES) assert.equal(getReportType(c.choice)?.id, c.id, c.choice);
});
