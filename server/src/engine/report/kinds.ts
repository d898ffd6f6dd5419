import type { ReportNode, ReportTree, SectionKind } from '../types';
import { LineIndex } from '../text/lineIndex';
import { ordinalFamily } from './ordinals';
import { paragraphCue, soundsLikeShortcoming } from './cues';

/**
 * What part of a report a heading names (履职情况 → duty, 存在的问题及原因 → problems +
 * causes …), as a table of patterns, plus inference for slogan headings and headless reports.
 */

export interface KindRule {
  kind: SectionKind;
  /** Any match signals the kind. */
  patterns: readonly RegExp[];
  /**
   * Weak rules only count when no strong rule matched: 履职 in `夯实履职根基` is a slogan word
   * when the heading is about study, but the whole signal of `认真履职，提高党建水平`.
   */
  weak?: boolean;
}

/** The heading table. Order does not matter; results are ordered by where they match in the heading. */
export const HEADING_KIND_RULES: readonly KindRule[] = [
  {
    kind: 'duty',
    patterns: [
      /履职(情况|尽责|工作)/,
      /^述职/,
      /(?<!(下一?步|今后|明年|下阶段|来年).{0,4})主要工作/,
      /工作(开展|推进|完成)?情况|开展情况|完成情况|工作回顾|工作总结/,
      /(落实|履行).{0,12}(职责|责任制?)(的)?情况/,
      /(主要)?做法/,
    ],
  },
  {
    kind: 'duty',
    weak: true,
    patterns: [/履职|尽责|职责/, /成效|成绩|亮点|业绩|实绩/, /推动.{0,8}发展|事业发展/, /(中心|本职|业务|分管|重点)工作/, /担当|(显|新|有|善|敢)作为/],
  },
  { kind: 'study', patterns: [/述学/, /学习/, /理论武装/, /学思/, /读书/, /政治理论/, /学懂弄通/] },
  { kind: 'integrity', patterns: [/述廉/, /廉/, /拒腐/, /防腐/, /反腐/, /自律/, /八项规定/, /四风/, /一岗双责/, /纪律|守纪/, /作风建设/] },
  { kind: 'law', patterns: [/述法/, /学法|用法|守法|尊法|普法/, /法治/, /依法/, /法律/] },
  {
    kind: 'virtue',
    patterns: [/述德/, /品德|德行|道德|品行|品格/, /(思想|政治)表现/, /政治(站位|品质|素质|忠诚|定力)/, /理想信念/, /修身|立德(?!树人)/, /讲政治/],
  },
  { kind: 'pledge', patterns: [/承诺|兑现|践诺/] },
  {
    kind: 'problems',
    patterns: [
      /(?<!(解决|化解|破解|整改|处理|查找|导向).{0,6})问题(?!导向)/,
      /(?<!(补齐?|弥补|缩小|克服).{0,2})(不足|差距|短板|弱项|缺点|困难)/,
      /查摆/,
    ],
  },
  { kind: 'causes', patterns: [/原因|根源|反思|剖析/] },
  {
    kind: 'next',
    patterns: [/下一?步/, /下阶段/, /打算/, /今后/, /明年|来年|新的一年/, /努力方向|前进方向/, /整改/, /展望/],
  },
  { kind: 'next', weak: true, patterns: [/(思路|措施|举措|计划|目标|规划|安排)(和|及|与|、)?.{0,6}$/] },
  { kind: 'closing', patterns: [/结束语|结语|述职完毕|以上(报告|述职)/] },
];

