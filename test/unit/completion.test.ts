import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { hasBit, MAX_DEPTH } from '../../server/src/engine/search/suffixArray';
import { buildPhraseIndex, noiseSpans, occurrencesOf } from '../../server/src/engine/completion/corpusView';
import { prng } from '../helpers/prng';
import { completePhrases, typedPartStart, type PhraseCompletion } from '../../server/src/engine/completion/complete';
import { dedupeKey, estimateWords } from '../../server/src/engine/completion/ranking';
import { learnHeadingStats } from '../../server/src/engine/completion/headingStats';
import { lineStartSnippets, skeletonFor } from '../../server/src/engine/completion/snippets';
import { parseDraft } from '../../server/src/engine/lint/parseDraft';
import { escapeMarkdown, escapeSnippet } from '../../server/src/engine/text/escape';
import type { CorpusReport } from '../../server/src/engine/types';

/** A small corpus: one report (one file) per entry. */
function corpus(bodies: string[][]): CorpusReport[] {
  const reports = bodies.flatMap((body, i) => reportsFromText([`某单位干部${2020 + i}年述职报告`, ...body].join('\n'), `mem${i}.txt`, i));
  assert.equal(reports.length, bodies.length, 'one report per fixture file');
  return reports;
}

const FILLER = '一年来，我在局党组的坚强领导下，认真履行岗位职责，圆满完成了各项工作任务。';
const OPTS = { maxItems: 20, minPrefix: 1 };

/** Full line texts the items produce when accepted after `before`. */
function results(before: string, r: PhraseCompletion): string[] {
  return r.items.map((it) => before.slice(0, r.replaceStart) + it.insertText);
}

test('context lookups: line starts, punctuation and patterns longer than the sorted depth match a naive scan', () => {
  const next = prng(7);
  let longChecked = 0;
  for (let trial = 0; trial < 60; trial++) {
    let s = '';
    const n = 200 + Math.floor(next() * 400);
    for (let i = 0; i < n; i++) s += '党建学习，\n'[Math.floor(next() * 6)];
    // A long run without line breaks, repeated: patterns longer than the sorted depth occur several times.
    let run = '';
    for (let i = 0; i < MAX_DEPTH + 10; i++) run += '党建学习，'[Math.floor(next() * 5)];
    s = run + '\n' + s + '\n' + run + s.slice(0, 50) + run;
    const index = buildPhraseIndex([{ id: 0, title: 't', source: 'mem', text: s, typeId: 'general', tree: { text: s, sections: [], anomalies: [] } }]);
    const lines = s.split('\n');
    for (const p of ['党建', '学习，党', '建学']) {
      const naive = s.split(p).length - 1;
      assert.equal(occurrencesOf(index, p, 0).count, naive, p);
      // A leading line break matches the phrase at the start of a line only.
      assert.equal(occurrencesOf(index, '\n' + p, 0).count, lines.filter((l) => l.startsWith(p)).length, '\\n' + p);
    }
    // Longer than the depth the array is sorted to: checked occurrence by occurrence.
    const long = s.slice(0, MAX_DEPTH + 6);
    assert.ok(!long.includes('\n'));
    let naive = 0;
    for (let at = s.indexOf(long); at >= 0; at = s.indexOf(long, at + 1)) naive++;
    assert.ok(naive >= 3);
    assert.equal(occurrencesOf(index, long, 0).count, naive, long);
    // One character off at the end: occurs only where the text really has it.
    const other = long.slice(0, -1) + (long.endsWith('党') ? '建' : '党');
    assert.equal(occurrencesOf(index, other, 0).count, s.split(other).length - 1, other);
    longChecked++;
  }
  assert.equal(longChecked, 60, 'the long-pattern branch runs in every trial');
});

test('finishes a phrase the user has started, closing the quote the user opened', () => {
  const reports = corpus([
    [FILLER, '我们进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”，扎实推进工作。'],
    [FILLER, '全体党员牢固树立“四个意识”，自觉做到“两个维护”。'],
    [FILLER, '始终增强“四个意识”、坚定“四个自信”，提升能力。'],
  ]);
  const index = buildPhraseIndex(reports);
  const before = '　　支部坚持增强“四个';
  const r = completePhrases(index, before, OPTS);
  assert.equal(before.slice(r.replaceStart), '四个', 'the range covers exactly the typed part of the phrase');
  assert.ok(r.items.length > 0);
  assert.ok(r.items.every((it) => it.insertText.startsWith('四个')), 'every item starts with the typed text');
  assert.ok(results(before, r).some((t) => t.endsWith('“四个意识”')), JSON.stringify(r.items.map((i) => i.insertText)));
});

