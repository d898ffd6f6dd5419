import type { Anomaly, AnomalyType, ReportNode } from '../types';
import { parseCircled, toChineseNumber, toCircled } from '../text/chars';

/**
 * Numbering slips found after the tree is built, one sibling list at a time: gaps,
 * duplicates, restarts, mixed separators, `（五）、` and lists standing where their parent
 * level is missing. Messages are plain Chinese for the lint layer to show as they are.
 */

export interface AnomalyContext {
  /** Numbering family of a node (see ordinalFamily), or undefined for unnumbered Markdown headings. */
  familyOf(node: ReportNode): number | undefined;
  /** Separator written after the number (、 . ．). */
  separatorOf(node: ReportNode): string;
  /** Stray punctuation after the marker, as in （五）、. */
  suffixSlipOf(node: ReportNode): string | undefined;
  /** Restarted lists the parser nested under the previous item. */
  nestedRestarts: ReadonlySet<ReportNode>;
}

/** The ordinal marker as written: the node's name up to its label (`（五）、`, `一、`, `二是`). */
export function markerOf(node: ReportNode): string {
  return node.name.slice(0, Math.max(0, node.labelStart - node.headingStart)).trim();
}

/** The marker rewritten with another number, keeping its form: （三） → （四）, 3. → 4. */
export function withOrdinal(marker: string, n: number): string {
  if (/[0-9０-９]+/.test(marker)) return marker.replace(/[0-9０-９]+/, String(n));
  if (/[一二三四五六七八九十]+/.test(marker)) return marker.replace(/[一二三四五六七八九十]+/, toChineseNumber(n));
  const circled = [...marker].find((c) => parseCircled(c) !== undefined);
  return circled ? marker.replace(circled, toCircled(n)) : marker;
}

/** 、 versus . and ． — one list should use one. */
function separatorClass(sep: string): string {
  return sep === '、' ? '、' : sep === '.' || sep === '．' ? '.' : sep;
}

interface RunState {
  last: number;
  style: string;
  sep: string;
  marker: string;
  /** Marker of the run's first item, the form the others should follow. */
  firstMarker: string;
}

export function findAnomalies(roots: readonly ReportNode[], ctx: AnomalyContext): Anomaly[] {
  const out: Anomaly[] = [];
  const add = (type: AnomalyType, node: ReportNode, message: string, expected?: number) => {
    const a: Anomaly = { type, node, message };
    if (expected !== undefined) a.expected = expected;
    out.push(a);
  };

  // Which families stand as parents of which, anywhere in the report (for orphan-level).
  const parentsOf = new Map<number, Set<number>>();
  const noteParents = (nodes: readonly ReportNode[], parent: ReportNode | undefined) => {
    for (const n of nodes) {
      const f = ctx.familyOf(n);
      const pf = parent && parent.style !== 'markdown' ? ctx.familyOf(parent) : undefined;
      if (f !== undefined && pf !== undefined && n.style !== 'shi' && pf !== f) {
        if (!parentsOf.has(f)) parentsOf.set(f, new Set());
        parentsOf.get(f)!.add(pf);
      }
      noteParents(n.children, n);
    }
  };
  noteParents(roots, undefined);

  const visit = (nodes: readonly ReportNode[], parent: ReportNode | undefined) => {
    const runs = new Map<string, RunState>();
    for (const n of nodes) {
      const marker = markerOf(n);
      const slip = ctx.suffixSlipOf(n);
      if (slip) add('style-suffix', n, `编号“${marker}”后多了“${slip}”：括号或圈码编号后不再加标点，应为“${marker.slice(0, -slip.length)}”。`);
      if (ctx.nestedRestarts.has(n)) {
        add('restart', n, `“${parent ? markerOf(parent) : ''}”之下的编号又从“${marker}”开始，与上一级同用一种编号，层级容易混淆；下一级请换用“1.”等编号。`);
      }
      const family = ctx.familyOf(n);
      if (family === undefined || n.ordinal === undefined) continue;
      const key = `${n.style === 'markdown' ? 'md' : ''}${family}`;
      const ord = n.ordinal;
      const sep = separatorClass(ctx.separatorOf(n));
      const run = runs.get(key);
      if (!run) {
        if (ord > 1 && n.style !== 'shi' && !ctx.nestedRestarts.has(n)) {
          add('gap', n, `本级编号应从“${withOrdinal(marker, 1)}”开始，这里是“${marker}”。`, 1);
        }
        runs.set(key, { last: ord, style: n.style, sep, marker, firstMarker: marker });
        continue;
      }
      if (n.style !== run.style || (n.style === 'cn' && sep !== run.sep)) {
        add('mixed-style', n, `同一级编号混用了“${run.firstMarker}”和“${marker}”两种写法，应统一为“${withOrdinal(run.firstMarker, ord)}”。`);
      }
      if (ord === run.last + 1) {
        // in sequence
      } else if (ord === 1 && n.style === 'shi') {
        // a new 一是… run inside the same section is normal
      } else if (ord === 1 && run.last >= 2) {
        add('restart', n, `编号在“${run.marker}”之后又从“${marker}”重新开始；如是新的部分，请补上上一级标题。`);
      } else if (ord > run.last + 1) {
        add('gap', n, `编号不连续：“${run.marker}”之后应为“${withOrdinal(marker, run.last + 1)}”，这里是“${marker}”。`, run.last + 1);
      } else {
        add('duplicate', n, `编号重复：本级已有“${marker}”，这里应为“${withOrdinal(marker, run.last + 1)}”。`, run.last + 1);
      }
      run.last = ord;
      run.marker = marker;
    }

    // A list standing beside the level that elsewhere is its parent: its parent heading is missing.
    const parentFamily = parent && parent.style !== 'markdown' ? ctx.familyOf(parent) : undefined;
    // Families flagged already, or with no parent-level node after them: nothing more to find.
    const settled = new Set<number>();
    nodes.forEach((n, i) => {
      const f = ctx.familyOf(n);
      if (f === undefined || n.style === 'shi' || n.style === 'markdown' || settled.has(f)) return;
      const parents = parentsOf.get(f);
      if (!parents || (parentFamily !== undefined && parents.has(parentFamily))) return;
      let later: ReportNode | undefined;
      for (let j = i + 1; j < nodes.length && !later; j++) {
        const m = nodes[j];
        if (m.style !== 'shi' && m.style !== 'markdown' && parents.has(ctx.familyOf(m) ?? -1)) later = m;
      }
      // None after this one: none after a later node of this family either (a pasted
      // compilation has thousands of top-level nodes; searching again for each was quadratic).
      if (!later) return void settled.add(f);
      settled.add(f);
      add('orphan-level', n, `“${markerOf(n)}”一级出现在“${markerOf(later)}”一级之前，缺少上一级标题：本文其他地方这一级编号都在“${markerOf(later)}”一级之下。`);
    });

    for (const n of nodes) visit(n.children, n);
  };
  visit(roots, undefined);
  return out;
}
