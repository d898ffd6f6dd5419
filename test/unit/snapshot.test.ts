import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import {
  bufferSource,
  encodeSnapshot,
  openSnapshotBuffer,
  SnapshotError,
  SNAPSHOT_HEADER_BYTES,
  sectionSum,
  SnapshotReader,
  TEXTS_SECTION,
  withSnapshotFile,
  writeSnapshotFile,
  type SnapshotContent,
} from '../../server/src/snapshot/snapshotFile';
import { CachedCorpus } from '../../server/src/snapshot/cachedCorpus';
import { loadCorpusCached } from '../../server/src/snapshot/cliCorpus';
import { configKey } from '../../server/src/snapshot/cacheLocation';
import { makeReport, treePending } from '../../server/src/snapshot/corpusFiles';
import { decodeIndex, encodeIndex, indexSections } from '../../server/src/snapshot/indexCodec';
import type { CorpusReport } from '../../server/src/engine/types';
import { buildPhraseIndex, countOccurrences } from '../../server/src/engine/search/phraseIndex';
import { tempDir } from '../helpers/tmp';

const EXPECT = { engine: 'test-engine', config: 'test-config' };

function content(): SnapshotContent {
  return {
    ...EXPECT,
    files: [
      {
        path: '/c/a.txt',
        size: 10,
        mtimeMs: 1700000000123.25,
        encoding: 'utf-8',
        reports: [
          { title: '甲单位2023年述职报告', text: '甲单位2023年述职报告\n一、履职情况\n一是𠀀😀学习。\r\n' },
          { title: '乙', text: '' },
        ],
      },
      { path: '/c/b.txt', size: 20, mtimeMs: 5, encoding: 'gb18030', reports: [{ title: '丙', text: '丙报告正文'.repeat(50) }] },
    ],
    skipped: [{ path: '/c/bin.txt', reason: '看起来是二进制文件，不是文本文件', size: 3, mtimeMs: 4 }],
  };
}

const concat = (pieces: Buffer[]) => Buffer.concat(pieces);

test('a snapshot round-trips files, report texts (surrogate pairs, CR) and skipped files', async () => {
  const c = content();
  const reader = await openSnapshotBuffer(concat(encodeSnapshot(c)), EXPECT);
  assert.deepEqual(await reader.files(), c.files);
  assert.deepEqual(reader.meta.skipped, c.skipped);
});

test('truncated, corrupt, foreign and stale snapshots are refused with a reason', async () => {
  const good = concat(encodeSnapshot(content()));
  const refuse = async (buf: Buffer, expect = EXPECT, pattern: RegExp) => {
    await assert.rejects(
      (async () => {
        const r = await openSnapshotBuffer(buf, expect);
        await r.files();
      })(),
      (e: unknown) => e instanceof SnapshotError && pattern.test(e.message),
    );
  };
  await refuse(good.subarray(0, 20), EXPECT, /不完整/);
  await refuse(good.subarray(0, good.length - 7), EXPECT, /不完整|截断/);
  await refuse(Buffer.concat([good, Buffer.from([0])]), EXPECT, /长度/);
  const badMagic = Buffer.from(good);
  badMagic.write('NOTSNAPS', 0, 'latin1');
  await refuse(badMagic, EXPECT, /不是述职助手的快照/);
  const badVersion = Buffer.from(good);
  badVersion.writeUInt32LE(999, 8);
  await refuse(badVersion, EXPECT, /格式版本/);
  // One flipped bit in the meta, then in the text section.
  const badMeta = Buffer.from(good);
  badMeta[SNAPSHOT_HEADER_BYTES + 5] ^= 1;
  await refuse(badMeta, EXPECT, /损坏/);
  const badText = Buffer.from(good);
  badText[badText.length - 3] ^= 0x40;
  await refuse(badText, EXPECT, /损坏/);
  await refuse(good, { ...EXPECT, engine: 'other' }, /另一版本/);
  await refuse(good, { ...EXPECT, config: 'other' }, /语料设置不同/);
  // The intact one still opens.
  assert.equal((await (await openSnapshotBuffer(good, EXPECT)).files()).length, 2);
});

