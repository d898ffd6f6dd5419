import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { buildDocx, mmToTwips } from '../../server/src/engine/delivery/docxExport';
import { exportBlocks } from '../../server/src/engine/delivery/exportModel';
import { visibleText } from '../../server/src/engine/delivery/markdown';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/engine/settings';
import { run as exportCli } from '../../server/src/cli/export';
import { UsageError, type CliIO } from '../../server/src/cli/io';
import { tempDir } from '../helpers/tmp';

const DRAFT = `---
limit: 3000
author: 不应导出
---
# 某局办公室主任2023年度述职报告

<!-- 写给自己的备注，不应导出 -->
一年来，在局党组的**坚强领导**下，我*认真*履行职责，现将情况报告如下：

## 一、履职情况

（一）加强理论学习

本人坚持每周学习不少于xx小时，完成**%的任务。

1.强化政治引领。一是坚持学习；二是坚持实践。

（1）做好材料工作

- 起草文稿
- 组织会议

二、存在的问题

一是学习不够深入；二是创新不足。

## 下一步打算

### 加强学习

继续努力。

述职完毕，请批评指正。
`;

/** The parts of a .docx the assertions read. */
async function openDocx(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const f = zip.file(name);
    assert.ok(f, `${name} is in the package`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const footerOf = async (type: 'default' | 'even') => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(document)?.[1];
    assert.ok(id, `${type} footer referenced`);
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    return read(`word/${target![1] ?? target![2]}`);
  };
  return { document, styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footerOf };
}

/** Paragraphs of document.xml as [style, text]. */
function paragraphs(documentXml: string): Array<[string, string]> {
  return [...documentXml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(m[1])?.[1] ?? 'Normal';
    const text = [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return [style, text];
  });
}

function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(m, `style ${id} defined`);
  return m[0];
}

