import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { DocxReadError, importDocx } from '../../server/src/engine/delivery/docxImport';
import { buildDocx } from '../../server/src/engine/delivery/docxExport';
import { parseReport } from '../../server/src/engine/report/structure';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { run as importCli } from '../../server/src/cli/import';
import { UsageError, type CliIO } from '../../server/src/cli/io';
import { tempDir } from '../helpers/tmp';

const p = (text: string, opts: Record<string, unknown> = {}) => new Paragraph({ children: [new TextRun(text)], ...opts });

/** Last year's report as someone typed it in Word: title style, plain enumerations, a heading style, a table. */
async function lastYearsReport(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun('某某单位2023年度述职报告')] }),
          p('一年来，在上级党组织的坚强领导下，现将履职情况报告如下：'),
          new Paragraph({ children: [new TextRun({ text: '一、履职情况', bold: true })] }),
          p('（一）加强政治理论学习'),
          new Paragraph({ children: [new TextRun('本人坚持'), new TextRun({ text: '每周', bold: true }), new TextRun('学习，完成*重要*事项和**%的任务。')] }),
          new Paragraph({ children: [new TextRun({ text: '1.强化政治引领。', bold: true }), new TextRun('一是坚持学习；二是坚持实践。')] }),
          p('（二）推动工作落实。全年完成各项任务，群众满意度明显提升，各项指标均达到年初确定的目标要求，受到上级表扬。'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、存在的问题')] }),
          p('一是学习不够深入；二是创新意识不强。'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('工作打算')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('强化学习')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [p('项目')] }), new TableCell({ children: [p('完成')] })] }),
              new TableRow({ children: [new TableCell({ children: [p('调研')] }), new TableCell({ children: [p('12次')] })] }),
            ],
          }),
          p('# 这一行以井号开头'),
          p('述职完毕，请批评指正。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

test('import: title, 一、 and （一） headings, Word headings by rank, paragraphs kept', async () => {
  const { markdown, title } = await importDocx(await lastYearsReport());
  assert.equal(title, '某某单位2023年度述职报告');
  const blocks = markdown.trimEnd().split('\n\n');
  assert.deepEqual(blocks, [
    '# 某某单位2023年度述职报告',
    '一年来，在上级党组织的坚强领导下，现将履职情况报告如下：',
    '## 一、履职情况',
    // （二） below is a run-in heading with body text, so this level stays plain paragraphs (see next test).
    '（一）加强政治理论学习',
    '本人坚持**每周**学习，完成\\*重要\\*事项和**%的任务。',
    '1.强化政治引领。一是坚持学习；二是坚持实践。',
    '（二）推动工作落实。全年完成各项任务，群众满意度明显提升，各项指标均达到年初确定的目标要求，受到上级表扬。',
    '## 二、存在的问题',
    '一是学习不够深入；二是创新意识不强。',
    '## 工作打算',
    '### 强化学习',
    '| 项目 | 完成 |\n| --- | --- |\n| 调研 | 12次 |',
    '\\# 这一行以井号开头',
    '述职完毕，请批评指正。',
  ]);
  assert.doesNotMatch(markdown, /— \d* —|PAGE/); // footers and page numbers are not report text
});

test('import: （一） lines become ### headings when every one of them is a heading line', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          p('某某同志述职报告'),
          p('一、主要工作'),
          p('（一）抓学习'),
          new Paragraph({ children: [new TextRun({ text: '一是读原著。', bold: true }), new TextRun('每天学习一小时。')] }),
          p('（二）抓落实'),
          new Paragraph({ children: [new TextRun({ text: '（1）', bold: true }), new TextRun({ text: '督促检查', bold: true })] }),
          p('二、存在不足'),
          p('主要是学习不够。'),
        ],
      },
    ],
  });
  const { markdown } = await importDocx(await Packer.toBuffer(doc));
  assert.deepEqual(markdown.trimEnd().split('\n\n'), [
    '# 某某同志述职报告',
    '## 一、主要工作',
    '### （一）抓学习',
    '一是**读原著。**每天学习一小时。',
    '### （二）抓落实',
    '（1）督促检查',
    '## 二、存在不足',
    '主要是学习不够。',
  ]);
  const tree = parseReport(markdown);
  assert.deepEqual(
    tree.sections.map((s) => [s.name, s.children.map((c) => c.name)]),
    [
      ['一、主要工作', ['（一）抓学习', '（二）抓落实']],
      ['二、存在不足', []],
    ],
  );
});

