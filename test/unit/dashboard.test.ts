/**
 * The draft check-up (体检面板): the data the page shows, computed by the engine from in-memory
 * drafts and corpora — the required parts, the section bars against the corpus's range, the
 * findings by category, the sections lacking figures — and the renderer's escaping of hostile
 * draft and corpus text. The CLI page is written to a temporary folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { corpusFigures, sectionHasFigures } from '../../server/src/engine/dashboard/corpusFigures';
import { categoryOf, dashboardData, FINDING_CATEGORIES, MAX_LISTED } from '../../server/src/engine/dashboard/data';
import { RULES } from '../../server/src/engine/lint/registry';
import { renderDashboard, renderDashboardBody } from '../../server/src/engine/dashboard/render';
import { dashboardLocale } from '../../server/src/engine/dashboard/strings';
import { countRange, countText } from '../../server/src/engine/delivery/count';
import { kindParts, quantile } from '../../server/src/engine/delivery/kindShare';
import { RULE_IDS } from '../../server/src/engine/lint/registry';
import { parseDraft } from '../../server/src/engine/lint/parseDraft';
import type { Finding } from '../../server/src/engine/lint/types';
import { getReportType } from '../../server/src/engine/report/reportTypes';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';
import { writeDashboardHtml } from '../../server/src/cli/dashboardHtml';
import { revealLineOf } from '../../client/src/dashboardMessages';
import { tempDir } from '../helpers/tmp';

/** Plain prose with no digits and no section cues, cut to `chars` characters. */
function prose(chars: number, figures = false): string {
  const s = '认真落实各项工作要求，推动任务落地见效，工作作风持续改进。';
  let out = figures ? '全年完成重点项目12个，服务群众3600人次。' : '';
  while (out.length < chars) out += s;
  return '　　' + out.slice(0, chars);
}

type Part = [heading: string, chars: number, figures?: boolean];

function reportText(title: string, parts: readonly Part[]): string {
  return [title, ...parts.flatMap(([h, n, f]) => [h, prose(n, f)])].join('\n') + '\n';
}

function corpusOf(texts: readonly string[]): CorpusReport[] {
  const reports: CorpusReport[] = [];
  texts.forEach((t, i) => reports.push(...reportsFromText(t, `/corpus/r${i}.txt`, reports.length)));
  return reports;
}

/** Five general reports whose duty parts take different shares, duty with figures when asked. */
function generalCorpus(dutyFigures: boolean): CorpusReport[] {
  return corpusOf(
    [600, 800, 1000, 1200, 1400].map((duty, i) =>
      reportText(`第${'一二三四五'[i]}单位干部年度述职报告`, [
        ['一、履职情况', duty, dutyFigures],
        ['二、存在的问题', 200],
        ['三、下一步打算', 250],
      ]),
    ),
  );
}

const MISSING_NEXT = reportText('某局干部年度述职报告', [
  ['一、履职情况', 700],
  ['二、存在的问题', 150],
]);

test('checklist: each required part present with its heading and line, or missing', () => {
  const data = dashboardData(MISSING_NEXT, { figures: corpusFigures(generalCorpus(true)) });
  assert.equal(data.reportType.id, 'general');
  assert.equal(data.reportType.source, 'title');
  assert.deepEqual(
    data.checklist.map((c) => [c.kind, c.present, c.heading, c.line]),
    [
      ['duty', true, '一、履职情况', 1],
      ['problems', true, '二、存在的问题', 3],
      ['next', false, undefined, undefined],
    ],
  );
  // The page shows the ✗ for the missing part.
  const body = renderDashboardBody(data, 'zh-cn');
  assert.match(body, /<li class="missing" data-kind="next"><span class="mark"[^>]*>✗<\/span><span class="kind">下一步打算<\/span>/);
  assert.match(body, /<li class="present" data-kind="duty" data-line="1"[^>]*><span class="mark"[^>]*>✓/);
});

