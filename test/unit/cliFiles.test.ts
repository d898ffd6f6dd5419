/**
 * The CLI never loses a file, says what it wrote, and reads several files without dropping any:
 * import refuses its own .docx (by any path), any Word file and any non-text file whatever the
 * flags; export refuses the draft itself; --format json on export and import; lint over several
 * files reports every readable one and exits with the worst status; Word and binary files given
 * as drafts get a message that says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { buildDocx } from '../../server/src/engine/delivery/docxExport';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { encodeGb18030 } from '../helpers/gb18030';
import { tempFolders } from '../helpers/tmp';

/** A fresh temporary folder, removed when the file's tests are done. */
const tmp = tempFolders();

const DRAFT = ['# 2024年述职报告', '', '## 一、履职情况', '', '组织学习XX次。', '', '## 二、存在的问题', '', '学习不够深入。', '', '## 三、下一步打算', '', '加强学习。', ''].join('\n');

async function cli(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

function assertRefused(r: { code: number; out: string; err: string }, what: string, pattern?: RegExp): void {
  assert.equal(r.code, 2, `${what}: exit ${r.code} ${r.err}`);
  assert.equal(r.out, '', what);
  assert.equal(r.err.trim().split('\n').length, 1, `${what}: ${r.err}`);
  assert.match(r.err, /\p{Script=Han}/u, what);
  if (pattern) assert.match(r.err, pattern, what);
}

/** Every file in `dir` (recursively) with its bytes, to compare before and after. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) out.set(name, `-> ${fs.readlinkSync(p)}`);
    else if (st.isFile()) out.set(name, fs.readFileSync(p).toString('base64'));
  }
  return out;
}

async function withDocx(): Promise<{ dir: string; docx: Buffer }> {
  const dir = tmp('shuzhi-cli-files-');
  const docx = Buffer.from(await buildDocx(DRAFT, DEFAULT_SETTINGS.export));
  fs.writeFileSync(path.join(dir, 'd2.docx'), docx);
  fs.mkdirSync(path.join(dir, 'sub'));
  return { dir, docx };
}

test('import never writes over the Word file it reads, by any path, whatever the flags', async () => {
  const { dir, docx } = await withDocx();
  fs.symlinkSync('d2.docx', path.join(dir, 'link.md'));
  fs.linkSync(path.join(dir, 'd2.docx'), path.join(dir, 'hard.md'));
  const before = snapshot(dir);
  for (const target of ['d2.docx', './d2.docx', 'sub/../d2.docx', path.join(dir, 'd2.docx'), 'link.md', 'hard.md']) {
    for (const flags of [['--force'], [], ['--force', '--format', 'json']]) {
      const r = await cli(['import', 'd2.docx', '-o', target, ...flags], dir);
      assertRefused(r, `import d2.docx -o ${target} ${flags.join(' ')}`, /Word 文件本身/);
    }
  }
  // The .docx named by another spelling of its own path is refused the same way.
  assertRefused(await cli(['import', './sub/../d2.docx', '-o', 'd2.docx', '--force'], dir), 'input by another path');
  assert.deepEqual(snapshot(dir), before, 'nothing in the folder changed');
  assert.ok(fs.readFileSync(path.join(dir, 'd2.docx')).equals(docx));
});

test('import never writes Markdown into any Word file, nor over a file that is not text, even with --force', async () => {
  const { dir } = await withDocx();
  fs.writeFileSync(path.join(dir, 'other.docx'), 'PK\u0003\u0004 another Word file');
  fs.writeFileSync(path.join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  const before = snapshot(dir);
  // Another case of the same name: refused as a Word file here, and as the same file where case is ignored.
  for (const target of ['D2.docx', 'D2.DOCX', 'other.docx', 'new.docx', 'sub/x.DocX', 'old.doc']) {
    assertRefused(await cli(['import', 'd2.docx', '-o', target, '--force'], dir), `-o ${target}`, /不会写进 Word 文件/);
  }
  assertRefused(await cli(['import', 'd2.docx', '-o', 'photo.md', '--force'], dir), 'binary target', /不是文本文件/);
  assert.deepEqual(snapshot(dir), before, 'nothing in the folder changed');

  // What import may do: write a new draft, and replace a text draft with --force only.
  assert.equal((await cli(['import', 'd2.docx'], dir)).code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'd2.md'), 'utf8'), /^# 2024年述职报告/);
  fs.writeFileSync(path.join(dir, 'd2.md'), 'old draft');
  assertRefused(await cli(['import', 'd2.docx'], dir), 'existing draft without --force', /--force/);
  assert.equal(fs.readFileSync(path.join(dir, 'd2.md'), 'utf8'), 'old draft');
  assert.equal((await cli(['import', 'd2.docx', '--force'], dir)).code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'd2.md'), 'utf8'), /^# 2024年述职报告/);
  assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
});

test('import of a Markdown file says it needs no import and writes nothing', async () => {
  const { dir } = await withDocx();
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  const before = snapshot(dir);
  assertRefused(await cli(['import', 'draft.md', '--force'], dir), 'import draft.md', /不需要导入/);
  assert.deepEqual(snapshot(dir), before);
});

test('export never writes over the draft, even through a symlink named .docx', async () => {
  const { dir } = await withDocx();
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  fs.symlinkSync('draft.md', path.join(dir, 'link.docx'));
  const before = snapshot(dir);
  for (const target of ['link.docx', './link.docx', 'sub/../link.docx']) {
    assertRefused(await cli(['export', 'draft.md', '-o', target, '--force'], dir), `export -o ${target}`, /草稿本身/);
  }
  assertRefused(await cli(['export', 'draft.md', '-o', 'draft.md', '--force'], dir), 'export -o draft.md', /草稿本身/);
  assert.deepEqual(snapshot(dir), before, 'the draft and the link are as they were');
});

test('export --format json says what it wrote; import --format json too, also with -o -', async () => {
  const { dir } = await withDocx();
  fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
  const count = JSON.parse((await cli(['count', 'draft.md', '--format', 'json'], dir)).out) as { total: number };

  const ex = await cli(['export', 'draft.md', '-o', 'sub/out.docx', '--format', 'json'], dir);
  assert.equal(ex.code, 0, ex.err);
  const e = JSON.parse(ex.out);
  assert.deepEqual(Object.keys(e).sort(), ['bytes', 'characters', 'input', 'output', 'replaced']);
  assert.equal(e.input, path.join(dir, 'draft.md'));
  assert.equal(e.output, path.join(dir, 'sub', 'out.docx'));
  assert.equal(e.bytes, fs.statSync(e.output).size);
  assert.equal(fs.readFileSync(e.output).subarray(0, 2).toString(), 'PK');
  assert.equal(e.characters, count.total, 'the same 字数 as shuzhi count');
  assert.equal(e.replaced, false);
  const again = JSON.parse((await cli(['export', 'draft.md', '-o', 'sub/out.docx', '--force', '--format', 'json'], dir)).out);
  assert.equal(again.replaced, true);

  const im = await cli(['import', 'sub/out.docx', '--format', 'json'], dir);
  assert.equal(im.code, 0, im.err);
  const i = JSON.parse(im.out);
  assert.equal(i.input, path.join(dir, 'sub', 'out.docx'));
  assert.equal(i.output, path.join(dir, 'sub', 'out.md'));
  const written = fs.readFileSync(i.output);
  assert.equal(i.bytes, written.length);
  assert.equal(i.title, '2024年述职报告');
  assert.ok(Array.isArray(i.warnings));
  assert.equal(i.markdown, undefined, 'the draft is in the file, not repeated');
  const imported = JSON.parse((await cli(['count', 'sub/out.md', '--format', 'json'], dir)).out) as { total: number };
  assert.equal(i.characters, imported.total);

  const printed = await cli(['import', 'sub/out.docx', '-o', '-', '--format', 'json'], dir);
  const p = JSON.parse(printed.out);
  assert.equal(p.output, null);
  assert.equal(p.markdown, written.toString('utf8'));
  const plain = await cli(['import', 'sub/out.docx', '-o', '-'], dir);
  assert.equal(plain.out, written.toString('utf8'), 'without --format json, -o - prints the draft itself');
});

test('lint a.md b.md missing.md reports both readable files and the missing one, and exits with the worst status', async () => {
  const dir = tmp('shuzhi-cli-several-');
  fs.writeFileSync(path.join(dir, 'a.md'), DRAFT);
  fs.writeFileSync(path.join(dir, 'b.md'), DRAFT.replace('XX', '12').replace('学习不够深入。', '学习不够深入,调研不够。'));
  const base = ['--no-default-corpus', '--rule', 'placeholder=error'];

  const text = await cli(['lint', 'a.md', 'b.md', 'missing.md', ...base], dir);
  assert.equal(text.code, 2, 'an unreadable file beats error-level findings');
  assert.ok(text.out.split('\n').some((l) => l.startsWith('a.md:5:5 error placeholder ')), text.out);
  assert.ok(text.out.split('\n').some((l) => /^b\.md:\d+:\d+ info punctuation-halfwidth /.test(l)), text.out);
  assert.equal(text.err.trim().split('\n').length, 1);
  assert.match(text.err, /missing\.md.*文件不存在/);

  const json = await cli(['lint', 'missing.md', 'a.md', 'b.md', ...base, '--format', 'json'], dir);
  assert.equal(json.code, 2);
  const rows = JSON.parse(json.out) as Array<{ file: string }>;
  assert.deepEqual([...new Set(rows.map((r) => r.file))], ['a.md', 'b.md']);
  assert.match(json.err, /missing\.md/);

  assert.equal((await cli(['lint', 'a.md', 'b.md', ...base], dir)).code, 1, 'error-level finding beats none');
  assert.equal((await cli(['lint', 'b.md', 'a.md', ...base], dir)).code, 1, 'whatever the order');
  assert.equal((await cli(['lint', 'b.md', 'b.md', ...base], dir)).code, 0);
  const onlyMissing = await cli(['lint', 'missing.md', 'gone.md', ...base], dir);
  assert.equal(onlyMissing.code, 2);
  assert.equal(onlyMissing.err.trim().split('\n').length, 2, 'one sentence per unreadable file');
});

test('a Word file given as a draft points to shuzhi import; a binary file is called binary', async () => {
  const { dir } = await withDocx();
  fs.writeFileSync(path.join(dir, 'scan.md'), Buffer.concat([Buffer.from([0x25, 0x50, 0x44, 0x46, 0]), Buffer.alloc(200, 7)]));
  fs.writeFileSync(path.join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
  for (const cmd of [['lint', '--no-default-corpus'], ['export'], ['outline'], ['count']]) {
    const [name, ...rest] = cmd;
    const before = snapshot(dir);
    assertRefused(await cli([name, 'd2.docx', ...rest], dir), `${name} d2.docx`, /shuzhi import d2\.docx/);
    assertRefused(await cli([name, 'scan.md', ...rest], dir), `${name} scan.md`, /scan\.md 看起来是二进制文件/);
    assertRefused(await cli([name, 'old.doc', ...rest], dir), `${name} old.doc`, /另存为 \.docx/);
    assert.deepEqual(snapshot(dir), before, `${name} wrote nothing`);
  }
});

test('a GB18030 draft is still read', async () => {
  const dir = tmp('shuzhi-cli-gbk-');
  fs.writeFileSync(path.join(dir, 'gbk.txt'), encodeGb18030(DRAFT));
  const r = await cli(['outline', 'gbk.txt'], dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^2024年述职报告  \(1-13 行\)$/m);
  assert.match(r.out, /^  三、下一步打算  \(11-13 行\)$/m);
});