test('export: GB/T 9704 page — A4, margins 37/35/28/26 mm', async () => {
  const { document } = await openDocx(await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.deepEqual([mmToTwips(37), mmToTwips(35), mmToTwips(28), mmToTwips(26)], [2098, 1984, 1587, 1474]);
  const mar = /<w:pgMar ([^>]*)\/>/.exec(document)![1];
  for (const [k, v] of [['top', 2098], ['bottom', 1984], ['left', 1587], ['right', 1474]] as const) {
    assert.match(mar, new RegExp(`w:${k}="${v}"`), `${k} margin`);
  }
});

test('export: fonts and sizes of title, body and each heading level, East Asian fonts named', async () => {
  const { styles } = await openDocx(await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
  assert.match(defaults, /<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
  assert.match(defaults, /<w:sz w:val="32"\/>/);
  assert.match(defaults, /<w:spacing [^>]*w:line="578" w:lineRule="exact"/); // 28.9 pt exact: 22 lines a page
  assert.match(defaults, /w:firstLineChars="200"/); // two-character indent

  const title = styleXml(styles, 'Title');
  assert.match(title, /w:eastAsia="方正小标宋简体"/);
  assert.match(title, /<w:sz w:val="44"\/>/);
  assert.match(title, /<w:jc w:val="center"\/>/);

  const expect: Array<[string, string, boolean]> = [
    ['Heading1', '黑体', false],
    ['Heading2', '楷体_GB2312', false],
    ['Heading3', '仿宋_GB2312', true],
    ['Heading4', '仿宋_GB2312', false],
  ];
  for (const [id, fontName, bold] of expect) {
    const s = styleXml(styles, id);
    assert.match(s, new RegExp(`w:eastAsia="${fontName}"`), `${id} font`);
    assert.match(s, /<w:sz w:val="32"\/>/, `${id} size 3号`);
    assert.equal(/<w:b\/>/.test(s), bold, `${id} bold`);
    assert.match(s, new RegExp(`<w:outlineLvl w:val="${Number(id.slice(-1)) - 1}"/>`), `${id} outline level`);
  }
});

test('export: page numbers “— N —” in 4号 宋体, odd pages right, even pages left', async () => {
  const { settings, footerOf } = await openDocx(await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  assert.match(settings, /<w:evenAndOddHeaders\/>/);
  const odd = await footerOf('default');
  const even = await footerOf('even');
  for (const [footer, side] of [[odd, 'right'], [even, 'left']] as const) {
    assert.match(footer, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
    assert.match(footer, new RegExp(`<w:jc w:val="${side}"/>`));
    assert.match(footer, /w:eastAsia="宋体"/);
    assert.match(footer, /<w:sz w:val="28"\/>/);
    assert.match(footer, /<w:t[^>]*>— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —<\/w:t>/);
  }
});

test('export: headings at their levels, markers dropped, emphasis and lists kept, text in order', async () => {
  const { document } = await openDocx(await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  const paras = paragraphs(document);
  assert.deepEqual(paras, [
    ['Title', '某局办公室主任2023年度述职报告'],
    ['Normal', '一年来，在局党组的坚强领导下，我认真履行职责，现将情况报告如下：'],
    ['Heading1', '一、履职情况'],
    ['Heading2', '（一）加强理论学习'],
    ['Normal', '本人坚持每周学习不少于xx小时，完成**%的任务。'],
    ['Heading3', '1.强化政治引领。一是坚持学习；二是坚持实践。'],
    ['Heading4', '（1）做好材料工作'],
    ['ListParagraph', '起草文稿'],
    ['ListParagraph', '组织会议'],
    ['Heading1', '二、存在的问题'],
    ['Normal', '一是学习不够深入；二是创新不足。'],
    ['Heading1', '下一步打算'],
    ['Heading2', '加强学习'],
    ['Normal', '继续努力。'],
    ['Normal', '述职完毕，请批评指正。'],
  ]);
  assert.doesNotMatch(document, /不应导出|limit: 3000|##/);
  // **坚强领导** is a bold run, *认真* an italic one.
  assert.match(document, /<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>坚强领导<\/w:t>/);
  assert.match(document, /<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>认真<\/w:t>/);
  // Bullets are a Word list.
  assert.match(document, /<w:numPr>[\s\S]*?<\/w:numPr><\/w:pPr><w:r><w:t[^>]*>起草文稿/);
});

test('export: a run-in heading keeps its level font for the heading only', async () => {
  const blocks = exportBlocks('某某述职报告\n一、工作情况\n（一）加强学习。本人坚持每天学习，做好笔记。\n');
  const h = blocks.find((b) => b.level === 2)!;
  assert.deepEqual(
    h.runs.map((r) => [r.text, r.heading]),
    [
      ['（一）加强学习。', true],
      ['本人坚持每天学习，做好笔记。', false],
    ],
  );
});

test('export: pasted plain text (no Markdown) gets the same structure', async () => {
  const plain = '某某同志2023年述职报告\n一、履职情况\n（一）学习\n内容。\n二、存在的问题\n不足。\n';
  const md = '# 某某同志2023年述职报告\n\n## 一、履职情况\n\n### （一）学习\n\n内容。\n\n## 二、存在的问题\n\n不足。\n';
  const a = paragraphs((await openDocx(await buildDocx(plain, DEFAULT_SETTINGS.export))).document);
  const b = paragraphs((await openDocx(await buildDocx(md, DEFAULT_SETTINGS.export))).document);
  assert.deepEqual(a, b);
  assert.deepEqual(a.map((p) => p[0]), ['Title', 'Heading1', 'Heading2', 'Normal', 'Heading1', 'Normal']);
});

test('export: fonts and sizes come from shuzhi.export settings', async () => {
  const settings = normalizeSettings({ 'shuzhi.export.bodyFont': '宋体', 'shuzhi.export.titleSize': 20, 'shuzhi.export.heading1Font': '微软雅黑', 'shuzhi.export.lineSpacing': 30 });
  const { styles } = await openDocx(await buildDocx(DRAFT, settings.export));
  assert.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0], /w:eastAsia="宋体"[\s\S]*w:line="600"/);
  assert.match(styleXml(styles, 'Title'), /<w:sz w:val="40"\/>/);
  assert.match(styleXml(styles, 'Heading1'), /w:eastAsia="微软雅黑"/);
});

test('export: read back with mammoth, the document gives the draft text', async () => {
  const bytes = await buildDocx(DRAFT, DEFAULT_SETTINGS.export);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  // Masked markup leaves spaces in the draft's visible text; the document has none there.
  const lines = (s: string) => s.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
  const got = lines(value);
  const want = lines(visibleText(DRAFT));
  assert.ok(want.length > 10);
  assert.deepEqual(got, want);
});

function memoryIO(cwd: string): CliIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { cwd, stdout, out: (t) => stdout.push(t), err: () => undefined };
}

test('export CLI: writes the .docx, leaves the draft alone, refuses to overwrite without --force', async (t) => {
  const dir = tempDir(t, 'shuzhi-export-');
  const draft = path.join(dir, '述职.md');
  fs.writeFileSync(draft, DRAFT);
  const io = memoryIO(dir);
  assert.equal(await exportCli(['述职.md'], io), 0);
  const out = path.join(dir, '述职.docx');
  const first = fs.readFileSync(out);
  assert.equal(first.subarray(0, 2).toString(), 'PK');
  assert.equal(fs.readFileSync(draft, 'utf8'), DRAFT);
  assert.match(io.stdout.join(''), /已导出/);

  fs.writeFileSync(out, 'old');
  await assert.rejects(exportCli(['述职.md'], io), (e: unknown) => e instanceof UsageError && /已存在.*--force/.test(e.message));
  assert.equal(fs.readFileSync(out, 'utf8'), 'old');
  assert.equal(await exportCli(['述职.md', '--force'], io), 0);
  assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');

  assert.equal(await exportCli(['述职.md', '-o', 'sub/给领导.docx'], io), 0);
  assert.ok(fs.existsSync(path.join(dir, 'sub', '给领导.docx')));
  assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  await assert.rejects(exportCli(['没有这个文件.md'], io), UsageError);
});
