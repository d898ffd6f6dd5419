/**
 * The corpus snapshot file: a compact binary copy of the cleaned, split corpus and of the
 * indexes that can be serialised, so a restart reads one file instead of re-reading,
 * re-decoding, re-cleaning and re-splitting every corpus file and rebuilding every index.
 *
 * Layout (integers little-endian):
 *
 *   0   8 bytes   magic "SHUZHISN"
 *   8   u32       SNAPSHOT_FORMAT_VERSION
 *   12  u32       byte length M of the meta JSON
 *   16  32 bytes  SHA-256 of the meta JSON
 *   48  M bytes   meta JSON (UTF-8): engine version, config key, files, skipped, sections
 *   …             the sections, in the order the meta lists them, each with its own checksum
 *                 (CRC-32, `crc32:…`, where zlib has it — Node 20.15 and 22.2 on — else `sha256:…`:
 *                 reading 120 MB of sections at 50 MB of corpus, CRC-32 takes a third of the time)
 *
 * Sections are read one at a time into their own buffers, so loading never holds the whole
 * file twice, and typed arrays can be views of a section's buffer without a copy. Nothing is
 * trusted before the magic, format version, lengths, checksums, engine version and config
 * key match: any mismatch throws SnapshotError with a plain reason and the caller rebuilds.
 * Texts are stored as UTF-16LE: Chinese takes two bytes there (three in UTF-8) and decoding
 * it is a copy, several times faster than decoding UTF-8.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { promises as fsp } from 'node:fs';
import * as nodePath from 'node:path';

export const SNAPSHOT_MAGIC = 'SHUZHISN';
/** Bumped whenever the layout or the meaning of a field changes. */
export const SNAPSHOT_FORMAT_VERSION = 2;
export const SNAPSHOT_HEADER_BYTES = 48;

/** One report of a corpus file, as cleaned and split (its tree and type are recomputed on load). */
export interface SnapshotReport {
  title: string;
  text: string;
}

/** One corpus file read successfully, with the stat it was read at. */
export interface SnapshotFile {
  path: string;
  size: number;
  mtimeMs: number;
  encoding: string;
  reports: SnapshotReport[];
}

/** A corpus file that was read and skipped, with the stat it had then. */
export interface SnapshotSkip {
  path: string;
  reason: string;
  size: number;
  mtimeMs: number;
}

/** A section's description in the meta. */
export interface SectionInfo {
  name: string;
  bytes: number;
  /** `crc32:<8 hex digits>` or `sha256:<64 hex digits>` (see sectionSum). */
  sum: string;
}

/** What the meta JSON holds. Report texts live in the `texts` section. */
export interface SnapshotMeta {
  engine: string;
  config: string;
  files: Array<Omit<SnapshotFile, 'reports'> & { reports: Array<{ title: string; at: number; len: number }> }>;
  skipped: SnapshotSkip[];
  sections: SectionInfo[];
  /** Free-form descriptions of serialised indexes (see snapshot/indexCodec.ts). */
  indexes: unknown[];
}

/** Why a snapshot was not used (Chinese, for the log). */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

export interface DecodeExpectations {
  engine: string;
  config: string;
}

/** The section of the report texts. */
export const TEXTS_SECTION = 'texts';

/** What a writer collects: files, skipped files, extra binary sections and index descriptions. */
export interface SnapshotContent {
  engine: string;
  config: string;
  files: readonly SnapshotFile[];
  skipped: readonly SnapshotSkip[];
  /** Extra sections (e.g. index fields; a string is stored as UTF-16LE); names must be unique and not `texts`. */
  sections?: ReadonlyArray<{ name: string; bytes: Uint8Array } | { name: string; text: string }>;
  indexes?: unknown[];
}

function sha256(pieces: readonly Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of pieces) h.update(p);
  return h.digest();
}