/** `buf` with its meta JSON changed by `edit` (and the meta's checksum in the header redone). */
function withMeta(buf: Buffer, edit: (meta: { sections: Array<{ name: string; sum: string }> }) => void): Buffer {
  const metaLength = buf.readUInt32LE(12);
  const meta = JSON.parse(buf.subarray(SNAPSHOT_HEADER_BYTES, SNAPSHOT_HEADER_BYTES + metaLength).toString('utf8'));
  edit(meta);
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const header = Buffer.from(buf.subarray(0, SNAPSHOT_HEADER_BYTES));
  header.writeUInt32LE(metaBytes.length, 12);
  createHash('sha256').update(metaBytes).digest().copy(header, 16);
  return Buffer.concat([header, metaBytes, buf.subarray(SNAPSHOT_HEADER_BYTES + metaLength)]);
}

test('sections are checked by CRC-32 where zlib has it; a SHA-256-summed snapshot opens too; a flipped byte fails either way', async () => {
  const good = concat(encodeSnapshot(content()));
  const crc = (await openSnapshotBuffer(good, EXPECT)).meta.sections;
  assert.ok(crc.every((s) => /^crc32:[0-9a-f]{8}$/.test(s.sum)), JSON.stringify(crc));
  // As a runtime without zlib.crc32 writes it.
  const parts = encodeSnapshot(content());
  const sections = parts.slice(2);
  const sha = withMeta(good, (m) => m.sections.forEach((s, i) => (s.sum = sectionSum([sections[i]], 'sha256'))));
  assert.deepEqual(await (await openSnapshotBuffer(sha, EXPECT)).files(), content().files);
  for (const buf of [good, sha]) {
    const bad = Buffer.from(buf);
    bad[bad.length - 3] ^= 0x40;
    await assert.rejects(async () => (await openSnapshotBuffer(bad, EXPECT)).files(), /校验和不符/);
  }
  const unknown = withMeta(good, (m) => m.sections.forEach((s) => (s.sum = s.sum.replace('crc32', 'md5'))));
  await assert.rejects(async () => (await openSnapshotBuffer(unknown, EXPECT)).files(), /校验和不符/);
});

test('writeSnapshotFile replaces the file atomically and leaves no temporary file, even when it fails', async (t) => {
  const dir = tempDir(t, 'shuzhi-snap-');
  const file = path.join(dir, 'sub', 'corpus.snap');
  await writeSnapshotFile(file, encodeSnapshot(content()));
  const first = fs.readFileSync(file);
  const c2 = content();
  c2.files[1].reports[0].text = '新的正文';
  await writeSnapshotFile(file, encodeSnapshot(c2));
  assert.notDeepEqual(fs.readFileSync(file), first);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['corpus.snap']);
  const files = await withSnapshotFile(file, EXPECT, (r) => r.files());
  assert.equal(files?.[1].reports[0].text, '新的正文');

  // The target is a folder: the rename fails, the temporary file is removed, the folder stays.
  const blocked = path.join(dir, 'blocked');
  fs.mkdirSync(path.join(blocked, 'x'), { recursive: true });
  await assert.rejects(writeSnapshotFile(path.join(blocked, 'x'), encodeSnapshot(content())));
  assert.deepEqual(fs.readdirSync(blocked), ['x']);
  assert.ok(fs.statSync(path.join(blocked, 'x')).isDirectory());
  assert.equal(await withSnapshotFile(path.join(dir, 'missing.snap'), EXPECT, async () => 1), undefined);
});

