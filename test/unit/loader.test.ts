import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { decodeBytes, looksBinary } from '../../server/src/engine/corpus/decode';
import { CORRUPT_DOCX_MESSAGE, docxToMarkdown, docxToText } from '../../server/src/engine/corpus/docx';
import { isSkipped, loadCorpusPaths, loadOneFile, readLimited } from '../../server/src/engine/corpus/loader';
import type { LoadedFile, SkippedFile } from '../../server/src/engine/types';
import { encodeGb18030 } from '../helpers/gb18030';
import { tempDir, type AfterHook } from '../helpers/tmp';

const MB = 1024 * 1024;
const REPO = path.join(__dirname, '..', '..');
const isRoot = process.getuid?.() === 0;

async function makeDocx(paragraphs: Paragraph[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

function utf16be(text: string): Buffer {
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  return le.swap16();
}

/** A passage of a real corpus report that the two-byte GB18030 encoder can write. */
function corpusPassage(): string {
  const dir = path.join(REPO, 'corpus');
  const name = fs.readdirSync(dir).find((n) => n.startsWith('001_') && n.endsWith('.txt'));
  assert.ok(name, 'corpus/001_*.txt exists');
  const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n').slice(0, 120);
  // A rare line may hold a character with only a four-byte GB18030 code; leave it out.
  const kept = lines.filter((l) => {
    try {
      encodeGb18030(l);
      return true;
    } catch {
      return false;
    }
  });
  assert.ok(kept.length >= lines.length - 3, 'almost every line of a Chinese report is two-byte GB18030');
  return kept.join('\n');
}

/** Bytes and mtime of every regular file under `dir`, not following links. */
function snapshot(dir: string): Map<string, { bytes: string; mtimeMs: number }> {
  const out = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    if (st.isDirectory()) for (const [k, v] of snapshot(p)) out.set(k, v);
    else if (st.isFile()) out.set(p, { bytes: fs.readFileSync(p).toString('base64'), mtimeMs: st.mtimeMs });
  }
  return out;
}

test('GB18030 bytes of 述职报告 are detected and decoded', () => {
  const bytes = Uint8Array.from(Buffer.from('CAF6D6B0B1A8B8E6', 'hex'));
  assert.equal(new TextDecoder('gb18030').decode(bytes), '述职报告');
  assert.deepEqual(decodeBytes(bytes), { text: '述职报告', encoding: 'gb18030' });
  assert.deepEqual(encodeGb18030('述职报告'), bytes);
});

test('GB18030 encoding of a real report decodes to the UTF-8 original', () => {
  const passage = corpusPassage();
  const gb = encodeGb18030(passage);
  assert.notDeepEqual(Buffer.from(gb), Buffer.from(passage, 'utf8'));
  assert.deepEqual(decodeBytes(gb), { text: passage, encoding: 'gb18030' });
  assert.deepEqual(decodeBytes(new TextEncoder().encode(passage)), { text: passage, encoding: 'utf-8' });
});

test('encodeGb18030 writes four-byte codes that decode back (U+2002, CJK Ext. B, emoji)', () => {
  const text = '报告\u2002𠀀😀';
  const bytes = encodeGb18030(text);
  assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(bytes), text);
  assert.equal(bytes.length, 4 + 4 + 4 + 4);
});

test('BOMs select UTF-8 / UTF-16LE / UTF-16BE, are stripped, and line breaks are kept', () => {
  const text = '一、工作开展情况\r\n一是力抓责任落实。\n二是……';
  assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { text, encoding: 'utf-8-bom' });
  assert.deepEqual(decodeBytes(Buffer.from('\uFEFF' + text, 'utf16le')), { text, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(utf16be(text)), { text, encoding: 'utf-16be' });
});

test('a UTF-8 file cut off mid-character stays UTF-8 instead of turning into GB18030 garbage', () => {
  const full = Buffer.from('述职报告正文'.repeat(100) + '完');
  const cut = full.subarray(0, full.length - 1);
  const r = decodeBytes(cut);
  assert.ok('text' in r);
  assert.equal(r.encoding, 'utf-8');
  assert.ok(r.text.startsWith('述职报告正文'));
  assert.ok(r.text.endsWith('\uFFFD'));
});

test('looksBinary: NUL and control bytes are binary, UTF-16 with BOM and GB18030 are text', () => {
  assert.equal(looksBinary(Buffer.from('plain 文本\n')), false);
  assert.equal(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), true);
  assert.equal(looksBinary(Buffer.from([1, 2, 3, 4, 5, 6, 0x41, 0x42])), true);
  assert.equal(looksBinary(Buffer.from('\uFEFF述职报告', 'utf16le')), false);
  assert.equal(looksBinary(utf16be('述职报告')), false);
  assert.equal(looksBinary(encodeGb18030('述职报告 2023')), false);
});