/** zlib's CRC-32 (Node 20.15 / 22.2 and later), continued from `value`. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** The checksum of a section's pieces, named by its algorithm: CRC-32 where zlib has it, else SHA-256. */
export function sectionSum(pieces: Iterable<Uint8Array>, algorithm: 'crc32' | 'sha256' = crc32 ? 'crc32' : 'sha256'): string {
  if (algorithm === 'crc32' && crc32) {
    let v = 0;
    for (const p of pieces) v = crc32(p, v);
    return `crc32:${(v >>> 0).toString(16).padStart(8, '0')}`;
  }
  // Pieces may share one buffer (utf16Pieces): each is hashed before the next is pulled.
  const h = createHash('sha256');
  for (const p of pieces) h.update(p);
  return `sha256:${h.digest('hex')}`;
}

/** True when `buf` has the checksum `sum` (false for an algorithm this runtime lacks). */
function sumMatches(buf: Uint8Array, sum: string): boolean {
  const algorithm = sum.slice(0, sum.indexOf(':'));
  if (algorithm === 'crc32' && !crc32) return false;
  return (algorithm === 'crc32' || algorithm === 'sha256') && sectionSum([buf], algorithm) === sum;
}

/** A section's bytes, produced piece by piece so a big one is never copied whole. */
interface SectionPlan {
  name: string;
  bytes: number;
  /** The bytes in order; a piece may be reused by the next one (consume it before pulling). */
  pieces(): Iterable<Uint8Array>;
}

/** Bytes per piece when strings are encoded for writing. */
const PIECE_BYTES = 1 << 20;

/** UTF-16LE pieces of `strings` in order, through one reused buffer. */
function* utf16Pieces(strings: () => Iterable<string>): Iterable<Uint8Array> {
  const buf = Buffer.allocUnsafe(PIECE_BYTES);
  let fill = 0;
  for (const s of strings()) {
    for (let i = 0; i < s.length; ) {
      const take = Math.min(s.length - i, (PIECE_BYTES - fill) >> 1);
      buf.write(s.slice(i, i + take), fill, 'utf16le');
      fill += take * 2;
      i += take;
      if (fill + 2 > PIECE_BYTES) {
        yield buf.subarray(0, fill);
        fill = 0;
      }
    }
  }
  if (fill) yield buf.subarray(0, fill);
}

function bytesSection(name: string, bytes: Uint8Array): SectionPlan {
  return { name, bytes: bytes.byteLength, pieces: () => [bytes] };
}

function stringsSection(name: string, chars: number, strings: () => Iterable<string>): SectionPlan {
  return { name, bytes: chars * 2, pieces: () => utf16Pieces(strings) };
}

/** Header, meta and section plans of a snapshot (each section is hashed piece by piece here). */
function planSnapshot(content: SnapshotContent): { head: Buffer[]; sections: SectionPlan[] } {
  // Each report text is followed by a line break, so the section decodes to the corpus's
  // joined text (engine/search/corpusText.ts) and the reports can share that one string.
  let at = 0;
  const files = content.files.map((f) => ({
    path: f.path,
    size: f.size,
    mtimeMs: f.mtimeMs,
    encoding: f.encoding,
    reports: f.reports.map((r) => {
      const m = { title: r.title, at, len: r.text.length };
      at += r.text.length + 1;
      return m;
    }),
  }));
  const textPieces = function* (): Iterable<string> {
    for (const f of content.files) for (const r of f.reports) {
      yield r.text;
      yield '\n';
    }
  };
  const sections = [
    stringsSection(TEXTS_SECTION, at, textPieces),
    ...(content.sections ?? []).map((s) => ('text' in s ? stringsSection(s.name, s.text.length, () => [s.text]) : bytesSection(s.name, s.bytes))),
  ];
  const names = new Set<string>();
  for (const s of sections) {
    if (names.has(s.name)) throw new Error(`duplicate snapshot section ${s.name}`);
    names.add(s.name);
  }
  const meta: SnapshotMeta = {
    engine: content.engine,
    config: content.config,
    files,
    skipped: [...content.skipped],
    sections: sections.map((s) => ({ name: s.name, bytes: s.bytes, sum: sectionSum(s.pieces()) })),
    indexes: content.indexes ?? [],
  };
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const header = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
  header.write(SNAPSHOT_MAGIC, 0, 'latin1');
  header.writeUInt32LE(SNAPSHOT_FORMAT_VERSION, 8);
  header.writeUInt32LE(metaBytes.length, 12);
  sha256([metaBytes]).copy(header, 16);
  return { head: [header, metaBytes], sections };
}