test('index codec: typed arrays, long strings, scalars, the report array and caches round-trip; other shapes are refused', async () => {
  const reports = [makeReport('甲报告', '甲报告\n正文。\n', '/a.txt', true)];
  const index = {
    text: '索引正文'.repeat(100) + '𠀀',
    short: 'abc',
    sa: Int32Array.from([5, 3, 1, -1]),
    kinds: Uint16Array.from([1, 2, 65535]),
    weights: Float64Array.from([0.5, -2.25]),
    n: 42,
    flag: true,
    none: null,
    stats: { reportCount: 3, kinds: { duty: { median: 0.5, p25: 0.25, list: [1, 'a', true, null] } } },
    reports,
    cache: new Map([['x', 1]]),
  };
  const enc = encodeIndex('hover', index, reports);
  assert.ok(!('reason' in enc));
  const buf = concat(encodeSnapshot({ ...EXPECT, files: [], skipped: [], sections: enc.sections, indexes: [enc.desc] }));
  const reader = await openSnapshotBuffer(buf, EXPECT);
  // The sections the index is read from, for the prefetch: every section of this snapshot but the texts.
  assert.deepEqual(indexSections(reader.meta.indexes).sort(), reader.meta.sections.map((x) => x.name).filter((n) => n !== TEXTS_SECTION).sort());
  assert.ok(indexSections(reader.meta.indexes).length >= 4, 'the strings and typed arrays');
  assert.deepEqual(indexSections([{ no: 'desc' }]), []);
  const other = [makeReport('甲报告', '甲报告\n正文。\n', '/a.txt', true)];
  const { key, value } = await decodeIndex(reader.meta.indexes[0], reader, other);
  const v = value as typeof index;
  assert.equal(key, 'hover');
  assert.equal(v.text, index.text);
  assert.equal(v.short, 'abc');
  assert.deepEqual([...v.sa], [5, 3, 1, -1]);
  assert.ok(v.kinds instanceof Uint16Array);
  assert.deepEqual([...v.kinds], [1, 2, 65535]);
  assert.deepEqual([...v.weights], [0.5, -2.25]);
  assert.equal(v.n, 42);
  assert.equal(v.flag, true);
  assert.equal(v.none, null);
  assert.deepEqual(v.stats, index.stats);
  assert.equal(v.reports, other, 'the report array is re-linked to the loaded reports');
  assert.ok(v.cache instanceof Map && v.cache.size === 0, 'caches come back empty');

  class Custom {
    sa = new Int32Array(1);
  }
  assert.ok('reason' in encodeIndex('k', new Custom(), reports));
  assert.ok('reason' in encodeIndex('k', { nested: { a: 1, m: new Map() } }, reports));
  assert.ok('reason' in encodeIndex('k', { list: [1, reports[0]] }, reports), 'a report object is never copied');
  assert.ok('reason' in encodeIndex('k', { big: Array.from({ length: 30000 }, (_, i) => i) }, reports), 'plain data is for small statistics');
  assert.ok('reason' in encodeIndex('k', { holes: [1, , 3] }, reports));
  assert.ok('reason' in encodeIndex('k', { lookup: new Map() }, reports), 'a Map that is not named as a cache is data');
  assert.ok('reason' in encodeIndex('k', { f: () => 1 }, reports));
});

test('lazy trees parse on first use and equal eagerly parsed ones', () => {
  const text = '某局2023年度述职报告\n一、履职情况\n（一）加强学习\n一是认真学习。二是深入调研。\n二、存在的问题\n三、下一步打算\n';
  const lazy = makeReport('某局2023年度述职报告', text, '/x.txt', true);
  const eager = makeReport('某局2023年度述职报告', text, '/x.txt', false);
  assert.equal(treePending(lazy), true);
  assert.equal(treePending(eager), false);
  assert.equal(JSON.stringify(lazy.tree), JSON.stringify(eager.tree));
  assert.equal(treePending(lazy), false);
  assert.ok(lazy.tree.sections.length >= 3);
  assert.equal(lazy.typeId, eager.typeId);
});

