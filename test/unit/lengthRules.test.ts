import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countRange, countText } from '../../server/src/engine/delivery/count';
import { kindParts, kindShareStats } from '../../server/src/engine/delivery/kindShare';
import { parseLimitNumber, resolveLengthLimit } from '../../server/src/engine/delivery/lengthLimit';
import { lengthOver, sectionThin, LENGTH_RULES } from '../../server/src/engine/delivery/lengthRules';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { inferKinds } from '../../server/src/engine/report/kinds';
import { parseReport } from '../../server/src/engine/report/structure';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';

const noLimit = normalizeSettings({});

/** `n` characters of plain Chinese prose, in sentences of ten. */
function prose(n: number, seed = '工作'): string {
  const unit = `${seed}扎实推进各项任务落实。`; // length varies with the seed; cut to size
  let s = '';
  while (s.length < n) s += unit;
  return s.slice(0, n - 1) + '。';
}

function report(title: string, duty: number, problems: number, next: number): string {
  return [
    title,
    prose(60, '开场'),
    '一、履职情况',
    prose(duty, '履职'),
    '二、存在的问题',
    prose(problems, '问题'),
    '三、下一步工作打算',
    prose(next, '打算'),
    '述职完毕，请批评指正。',
    '',
  ].join('\n');
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

test('length-over: a warning on the limit phrase with the count, the limit and the excess', () => {
  const body = prose(80);
  const text = `某某述职报告（50字以内）\n${body}\n`;
  const findings = lengthOver({ text, tree: tree(text), settings: noLimit });
  assert.equal(findings.length, 1);
  const f = findings[0];
  const total = countText(text);
  assert.ok(total > 50);
  assert.equal(f.rule, 'length-over');
  assert.equal(f.severity, 'warning');
  assert.equal(text.slice(f.start, f.end), '（50字以内）');
  assert.match(f.message, new RegExp(`全文 ${total} 字`));
  assert.match(f.message, /限制 50 字/);
  assert.match(f.message, new RegExp(`多 ${total - 50} 字`));
  assert.match(f.message, /第 2 行起超出/);
});

test('length-over: nothing at or under the limit, or without a limit', () => {
  const text = `某某述职报告\n${prose(40)}\n`;
  const total = countText(text);
  assert.deepEqual(lengthOver({ text, tree: tree(text), settings: normalizeSettings({ length: { limit: total } }) }), []);
  assert.deepEqual(lengthOver({ text, tree: tree(text), settings: noLimit }), []);
  // From the setting, the finding sits on the title.
  const f = lengthOver({ text, tree: tree(text), settings: normalizeSettings({ length: { limit: total - 1 } }) });
  assert.equal(f.length, 1);
  assert.equal(text.slice(f[0].start, f[0].end), '某某述职报告');
  assert.match(f[0].message, /shuzhi\.length\.limit/);
});

test('kind shares: each kind measured once, merged headings count for both', () => {
  const text = report('某某述职报告', 600, 200, 200);
  const parts = kindParts(tree(text));
  const problems = parts.get('problems')!;
  assert.ok(problems, 'problems part found');
  const node = problems.nodes[0];
  assert.equal(problems.count, countRange(text, node.start, node.end));
  assert.ok(Math.abs(problems.share - problems.count / countText(text)) < 1e-9);
  const merged = '某某述职报告\n一、履职情况\n' + prose(300) + '\n二、存在问题及下一步打算\n' + prose(100) + '\n';
  const mp = kindParts(tree(merged));
  assert.ok(mp.has('problems') && mp.has('next'), 'a merged heading signals both kinds');
  assert.equal(mp.get('problems')!.count, mp.get('next')!.count);
  assert.equal(mp.get('problems')!.nodes[0], mp.get('next')!.nodes[0]);
});

test('section-thin: a hint with the figures when problems are far below their usual share', () => {
  const corpus = corpusOf([
    report('甲单位述职报告', 600, 220, 200),
    report('乙单位述职报告', 700, 200, 180),
    report('丙单位述职报告', 500, 240, 220),
    report('丁单位述职报告', 650, 210, 190),
  ]);
  const stats = kindShareStats(corpus);
  assert.equal(stats.reportCount, 4);
  const usual = stats.kinds.problems!;
  assert.equal(usual.reports, 4);
  assert.ok(usual.median > 0.15 && usual.median < 0.3, `median ${usual.median}`);

  const draftText = report('某某述职报告', 900, 30, 220);
  const findings = sectionThin({ text: draftText, tree: tree(draftText), settings: noLimit, corpusStats: stats });
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.equal(f.rule, 'section-thin');
  assert.equal(f.severity, 'hint');
  assert.equal(draftText.slice(f.start, f.end), '二、存在的问题');
  const part = kindParts(tree(draftText)).get('problems')!;
  assert.match(f.message, new RegExp(`“存在的问题”部分仅 ${part.count} 字，占全文 ${Math.round(part.share * 100)}%`));
  assert.match(f.message, new RegExp(`通常占 ${Math.round(usual.median * 100)}%（中位数，4 篇）`));

  // A draft in proportion, a draft without stats, and a skeleton draft get no hint.
  const fine = report('某某述职报告', 600, 200, 200);
  assert.deepEqual(sectionThin({ text: fine, tree: tree(fine), settings: noLimit, corpusStats: stats }), []);
  assert.deepEqual(sectionThin({ text: draftText, tree: tree(draftText), settings: noLimit }), []);
  const skeleton = report('某某述职报告', 100, 5, 50);
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
