/**
 * Saving and restoring corpus indexes in the snapshot without knowing their shapes.
 *
 * An index can be snapshotted when it is a plain object (object literal, no class
 * instance, no functions) whose own fields are only: typed arrays, strings, numbers,
 * booleans, null/undefined, the corpus report array itself (re-linked to the loaded reports
 * on restore), caches — Maps/Sets in a field whose name is `cache` or ends in `Cache`,
 * restored empty — or small plain data (nested plain objects and arrays of the above
 * primitives, at most JSON_NODES values, no report object), stored as JSON. Anything else
 * (a MiniSearch instance, a Map of data, objects shared with the reports) makes the index
 * “not serialisable”: it is simply rebuilt after a restart. So the suffix-array indexes,
 * which are typed arrays and strings by design, and small statistics are saved, and nothing
 * ever comes back half-restored.
 *
 * Big strings and typed arrays get a snapshot section of their own; a restored typed array
 * is a view of its section's buffer (no copy).
 */
import type { CorpusReport } from '../engine/types';
import { SnapshotError, type SnapshotReader } from './snapshotFile';
import { sharedCorpusText } from '../engine/search/corpusText';

const TYPED = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

type FieldDesc =
  | { t: 'value'; v: string | number | boolean | null }
  | { t: 'json'; v: unknown }
  | { t: 'undefined' }
  | { t: 'string'; section: string }
  | { t: 'corpus-text' }
  | { t: 'typed'; ctor: TypedName; section: string }
  | { t: 'reports' }
  | { t: 'map' }
  | { t: 'set' };

/** How one index is described in the snapshot meta. */
export interface IndexDesc {
  key: string;
  fields: Record<string, FieldDesc>;
}

/** Strings longer than this go to a section of their own (UTF-16LE) instead of the meta JSON. */
const INLINE_STRING = 256;

/** Most values a field of plain data may hold (it goes into the snapshot meta as JSON). */
const JSON_NODES = 20000;

/**
 * True when `v` survives JSON exactly: plain objects and arrays of strings, finite numbers,
 * booleans and null, at most `budget.left` values, none of them a corpus report.
 */
function isPlainData(v: unknown, reports: ReadonlySet<unknown>, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || reports.has(v)) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainData(v[i], reports, budget)) return false;
    return true;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  // Accessors are not read: a getter may do work (lazy report trees) or not survive JSON.
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
    if (!('value' in d) || d.value === undefined || !isPlainData(d.value, reports, budget) || typeof k !== 'string') return false;
  }
  return true;
}

function isCacheField(name: string): boolean {
  return name === 'cache' || name.endsWith('Cache');
}

function typedName(v: unknown): TypedName | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  for (const name of Object.keys(TYPED) as TypedName[]) if (v.constructor === TYPED[name]) return name;
  return undefined;
}

export interface EncodedIndex {
  desc: IndexDesc;
  /** Typed arrays as views of their own bytes, strings as they are: nothing is copied here. */
  sections: Array<{ name: string; bytes: Uint8Array } | { name: string; text: string }>;
}

/** True when `encodeIndex` would accept the value (a cheap check: nothing is copied). */
export function canEncodeIndex(_key: string, value: unknown, reports: readonly CorpusReport[]): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const reportSet = new Set<unknown>(reports);
  const budget = { left: JSON_NODES };
  return Object.entries(value).every(
    ([name, v]) =>
      typedName(v) !== undefined ||
      typeof v === 'string' ||
      typeof v === 'boolean' ||
      v === null ||
      v === undefined ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      v === reports ||
      ((v instanceof Map || v instanceof Set) && isCacheField(name)) ||
      isPlainData(v, reportSet, budget),
  );
}

/**
 * Encodes `value` (the index stored under `key`) or explains why it cannot be.
 * `reports` is the array the index was built from.
 */
