import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusReport } from '../../server/src/engine/types';
import { A, B, C, corpus } from '../helpers/reportFixtures';
import { buildPhraseIndex, sectionLabelOf } from '../../server/src/engine/search/phraseIndex';
import { sectionLabelAt } from '../../server/src/engine/search/sections';
import { findPhraseAt, phraseHoverMarkdown } from '../../server/src/engine/search/hoverPhrase';
import { escapeMarkdown } from '../../server/src/engine/text/escape';

// markdown-it (present through markdownlint) renders the hover as an editor would; it ships no types.
const MarkdownIt = require('markdown-it') as new (o: { html: boolean; linkify: boolean }) => {
  render(s: string): string;
  renderInline(s: string): string;
};

/** Sentences (split at 。！？； and line breaks) of all reports that contain `phrase`, counted naively. */
function naiveSentences(reports: CorpusReport[], phrase: string): { sentences: number; reports: number } {
  let sentences = 0;
  let withPhrase = 0;
  for (const r of reports) {
    const n = r.text.split(/[。！？；\n]/).filter((s) => s.includes(phrase)).length;
    sentences += n;
    if (n) withPhrase++;
  }
  return { sentences, reports: withPhrase };
}

test('hover on 三会一课 shows the phrase, its counts and examples with titles and sections', () => {
  const reports = corpus(A, B, C);
  const index = buildPhraseIndex(reports);
  const draft = '我们支部坚持“三会一课”，效果明显。';
  const at = draft.indexOf('会');
  const found = findPhraseAt(index, draft, at);
  assert.ok(found);
  assert.equal(draft.slice(found.start, found.end), '三会一课');
  assert.equal(found.start, draft.indexOf('三会一课'));
  const naive = naiveSentences(reports, '三会一课');
  assert.equal(found.stats.sentences, naive.sentences);
  assert.equal(found.stats.reports, naive.reports);
  assert.equal(naive.reports, 2, 'fixture has the phrase in two reports');

  const md = phraseHoverMarkdown(index, found.stats, 3);
  assert.match(md, new RegExp(`见于 ${naive.reports} 篇报告的 ${naive.sentences} 个句子`));
  const examples = md.split('\n').filter((l) => /^\d+\. /.test(l));
  assert.equal(examples.length, 3);
  for (const e of examples) assert.ok(e.includes('**三会一课**'), e);
  // Examples from both reports come before a second one from the same report.
  assert.ok(md.indexOf('甲单位党支部书记2023年述职报告') > 0);
  assert.ok(md.indexOf('乙单位支部书记2023年抓基层党建工作述职报告') > 0);
  // Each example names its section heading.
  assert.ok(/一、主要做法/.test(md), md);
  assert.ok(/（一）加强组织建设|二、存在的问题|三、下一步打算/.test(md), md);
});

test('the longest phrase the corpus knows wins over a shorter one inside it', () => {
  const index = buildPhraseIndex(corpus(A, B, C));
  const draft = '今后要继续落实三会一课制度。';
  const found = findPhraseAt(index, draft, draft.indexOf('课'));
  assert.ok(found);
  const phrase = draft.slice(found.start, found.end);
  assert.ok(phrase.includes('三会一课') && phrase.length >= 8, phrase);
  assert.ok(A.includes(phrase));
  assert.equal(found.stats.sentences, 1);
});

test('hover answers nothing on unknown words, punctuation and single characters', () => {
  const index = buildPhraseIndex(corpus(A, B, C));
  const draft = '量子纠缠，钢琴。党 2023';
  assert.equal(findPhraseAt(index, draft, 1), undefined, 'unknown word');
  assert.equal(findPhraseAt(index, draft, draft.indexOf('，')), undefined, 'punctuation');
  assert.equal(findPhraseAt(index, draft, draft.indexOf('钢')), undefined, 'unknown word');
  assert.equal(findPhraseAt(index, draft, draft.indexOf('党')), undefined, 'a single character is not a phrase');
  assert.equal(findPhraseAt(index, draft, draft.indexOf('2023')), undefined, 'a number alone is not a phrase (though the corpus has it)');
  assert.equal(findPhraseAt(index, draft, draft.length), undefined, 'end of text');
});