test('text that decodes to mostly control characters is rejected with a Chinese reason', () => {
  // A UTF-16 BOM makes looksBinary say "text", but the content is control characters.
  const bytes = Buffer.from('\uFEFF' + '\u0001\u0002\u0003\u0004'.repeat(20), 'utf16le');
  const r = decodeBytes(bytes);
  assert.ok('error' in r);
  assert.match(r.error, /[\u4e00-\u9fff]/);
});

test('docxToText and docxToMarkdown read a Word file; a corrupt one gets a plain Chinese error', async () => {
  const bytes = await makeDocx([
    new Paragraph({ text: '2023年度个人述职报告', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('一、履职情况'),
    new Paragraph('一是加强理论学习。'),
  ]);
  const text = await docxToText(new Uint8Array(bytes));
  assert.deepEqual(text.split('\n').filter((l) => l !== ''), ['2023年度个人述职报告', '一、履职情况', '一是加强理论学习。']);
  const md = await docxToMarkdown(bytes);
  assert.match(md, /^# 2023年度个人述职报告$/m);
  assert.match(md, /一是加强理论学习。/);

  const corrupt = Buffer.concat([bytes.subarray(0, 200), Buffer.from('truncated')]);
  await assert.rejects(docxToText(corrupt), { message: CORRUPT_DOCX_MESSAGE });
  await assert.rejects(docxToMarkdown(Buffer.from('这不是 Word 文件')), { message: CORRUPT_DOCX_MESSAGE });
});

test('loadCorpusPaths reads every supported file and skips each bad one with a reason', { timeout: 30_000 }, async (t) => {
  const root = tempDir(t, 'shuzhi-loader-');
  const outside = tempDir(t, 'shuzhi-loader-');
  const w = (rel: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), data);
  };
  const passage = corpusPassage();
  const report = '述职报告\n一、履职情况\n一是……\n';
  w('a_utf8.txt', report);
  w('b_gb18030.txt', encodeGb18030(passage));
  w('c_utf16le.md', Buffer.from('\uFEFF' + report, 'utf16le'));
  w('d_utf16be.markdown', utf16be(report));
  w('e_bom.TXT', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(report)]));
  w('f_report.docx', await makeDocx([new Paragraph('年度述职报告'), new Paragraph('一、工作情况')]));
  w('g_broken.docx', Buffer.from('PK\u0003\u0004 not really a zip'));
  w('h_binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  w('i_big.txt', Buffer.alloc(1.5 * MB, 'a'));
  w('j_empty.txt', '');
  w('k_blank.md', ' \n\t\r\n');
  w('notes.pdf', '%PDF-1.4');
  w('.hidden.txt', report);
  w('~$f_report.docx', 'lock');
  w('nested/deeper/inner.txt', '内层文件\n');
  w('nested/z.md', '# 标题\n');
  fs.symlinkSync('..', path.join(root, 'nested', 'loop'));
  fs.symlinkSync('self', path.join(root, 'nested', 'self'));
  fs.symlinkSync(path.join('nested', 'deeper', 'inner.txt'), path.join(root, 'link_to_inner.txt'));
  fs.symlinkSync('no-such-target.txt', path.join(root, 'dangling.txt'));
  execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
  execFileSync('mkfifo', [path.join(outside, 'named-fifo')]);
  fs.writeFileSync(path.join(outside, 'explicit.pdf'), 'x');
  const mtimeTarget = new Date('2020-01-02T03:04:05Z');
  fs.utimesSync(path.join(root, 'a_utf8.txt'), mtimeTarget, mtimeTarget);
  const before = snapshot(root);

  const progress: Array<[number, number]> = [];
  const inputs = [root, path.join(outside, 'named-fifo'), path.join(outside, 'explicit.pdf'), path.join(outside, 'missing.txt')];
  const result = await loadCorpusPaths(inputs, { maxFileSizeBytes: MB, onProgress: (d, n) => progress.push([d, n]) });

  const byName = new Map<string, LoadedFile>(result.files.map((f) => [path.relative(root, f.path), f]));
  assert.deepEqual([...byName.keys()], [
    'a_utf8.txt', 'b_gb18030.txt', 'c_utf16le.md', 'd_utf16be.markdown', 'e_bom.TXT', 'f_report.docx',
    'link_to_inner.txt', 'nested/z.md',
  ]);
  assert.equal(byName.get('a_utf8.txt')!.text, report);
  assert.equal(byName.get('a_utf8.txt')!.encoding, 'utf-8');
  assert.equal(byName.get('a_utf8.txt')!.mtimeMs, mtimeTarget.getTime());
  assert.equal(byName.get('a_utf8.txt')!.size, Buffer.byteLength(report));
  assert.equal(byName.get('b_gb18030.txt')!.text, passage);
  assert.equal(byName.get('b_gb18030.txt')!.encoding, 'gb18030');
  assert.equal(byName.get('c_utf16le.md')!.text, report);
  assert.equal(byName.get('c_utf16le.md')!.encoding, 'utf-16le');
  assert.equal(byName.get('d_utf16be.markdown')!.text, report);
  assert.equal(byName.get('d_utf16be.markdown')!.encoding, 'utf-16be');
  assert.equal(byName.get('e_bom.TXT')!.text, report);
  assert.equal(byName.get('e_bom.TXT')!.encoding, 'utf-8-bom');
  assert.match(byName.get('f_report.docx')!.text, /年度述职报告\s+一、工作情况/);
  // The symlinked file and its target are one file, read once (under the first path in sorted order).
  assert.equal(byName.get('link_to_inner.txt')!.text, '内层文件\n');
  assert.ok(!result.files.some((f) => f.path.endsWith('inner.txt') && f.path.includes('deeper')));

  const reasons = new Map<string, string>(result.skipped.map((s) => [path.relative(root, s.path), s.reason]));
  const expectReason = (rel: string, re: RegExp) => {
    assert.ok(reasons.has(rel), `${rel} should be skipped; skipped: ${JSON.stringify([...reasons])}`);
    assert.match(reasons.get(rel)!, re, rel);
  };
  expectReason('g_broken.docx', /无法读取 Word 文件：文件已损坏或不是 \.docx 格式/);
  expectReason('h_binary.txt', /二进制/);
  expectReason('i_big.txt', /1\.5 MB.*1 MB/);
  expectReason('j_empty.txt', /空/);
  expectReason('k_blank.md', /空白/);
  expectReason('pipe.txt', /管道/);
  expectReason('nested/loop', /循环/);
  expectReason('nested/self', /循环/);
  expectReason('dangling.txt', /不存在/);
  expectReason('../' + path.basename(outside) + '/named-fifo', /管道/);
  expectReason('../' + path.basename(outside) + '/explicit.pdf', /不支持/);
  expectReason('../' + path.basename(outside) + '/missing.txt', /不存在/);
  // Unsupported, hidden and lock files inside a folder are ignored without a message.
  for (const ignored of ['notes.pdf', '.hidden.txt', '~$f_report.docx']) assert.ok(!reasons.has(ignored), ignored);
  assert.equal(result.skipped.length, 12);
  for (const s of result.skipped) assert.match(s.reason, /[\u4e00-\u9fff]/, 'reasons are Chinese');

  // Sorted output, whatever the input order.
  const paths = result.files.map((f) => f.path);
  assert.deepEqual(paths, [...paths].sort());
  const again = await loadCorpusPaths([...inputs].reverse(), { maxFileSizeBytes: MB });
  assert.deepEqual(again, result);

  // Progress starts at 0 and counts every queued file once.
  assert.deepEqual(progress[0], [0, progress[0][1]]);
  assert.deepEqual(progress.map(([d]) => d), progress.map((_, i) => i));
  assert.equal(progress.at(-1)![0], progress.at(-1)![1]);

  // Nothing was written: same bytes, same mtimes.
  assert.deepEqual(snapshot(root), before);
});