export function encodeIndex(key: string, value: unknown, reports: readonly CorpusReport[]): EncodedIndex | { reason: string } {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return { reason: '不是普通对象' };
  }
  const fields: Record<string, FieldDesc> = {};
  const sections: EncodedIndex['sections'] = [];
  const reportSet = new Set<unknown>(reports);
  const budget = { left: JSON_NODES };
  for (const [name, v] of Object.entries(value)) {
    const section = `index:${key}:${name}`;
    const typed = typedName(v);
    if (typed) {
      const a = v as ArrayBufferView;
      fields[name] = { t: 'typed', ctor: typed, section };
      sections.push({ name: section, bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength) });
    } else if (typeof v === 'string') {
      if (v.length <= INLINE_STRING) fields[name] = { t: 'value', v };
      else if (v === sharedCorpusText(reports)?.text) {
        // The corpus's joined text is the snapshot's texts section already.
        fields[name] = { t: 'corpus-text' };
      } else {
        fields[name] = { t: 'string', section };
        sections.push({ name: section, text: v });
      }
    } else if (typeof v === 'number' || typeof v === 'boolean' || v === null) {
      if (typeof v === 'number' && !Number.isFinite(v)) return { reason: `字段 ${name} 不是有限数` };
      fields[name] = { t: 'value', v };
    } else if (v === undefined) {
      fields[name] = { t: 'undefined' };
    } else if (v === reports) {
      fields[name] = { t: 'reports' };
    } else if (v instanceof Map && isCacheField(name)) {
      fields[name] = { t: 'map' };
    } else if (v instanceof Set && isCacheField(name)) {
      fields[name] = { t: 'set' };
    } else if (isPlainData(v, reportSet, budget)) {
      fields[name] = { t: 'json', v };
    } else {
      return { reason: `字段 ${name} 无法保存` };
    }
  }
  return { desc: { key, fields }, sections };
}

function isDesc(d: unknown): d is IndexDesc {
  return typeof d === 'object' && d !== null && typeof (d as IndexDesc).key === 'string' && typeof (d as IndexDesc).fields === 'object';
}

/** The sections the indexes described by `descs` are read from (none for a description not understood). */
export function indexSections(descs: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const d of descs) {
    if (!isDesc(d)) continue;
    for (const f of Object.values(d.fields)) if ((f.t === 'string' || f.t === 'typed') && typeof f.section === 'string') out.push(f.section);
  }
  return out;
}

/** Restores an index described by `desc`, reading its sections from the snapshot. */
export async function decodeIndex(desc: unknown, reader: SnapshotReader, reports: readonly CorpusReport[]): Promise<{ key: string; value: unknown }> {
  if (!isDesc(desc)) throw new SnapshotError('快照中的索引描述无法识别');
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(desc.fields)) {
    switch (f.t) {
      case 'value':
        out[name] = f.v;
        break;
      case 'json':
        out[name] = f.v;
        break;
      case 'undefined':
        out[name] = undefined;
        break;
      case 'string':
        out[name] = (await reader.section(f.section)).toString('utf16le');
        break;
      case 'corpus-text': {
        const shared = sharedCorpusText(reports);
        if (!shared) throw new SnapshotError('快照中的索引引用的语料文本不可用');
        out[name] = shared.text;
        break;
      }
      case 'typed': {
        const Ctor = TYPED[f.ctor];
        if (!Ctor) throw new SnapshotError('快照中的索引类型无法识别');
        const buf = await reader.section(f.section);
        if (buf.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new SnapshotError('快照中的索引长度不对');
        // Sections are read into buffers of their own at offset 0, so the view is aligned.
        out[name] = new Ctor(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength / Ctor.BYTES_PER_ELEMENT);
        break;
      }
      case 'reports':
        out[name] = reports;
        break;
      case 'map':
        out[name] = new Map();
        break;
      case 'set':
        out[name] = new Set();
        break;
      default:
        throw new SnapshotError('快照中的索引字段无法识别');
    }
  }
  return { key: desc.key, value: out };
}