test('maxExamples bounds the examples; the first ones come from different reports', () => {
  const index = buildPhraseIndex(corpus(A, B, C));
  const draft = '严格执行中央八项规定。';
  const found = findPhraseAt(index, draft, draft.indexOf('八'));
  assert.ok(found);
  const phrase = draft.slice(found.start, found.end);
  assert.ok(phrase.includes('八项规定'), phrase);
  const one = phraseHoverMarkdown(index, found.stats, 1).split('\n').filter((l) => /^\d+\. /.test(l));
  assert.equal(one.length, 1);
  const none = phraseHoverMarkdown(index, found.stats, 0);
  assert.ok(!/^\d+\. /m.test(none) && none.includes(phrase));
  const two = found.stats.examples.slice(0, 2).map((e) => e.report);
  assert.equal(new Set(two).size, Math.min(2, found.stats.reports));
});

const HOSTILE = `丁单位[链接](command:evil.run)述职报告
一、履职情况<b>粗体</b>
　　严格落实三会一课制度[x](command:foo)，参加<img src=x onerror=alert(1)>活动**bold**。
　　三会一课详见![i](http://x)与www.evil.com及http://evil.example/a。
　　坚持三会一课制度<script>alert(2)</script>&lt;b&gt;实体&#60;img&#62;，落实_强调_与\`代码\`以及 # 标题。
`;

test('corpus text in the hover is escaped: no links, images, HTML or emphasis from a hostile report', () => {
  const reports = corpus(HOSTILE, B);
  const index = buildPhraseIndex(reports);
  const draft = '坚持“三会一课”。';
  const found = findPhraseAt(index, draft, draft.indexOf('三'));
  assert.ok(found);
  const md = phraseHoverMarkdown(index, found.stats, 10);
  const html = new MarkdownIt({ html: true, linkify: true }).render(md);
  assert.ok(!/<a[\s>]/i.test(html), html);
  assert.ok(!/<img/i.test(html), html);
  assert.ok(!/<script/i.test(html), html);
  assert.ok(!/<b>/i.test(html), html);
  assert.ok(!/<(em|code|h\d)>/i.test(html), html);
  // The only emphasis is ours: the phrase in bold.
  for (const m of html.matchAll(/<strong>(.*?)<\/strong>/g)) assert.equal(m[1], '三会一课');
  // The hostile text is still shown, as text.
  const text = html.replace(/<[^>]+>/g, '');
  assert.ok(text.includes('[x](command:foo)'), text);
  assert.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'), text);
  assert.ok(text.includes('**bold**'), text);
  assert.ok(text.includes('![i](http://x)') && text.includes('www.evil.com'), text);
  assert.ok(text.includes('[链接](command:evil.run)'), 'the hostile title is shown as text');
});

test('escapeMarkdown makes every ASCII punctuation literal and removes line breaks', () => {
  const s = '[a](command:x) ![i](y) <b>&amp; *e* _u_ `c` # h\n- l |t| ~s~';
  const html = new MarkdownIt({ html: true, linkify: true }).renderInline(escapeMarkdown(s));
  assert.equal(html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"'), s.replace('\n', ' '));
});

test('a phrase with very many occurrences is counted on an even sample and said to be approximate', () => {
  // Three reports, 30,000 sentences each with the phrase: more occurrences than one hover visits.
  const body = (unit: string) => Array.from({ length: 30_000 }, (_, i) => `${unit}第${i}次落实三会一课。`).join('\n');
  const reports = corpus(`甲支部述职报告\n${body('甲')}\n`, `乙支部述职报告\n${body('乙')}\n`, `丙支部述职报告\n${body('丙')}\n`);
  const index = buildPhraseIndex(reports);
  const found = findPhraseAt(index, '坚持三会一课', 3);
  assert.ok(found);
  assert.equal(found.stats.occurrences, 90_000);
  assert.equal(found.stats.sampled, true);
  assert.equal(found.stats.reports, 3);
  assert.ok(Math.abs(found.stats.sentences - 90_000) / 90_000 < 0.05, `estimated sentences: ${found.stats.sentences}`);
  assert.match(phraseHoverMarkdown(index, found.stats, 1), /见于至少 3 篇报告的约 \d+ 个句子/);
});

test('the index names the section of any offset as the report tree does, without the tree', () => {
  const reports = corpus(A, B, C, '丁单位述职报告\n## 一、学习情况\n\n　　坚持学习。\n\n### （一）理论学习\n\n　　读原著。一是学理论。二是学业务。\n');
  const index = buildPhraseIndex(reports);
  reports.forEach((r, i) => {
    for (let at = 0; at < r.text.length; at++) {
      assert.equal(sectionLabelOf(index, index.reportStart[i] + at), sectionLabelAt(r.tree, at), `${r.title} at ${at}: ${JSON.stringify(r.text.slice(at, at + 8))}`);
    }
  });
});