test('a file deleted between listing and reading is skipped as vanished', async (t) => {
  const root = tempDir(t, 'shuzhi-loader-');
  fs.writeFileSync(path.join(root, 'a.txt'), '第一份');
  fs.writeFileSync(path.join(root, 'b.txt'), '第二份');
  const result = await loadCorpusPaths([root], {
    maxFileSizeBytes: MB,
    onProgress: (done) => {
      if (done === 1) fs.unlinkSync(path.join(root, 'b.txt'));
    },
  });
  assert.deepEqual(result.files.map((f) => f.text), ['第一份']);
  assert.deepEqual(result.skipped, [{ path: path.join(root, 'b.txt'), reason: '文件在读取过程中被删除或移动了' }]);
});

test('loadOneFile returns the file or a reason', { timeout: 30_000 }, async (t) => {
  const root = tempDir(t, 'shuzhi-loader-');
  const file = path.join(root, 'one.md');
  fs.writeFileSync(file, encodeGb18030('# 述职报告\n一、履职情况\n'));
  const ok = await loadOneFile(file, { maxFileSizeBytes: MB });
  assert.ok(!isSkipped(ok));
  assert.equal((ok as LoadedFile).text, '# 述职报告\n一、履职情况\n');
  assert.equal((ok as LoadedFile).encoding, 'gb18030');

  const reasonOf = async (p: string) => {
    const r = await loadOneFile(p, { maxFileSizeBytes: MB });
    assert.ok(isSkipped(r), p);
    return (r as SkippedFile).reason;
  };
  assert.match(await reasonOf(path.join(root, 'gone.txt')), /不存在/);
  fs.mkdirSync(path.join(root, 'folder.txt'));
  assert.match(await reasonOf(path.join(root, 'folder.txt')), /文件夹/);
  fs.writeFileSync(path.join(root, 'x.doc'), 'x');
  assert.match(await reasonOf(path.join(root, 'x.doc')), /不支持/);
  execFileSync('mkfifo', [path.join(root, 'fifo.md')]);
  assert.match(await reasonOf(path.join(root, 'fifo.md')), /管道/);
  fs.writeFileSync(path.join(root, 'small-limit.txt'), 'x'.repeat(2000));
  const big = await loadOneFile(path.join(root, 'small-limit.txt'), { maxFileSizeBytes: 1000 });
  assert.ok(isSkipped(big));
  assert.match(big.reason, /MB.*MB/);
});

