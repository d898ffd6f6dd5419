/**
 * Review (审校), the check-up page and corpus search in-process: the diagnostics of a draft,
 * and the answers of `shuzhi/review`, `shuzhi/dashboard` and `shuzhi/search` as the server's
 * handlers give them, over the bundled corpus or a corpus folder of the test's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import type { DashboardResult, ReviewResult, SearchHit } from '../../server/src/protocol/contract';
import { bundledCorpusDir } from '../../server/src/engine/corpus/loader';
import { corpusReports, testService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

const COMMON = '始终不忘初心、牢记使命，扎实推进全面从严治党。';
const OWN = '全年走访困难群众一百二十户，协调解决饮水安全、道路硬化等实际问题十五件，群众满意度明显提升。';

/** Three corpus reports in a temp folder; the first holds OWN on file line 4 (after a blank line). */
function corpusFolder(dir: string): string {
  const bodies = [`\n${COMMON}\n${OWN}`, `${COMMON}\n认真抓好班子建设。`, `${COMMON}\n持续改进工作作风。`];
  bodies.forEach((b, i) => fs.writeFileSync(path.join(dir, `r${i}.txt`), `第${i}单位2023年述职报告\n一、履职情况${b}\n`));
  return dir;
}

const DRAFT = `# 2024年述职报告\n\n一、履职情况\n\n我始终不忘出心，努力工作。\n\n${OWN}\n`;

test('review: a slip and a copied paragraph show as diagnostics; the copy points to its source read-only; the fix clears the slip; shuzhi/review sums up', async (t) => {
  const dir = corpusFolder(tempDir(t, 'shuzhi-review-'));
  const s = testService(await corpusReports([dir], false));
  const draft = s.open(DRAFT, 'file:///review-draft.md');
  const uri = draft.uri;
  const diags = (await s.diagnostics(draft)) as Diagnostic[];
  const slip = diags.find((d) => d.code === 'typo-suspect')!;
  assert.ok(slip, JSON.stringify(diags));
  assert.equal(slip.severity, 2);
  assert.equal(slip.range.start.line, 4);
  assert.match(slip.message as string, /疑似错别字：“[^”]*出[^”]*”，语料中常用“[^”]*初[^”]*”（3 篇报告）/);
  const copy = diags.find((d) => d.code === 'copied-passage')!;
  assert.equal(copy.severity, 3, 'information');
  assert.deepEqual(copy.range, { start: { line: 6, character: 0 }, end: { line: 6, character: OWN.length } });
  const rel = copy.relatedInformation![0];
  assert.ok(rel.location.uri.startsWith('shuzhi-corpus:'), rel.location.uri);
  assert.equal(fileURLToPath(rel.location.uri.replace(/^shuzhi-corpus:/, 'file:')), path.join(dir, 'r0.txt'));
  assert.equal(rel.location.range.start.line, 3);
  assert.match(rel.message, /《第0单位2023年述职报告》.*第 4 行/);

  // The quick fix of the slip.
  const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: slip.range, context: { diagnostics: [slip], only: ['quickfix'] } });
  const fix = actions.find((a) => a.isPreferred)!;
  assert.match(fix.title, /^改为“.*初.*”$/);
  const [edit] = fix.edit!.changes![uri];
  const lines = DRAFT.split('\n');
  const l = lines[edit.range.start.line];
  lines[edit.range.start.line] = l.slice(0, edit.range.start.character) + edit.newText + l.slice(edit.range.end.character);
  const after = await s.diagnostics(s.change(uri, lines.join('\n')));
  assert.ok(!after.some((x) => x.code === 'typo-suspect'), JSON.stringify(after));
  assert.ok(lines[4].includes('不忘初心'));
  assert.ok(after.some((x) => x.code === 'copied-passage'));

  const review = (await s.request<ReviewResult>('shuzhi/review', { uri }))!;
  assert.match(review.copy!.text, /^与语料重复 \d+\.\d%$/);
  assert.ok(review.copy!.share > 0.3 && review.copy!.share < 0.9);
  assert.equal(review.copy!.sources[0].title, '第0单位2023年述职报告');
  assert.equal(review.copy!.sources[0].line, 3);
  assert.ok(review.categories.some((c) => c.name === '与语料重复' && c.count === 1));
  assert.ok(!review.categories.some((c) => c.name === '疑似错别字'));
  const item = review.items.find((i) => i.rule === 'copied-passage')!;
  assert.equal(item.range.start.line, 6);
  assert.equal(item.sources?.[0].line, 3);
  assert.equal(await s.request('shuzhi/review', { uri: 'file:///not/open.md' }), null);
});

const DASHBOARD_DRAFT = ['# 某局干部2024年述职报告', '', '一、履职情况', '', '　　全年完成XX个项目，服务群众。', '', '二、存在的问题', '', '　　工作方法不够灵活。', ''].join('\n');

