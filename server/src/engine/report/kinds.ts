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
 * The text that introduces a top-level node when it has no heading of its own: the start of
 * its paragraph before an inline item, or the paragraph just before it when that paragraph is
 * not itself a node and reads as an introduction (outside every section, or ending with ：).
 */
function leadIn(tree: ReportTree, lines: LineIndex, node: ReportNode): string | undefined {
  const pos = lines.positionAt(node.start);
  const before = tree.text.slice(lines.lineStart(pos.line), node.start).trim();
  if (before) return before;
  let ln = pos.line - 1;
  while (ln >= 0 && !lines.lineText(ln).trim()) ln--;
  if (ln < 0) return undefined;
  const start = lines.lineStart(ln);
  const end = lines.lineEnd(ln);
  const startsNode = (nodes: readonly ReportNode[]): boolean =>
    nodes.some((n) => (n.start >= start && n.start <= end) || startsNode(n.children));
  if (startsNode(tree.sections)) return undefined;
  const text = lines.lineText(ln).trim();
  const inSection = tree.sections.some((n) => n.start <= start && end <= n.end);
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
      const t = leadIn(tree, lines, run[0]);
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