/** Serialises a snapshot into one buffer per part (for tests and tools; the server streams with writeSnapshot). */
export function encodeSnapshot(content: SnapshotContent): Buffer[] {
  const { head, sections } = planSnapshot(content);
  return [...head, ...sections.map((s) => Buffer.concat([...s.pieces()].map((p) => Buffer.from(p)), s.bytes))];
}

/**
 * Writes a snapshot atomically (as writeSnapshotFile), encoding its sections piece by piece
 * straight into the file: writing holds no copy of the corpus or of an index, only a 1 MB buffer.
 */
export async function writeSnapshot(file: string, content: SnapshotContent): Promise<void> {
  const { head, sections } = planSnapshot(content);
  await writeSnapshotFile(file, (function* () {
    yield* head;
    for (const s of sections) yield* s.pieces();
  })());
}

/** Random access to the bytes of a snapshot (a buffer in tests, a file handle in use). */
export interface ByteSource {
  size: number;
  /** Exactly `length` bytes at `offset`, in a buffer of their own (offset 0 of its ArrayBuffer). */
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    read: async (offset, length) => {
      const out = Buffer.allocUnsafeSlow(length);
      buf.copy(out, 0, offset, offset + length);
      return out;
    },
  };
}

/** An open, verified snapshot: the meta is checked; sections are read and checked on demand. */
export class SnapshotReader {
  private readonly offsets = new Map<string, { offset: number; info: SectionInfo }>();
  /** Reads started by `prefetch`, by section name, until `section` takes them. */
  private readonly reads = new Map<string, Promise<Buffer>>();

  private constructor(readonly meta: SnapshotMeta, private readonly source: ByteSource, dataStart: number) {
    let pos = dataStart;
    for (const s of meta.sections) {
      this.offsets.set(s.name, { offset: pos, info: s });
      pos += s.bytes;
    }
  }

  /** Checks the header, the meta and the total length; throws SnapshotError on any mismatch. */
  static async open(source: ByteSource, expect: DecodeExpectations): Promise<SnapshotReader> {
    if (source.size < SNAPSHOT_HEADER_BYTES) throw new SnapshotError('快照文件不完整（太短）');
    const header = await source.read(0, SNAPSHOT_HEADER_BYTES);
    if (header.toString('latin1', 0, 8) !== SNAPSHOT_MAGIC) throw new SnapshotError('不是述职助手的快照文件');
    const version = header.readUInt32LE(8);
    if (version !== SNAPSHOT_FORMAT_VERSION) throw new SnapshotError(`快照格式版本不同（${version}，需要 ${SNAPSHOT_FORMAT_VERSION}）`);
    const metaLength = header.readUInt32LE(12);
    if (SNAPSHOT_HEADER_BYTES + metaLength > source.size) throw new SnapshotError('快照文件不完整（被截断）');
    const metaBytes = await source.read(SNAPSHOT_HEADER_BYTES, metaLength);
    if (!sha256([metaBytes]).equals(header.subarray(16, SNAPSHOT_HEADER_BYTES))) throw new SnapshotError('快照文件已损坏（校验和不符）');
    let meta: SnapshotMeta;
    try {
      meta = JSON.parse(metaBytes.toString('utf8')) as SnapshotMeta;
    } catch {
      throw new SnapshotError('快照文件已损坏（元数据无法解析）');
    }
    if (!meta || !Array.isArray(meta.files) || !Array.isArray(meta.sections) || !Array.isArray(meta.skipped)) {
      throw new SnapshotError('快照文件已损坏（元数据不完整）');
    }
    if (meta.engine !== expect.engine) throw new SnapshotError('快照由另一版本的述职助手生成');
    if (meta.config !== expect.config) throw new SnapshotError('快照对应的语料设置不同');
    const dataStart = SNAPSHOT_HEADER_BYTES + metaLength;
    const total = meta.sections.reduce((n, s) => n + s.bytes, 0);
    if (dataStart + total !== source.size) {
      throw new SnapshotError(dataStart + total > source.size ? '快照文件不完整（被截断）' : '快照文件长度与内容不符');
    }
    if (!meta.sections.some((s) => s.name === TEXTS_SECTION)) throw new SnapshotError('快照文件已损坏（缺少文本）');
    return new SnapshotReader(meta, source, dataStart);
  }