/** A small corpus folder: two reports in one file, one more file, one binary file. */
function writeCorpus(dir: string): void {
  const body = (n: string) => `一、履职情况\n今年以来，${n}认真履行职责，扎实推进各项工作，取得了较好成效，得到了群众的认可和好评。\n二、存在的问题\n${n}理论学习还不够深入，工作方法还需改进，创新意识有待加强，离上级要求还有差距。\n三、下一步打算\n继续加强学习，改进作风。\n`;
  fs.writeFileSync(path.join(dir, 'a.txt'), `甲单位2023年述职报告\n${body('甲')}\n乙单位2023年述职报告\n${body('乙')}`);
  fs.writeFileSync(path.join(dir, 'b.md'), `丙科长2023年度个人述职报告\n${body('丙')}`);
  fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
}

function summary(reports: readonly CorpusReport[]) {
  return reports.map((r) => ({ id: r.id, title: r.title, source: path.basename(r.source), text: r.text, typeId: r.typeId, tree: JSON.stringify(r.tree) }));
}

test('CachedCorpus: a restart restores the snapshot without reading files, and re-reads only a changed file', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  const cache = tempDir(t, 'shuzhi-cache-');
  writeCorpus(corpus);
  const source = { paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 };
  const opts = { cacheDir: cache, flavour: 'test', engine: 'e1' };

  const cold = new CachedCorpus(opts);
  const first = await cold.load(source);
  assert.equal(first.restored, 0);
  assert.equal(first.read, 3);
  assert.equal(first.reports.length, 3);
  assert.deepEqual(first.skipped.map((s) => path.basename(s.path)), ['bin.txt']);
  assert.equal(await cold.save(first.reports), true);
  assert.equal(await cold.save(first.reports), false, 'nothing changed: no second write');
  const snapFile = cold.snapshotFile!;
  assert.ok(fs.existsSync(snapFile));

  const warm = new CachedCorpus(opts);
  const second = await warm.load(source);
  assert.equal(second.restored, 3, 'two loaded files and the skipped one come from the snapshot');
  assert.equal(second.read, 0);
  assert.deepEqual(summary(second.reports), summary(first.reports));
  assert.deepEqual(second.skipped, first.skipped);

  // Change one file (new size and mtime): only it is read again.
  fs.appendFileSync(path.join(corpus, 'b.md'), '\n丁单位2023年述职报告\n' + '一、履职情况\n丁单位认真履行职责，扎实推进各项工作，取得了较好成效，得到了群众的认可和好评，继续努力。\n'.repeat(2));
  const third = await new CachedCorpus(opts).load(source);
  assert.equal(third.read, 1);
  assert.equal(third.restored, 3);
  assert.deepEqual(third.reports.map((r) => r.title), ['甲单位2023年述职报告', '乙单位2023年述职报告', '丙科长2023年度个人述职报告', '丁单位2023年述职报告']);
  assert.deepEqual(third.reports.map((r) => r.id), [0, 1, 2, 3]);
});

test('CachedCorpus: a corrupt, truncated or stale snapshot is never trusted and is rebuilt', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  const cache = tempDir(t, 'shuzhi-cache-');
  writeCorpus(corpus);
  const source = { paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 };
  const opts = { cacheDir: cache, flavour: 'test', engine: 'e1' };
  const first = new CachedCorpus(opts);
  const loaded = await first.load(source);
  const expected = summary(loaded.reports);
  assert.equal(await first.save(loaded.reports), true);
  const file = first.snapshotFile!;
  const good = fs.readFileSync(file);

  const attempts: Array<[string, () => void, CachedCorpusOpts?]> = [
    ['flipped byte', () => {
      const b = Buffer.from(good);
      b[b.length - 10] ^= 0xff;
      fs.writeFileSync(file, b);
    }],
    ['truncated', () => fs.writeFileSync(file, good.subarray(0, good.length >> 1))],
    ['garbage', () => fs.writeFileSync(file, Buffer.from('这不是快照'))],
    ['empty', () => fs.writeFileSync(file, '')],
    ['other engine', () => fs.writeFileSync(file, good), { ...opts, engine: 'e2' }],
  ];
  for (const [name, damage, o] of attempts) {
    damage();
    const logs: string[] = [];
    const c = new CachedCorpus({ ...(o ?? opts), log: (m) => logs.push(m) });
    const r = await c.load(source);
    assert.equal(r.restored, 0, name);
    assert.equal(r.read, 3, name);
    assert.deepEqual(summary(r.reports), expected, name);
    assert.ok(logs.some((l) => /快照无法使用/.test(l)), `${name}: the reason is logged`);
    // The rebuilt snapshot is valid again.
    assert.equal(await c.save(r.reports), true, name);
    const again = await new CachedCorpus(o ?? opts).load(source);
    assert.equal(again.read, 0, `${name}: rebuilt snapshot is used`);
  }
});

