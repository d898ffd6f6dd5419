/**
 * Hover in-process: a draft with a cursor marker (`|`) and what the hover there must show,
 * over the bundled corpus or a corpus folder of the test's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hover } from '../../server/src/features/hover';
import { corpusReports, testService, type TestService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

// markdown-it (present through markdownlint) renders the hover as an editor would; it ships no types.
const MarkdownIt = require('markdown-it') as new (o: { html: boolean; linkify: boolean }) => { render(s: string): string };

async function hoverAt(t: TestService, marked: string) {
  const { draft, position } = t.at(marked);
  const h = await hover(t.service, draft, position);
  return { h: h as { contents: { kind: string; value: string }; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null, position };
}

const examplesOf = (md: string) => md.split('\n').filter((l) => /^\d+\. /.test(l));

test('hover on 三会一课 in a draft shows corpus sentences containing it, with their report titles', async () => {
  const t = testService(await corpusReports());
  const line = '一年来，我支部坚持“三会|一课”，按时召开组织生活会。';
  const { h, position } = await hoverAt(t, `# 2024年述职报告\n\n${line}`);
  assert.ok(h, 'a hover');
  assert.equal(h.contents.kind, 'markdown');
  const start = line.replace('|', '').indexOf('三会一课');
  assert.deepEqual(h.range, { start: { line: position.line, character: start }, end: { line: position.line, character: start + 4 } });
  const md = h.contents.value;
  assert.match(md, /^\*\*三会一课\*\*/);
  const examples = examplesOf(md);
  assert.ok(examples.length >= 2, md);
  assert.ok(examples.length <= 3, 'default hover.maxExamples is 3');
  for (const e of examples) assert.ok(e.includes('**三会一课**'), e);
  const sources = md.split('\n').filter((l) => /^\s+—— 《[^》]+》/.test(l));
  assert.equal(sources.length, examples.length, 'each example names its report');
  const counts = /见于 (\d+) 篇报告的 (\d+) 个句子/.exec(md);
  assert.ok(counts && Number(counts[2]) >= 2, md);
});

// Nothing the corpus knows: punctuation, an unknown word, a blank line.
const NO_HOVER: string[] = ['量|子纠缠与钢琴，。', '量子纠缠与钢琴|，。', '# 2024年述职报告\n|\n一年来，我支部坚持“三会一课”，按时召开组织生活会。'];
for (const marked of NO_HOVER) {
  test(`no hover at ${JSON.stringify(marked)}`, async () => {
    assert.equal((await hoverAt(testService(await corpusReports()), marked)).h, null);
  });
}

test('hover.maxExamples from the settings bounds the examples', async () => {
  const t = testService(await corpusReports(), { hover: { maxExamples: 1 } });
  const { h } = await hoverAt(t, '严格落实“|三会一课”。');
  assert.ok(h);
  assert.equal(examplesOf(h.contents.value).length, 1);
});

test('a hostile corpus folder shows escaped in the hover', async (t) => {
  const dir = tempDir(t, 'shuzhi-hostile-');
  fs.writeFileSync(
    path.join(dir, 'hostile.txt'),
    [
      '某单位[点我](command:workbench.action.terminal.new)述职报告',
      '一、履职情况<img src=x onerror=alert(1)>',
      '　　严格落实三会一课制度[x](command:foo)，参加<img src=x onerror=alert(1)>活动**bold**。',
      '　　三会一课详见![i](http://x)与www.evil.com，并按期开展组织生活，认真做好会议记录和整改落实。',
      '　　坚持三会一课<script>alert(2)</script>制度，不断提高组织生活质量，推动支部建设。',
      '',
    ].join('\n'),
  );
  const s = testService(await corpusReports([dir], false), { hover: { maxExamples: 5 } });
  const { h } = await hoverAt(s, '我们坚持“三|会一课”。');
  assert.ok(h);
  const html = new MarkdownIt({ html: true, linkify: true }).render(h.contents.value);
  assert.ok(!/<a[\s>]/i.test(html), html);
  assert.ok(!/<img/i.test(html), html);
  assert.ok(!/<script/i.test(html), html);
  for (const m of html.matchAll(/<strong>(.*?)<\/strong>/g)) assert.equal(m[1], '三会一课');
  const shown = html.replace(/<[^>]+>/g, '');
  assert.ok(shown.includes('[x](command:foo)'), shown);
  assert.ok(shown.includes('[点我](command:workbench.action.terminal.new)'), 'the hostile title is plain text');
  assert.ok(shown.includes('**bold**') && shown.includes('![i](http://x)'), shown);
});
