import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { A, B, C, corpus } from '../helpers/reportFixtures';
import { buildSearchIndex, searchCorpus } from '../../server/src/engine/search/searchIndex';
import { tokenizeChinese } from '../../server/src/engine/search/tokenize';
import { locateInSource } from '../../server/src/engine/search/sourceLine';
import { run } from '../../server/src/cli/search';
import { UsageError, type CliIO } from '../../server/src/cli/io';
import { tempDir } from '../helpers/tmp';

const index = buildSearchIndex(corpus(A, B, C));

test('passages containing the query come first', () => {
  const hits = searchCorpus(index, '三会一课', { limit: 10 });
  const containing = hits.filter((h) => h.text.includes('三会一课'));
  assert.equal(containing.length, 4, 'every sentence with the phrase is found');
  hits.forEach((h, i) => {
    if (!h.text.includes('三会一课')) assert.ok(i >= containing.length, `${h.text} ranks below the verbatim hits`);
  });
  // 会…课 scattered over a sentence shares characters but not the phrase: it ranks after.
  const scattered = hits.findIndex((h) => h.text.includes('会议期间'));
  assert.ok(scattered === -1 || scattered >= containing.length);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score, 'sorted by score');
});

test('a multi-word query ranks passages with all its words first', () => {
  const hits = searchCorpus(index, '廉洁自律 八项规定', { limit: 5 });
  assert.ok(hits.length >= 2);
  assert.ok(hits[0].text.includes('廉洁自律') && hits[0].text.includes('八项规定'), hits[0].text);
  // The passage with only one of the words follows.
  assert.ok(hits.some((h) => h.text.includes('八项规定') && !h.text.includes('廉洁自律')));
});

test('the section heading is a searchable field: a sentence under 廉洁自律 is found without the words', () => {
  const hits = searchCorpus(index, '廉洁自律', { limit: 10 });
  const under = hits.find((h) => h.text.includes('拒腐防变'));
  assert.ok(under, JSON.stringify(hits.map((h) => h.text)));
  assert.equal(under.section, '二、廉洁自律情况');
  assert.ok(hits.indexOf(under) > hits.findIndex((h) => h.text.includes('廉洁自律')), 'verbatim hits first');
  // A word that only a heading has finds the sentences of that section.
  const onlyHeading = searchCorpus(index, '主要做法', { limit: 5 });
  assert.ok(onlyHeading.length > 0 && onlyHeading.every((h) => h.section === '一、主要做法'), JSON.stringify(onlyHeading));
});

test('hits carry title, section, source, report id and the line of the passage in the report', () => {
  const reports = corpus(A, B, C);
  const hits = searchCorpus(buildSearchIndex(reports), '主题党日活动', { limit: 3 });
  const h = hits[0];
  assert.ok(h.text.includes('主题党日活动'));
  assert.equal(h.title, '甲单位党支部书记2023年述职报告');
  assert.equal(h.section, '一、履职情况 › （一）加强组织建设');
  assert.equal(h.source, '/corpus/fixture-0.txt');
  const report = reports.find((r) => r.id === h.reportId);
  assert.ok(report);
  assert.ok(report.text.split('\n')[h.line].includes(h.text), 'line points at the passage');
});

test('no match, an empty query and punctuation give an empty list', () => {
  assert.deepEqual(searchCorpus(index, '量子纠缠'), []);
  assert.deepEqual(searchCorpus(index, ''), []);
  assert.deepEqual(searchCorpus(index, '   '), []);
  assert.deepEqual(searchCorpus(index, '，。！'), []);
  assert.deepEqual(searchCorpus(buildSearchIndex([]), '三会一课'), []);
});

test('limit bounds the results; repeated reports (compilations) give each sentence once', () => {
  assert.equal(searchCorpus(index, '党员', { limit: 2 }).length, 2);
  const twice = buildSearchIndex(corpus(A, A));
  const hits = searchCorpus(twice, '三会一课', { limit: 10 });
  assert.equal(hits.filter((h) => h.text.includes('三会一课')).length, 3);
});

test('the tokenizer keeps words and adds Han bigrams where the segmenter splits a phrase into characters', () => {
  const t = tokenizeChinese('落实“三会一课”制度 in 2023 Year');
  for (const x of ['落实', '制度', '2023', 'year']) assert.ok(t.includes(x), x);
  // The segmenter splits 三会一课 (into 三/会/一课): the single characters become a bigram.
  assert.ok(t.includes('三会'), JSON.stringify(t));
  assert.ok(!t.includes('三') && !t.includes('会'), 'no single-character terms inside a run');
  assert.deepEqual(tokenizeChinese('廉'), ['廉']);
  assert.deepEqual(tokenizeChinese('，。'), []);
});