test('a file longer than its stat said is read whole, or refused once past the limit', { skip: !fs.existsSync('/proc/self/status') }, async () => {
  // /proc files stat as 0 bytes and have content: the buffer sized from stat must grow.
  const read = await readLimited('/proc/self/status', 10 * MB);
  assert.ok('bytes' in read);
  assert.match(read.bytes.toString('utf8'), /^Name:[\s\S]*VmRSS:[\s\S]*\n$/);
  assert.ok(read.bytes.length > 200);
  const limited = await readLimited('/proc/self/status', 100);
  assert.ok('reason' in limited && /MB/.test(limited.reason));
});

/**
 * loadCorpusPaths as a user without the right to read everything: root reads files whatever
 * their permissions, so as root (CI containers) it runs in a child process as nobody.
 */
async function loadAsUser(t: AfterHook, root: string): Promise<{ files: LoadedFile[]; skipped: SkippedFile[] }> {
  if (!isRoot) return loadCorpusPaths([root], { maxFileSizeBytes: MB });
  const nobody = 65534;
  fs.chmodSync(root, 0o755);
  const tmp = tempDir(t, 'shuzhi-loader-nobody-');
  fs.chownSync(tmp, nobody, nobody);
  const script = 'require(process.argv[1]).loadCorpusPaths([process.argv[2]], { maxFileSizeBytes: 1 << 20 }).then((r) => process.stdout.write(JSON.stringify(r)))';
  const loader = path.join(__dirname, '../../server/src/engine/corpus/loader.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script, loader, root], {
    uid: nobody,
    gid: nobody,
    cwd: path.join(__dirname, '../..'),
    env: { ...process.env, TMPDIR: tmp, HOME: tmp },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

test('unreadable files and folders are skipped with a permission reason', async (t) => {
  const root = tempDir(t, 'shuzhi-loader-');
  fs.writeFileSync(path.join(root, 'locked.txt'), '内容');
  fs.chmodSync(path.join(root, 'locked.txt'), 0o000);
  fs.mkdirSync(path.join(root, 'closed'));
  fs.writeFileSync(path.join(root, 'closed', 'inside.txt'), '内容');
  fs.chmodSync(path.join(root, 'closed'), 0o000);
  let result;
  try {
    result = await loadAsUser(t, root);
  } finally {
    fs.chmodSync(path.join(root, 'closed'), 0o755); // so the temp dir can be removed
  }
  assert.deepEqual(result.files, []);
  assert.deepEqual(result.skipped.map((s) => [path.basename(s.path), /权限/.test(s.reason)]), [['closed', true], ['locked.txt', true]]);
});

test('an aborted signal stops loading', async (t) => {
  const root = tempDir(t, 'shuzhi-loader-');
  fs.writeFileSync(path.join(root, 'a.txt'), '内容');
  const ac = new AbortController();
  ac.abort(new Error('stopped'));
  await assert.rejects(loadCorpusPaths([root], { maxFileSizeBytes: MB, signal: ac.signal }), /stopped/);
  await assert.rejects(loadOneFile(path.join(root, 'a.txt'), { maxFileSizeBytes: MB, signal: ac.signal }), /stopped/);
});
