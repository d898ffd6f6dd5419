import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusReady, startServer, fileUri, type TestServer } from '../helpers/lspClient';
import { tempDir } from '../helpers/tmp';

// markdown-it (present through markdownlint) renders the hover as an editor would; it ships no types.
const MarkdownIt = require('markdown-it') as new (o: { html: boolean; linkify: boolean }) => { render(s: string): string };

interface HoverResult {
  contents: { kind: string; value: string };
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function hover(server: TestServer, uri: string, line: number, character: number): Promise<HoverResult | null> {
  return server.request<HoverResult | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

test('hover on 三会一课 in a draft shows corpus sentences containing it, with their report titles', async () => {
  const server = await startServer();
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-hover-draft.md'));
    const lines = ['# 2024年述职报告', '', '一年来，我支部坚持“三会一课”，按时召开组织生活会。'];
    server.open(uri, lines.join('\n'));
    const line = 2;
    const character = lines[line].indexOf('会一课');
    const h = await hover(server, uri, line, character);
    assert.ok(h, 'a hover');
    assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, {
      start: { line, character: lines[line].indexOf('三会一课') },
      end: { line, character: lines[line].indexOf('三会一课') + 4 },
    });
    const md = h.contents.value;
    assert.match(md, /^\*\*三会一课\*\*/);
    const examples = md.split('\n').filter((l) => /^\d+\. /.test(l));
    assert.ok(examples.length >= 2, md);
    assert.ok(examples.length <= 3, 'default hover.maxExamples is 3');
    for (const e of examples) assert.ok(e.includes('**三会一课**'), e);
    const sources = md.split('\n').filter((l) => /^\s+—— 《[^》]+》/.test(l));
    assert.equal(sources.length, examples.length, 'each example names its report');
    const counts = /见于 (\d+) 篇报告的 (\d+) 个句子/.exec(md);
    assert.ok(counts && Number(counts[2]) >= 2, md);

    // Nothing the corpus knows: punctuation, an unknown word, a blank line.
    server.open(uri.replace('draft', 'other'), '量子纠缠与钢琴，。');
    assert.equal(await hover(server, uri.replace('draft', 'other'), 0, 1), null);
    assert.equal(await hover(server, uri.replace('draft', 'other'), 0, 7), null);
    assert.equal(await hover(server, uri, 1, 0), null);
  } finally {
    await server.stop();
  }
});

test('hover.maxExamples from the settings bounds the examples', async () => {
  const server = await startServer({ initializationOptions: { hover: { maxExamples: 1 } } });
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(os.tmpdir(), 'shuzhi-hover-max.md'));
    const text = '严格落实“三会一课”。';
    server.open(uri, text);
    const h = await hover(server, uri, 0, text.indexOf('三'));
    assert.ok(h);
    assert.equal(h.contents.value.split('\n').filter((l) => /^\d+\. /.test(l)).length, 1);
  } finally {
    await server.stop();
  }
});

test('a hostile corpus folder given in initializationOptions shows escaped in the hover', async (t) => {
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
  const server = await startServer({ initializationOptions: { corpusPaths: [dir], useBundledCorpus: false, hover: { maxExamples: 5 } } });
  try {
    await corpusReady(server);
    const uri = fileUri(path.join(dir, 'draft.md'));
    const text = '我们坚持“三会一课”。';
    server.open(uri, text);
    const h = await hover(server, uri, 0, text.indexOf('会'));
    assert.ok(h, server.logs.join(''));
    const html = new MarkdownIt({ html: true, linkify: true }).render(h.contents.value);
    assert.ok(!/<a[\s>]/i.test(html), html);
    assert.ok(!/<img/i.test(html), html);
    assert.ok(!/<script/i.test(html), html);
    for (const m of html.matchAll(/<strong>(.*?)<\/strong>/g)) assert.equal(m[1], '三会一课');
    const shown = html.replace(/<[^>]+>/g, '');
    assert.ok(shown.includes('[x](command:foo)'), shown);
    assert.ok(shown.includes('[点我](command:workbench.action.terminal.new)'), 'the hostile title is plain text');
    assert.ok(shown.includes('**bold**') && shown.includes('![i](http://x)'), shown);
  } finally {
    await server.stop();
  }
});