test('shuzhi/dashboard: the page on opening, the body after an edit, null for an unknown document', async () => {
  const s = testService(await corpusReports());
  const uri = s.open(DASHBOARD_DRAFT).uri;
  const page = (await s.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'zh-cn', page: { nonce: 'bm9uY2U=', cspSource: 'https://x.vscode-cdn.net' } }))!;
  assert.equal(page.version, 1);
  assert.equal(page.body, undefined);
  assert.equal(page.pending, undefined, 'the bundled corpus is measured on the spot');
  const html = page.html!;
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-bm9uY2U=' https:\/\/x\.vscode-cdn\.net; script-src 'nonce-bm9uY2U=';/);
  assert.match(html, /<script nonce="bm9uY2U=">/);
  assert.match(html, /<li class="missing" data-kind="next">/);
  assert.match(html, /<span class="cat">占位符<\/span><span class="n">1<\/span>/);
  // Figures from the bundled corpus: the sections are compared with a range.
  assert.match(html, /语料通常 \d+%–\d+%/);
  // The review's copy check runs for the panel too: this draft copies nothing.
  assert.match(html, /<p class="copied-share">与语料重复 0(\.0)?%<\/p>/);

  // A paragraph taken from a bundled report: the panel names it as copied, with its source.
  const dir = bundledCorpusDir();
  const corpusText = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const copiedLine = corpusText.split('\n').map((l) => l.trim()).find((l) => /^[\u4e00-\u9fff，、“”]{60,}。/.test(l))!;
  s.change(uri, DASHBOARD_DRAFT + '三、下一步打算\n\n　　继续加强学习。\n\n' + copiedLine + '\n');
  const update = (await s.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'en' }))!;
  assert.equal(update.version, 2);
  assert.equal(update.html, undefined);
  assert.match(update.body!, /<li class="present" data-kind="next" data-line="9"/);
  assert.match(update.body!, /<h2>Required parts<\/h2>/);
  const share = /<p class="copied-share">[^<]*?(\d+(?:\.\d)?)%/.exec(update.body!);
  assert.ok(share && Number(share[1]) > 20, `the copied paragraph counts: ${share?.[0]}`);
  assert.match(update.body!, /<table class="sources">/);

  // [params, answer]: a document the server does not have, malformed requests.
  for (const params of [{ uri: 'file:///nowhere.md' }, { uri: 42 }, null]) assert.equal(await s.request('shuzhi/dashboard', params), null, JSON.stringify(params));
  // Still serving.
  assert.equal((await s.request<DashboardResult>('shuzhi/dashboard', { uri }))!.version, 2);
});

test('shuzhi/search returns corpus sentences containing the query first, placed on their source file lines', async () => {
  const s = testService(await corpusReports());
  const hits = await s.request<SearchHit[]>('shuzhi/search', { query: '三会一课', limit: 5 });
  assert.equal(hits.length, 5);
  for (const h of hits) {
    assert.ok(h.text.includes('三会一课'), h.text);
    assert.ok(h.title && h.source && typeof h.score === 'number');
    // `line` is the line of the source file, so “open the source” lands on the sentence.
    assert.equal(typeof h.line, 'number');
    const fileLines = fs.readFileSync(h.source, 'utf8').split(/\r\n|\r|\n/);
    assert.ok(fileLines[h.line!].includes(h.text.slice(0, 10)), `${h.source}:${h.line} → ${fileLines[h.line!]}`);
  }
});

// [params, why nothing is found]
const NO_HITS: Array<[unknown, string]> = [
  [{ query: '量子纠缠' }, 'a query the corpus never uses'],
  [{ query: '' }, 'an empty query'],
  [{ limit: 3 }, 'a request without a query'],
];
for (const [params, why] of NO_HITS) {
  test(`shuzhi/search finds nothing for ${why}`, async () => {
    assert.deepEqual(await testService(await corpusReports()).request('shuzhi/search', params), []);
  });
}

test('shuzhi/search over a user corpus folder only', async (t) => {
  const dir = tempDir(t, 'shuzhi-search-');
  fs.writeFileSync(
    path.join(dir, 'a.txt'),
    ['甲单位2023年述职报告', '一、廉洁自律情况', '　　严格遵守中央八项规定精神，从未收受礼品礼金，自觉接受党员群众监督，筑牢拒腐防变思想防线。', ''].join('\n'),
  );
  const s = testService(await corpusReports([dir], false));
  const hits = await s.request<SearchHit[]>('shuzhi/search', { query: '八项规定', limit: 10 });
  assert.equal(hits.length, 1);
  assert.equal(hits[0].title, '甲单位2023年述职报告');
  assert.equal(hits[0].section, '一、廉洁自律情况');
  assert.equal(hits[0].line, 2);
  assert.equal(hits[0].reportLine, 2);
});

test('shuzhi/dashboard on a corpus too large to measure on the spot: pending, then the ranges', async (t) => {
  // Over 2,000,000 characters: the figures are built in slices between requests.
  const dir = tempDir(t, 'shuzhi-dash-big-');
  const para = '　　认真落实各项工作要求，推动任务落地见效，全年完成项目12个，工作作风持续改进。'.repeat(40);
  for (let f = 0; f < 16; f++) {
    const reports = Array.from({ length: 20 }, (_, i) =>
      [`第${f * 20 + i}单位干部年度述职报告`, '一、履职情况', para, para, para, '二、存在的问题', para, '三、下一步打算', para].join('\n'),
    );
    fs.writeFileSync(path.join(dir, `r${f}.txt`), reports.join('\n\n'));
  }
  const s = testService(await corpusReports([dir], false));
  const uri = s.open(DASHBOARD_DRAFT).uri;
  const first = (await s.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'zh-cn' }))!;
  assert.equal(first.pending, true);
  assert.match(first.body!, /语料中无可比数据/);
  let later = first;
  for (let i = 0; i < 300 && later.pending; i++) {
    await new Promise((r) => setTimeout(r, 100));
    later = (await s.request<DashboardResult>('shuzhi/dashboard', { uri, locale: 'zh-cn' }))!;
  }
  assert.equal(later.pending, undefined, 'the figures were built');
  assert.match(later.body!, /语料通常 \d+%–\d+%/);
});