type CachedCorpusOpts = ConstructorParameters<typeof CachedCorpus>[0];

test('CachedCorpus: incremental updates read added and changed files only, and drop deleted ones', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  writeCorpus(corpus);
  const source = { paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 };
  const c = new CachedCorpus();
  assert.equal((await c.load(source)).read, 3);
  const unchanged = await c.load(source);
  assert.deepEqual([unchanged.read, unchanged.removed], [0, 0]);

  fs.rmSync(path.join(corpus, 'a.txt'));
  fs.writeFileSync(path.join(corpus, 'sub.txt'), '戊单位2023年述职报告\n' + '戊单位认真履行职责，扎实推进各项工作，取得了较好成效，得到了群众的认可和好评。\n'.repeat(3));
  const r = await c.load(source);
  assert.deepEqual([r.read, r.removed], [1, 1]);
  assert.deepEqual(r.reports.map((x) => x.title), ['丙科长2023年度个人述职报告', '戊单位2023年述职报告']);
});

test('a file that disappears between listing and reading is skipped with a reason', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  writeCorpus(corpus);
  const c = new CachedCorpus();
  const source = { paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 };
  let deleted = false;
  const r = await c.load(source, {
    onProgress: () => {
      // After the first file is read, the last one vanishes before its turn.
      if (!deleted) {
        deleted = true;
        fs.rmSync(path.join(corpus, 'bin.txt'));
        fs.rmSync(path.join(corpus, 'b.md'));
      }
    },
  });
  const b = r.skipped.find((s) => path.basename(s.path) === 'b.md');
  assert.ok(b, JSON.stringify(r.skipped));
  assert.match(b.reason, /删除|移动/);
  assert.equal(r.reports.length, 2);
  // The next update forgets it.
  const next = await c.load(source);
  assert.deepEqual(next.skipped, []);
  assert.equal(next.removed, 2);
});

test('configKey ignores the order of roots and changes with the size limit', () => {
  assert.equal(configKey({ roots: ['/a', '/b'], maxFileSizeBytes: 1 }), configKey({ roots: ['/b', '/a', '/a'], maxFileSizeBytes: 1 }));
  assert.notEqual(configKey({ roots: ['/a'], maxFileSizeBytes: 1 }), configKey({ roots: ['/a'], maxFileSizeBytes: 2 }));
});

test('CachedCorpus: built indexes are saved and restored only while every file is unchanged', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  const cache = tempDir(t, 'shuzhi-cache-');
  writeCorpus(corpus);
  const source = { paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 };
  const opts = { cacheDir: cache, flavour: 'test', engine: 'e1' };
  const first = new CachedCorpus(opts);
  const loaded = await first.load(source);
  const built = buildPhraseIndex(loaded.reports);
  assert.equal(await first.save(loaded.reports, [['hover', built], ['unserialisable', { lookup: new Map([[1, 2]]) }]]), true);

  const restart = await new CachedCorpus(opts).load(source);
  assert.deepEqual(restart.indexes.map((i) => i.key), ['hover']);
  const restored = restart.indexes[0].value as typeof built;
  assert.equal(restored.reports, restart.reports);
  assert.equal(restored.text, built.text);
  assert.deepEqual(restored.sa, built.sa);
  for (const phrase of ['履职', '认真履行职责', '学习', '不存在的短语']) {
    assert.equal(countOccurrences(restored, phrase), countOccurrences(built, phrase), phrase);
  }

  // A changed file: the texts are reused, the indexes are not.
  fs.appendFileSync(path.join(corpus, 'a.txt'), '\n补充一句。\n');
  const changed = await new CachedCorpus(opts).load(source);
  assert.equal(changed.read, 1);
  assert.deepEqual(changed.indexes, []);
});