test('predicts the next phrase after a word, quotes included as in the corpus', () => {
  const reports = corpus([
    [FILLER, '进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”，推动工作。'],
    [FILLER, '牢固树立“四个意识”、坚定“四个自信”，推进发展。'],
    [FILLER, '我们始终坚定“四个自信”，砥砺前行。'],
  ]);
  const r = completePhrases(buildPhraseIndex(reports), '全面增强本领，坚定', OPTS);
  const texts = results('全面增强本领，坚定', r);
  assert.ok(texts.some((t) => t.endsWith('坚定“四个自信”')), JSON.stringify(texts));
  assert.ok(r.items[0].reports >= 2, 'the top item is one several reports use');
});

test('phrases end at natural boundaries: never past clause punctuation, never with a quote left open', () => {
  const reports = corpus([
    [FILLER, '认真落实“三会一课”制度，严格组织生活。'],
    [FILLER, '认真落实“三会一课”制度，规范支部建设。'],
    [FILLER, '认真落实“三会一课”，加强党员管理。'],
  ]);
  const index = buildPhraseIndex(reports);
  for (const before of ['我们认真落实', '我们认真落实“三会', '认真']) {
    const r = completePhrases(index, before, OPTS);
    assert.ok(r.items.length > 0, before);
    for (const it of r.items) {
      const added = it.insertText.slice(before.length - r.replaceStart);
      assert.doesNotMatch(added, /[，。；：！？]/, `${before} → ${it.insertText}`);
      const full = before + added;
      const opens = (full.match(/“/g) ?? []).length;
      const closes = (full.match(/”/g) ?? []).length;
      assert.ok(closes <= opens && opens - closes <= (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length,
        `quotes balanced as typed: ${full}`);
    }
  }
  // Without an opening quote typed, the closer from the corpus is not inserted.
  const r = completePhrases(index, '认真落实三会', OPTS);
  assert.ok(r.items.some((it) => it.insertText.includes('三会一课')), JSON.stringify(r.items.map((it) => it.insertText)));
  for (const it of r.items) assert.doesNotMatch(it.insertText, /”/);
});

test('text noise never feeds phrase statistics', () => {
  const reports = corpus([
    [FILLER, '加强政治i理论学习，提高能力。组织学习XX次，开展活动x次。'],
    [FILLER, '加强政治i理论学习，提升素养。组织学习XX次，完成任务。'],
    [FILLER, '加强政治理论学习，增强本领。组织学习培训，完成任务。'],
  ]);
  const index = buildPhraseIndex(reports);
  const noiseAt = (needle: string, offset: number) => hasBit(index.noise, index.text.indexOf(needle) + offset);
  assert.ok(noiseAt('政治i', 2) && !noiseAt('政治i', 1), 'the glued letter is noise, the word before it is not');
  assert.ok(noiseAt('XX次', 0) && noiseAt('XX次', 1) && noiseAt('x次', 0), 'placeholders are noise');
  assert.equal(occurrencesOf(index, '治i理', 0).count, 0, 'no lookup spans noise');
  for (const before of ['我们加强政治', '我们组织学习', '加强']) {
    for (const it of completePhrases(index, before, OPTS).items) assert.doesNotMatch(it.insertText, /[A-Za-z\uE000]/, it.insertText);
  }
  const r = completePhrases(index, '我们加强政治', OPTS);
  assert.ok(results('我们加强政治', r).some((t) => t.endsWith('政治理论学习')));
  const spans = noiseSpans('学习政治i理论和XX次');
  assert.ok(spans.length >= 2 && spans.every(([a, b]) => a < b));
});

test('near-duplicates are dropped', () => {
  const reports = corpus([
    [FILLER, '自觉做到“两个维护”，推进工作。'],
    [FILLER, '自觉做到两个维护，推进工作。'],
    [FILLER, '自觉做到“两个维护”，扎实工作。'],
  ]);
  const r = completePhrases(buildPhraseIndex(reports), '我们自觉做到', OPTS);
  const keys = r.items.map((it) => dedupeKey(it.insertText));
  assert.equal(new Set(keys).size, keys.length, JSON.stringify(r.items.map((i) => i.insertText)));
  assert.ok(keys.includes(dedupeKey('做到两个维护')));
});

test('ranks by evidence: the phrase more reports use comes first, and counts are reported', () => {
  const reports = corpus([
    [FILLER, '始终坚持以人民为中心的发展思想，推动工作。'],
    [FILLER, '始终坚持以人民为中心的发展思想，服务群众。'],
    [FILLER, '始终坚持以人民为中心的发展思想，真抓实干。'],
    [FILLER, '始终坚持以质量为核心的发展思路，提质增效。'],
  ]);
  const r = completePhrases(buildPhraseIndex(reports), '我们坚持以', { ...OPTS, examples: true });
  const first = r.items[0];
  assert.match(first.insertText, /人民为中心/);
  const people = r.items.find((it) => /人民为中心的发展思想$/.test(it.insertText));
  const quality = r.items.find((it) => /质量为核心的发展思路$/.test(it.insertText));
  assert.ok(people && quality, JSON.stringify(r.items.map((i) => i.insertText)));
  assert.ok(r.items.indexOf(people!) < r.items.indexOf(quality!));
  assert.equal(people!.reports, 3);
  assert.equal(quality!.reports, 1);
  assert.ok(people!.chance > quality!.chance, `chances ${people!.chance} vs ${quality!.chance}`);
  assert.ok(people!.chance > 0 && people!.chance < 1);
  assert.ok(first.example, 'items carry an example sentence');
  assert.ok(first.example!.sentence.slice(first.example!.start, first.example!.end).startsWith(first.insertText.slice(0, 2)));
  assert.match(first.example!.title, /述职报告/);
});

test('phrases of the draft itself count as evidence', () => {
  const reports = corpus([[FILLER, '扎实推进各项工作。'], [FILLER, '认真完成各项任务。']]);
  const index = buildPhraseIndex(reports);
  const draft = '一、履职情况\n我们实施“红色引擎工程”，成效明显。';
  const r = completePhrases(index, '继续深化“红色', { ...OPTS, draft });
  assert.ok(results('继续深化“红色', r).some((t) => t.endsWith('“红色引擎工程”')), JSON.stringify(r.items.map((i) => i.insertText)));
});

test('no phrases at a bare line start or below minPrefix, and maxItems is respected', () => {
  const reports = corpus([[FILLER, '扎实推进各项工作。'], [FILLER, '扎实推进重点工作。']]);
  const index = buildPhraseIndex(reports);
  assert.equal(completePhrases(index, '　　', OPTS).items.length, 0);
  assert.equal(completePhrases(index, '扎实', { ...OPTS, minPrefix: 3 }).items.length, 0);
  assert.ok(completePhrases(index, '我们扎实', { ...OPTS, maxItems: 5 }).items.length >= 2, 'more than one phrase to choose from');
  assert.equal(completePhrases(index, '我们扎实', { ...OPTS, maxItems: 1 }).items.length, 1);
});

test('the typed part is the last word, with characters the segmenter split off', () => {
  assert.equal('进一步增强'.slice(typedPartStart('进一步增强')), '增强');
  assert.equal('增强“四个'.slice(typedPartStart('增强“四个')), '四个');
  assert.equal(typedPartStart('坚持，'), 3);
});

test('word estimate counts punctuation and Chinese words', () => {
  assert.equal(estimateWords(''), 0);
  assert.ok(estimateWords('深入学习贯彻党的二十大精神') >= 6);
  assert.equal(estimateWords('“”'), 2);
});

const DRAFT_CORPUS = () =>
  corpus([
    ['一年来，我认真履行职责。', '一、履职情况', '扎实推进工作。', '二、存在的问题', '学习不够深入。', '三、下一步工作打算', '加强学习。', '述职完毕，不妥之处，敬请批评指正。'],
    ['一年来，我勤奋工作。', '一、履职情况', '推进工作。', '二、存在的问题', '创新不够。', '三、下一步工作打算', '改进作风。', '述职完毕，不妥之处，敬请批评指正。'],
  ]);

test('heading snippets are numbered to fit the draft and name the missing parts', () => {
  const stats = learnHeadingStats(DRAFT_CORPUS());
  const text = '2023年度述职报告\n一年来，我认真工作。\n一、履职情况\n内容。\n二、存在的问题\n问题。\n\n';
  const tree = parseDraft(text);
  const s = lineStartSnippets(tree, text.length, '', stats, { maxItems: 20 });
  assert.ok(s);
  const labels = s!.items.map((i) => i.label);
  assert.ok(labels.includes('三、下一步工作打算'), JSON.stringify(labels));
  assert.ok(!labels.some((l) => /^三、(履职|存在)/.test(l)), 'parts already present are not offered again');
  assert.ok(labels.some((l) => l.startsWith('（一）')), 'a first sub-heading inside 二、');
  assert.ok(s!.items.every((i) => !i.label.startsWith('一、')));
  const heading = s!.items.find((i) => i.label === '三、下一步工作打算')!;
  assert.match(heading.snippet, /^三、\$\{1:下一步工作打算\}/);
  assert.match(heading.detail, /语料中 2 篇报告使用/);

  // After （一） inside 一、, the next sub-heading is （二）; a typed 三 is replaced.
  const t2 = '2023年度述职报告\n一、履职情况\n（一）加强学习\n内容。\n';
  const s2 = lineStartSnippets(parseDraft(t2), t2.length, '', stats, { maxItems: 20 })!;
  assert.ok(s2.items.some((i) => i.label.startsWith('（二）')), JSON.stringify(s2.items.map((i) => i.label)));
  assert.ok(s2.items.some((i) => i.label.startsWith('二、')));
  const s3 = lineStartSnippets(parseDraft(t2 + '二'), t2.length + 1, '二', stats, { maxItems: 20 })!;
  assert.equal(s3.replaceStart, 0);
  assert.equal(lineStartSnippets(parseDraft(t2), t2.length - 3, '内容', stats, { maxItems: 20 }), undefined, 'not inside a line');
});

test('Markdown drafts keep their heading markers', () => {
  const stats = learnHeadingStats(DRAFT_CORPUS());
  const text = '# 2023年度述职报告\n\n## 一、履职情况\n\n内容。\n\n';
  const s = lineStartSnippets(parseDraft(text), text.length, '', stats, { maxItems: 30 })!;
  assert.ok(s.items.some((i) => i.label.startsWith('## 二、')), JSON.stringify(s.items.map((i) => i.label)));
});

test('skeletons list the required parts of the report type in order, with placeholders', () => {
  const reports = DRAFT_CORPUS();
  const general = skeletonFor('general', reports);
  assert.match(general, /\$\{1:/);
  const i1 = general.indexOf('一、'), i2 = general.indexOf('二、'), i3 = general.indexOf('三、');
  assert.ok(i1 > 0 && i1 < i2 && i2 < i3, general);
  assert.match(general, /一、\$\{\d+:履职情况\}/, 'headings as the corpus writes them');
  assert.match(general, /述职完毕，不妥之处，敬请批评指正。/);
  const party = skeletonFor('抓基层党建工作述职报告', reports);
  assert.match(party, /四、/, 'party-building reports have four required parts');
  assert.equal(skeletonFor('no such type', reports), general, 'an unknown type falls back to the general report');
  assert.notEqual(party, general);
  // Empty drafts offer skeletons at the line start.
  const s = lineStartSnippets(parseDraft(''), 0, '', learnHeadingStats(reports), { maxItems: 20 })!;
  assert.ok(s.items.some((i) => i.kind === 'skeleton'));
});

test('escaping for Markdown and snippets', () => {
  // Every ASCII punctuation mark is backslash-escaped (CommonMark: an escaped mark is always literal).
  assert.equal(escapeMarkdown('a*b_c<d>&e'), 'a\\*b\\_c\\<d\\>\\&e');
  assert.equal(escapeMarkdown('[链接](x) #1 `代码` !图'), '\\[链接\\]\\(x\\) \\#1 \\`代码\\` \\!图');
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
  assert.equal(escapeSnippet('花费$5}'), '花费\\$5\\}');
});

test('a typed ordinal keeps only the snippets it begins; 一 typed for 一是 gives none', () => {
  const stats = learnHeadingStats(DRAFT_CORPUS());
  const text = '2023年度述职报告\n一、履职情况\n内容。\n二、存在的问题\n问题。\n';
  const tree = parseDraft(text + '一');
  assert.equal(lineStartSnippets(tree, text.length + 1, '一', stats, { maxItems: 20 }), undefined);
  const s = lineStartSnippets(parseDraft(text + '（'), text.length + 1, '（', stats, { maxItems: 20 })!;
  assert.ok(s.items.length > 0 && s.items.every((i) => i.label.startsWith('（')), JSON.stringify(s.items.map((i) => i.label)));
});

test('no phrase ends on a stray mark: never with a trailing 、 or an opening quote', () => {
  const reports = corpus([
    [FILLER, '认真落实“三会一课”、“两学一做”等制度，推进工作。'],
    [FILLER, '认真落实“三会一课”、“主题党日”等制度，规范管理。'],
  ]);
  const r = completePhrases(buildPhraseIndex(reports), '我们认真落实“三', OPTS);
  assert.ok(r.items.length > 0);
  for (const it of r.items) assert.doesNotMatch(it.insertText, /[、“]$/, it.insertText);
});