test('checklist: the type from front matter, with its own required parts', () => {
  const text = '---\ntype: 抓基层党建\n---\n' + MISSING_NEXT;
  const data = dashboardData(text);
  assert.equal(data.reportType.id, 'party-building');
  assert.equal(data.reportType.source, 'frontmatter');
  assert.deepEqual(
    data.checklist.map((c) => [c.kind, c.present]),
    [
      ['duty', true],
      ['problems', true],
      ['causes', false],
      ['next', false],
    ],
  );
  // The setting names the type when the draft does not.
  const set = dashboardData(MISSING_NEXT, { settings: normalizeSettings({ reportType: '述学述职述廉述法' }) });
  assert.equal(set.reportType.id, 'four-parts');
  assert.equal(set.reportType.source, 'settings');
  // A type the caller decided (the CLI's --report-type, as lint used it) wins, with its source.
  const chosen = dashboardData(MISSING_NEXT, { reportType: { type: getReportType('duty-integrity')!, source: 'settings' } });
  assert.deepEqual(chosen.checklist.map((c) => c.kind), ['duty', 'integrity', 'problems', 'next']);
});

test('bars: each top-level section with its count and share, against the corpus quartiles of its kind', () => {
  const corpus = generalCorpus(false);
  const figures = corpusFigures(corpus);
  const data = dashboardData(MISSING_NEXT, { figures });
  const tree = parseDraft(MISSING_NEXT);
  assert.equal(data.total, countText(MISSING_NEXT));
  assert.deepEqual(
    data.sections.map((s) => [s.heading, s.line, s.count]),
    tree.sections.map((n) => [n.name, MISSING_NEXT.slice(0, n.headingStart).split('\n').length - 1, countRange(MISSING_NEXT, n.start, n.end)]),
  );
  for (const s of data.sections) assert.ok(Math.abs(s.share - s.count / data.total) < 1e-9);
  // The range is the quartiles of the duty shares of the five corpus reports, read one by one.
  const shares = corpus.map((r) => kindParts(r.tree).get('duty')!.share).sort((a, b) => a - b);
  const duty = data.sections[0].usual!;
  assert.equal(duty.kind, 'duty');
  assert.equal(duty.scope, 'type');
  assert.equal(duty.reports, 5);
  assert.ok(Math.abs(duty.p25 - quantile(shares, 0.25)) < 1e-9);
  assert.ok(Math.abs(duty.median - quantile(shares, 0.5)) < 1e-9);
  assert.ok(Math.abs(duty.p75 - quantile(shares, 0.75)) < 1e-9);
  assert.ok(duty.p25 < duty.median && duty.median < duty.p75, 'a range, not one number');
  assert.equal(data.corpus.reports, 5);
  assert.equal(data.corpus.sameType, 5);

  // The bar is drawn against the range: the band spans p25–p75.
  const body = renderDashboardBody(data, 'en');
  assert.match(body, /<rect class="usual" x="[\d.]+" y="0" width="[\d.]+"/);
  assert.match(body, new RegExp(`corpus usually ${Math.round(duty.p25 * 100)}%–${Math.round(duty.p75 * 100)}% \\(5 reports of this type\\)`));
});

test('bars: a type with too few corpus reports is compared with the whole corpus; no corpus, no range', () => {
  const text = '---\ntype: 述职述廉\n---\n' + MISSING_NEXT;
  const data = dashboardData(text, { figures: corpusFigures(generalCorpus(false)) });
  assert.equal(data.reportType.id, 'duty-integrity');
  assert.equal(data.corpus.sameType, 0);
  assert.equal(data.sections[0].usual?.scope, 'all');
  const bare = dashboardData(MISSING_NEXT);
  assert.equal(bare.sections[0].usual, undefined);
  assert.equal(bare.corpus.reports, 0);
});

test('total against the length limit from the title', () => {
  const text = reportText('某局干部年度述职报告（500字以内）', [
    ['一、履职情况', 700],
    ['二、存在的问题', 150],
  ]);
  const data = dashboardData(text);
  assert.deepEqual(data.limit && [data.limit.limit, data.limit.source], [500, 'title']);
  assert.ok(data.total > 500);
  assert.match(renderDashboardBody(data, 'zh-cn'), /<div class="total over">/);
  assert.equal(dashboardData(MISSING_NEXT).limit, undefined);
});