  has(name: string): boolean {
    return this.offsets.has(name);
  }

  /**
   * Starts reading these sections now; each is checked when `section` asks for it. The reads
   * (a thread of the I/O pool filling fresh memory, about 0.2 s for the 70 MB of a 50 MB corpus's
   * indexes on a virtual machine) then overlap the checking and decoding of the sections before.
   */
  prefetch(names: Iterable<string>): void {
    for (const name of names) {
      const s = this.offsets.get(name);
      if (!s || this.reads.has(name)) continue;
      const read = this.source.read(s.offset, s.info.bytes);
      // Not asked for after all (the corpus changed): the failure of a read nobody awaits is no error.
      read.catch(() => undefined);
      this.reads.set(name, read);
    }
  }

  /** Reads one section into its own buffer (or takes its prefetched read) and verifies its checksum. */
  async section(name: string): Promise<Buffer> {
    const s = this.offsets.get(name);
    if (!s) throw new SnapshotError(`快照文件缺少部分“${name}”`);
    const prefetched = this.reads.get(name);
    this.reads.delete(name);
    const buf = await (prefetched ?? this.source.read(s.offset, s.info.bytes));
    if (!sumMatches(buf, s.info.sum)) throw new SnapshotError('快照文件已损坏（校验和不符）');
    return buf;
  }

  /**
   * The files with their report texts (reads and checks the `texts` section). The section is
   * decoded into one string and the texts are slices of it; textHome tells where each lies.
   */
  async files(): Promise<SnapshotFile[]> {
    const blob = await this.section(TEXTS_SECTION);
    const chars = blob.length / 2;
    const joined = blob.toString('utf16le');
    return this.meta.files.map((f) => ({
      path: f.path,
      size: f.size,
      mtimeMs: f.mtimeMs,
      encoding: f.encoding,
      reports: f.reports.map((r) => {
        if (!(r.at >= 0 && r.len >= 0 && r.at + r.len <= chars)) throw new SnapshotError('快照文件已损坏（文本位置越界）');
        const report = { title: r.title, text: joined.slice(r.at, r.at + r.len) };
        homes.set(report, { base: joined, at: r.at });
        return report;
      }),
    }));
  }
}

const homes = new WeakMap<SnapshotReport, { base: string; at: number }>();

/** For a report read by SnapshotReader.files: the decoded texts section and the text's offset in it. */
export function textHome(report: SnapshotReport): { base: string; at: number } | undefined {
  return homes.get(report);
}

/** Opens a snapshot held in memory (tests, tools). */
export function openSnapshotBuffer(buf: Buffer, expect: DecodeExpectations): Promise<SnapshotReader> {
  return SnapshotReader.open(bufferSource(buf), expect);
}

/**
 * Opens the snapshot file and runs `use` on it; the file is closed afterwards. Returns
 * undefined when there is no file. Other problems throw SnapshotError.
 */
export async function withSnapshotFile<T>(file: string, expect: DecodeExpectations, use: (r: SnapshotReader) => Promise<T>): Promise<T | undefined> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SnapshotError(`无法读取快照（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new SnapshotError('快照路径不是普通文件');
    const source: ByteSource = {
      size: st.size,
      read: async (offset, length) => {
        const out = Buffer.allocUnsafeSlow(length);
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(out, done, length - done, offset + done);
          if (bytesRead === 0) throw new SnapshotError('快照文件不完整（被截断）');
          done += bytesRead;
        }
        return out;
      },
    };
    return await use(await SnapshotReader.open(source, expect));
  } finally {
    await handle.close();
  }
}

/**
 * Writes a snapshot atomically: to a temporary file in the same folder, flushed, then
 * renamed over the target, so a reader sees the old file or the new one, never half of one.
 */
export async function writeSnapshotFile(file: string, pieces: Iterable<Uint8Array>): Promise<void> {
  await fsp.mkdir(nodePath.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await fsp.open(tmp, 'w', 0o600);
    try {
      for (const p of pieces) {
        let done = 0;
        while (done < p.byteLength) done += (await handle.write(p, done, p.byteLength - done)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