test('loadCorpusCached (the CLI path) writes its snapshot to $XDG_CACHE_HOME/shuzhi and reads it back', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  const xdg = tempDir(t, 'shuzhi-xdg-');
  writeCorpus(corpus);
  const saved = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = xdg;
  t.after(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });
  const settings = { corpusPaths: [corpus], useBundledCorpus: false, maxFileSizeMB: 1 };
  const first = await loadCorpusCached(settings);
  const snaps = fs.readdirSync(path.join(xdg, 'shuzhi')).filter((n) => n.endsWith('.snap'));
  assert.equal(snaps.length, 1);
  const logs: string[] = [];
  const second = await loadCorpusCached(settings, (m) => logs.push(m));
  assert.deepEqual(summary(second.reports), summary(first.reports));
  assert.deepEqual(second.skipped, first.skipped);
  assert.deepEqual(logs, [], 'the snapshot was valid');
});

test('a temporary file left by a killed writer is cleaned up on the next save; a fresh one is left alone', async (t) => {
  const corpus = tempDir(t, 'shuzhi-snap-');
  const cache = tempDir(t, 'shuzhi-cache-');
  writeCorpus(corpus);
  const c = new CachedCorpus({ cacheDir: cache, flavour: 'test', engine: 'e1' });
  const r = await c.load({ paths: [corpus], useBundled: false, maxFileSizeBytes: 1 << 20 });
  const file = c.snapshotFile!;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const stale = `${file}.999.deadbeef.tmp`;
  // A live writer's (this process stands in for it); a dead writer's goes at once (snapshotCache.test.ts).
  const fresh = `${file}.${process.pid}.cafebabe.tmp`;
  fs.writeFileSync(stale, 'half');
  fs.writeFileSync(fresh, 'half');
  const old = new Date(Date.now() - 3600_000);
  fs.utimesSync(stale, old, old);
  assert.equal(await c.save(r.reports), true);
  assert.equal(fs.existsSync(stale), false);
  assert.equal(fs.existsSync(fresh), true, 'another writer may still be writing it');
});

test('prefetch starts the reads of sections at once; each is then taken once and still checked', async () => {
  const good = concat(encodeSnapshot(content()));
  /** A source over `buf` that records what is read, and when it was asked for. */
  const recording = (buf: Buffer) => {
    const inner = bufferSource(buf);
    const reads: number[] = [];
    return { reads, source: { size: inner.size, read: (offset: number, length: number) => (reads.push(offset), inner.read(offset, length)) } };
  };
  const { reads, source } = recording(good);
  const reader = await SnapshotReader.open(source, EXPECT);
  const opened = reads.length;
  reader.prefetch([TEXTS_SECTION, 'no such section']);
  assert.equal(reads.length, opened + 1, 'the texts read is started by prefetch, before anything asks for them');
  assert.deepEqual(await reader.files(), content().files);
  assert.equal(reads.length, opened + 1, 'files() took the prefetched read instead of reading again');
  // Asked for again, a section is read again (a prefetched read serves once).
  await reader.section(TEXTS_SECTION);
  assert.equal(reads.length, opened + 2);

  // A prefetched section that is corrupt is refused when it is taken.
  const bad = Buffer.from(good);
  bad[bad.length - 3] ^= 0x40;
  const corrupt = await SnapshotReader.open(bufferSource(bad), EXPECT);
  corrupt.prefetch([TEXTS_SECTION]);
  await assert.rejects(corrupt.files(), /校验和不符/);
});