test('findings by category: every rule has a category, counts per category, lines zero-based', () => {
  for (const id of RULE_IDS) assert.notEqual(categoryOf(id), 'other', `rule ${id} has no category`);
  assert.equal(categoryOf('copied-passage'), 'copying');
  assert.equal(categoryOf('no-such-rule'), 'other');
  assert.equal(categoryOf('toString'), 'other');
  for (const r of RULES) assert.equal(categoryOf(r.id), r.category, `rule ${r.id} is counted under its own category`);
  assert.ok(RULES.every((r) => FINDING_CATEGORIES.includes(r.category)));

  const text = [
    '某局干部年度述职报告',
    '一、履职情况',
    '　　全年完成XX个项目,服务群众。',
    '三、存在的问题',
    '　　工作方法不够灵活。',
  ].join('\n');
  const data = dashboardData(text);
  const count = (id: string) => data.categories.find((c) => c.id === id)!.count;
  assert.deepEqual(
    data.categories.map((c) => c.id),
    FINDING_CATEGORIES,
    'every category always, in order',
  );
  assert.ok(count('placeholders') >= 1);
  assert.ok(count('punctuation') >= 1);
  assert.ok(count('numbering') >= 1);
  assert.ok(count('structure') >= 1, 'the missing plans');
  const placeholder = data.categories.find((c) => c.id === 'placeholders')!.findings[0];
  assert.equal(placeholder.rule, 'placeholder');
  assert.equal(placeholder.line, 2);
  const gap = data.categories.find((c) => c.id === 'numbering')!.findings[0];
  assert.equal(gap.line, 3);

  // Findings given by the caller (the review's) are counted as given; unknown rules under “other”.
  const given: Finding[] = [
    { rule: 'copied-passage', start: 0, end: 3, severity: 'info', message: '与语料重复' },
    { rule: 'made-up', start: text.indexOf('全年'), end: text.indexOf('全年') + 2, severity: 'hint', message: '?' },
  ];
  const withGiven = dashboardData(text, { findings: given });
  assert.deepEqual(
    withGiven.categories.filter((c) => c.count).map((c) => [c.id, c.count, c.findings[0].line]),
    [
      ['copying', 1, 0],
      ['other', 1, 2],
    ],
  );
  // A click on a finding asks for its line.
  assert.match(renderDashboardBody(withGiven, 'zh-cn'), /<li class="finding hint" data-line="2" tabindex="0" role="link"><span class="loc">第 3 行<\/span>/);
});

test('findings: a category lists at most MAX_LISTED, its count covers all', () => {
  const text = '某局干部年度述职报告\n一、履职情况\n' + Array.from({ length: MAX_LISTED + 20 }, () => '　　完成XX项。').join('\n') + '\n';
  const c = dashboardData(text).categories.find((x) => x.id === 'placeholders')!;
  assert.equal(c.count, MAX_LISTED + 20);
  assert.equal(c.findings.length, MAX_LISTED);
  assert.match(renderDashboardBody(dashboardData(text), 'zh-cn'), /另有 20 条未列出/);
});

