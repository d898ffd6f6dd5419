import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindParts, kindShareStats } from '../../server/src/engine/delivery/kindShare';
import { parseLimitNumber, resolveLengthLimit } from '../../server/src/engine/delivery/lengthLimit';
import { lengthOver, sectionThin, LENGTH_RULES } from '../../server/src/engine/delivery/lengthRules';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { inferKinds } from '../../server/src/engine/report/kinds';
import { parseReport } from '../../server/src/engine/report/structure';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';

const noLimit = normalizeSettings({});

// Fixtures are built from sentences whose Word count is known by hand, so every expected
// figure below is worked out on paper, not by the code under test.
/** 9 字: eight Han characters and a full stop. */
const S9 = '扎实推进各项工作。';
/** 7 字 each. */
const P7 = '学习不够深入。';
const N7 = '持续加强学习。';

/**
 * A report of 40 + 9·duty + 7·problems + 7·next 字: title 7 (甲单位述职报告), opening 11
 * (现将履职情况报告如下。), headings 6 + 7 + 9; sections counted with their heading.
 */
function report(title: string, duty: number, problems: number, next: number): string {
  return [title, '现将履职情况报告如下。', '一、履职情况', S9.repeat(duty), '二、存在的问题', P7.repeat(problems), '三、下一步工作打算', N7.repeat(next), ''].join('\n');
}

function tree(text: string) {
  return inferKinds(parseReport(text));
}

function corpusOf(texts: string[]): CorpusReport[] {
  return texts.map((text, id) => ({ id, title: text.split('\n')[0], source: `mem${id}.txt`, text, typeId: 'general', tree: tree(text) }));
}

test('limit: read from front matter, title phrases and settings, in that order', () => {
  const fm = '---\nlimit: 3000\n---\n某某述职报告（2000字以内）\n正文。\n';
  const l1 = resolveLengthLimit(fm, normalizeSettings({ length: { limit: 1000 } }));
  assert.equal(l1?.limit, 3000);
  assert.equal(l1?.source, 'frontmatter');
  assert.equal(fm.slice(l1!.start, l1!.end), '3000');

  const t = '某某述职报告（2000字以内）\n正文。\n';
  const l2 = resolveLengthLimit(t, normalizeSettings({ length: { limit: 1000 } }));
  assert.equal(l2?.limit, 2000);
  assert.equal(l2?.source, 'title');
  assert.equal(t.slice(l2!.start, l2!.end), '（2000字以内）');

  const s = resolveLengthLimit('某某述职报告\n正文。\n', normalizeSettings({ length: { limit: 1000 } }));
  assert.deepEqual(s, { limit: 1000, source: 'settings' });
  assert.equal(resolveLengthLimit('某某述职报告\n正文。\n', noLimit), undefined);
});

test('limit: the wordings people use, with Arabic or Chinese numerals', () => {
  const limitOf = (title: string) => resolveLengthLimit(`${title}\n正文。\n`, noLimit)?.limit;
  assert.equal(limitOf('# 2023年述职报告（不超过3000字）'), 3000);
  assert.equal(limitOf('述职报告（不超过三千字）'), 3000);
  assert.equal(limitOf('述职报告(限 2,500 字)'), 2500);
  assert.equal(limitOf('述职报告（两千五百字以内）'), 2500);
  assert.equal(limitOf('述职报告（1.5万字以内）'), 15000);
  // A short note under the title counts too; a year or a body sentence does not.
  assert.equal(resolveLengthLimit('述职报告\n（字数控制在1500字以内）\n正文。\n', noLimit)?.limit, 1500);
  assert.equal(limitOf('2023年述职报告'), undefined);
  assert.equal(resolveLengthLimit('述职报告\n正文写得很长很长很长很长很长很长很长很长很长，要求不超过500字。\n', noLimit), undefined);
  assert.equal(parseLimitNumber('３０００'), 3000);
  assert.equal(parseLimitNumber('一万二千'), 12000);
});

test('length-over: a warning on the limit phrase with the count, the limit, the excess and the line it is passed on', () => {
  const text = [
    '某某述职报告（50字以内）', // 12: 某某述职报告 6, （ ）2, 50 one word, 字以内 3
    '使用APP办公，完成率95%。', // 11: APP and 95% one word each → total 23
    S9.repeat(3), // 27 → 50, at the limit
    S9.repeat(2), // 18 → 68, over from this line
  ].join('\n');
  const findings = lengthOver({ text, tree: tree(text), settings: noLimit });
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.rule, 'length-over');
  assert.equal(f.severity, 'warning');
  assert.equal(text.slice(f.start, f.end), '（50字以内）');
  assert.equal(f.message, '全文 68 字，超过字数限制 50 字（多 18 字，从第 4 行起超出）。限制来自标题中的“（50字以内）”。');
});

test('length-over: nothing at or under the limit, or without a limit; from the setting it sits on the title', () => {
  const text = `某某述职报告\n${S9.repeat(4)}\n`; // 6 + 36 = 42 字
  assert.deepEqual(lengthOver({ text, tree: tree(text), settings: normalizeSettings({ length: { limit: 42 } }) }), []);
  assert.deepEqual(lengthOver({ text, tree: tree(text), settings: noLimit }), []);
  const f = lengthOver({ text, tree: tree(text), settings: normalizeSettings({ length: { limit: 41 } }) });
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), '某某述职报告');
  assert.equal(f[0].message, '全文 42 字，超过字数限制 41 字（多 1 字，从第 2 行起超出）。限制来自设置 shuzhi.length.limit。');
});