test('import: the draft parses into the structure Shuzhi understands', async () => {
  const { markdown } = await importDocx(await lastYearsReport());
  const tree = parseReport(markdown);
  assert.equal(tree.title?.text, '某某单位2023年度述职报告');
  const top = tree.sections.filter((s) => s.style !== 'shi');
  assert.deepEqual(top.map((s) => s.label), ['履职情况', '存在的问题', '工作打算']);
  const duty = top[0].children.filter((c) => c.style !== 'shi').map((c) => c.name);
  assert.deepEqual(duty, ['（一）加强政治理论学习', '（二）推动工作落实']);
});

test('import then export gives back the Word text', async () => {
  const original = await lastYearsReport();
  const { markdown } = await importDocx(original);
  const again = await buildDocx(markdown, DEFAULT_SETTINGS.export);
  const text = async (b: Uint8Array) =>
    (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value
      .split('\n')
      .map((l) => l.replace(/\s+/g, ''))
      .filter(Boolean);
  // The table comes back as one line per row (cells apart by a full-width space); the rest
  // must match paragraph for paragraph.
  const orig = await text(original);
  const at = orig.indexOf('项目');
  assert.deepEqual(orig.slice(at, at + 4), ['项目', '完成', '调研', '12次']);
  const want = [...orig.slice(0, at), '项目完成', '调研12次', ...orig.slice(at + 4)];
  assert.deepEqual(await text(again), want);
});

test('import: a corrupt or legacy file gives one plain Chinese sentence', async () => {
  await assert.rejects(importDocx(new TextEncoder().encode('这不是 Word 文件')), (e: unknown) => e instanceof DocxReadError && /文件已损坏或不是 \.docx 格式/.test(e.message));
  const good = await lastYearsReport();
  await assert.rejects(importDocx(good.subarray(0, good.length >> 1)), DocxReadError);
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  await assert.rejects(importDocx(ole), (e: unknown) => e instanceof DocxReadError && /\.doc/.test(e.message));
});

function memoryIO(cwd: string): CliIO & { stdout: string[] } {
  const stdout: string[] = [];
  return { cwd, stdout, out: (t) => stdout.push(t), err: () => undefined };
}

test('import CLI: writes the draft, prints with -o -, exit 2 on corrupt input or an existing draft', async (t) => {
  const dir = tempDir(t, 'shuzhi-import-');
  const docx = path.join(dir, '去年.docx');
  fs.writeFileSync(docx, await lastYearsReport());
  const io = memoryIO(dir);
  assert.equal(await importCli(['去年.docx'], io), 0);
  const md = fs.readFileSync(path.join(dir, '去年.md'), 'utf8');
  assert.match(md, /^# 某某单位2023年度述职报告\n/);

  await assert.rejects(importCli(['去年.docx'], io), (e: unknown) => e instanceof UsageError && /已存在.*--force/.test(e.message));
  assert.equal(await importCli(['去年.docx', '--force'], io), 0);

  const printed = memoryIO(dir);
  assert.equal(await importCli(['去年.docx', '-o', '-'], printed), 0);
  assert.equal(printed.stdout.join(''), md);

  fs.writeFileSync(path.join(dir, '坏.docx'), 'PK\u0003\u0004 broken');
  await assert.rejects(importCli(['坏.docx'], io), (e: unknown) => e instanceof UsageError && /无法读取 Word 文件/.test(e.message));
  assert.ok(!fs.existsSync(path.join(dir, '坏.md')));
});