test('figures per section: flagged where the corpus\'s sections of that kind usually carry figures and this one has none', () => {
  const withFigures = corpusFigures(generalCorpus(true));
  assert.equal(withFigures.byType.general.kinds.duty?.withDigits, 5);
  assert.equal(withFigures.byType.general.kinds.problems?.withDigits, 0);
  const data = dashboardData(MISSING_NEXT, { figures: withFigures });
  assert.deepEqual(
    data.sections.map((s) => [s.heading, s.hasFigures, s.figuresUsual, s.figuresMissing]),
    [
      ['一、履职情况', false, 1, true],
      ['二、存在的问题', false, 0, false],
    ],
  );
  assert.match(renderDashboardBody(data, 'zh-cn'), /<ul class="figures">\n<li data-line="1"[^>]*><span class="heading">一、履职情况<\/span><span class="why">语料中同类部分 100% 带有数字，本节没有/);

  // A draft whose duty part has figures is not flagged; nor is any draft against a corpus without them.
  const figured = reportText('某局干部年度述职报告', [['一、履职情况', 700, true], ['二、存在的问题', 150]]);
  assert.equal(dashboardData(figured, { figures: withFigures }).sections[0].figuresMissing, false);
  assert.equal(dashboardData(MISSING_NEXT, { figures: corpusFigures(generalCorpus(false)) }).sections[0].figuresMissing, false);
});

test('figures: numbering at the start of a line is not a figure', () => {
  const tree = parseDraft('某局干部年度述职报告\n一、履职情况\n1. 加强学习。\n（2）改进作风。\n二、存在的问题\n　　完成率达95%。\n');
  assert.equal(sectionHasFigures(tree.text, tree.sections[0]), false);
  assert.equal(sectionHasFigures(tree.text, tree.sections[1]), true);
});

test('copied share: rendered when present, said to be absent otherwise', () => {
  const copied = { share: 0.237, sources: [{ title: '去年的述职报告', share: 0.2 }, { title: '同事的报告', share: 0.037 }] };
  const data = dashboardData(MISSING_NEXT, { copied });
  assert.deepEqual(data.copied, copied);
  const body = renderDashboardBody(data, 'zh-cn');
  assert.match(body, /与语料重复 24%/);
  assert.match(body, /<th scope="row">去年的述职报告<\/th><td class="share">20%<\/td>/);
  assert.match(renderDashboardBody(dashboardData(MISSING_NEXT), 'zh-cn'), /未做重复检查/);
});

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>[点我](command:workbench.action.quit) "\' &amp;';

test('escaping: hostile draft and corpus text shows as text, in the page and in both page kinds', () => {
  const text = `${HOSTILE}述职报告\n一、履职情况${HOSTILE}\n${prose(400)}\n`;
  const data = dashboardData(text, {
    copied: { share: 0.5, sources: [{ title: HOSTILE, share: 0.5 }] },
    findings: [{ rule: HOSTILE, start: 0, end: 5, severity: 'error', message: HOSTILE }],
  });
  for (const standalone of [true, false]) {
    const html = renderDashboard(data, { locale: 'zh-cn', standalone, nonce: 'abc123', cspSource: 'https://self.vscode-cdn.net' });
    assert.ok(!html.includes('<img'), 'no element from the text');
    assert.ok(!/<a\b|href=/.test(html), 'no link at all');
    assert.equal((html.match(/<script/g) ?? []).length, standalone ? 0 : 1, 'only the page\'s own script');
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;[点我](command:workbench.action.quit) &quot;&#39; &amp;amp;'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, standalone ? /script-src 'none'/ : /script-src 'nonce-abc123'/);
    assert.ok(!/https?:|unsafe-eval/.test(csp.replace(standalone ? '' : 'https://self.vscode-cdn.net', '')), csp);
  }
  // A nonce that could break out of the attribute is not used.
  const bad = renderDashboard(data, { locale: 'en', standalone: false, nonce: '"><script>x</script>', cspSource: "'unsafe-inline' https://evil.example" });
  assert.equal((bad.match(/<script/g) ?? []).length, 0);
  assert.ok(!/unsafe-inline|evil/.test(bad), 'a CSP source that is not one plain source is dropped');
});

test('display language: the page speaks Chinese or English', () => {
  const data = dashboardData(MISSING_NEXT);
  assert.equal(dashboardLocale('zh-cn'), 'zh-cn');
  assert.equal(dashboardLocale('zh-TW'), 'zh-cn');
  assert.equal(dashboardLocale('en'), 'en');
  assert.equal(dashboardLocale(undefined), 'en');
  const zh = renderDashboard(data, { locale: 'zh-cn', standalone: true });
  const en = renderDashboard(data, { locale: 'en', standalone: true });
  assert.match(zh, /<html lang="zh-CN">[\s\S]*<h2>必备部分<\/h2>/);
  assert.match(en, /<html lang="en">[\s\S]*Checked as “duty report” \(from the title\)[\s\S]*<h2>Required parts<\/h2>/);
  assert.ok(!/必备部分|结构与篇幅/.test(en));
});