test('a single character searches the words it begins', () => {
  const hits = searchCorpus(index, '廉', { limit: 5 });
  assert.ok(hits.length > 0 && hits.every((h) => h.text.includes('廉') || h.section.includes('廉')));
});

const HOSTILE = `丁单位[链接](command:evil.run)述职报告
一、履职情况<b>粗体</b>
　　严格落实三会一课制度[x](command:foo)，参加<img src=x onerror=alert(1)>活动**bold**，详见![i](http://x)。
　　坚持三会一课制度\u001b[31m红字\u001b[0m与\u0007响铃，认真组织学习讨论，形成长效机制。
`;

function memoryIO(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

test('CLI search: text and JSON output over a corpus folder; hostile text is plain data, control characters are not printed', async (t) => {
  const dir = tempDir(t, 'shuzhi-search-');
  fs.writeFileSync(path.join(dir, 'hostile.txt'), HOSTILE);
  fs.writeFileSync(path.join(dir, 'b.txt'), B);
  const json = memoryIO(dir);
  assert.equal(await run(['三会一课', '--no-default-corpus', '--corpus', dir, '--format', 'json', '--limit', '5'], json.io), 0);
  const hits = JSON.parse(json.out()) as Array<Record<string, unknown>>;
  assert.ok(hits.length >= 3);
  for (const key of ['text', 'title', 'section', 'source', 'score', 'line']) assert.ok(key in hits[0], key);
  assert.ok(hits.some((h) => String(h.text).includes('<img src=x onerror=alert(1)>')), 'JSON keeps the text verbatim');
  for (const h of hits) {
    // fileLine: where the sentence is in the file as it is on disk, counted from 1 like the text output.
    const fileLines = fs.readFileSync(String(h.source), 'utf8').split('\n');
    assert.equal(typeof h.fileLine, 'number');
    assert.ok(fileLines[(h.fileLine as number) - 1].includes(String(h.text)), `${h.source}:${h.fileLine}`);
    assert.ok((h.line as number) >= 1, 'line counts from 1 too');
  }

  const text = memoryIO(dir);
  assert.equal(await run(['三会一课', '--no-default-corpus', '--corpus', dir], text.io), 0);
  const printed = text.out();
  assert.match(printed, /找到 \d+ 条/);
  assert.ok(printed.includes('乙单位支部书记2023年抓基层党建工作述职报告'));
  assert.ok(printed.includes('一、主要做法'));
  assert.match(printed, /b\.txt:\d+/, 'source printed as path:line');
  const fromB = hits.filter((x) => path.basename(String(x.source)) === 'b.txt');
  assert.ok(fromB.length > 0);
  for (const h of fromB) {
    assert.ok(printed.includes(`b.txt:${h.fileLine}  `), `text and JSON give the same line: b.txt:${h.fileLine}`);
  }
  assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(printed), 'no control characters reach the terminal');

  const none = memoryIO(dir);
  assert.equal(await run(['量子纠缠', '--no-default-corpus', '--corpus', dir], none.io), 0);
  assert.match(none.out(), /没有找到/);
  const noneJson = memoryIO(dir);
  assert.equal(await run(['量子纠缠', '--no-default-corpus', '--corpus', dir, '--format', 'json'], noneJson.io), 0);
  assert.deepEqual(JSON.parse(noneJson.out()), []);

  await assert.rejects(run(['--no-default-corpus', '--corpus', dir], memoryIO(dir).io), UsageError);
  await assert.rejects(run(['三会一课', '--limit', 'abc', '--no-default-corpus', '--corpus', dir], memoryIO(dir).io), UsageError);
});

test('locateInSource finds the passage in the raw file, after the closest copy of the title', () => {
  const raw = [
    '某某述职报告汇编（2篇）',
    '目录',
    '1.甲单位述职报告……1',
    '2.乙单位述职报告……2',
    '甲单位述职报告',
    '一、履职情况',
    '##paidbegin##严格落实制度。',
    '　　坚持学习。  ',
    '乙单位述职报告',
    '　　坚持学习。',
  ].join('\r\n');
  // Passages as cleaning left them; the same sentence in two reports lands in the right one.
  assert.equal(locateInSource(raw, '甲单位述职报告', '坚持学习。'), 7);
  assert.equal(locateInSource(raw, '乙单位述职报告', '坚持学习。'), 9);
  assert.equal(locateInSource(raw, '甲单位述职报告', '严格落实制度。'), 6);
  assert.equal(locateInSource(raw, '甲单位述职报告', '从未出现的句子。'), undefined);
});