test('kind shares: each kind measured once, heading included; merged headings count for both', () => {
  // 40 + 9·10 + 7·3 + 7·2 = 165 字: 履职 6 + 90 = 96, 问题 7 + 21 = 28, 打算 9 + 14 = 23.
  const text = report('甲单位述职报告', 10, 3, 2);
  const parts = kindParts(tree(text));
  assert.deepEqual(
    [...parts.values()].map((p) => [p.kind, p.count, p.nodes.length]),
    [['duty', 96, 1], ['problems', 28, 1], ['next', 23, 1]],
  );
  assert.equal(parts.get('problems')!.share, 28 / 165);
  // 某某述职报告 6, 一、履职情况 6 + 27, 二、存在问题及下一步打算 12 + 14: the merged part counts 26 for both kinds.
  const merged = `某某述职报告\n一、履职情况\n${S9.repeat(3)}\n二、存在问题及下一步打算\n${P7.repeat(2)}\n`;
  const mp = kindParts(tree(merged));
  assert.deepEqual([...mp.values()].map((p) => [p.kind, p.count]), [['duty', 33], ['problems', 26], ['next', 26]]);
  assert.equal(mp.get('problems')!.nodes[0], mp.get('next')!.nodes[0]);
  assert.equal(mp.get('next')!.share, 26 / 65);
});

/**
 * Four corpus reports; problems shares 147/860, 217/840, 182/950, 196/850
 * = 0.1709, 0.2583, 0.1916, 0.2306 → median (0.1916 + 0.2306) / 2 = 0.2111, p25 0.1864, p75 0.2375;
 * problems counts 147, 217, 182, 196 → median 189.
 */
const CORPUS_4 = [
  report('甲单位述职报告', 60, 20, 20),
  report('乙单位述职报告', 50, 30, 20),
  report('丙单位述职报告', 70, 25, 15),
  report('丁单位述职报告', 55, 27, 18),
];

test('kind share statistics: median, quartiles and median count worked out by hand', () => {
  const stats = kindShareStats(corpusOf(CORPUS_4));
  assert.equal(stats.reportCount, 4);
  const usual = stats.kinds.problems!;
  assert.equal(usual.reports, 4);
  const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);
  near(usual.median, (182 / 950 + 196 / 850) / 2, 'median');
  near(usual.p25, 147 / 860 + 0.75 * (182 / 950 - 147 / 860), 'p25');
  near(usual.p75, 196 / 850 + 0.25 * (217 / 840 - 196 / 850), 'p75');
  assert.equal(usual.medianCount, 189);
  // A report under 300 字 is a fragment, not measured.
  assert.equal(kindShareStats(corpusOf([...CORPUS_4, report('戊单位述职报告', 20, 5, 5)])).reportCount, 4);
});

test('section-thin: a hint with the figures when problems are far below their usual share', () => {
  const stats = kindShareStats(corpusOf(CORPUS_4));
  // 40 + 900 + 14 + 140 = 1094 字; problems 7 + 14 = 21 字 = 1.9%, under 0.4 × 21.1%.
  const draftText = report('某某述职报告', 100, 2, 20);
  const findings = sectionThin({ text: draftText, tree: tree(draftText), settings: noLimit, corpusStats: stats });
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.rule, 'section-thin');
  assert.equal(f.severity, 'hint');
  assert.equal(draftText.slice(f.start, f.end), '二、存在的问题');
  assert.equal(f.message, '“存在的问题”部分仅 21 字，占全文 2%；语料中此部分通常占 21%（中位数，4 篇），约 189 字。');

  // Around 0.4 × 21.11% = 8.44%: problems 7·(p+1) of 1080 + 7p 字 — p = 13 gives 98 / 1171 = 8.37% (thin),
  // p = 14 gives 105 / 1178 = 8.91% (not thin).
  const edge = (p: number) => sectionThin({ text: report('某某述职报告', 100, p, 20), tree: tree(report('某某述职报告', 100, p, 20)), settings: noLimit, corpusStats: stats });
  assert.equal(edge(13).length, 1, '98 of 1171 字 is thin');
  assert.match(edge(13)[0].message, /仅 98 字，占全文 8%/);
  assert.deepEqual(edge(14), [], '105 of 1178 字 is not');

  // A draft without stats, and a skeleton draft (under 600 字) get no hint.
  assert.deepEqual(sectionThin({ text: draftText, tree: tree(draftText), settings: noLimit }), []);
  const skeleton = report('某某述职报告', 50, 1, 10); // 40 + 450 + 7 + 70 = 567 字
  assert.deepEqual(sectionThin({ text: skeleton, tree: tree(skeleton), settings: noLimit, corpusStats: stats }), []);
});

test('kind shares of the bundled corpus: problems and next steps have a usual share', () => {
  const dir = path.join(__dirname, '../../corpus');
  const reports: CorpusReport[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    reports.push(...reportsFromText(fs.readFileSync(path.join(dir, f), 'utf8'), f, reports.length));
  }
  const stats = kindShareStats(reports);
  assert.ok(stats.reportCount >= 3);
  for (const kind of ['problems', 'next'] as const) {
    const k = stats.kinds[kind];
    assert.ok(k && k.reports >= 3, `${kind} seen in several reports`);
    assert.ok(k.p25 <= k.median && k.median <= k.p75);
    assert.ok(k.median > 0 && k.median < 0.6, `${kind} median share ${k.median}`);
  }
});

test('length rules are registered by id', () => {
  assert.deepEqual(Object.keys(LENGTH_RULES).sort(), ['length-over', 'section-thin']);
});