test('webview messages: only a reveal of an integer line inside the document', () => {
  assert.equal(revealLineOf({ type: 'reveal', line: 3 }, 10), 3);
  assert.equal(revealLineOf({ type: 'reveal', line: 0 }, 1), 0);
  for (const bad of [
    { type: 'reveal', line: 10 },
    { type: 'reveal', line: -1 },
    { type: 'reveal', line: 1.5 },
    { type: 'reveal', line: '3' },
    { type: 'reveal', line: Number.NaN },
    { type: 'reveal', line: 3, command: 'workbench.action.quit' },
    { type: 'command', line: 3 },
    { type: 'reveal' },
    [3],
    null,
    'reveal',
    3,
  ]) {
    assert.equal(revealLineOf(bad, 10), undefined, JSON.stringify(bad));
  }
});

test('CLI page: a hostile corpus file shows as text; an existing file is replaced only when it is our page', (t) => {
  const dir = tempDir(t, 'shuzhi-dash-');
  const draft = path.join(dir, '草稿.md');
  // A 抓基层党建 draft without causes and plans: the missing-part findings suggest the corpus's headings.
  fs.writeFileSync(draft, '---\ntype: 抓基层党建\n---\n' + MISSING_NEXT);
  // The corpus heads those parts with markup and a command link (headings are learnt up to 16 characters).
  const reports = corpusOf(
    [0, 1, 2].map((i) =>
      reportText(`<script>x</script>第${i}单位干部年度述职报告`, [
        ['一、履职情况', 500],
        ['二、存在的问题', 200],
        ['三、原因分析<script>', 100],
        ['四、[下一步](command:q)', 200],
      ]),
    ),
  );
  const { path: written, data } = writeDashboardHtml(draft, 'out/体检.html', { settings: DEFAULT_SETTINGS, reports, cwd: dir });
  assert.equal(written, path.join(dir, 'out/体检.html'));
  const html = fs.readFileSync(written, 'utf8');
  assert.deepEqual(data.checklist.filter((c) => !c.present).map((c) => c.kind), ['causes', 'next']);
  assert.ok(html.includes('可参考常见标题“原因分析&lt;script&gt;”'), 'the corpus heading is in the finding, as text');
  assert.ok(html.includes('可参考常见标题“[下一步](command:q)”'), 'the command link is words');
  assert.ok(!/<script|<a\b|href=/.test(html));
  assert.match(html, /<body class="standalone">/);

  // Written again: our own page is replaced; another file is not, unless forced.
  writeDashboardHtml(draft, 'out/体检.html', { settings: DEFAULT_SETTINGS, reports, cwd: dir });
  const other = path.join(dir, 'notes.html');
  fs.writeFileSync(other, '<p>mine</p>');
  assert.throws(() => writeDashboardHtml(draft, other, { settings: DEFAULT_SETTINGS, reports, cwd: dir }), /已存在，未覆盖/);
  assert.equal(fs.readFileSync(other, 'utf8'), '<p>mine</p>');
  writeDashboardHtml(draft, other, { settings: DEFAULT_SETTINGS, reports, cwd: dir, force: true });
  assert.match(fs.readFileSync(other, 'utf8'), /^<!DOCTYPE html>/);
  assert.throws(() => writeDashboardHtml(draft, draft, { settings: DEFAULT_SETTINGS, reports, cwd: dir, force: true }), /不能是草稿本身/);
  assert.throws(() => writeDashboardHtml('无此文件.md', 'x.html', { settings: DEFAULT_SETTINGS, reports, cwd: dir }), /文件不存在/);
});