function firstMatch(label: string, patterns: readonly RegExp[]): number {
  let best = -1;
  for (const p of patterns) {
    const m = p.exec(label);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

/** Section kinds a heading label names, in the order they appear in it ([] for pure slogans). */
export function classifyHeading(label: string): SectionKind[] {
  const collect = (weak: boolean) => {
    const hits = new Map<SectionKind, number>();
    for (const rule of HEADING_KIND_RULES) {
      if (!!rule.weak !== weak) continue;
      const at = firstMatch(label, rule.patterns);
      if (at >= 0 && (!hits.has(rule.kind) || at < hits.get(rule.kind)!)) hits.set(rule.kind, at);
    }
    return [...hits.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  };
  const strong = collect(false);
  return strong.length ? strong : collect(true);
}

/**
 * Where the nodes of a tree start, for leadIn's questions in O(log n) — a pasted
 * compilation has thousands of runs, and walking the whole tree for each was quadratic.
 */
interface NodeSpans {
  /** Start offsets of all nodes (every depth), ascending. */
  starts: Int32Array;
  /** Top-level sections by start; `maxEnd[i]`: the largest end among the first i + 1 of them. */
  top: readonly ReportNode[];
  maxEnd: Int32Array;
}

function nodeSpans(tree: ReportTree): NodeSpans {
  const all: number[] = [];
  const walk = (nodes: readonly ReportNode[]) => {
    for (const n of nodes) {
      all.push(n.start);
      walk(n.children);
    }
  };
  walk(tree.sections);
  const starts = Int32Array.from(all).sort();
  const top = [...tree.sections].sort((a, b) => a.start - b.start);
  const maxEnd = new Int32Array(top.length);
  for (let i = 0; i < top.length; i++) maxEnd[i] = Math.max(top[i].end, i ? maxEnd[i - 1] : -1);
  return { starts, top, maxEnd };
}

/** Number of entries of the ascending `a` (by `key`) at most `x`. */
function countAtMost<T>(a: ArrayLike<T>, x: number, key: (v: T) => number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(a[mid]) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const itself = (v: number) => v;
const startOf = (n: ReportNode) => n.start;

/**
 * The text that introduces a top-level node when it has no heading of its own: the start of
 * its paragraph before an inline item, or the paragraph just before it when that paragraph is
 * not itself a node and reads as an introduction (outside every section, or ending with ：).
 */
function leadIn(tree: ReportTree, lines: LineIndex, spans: NodeSpans, node: ReportNode): string | undefined {
  const pos = lines.positionAt(node.start);
  const before = tree.text.slice(lines.lineStart(pos.line), node.start).trim();
  if (before) return before;
  let ln = pos.line - 1;
  while (ln >= 0 && !lines.lineText(ln).trim()) ln--;
  if (ln < 0) return undefined;
  const start = lines.lineStart(ln);
  const end = lines.lineEnd(ln);
  // Does a node (at any depth) start on that line?
  if (countAtMost(spans.starts, end, itself) > countAtMost(spans.starts, start - 1, itself)) return undefined;
  const text = lines.lineText(ln).trim();
  // Does a top-level section hold the whole line (one starting at or before it, ending at or after it)?
  const k = countAtMost(spans.top, start, startOf);
  const inSection = k > 0 && spans.maxEnd[k - 1] >= end;
  return !inSection || /[：:]$/.test(text) ? text : undefined;
}

/**
 * Kinds of the top-level nodes with inference applied (the tree is not changed):
 * - a heading that names nothing gets the kind its lead-in paragraph announces (“但也存在以下不足：”);
 * - a run of items that mostly criticise (不够, 有待…) is problems;
 * - otherwise unnamed sections before the problems are duty, and a new run after them is next;
 * - 一是… items at the top level (headless reports) take their run's kind besides their own.
 */
export function inferTopLevelKinds(tree: ReportTree): SectionKind[][] {
  const nodes = tree.sections;
  const lines = new LineIndex(tree.text);
  const spans = nodeSpans(tree);
  const out = nodes.map((n) => [...n.kinds]);
  let state: 'before' | 'problems' | 'after' = 'before';
  let i = 0;
  while (i < nodes.length) {
    // A run: one numbered list, until the family changes or the numbering starts over.
    let j = i + 1;
    const fam = ordinalFamily(nodes[i].style);
    while (
      j < nodes.length &&
      ordinalFamily(nodes[j].style) === fam &&
      nodes[j].ordinal !== undefined &&
      nodes[j].ordinal !== 1
    ) j++;
    const run = nodes.slice(i, j);
    const isItems = run.every((n) => n.style === 'shi');
    const cue = (() => {
      const t = leadIn(tree, lines, spans, run[0]);
      const k = t ? paragraphCue(t) : undefined;
      return k === 'closing' ? undefined : k;
    })();
    const unnamed = run.filter((n) => isItems || !n.kinds.length);
    const critical = unnamed.length > 0 && unnamed.filter((n) => soundsLikeShortcoming(n.label)).length * 2 >= unnamed.length;
    let carried: SectionKind | undefined = cue ?? (critical ? 'problems' : undefined);
    run.forEach((n, k) => {
      const idx = i + k;
      let signals: readonly SectionKind[];
      if (!isItems && n.kinds.length > 0) {
        carried = undefined; // a named heading ends what a lead-in announced
        signals = out[idx];
      } else {
        const kind = carried ?? (state === 'before' ? 'duty' : state === 'problems' && k === 0 ? 'next' : undefined);
        if (kind && !out[idx].includes(kind)) out[idx] = [kind, ...out[idx]];
        carried = kind;
        // An item's own words (措施, 问题…) name its topic, not the part of the report it is in.
        signals = isItems ? (kind ? [kind] : []) : out[idx];
      }
      if (signals.includes('next')) state = 'after';
      else if (state === 'before' && (signals.includes('problems') || signals.includes('causes'))) state = 'problems';
    });
    i = j;
  }
  return out;
}

/** Fills the kinds of top-level nodes by inference (see inferTopLevelKinds). Idempotent; returns the tree. */
export function inferKinds(tree: ReportTree): ReportTree {
  const kinds = inferTopLevelKinds(tree);
  tree.sections.forEach((n, i) => {
    n.kinds = kinds[i];
  });
  return tree;
}
