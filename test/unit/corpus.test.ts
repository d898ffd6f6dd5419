import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus, reportsFromText } from '../../server/src/engine/corpus/corpus';
import { bundledCorpusDir } from '../../server/src/engine/corpus/loader';
import { encodeGb18030 } from '../helpers/gb18030';
import { main } from '../../server/src/cli';
import { tempFolders } from '../helpers/tmp';

const MB = 1024 * 1024;

const tmp = tempFolders();

test('the bundled corpus loads as 17 reports, each with a type and sections', async () => {
  const { reports, skipped } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 20 * MB });
  assert.equal(reports.length, 17);
  assert.deepEqual(skipped, []);
  assert.deepEqual(reports.map((r) => r.id), [...Array(17).keys()]);
  for (const r of reports) {
    assert.ok(r.typeId, `${r.title} has a type`);
    assert.ok(r.tree.sections.length > 0, `${r.title} has sections`);
    assert.ok(!r.text.includes('##paid'), `${r.title} is cleaned`);
  }
  assert.ok(reports.some((r) => r.title === '党委书记2023年党管武装工作述职'));
});

test('a GB18030 copy of a corpus file gives the same reports', async () => {
  const dir = tmp('shuzhi-corpus-');
  const src = path.join(bundledCorpusDir(), '001_7fcf90987e934ab5.txt');
  const text = fs.readFileSync(src, 'utf8');
  fs.writeFileSync(path.join(dir, 'gbk.txt'), encodeGb18030(text));
  const { reports, skipped } = await loadCorpus({ paths: [dir], useBundled: false, maxFileSizeBytes: 20 * MB });
  assert.deepEqual(skipped, []);
  const original = reportsFromText(text, src);
  assert.deepEqual(reports.map((r) => [r.title, r.text, r.typeId]), original.map((r) => [r.title, r.text, r.typeId]));
});

test('user folders add to the bundled corpus and are never written', async () => {
  const dir = tmp('shuzhi-corpus-');
  const file = path.join(dir, 'mine.md');
  const body = '# 2024年个人述职报告\n\n## 一、履职情况\n\n一年来，我认真学习贯彻党的二十大精神，坚持以人民为中心，扎实推进各项工作，较好完成了全年目标任务。\n\n## 二、存在的问题\n\n一是学习不够深入。\n\n## 三、下一步打算\n\n继续加强学习。\n';
  fs.writeFileSync(file, body);
  const before = fs.statSync(file).mtimeMs;
  const { reports } = await loadCorpus({ paths: [dir], useBundled: true, maxFileSizeBytes: 20 * MB });
  assert.equal(reports.length, 18);
  const mine = reports.filter((r) => r.source === file);
  assert.deepEqual(mine.map((r) => r.title), ['2024年个人述职报告']);
  assert.deepEqual(mine[0].tree.sections.map((s) => s.kinds), [['duty'], ['problems'], ['next']]);
  assert.equal(fs.readFileSync(file, 'utf8'), body);
  assert.equal(fs.statSync(file).mtimeMs, before);
});

async function cli(args: string[], cwd = process.cwd()) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

test('shuzhi corpus lists the 17 reports (text and JSON) and skipped files', async () => {
  const text = await cli(['corpus']);
  assert.equal(text.code, 0);
  assert.match(text.out, /共 17 篇报告/);
  const dir = tmp('shuzhi-corpus-');
  fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0]));
  const json = await cli(['corpus', '--corpus', dir, '--format', 'json']);
  assert.equal(json.code, 0);
  const data = JSON.parse(json.out);
  assert.equal(data.reports.length, 17);
  for (const r of data.reports) {
    assert.equal(typeof r.title, 'string');
    assert.equal(typeof r.source, 'string');
    assert.equal(typeof r.type, 'string');
    assert.ok(Array.isArray(r.sections));
    assert.ok(r.chars > 500);
  }
  assert.equal(data.skipped.length, 1);
  assert.match(data.skipped[0].reason, /\S/);
});

test('usage errors exit 2 with one plain sentence', async () => {
  assert.equal((await cli([])).code, 2);
  const unknown = await cli(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /未知命令/);
  const missing = await cli(['outline', '/no/such/file.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /无法读取文件.*文件不存在/);
  const badFormat = await cli(['corpus', '--format', 'xml']);
  assert.equal(badFormat.code, 2);
  const noCorpus = await cli(['corpus', '--corpus', '/no/such/dir']);
  assert.equal(noCorpus.code, 2);
});

test('shuzhi outline on pasted plain text shows its 一、二、三 sections with children', async () => {
  const dir = tmp('shuzhi-corpus-');
  const file = path.join(dir, 'draft.txt');
  fs.writeFileSync(
    file,
    [
      '2024年度述职报告',
      '一年来，我在党组的领导下认真履职。',
      '一、履职情况',
      '（一）加强理论学习',
      '坚持读原著学原文。',
      '（二）狠抓工作落实',
      '一是完善制度。二是强化考核。',
      '二、存在的问题',
      '学习还不够深入。',
      '三、下一步打算',
      '持续加强学习。',
    ].join('\n'),
  );
  const r = await cli(['outline', file, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const symbols = JSON.parse(r.out);
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, '2024年度述职报告');
  const top = symbols[0].children;
  assert.deepEqual(top.map((s: { name: string }) => s.name), ['一、履职情况', '二、存在的问题', '三、下一步打算']);
  assert.deepEqual(top[0].children.map((s: { name: string }) => s.name), ['（一）加强理论学习', '（二）狠抓工作落实']);
  // Lines count from 1 in JSON as in the text output: 一、履职情况 is the file's third line.
  assert.deepEqual(top[0].range.start, { line: 3, column: 1 });
  assert.equal(top[0].range.end.line, 7);
  for (const s of top) assert.ok(typeof s.kind === 'number');
  const txt = await cli(['outline', file]);
  assert.match(txt.out, /一、履职情况/);
  assert.match(txt.out, /  （一）加强理论学习/);
  assert.match(txt.out, /^  一、履职情况  \(3-7 行\)$/m);
});
