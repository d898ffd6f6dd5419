import type { OrdinalStyle, Range, ReportNode, ReportTitle, ReportTree, SectionKind } from '../types';
import { LineIndex } from '../text/lineIndex';
import { scanReport, type HeadingEvent } from './scan';
import { findAnomalies } from './anomalies';
import { classifyHeading } from './kinds';

/**
 * Parses a report or draft into its tree of sections and 一是… items.
 *
 * Nesting: Markdown headings nest by `#` depth and always stand above enumerated headings.
 * Enumerated headings nest by the level stack the report itself uses: a numbering family
 * first seen right after a heading of another family opens a deeper level. When the report
 * gives no evidence (or contradictory evidence) the official order decides:
 * 一、 → （一） → 1./1、 → （1） → ①. 一是… items are always the lowest level.
 *
 * Real drafts restart lists: `（四）存在的问题` followed by `（一）…（二）…` and then `（五）`
 * nests the restarted list under （四） because the outer list resumes; a restart the outer
 * list never resumes stays on the same level. Both are recorded as anomalies.
 */

export interface ParseOptions {
  /** Recognise 一是/二是… items (default true). */
  includeShi?: boolean;
}

/** An open node on the nesting stack, with the facts the next heading is compared against. */
interface Open {
  node: ReportNode;
  ev: HeadingEvent;
}

/** Evidence counts: key `${child}<${parent}` = how often family `child` opened a list right after a `parent` heading. */
type Evidence = Map<string, number>;

function collectEvidence(events: readonly HeadingEvent[]): Evidence {
  const ev: Evidence = new Map();
  let prev: HeadingEvent | undefined;
  for (const e of events) {
    if (e.kind === 'shi') continue;
    if (e.kind === 'md') {
      prev = undefined;
      continue;
    }
    if (prev && prev.family !== e.family && e.ordinal === 1) {
      const key = `${e.family}<${prev.family}`;
      ev.set(key, (ev.get(key) ?? 0) + 1);
    }
    prev = e;
  }
  return ev;
}

/** Does numbering family `a` stand above family `b` in this report? */
function makeIsAbove(evidence: Evidence): (a: number, b: number) => boolean {
  return (a, b) => {
    if (a === b) return false;
    const diff = (evidence.get(`${b}<${a}`) ?? 0) - (evidence.get(`${a}<${b}`) ?? 0);
    return diff !== 0 ? diff > 0 : a < b;
  };
}

/**
 * After a restart (ordinal 1 where the list stood at `outerLast` ≥ 2), does the outer list
 * resume (outerLast + 1) after the restarted list has run its course? Then the restarted
 * list is nested under the outer list's last item.
 */
function outerResumes(events: readonly HeadingEvent[], i: number, outerLast: number, isAbove: (a: number, b: number) => boolean): boolean {
  const family = events[i].family;
  let innerLast = 1;
  for (let j = i + 1; j < events.length; j++) {
    const e = events[j];
    if (e.kind === 'md') return false;
    if (e.kind === 'shi') continue;
    if (e.family === family) {
      if (e.ordinal === innerLast + 1) innerLast++;
      else return e.ordinal === outerLast + 1;
    } else if (isAbove(e.family, family)) {
      return false;
    }
  }
  return false;
}

/**
 * What the nodes of one tree share: the text they were parsed from and, once a range is
 * asked for, its line index. Ranges are rarely needed for corpus reports (only the
 * editor's outline and folding read them), so they are computed on access instead of
 * being stored: a stored Range is five objects per node, about as much memory as the
 * report's own text.
 */
class TreeSource {
  private index?: LineIndex;
  constructor(
    readonly text: string,
    /** A line index of the same lines its owner keeps anyway (a Draft's), used for the ranges. */
    private readonly shared?: LineIndex,
  ) {}
  get lines(): LineIndex {
    return (this.index ??= this.shared ?? new LineIndex(this.text));
  }
}

/** Shared empty arrays for the many nodes without kinds or children (frozen: nobody adds to them). */
const NO_KINDS = Object.freeze([]) as unknown as SectionKind[];
const NO_CHILDREN = Object.freeze([]) as unknown as ReportNode[];

/**
 * A node of a parsed tree. Offsets are stored; `name`, `label`, `range` and `selectionRange`
 * are computed from them on access (slices of the tree's text, positions through its line
 * index), which keeps a large corpus's trees a few bytes per character.
 */
class TreeNode implements ReportNode {
  style: OrdinalStyle;
  markdownLevel?: number;
  depth = 0;
  ordinal?: number;
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  labelStart: number;
  kinds: SectionKind[];
  children: ReportNode[] = [];
  private readonly nameStart: number;
  private readonly nameEnd: number;
  private readonly labelEnd: number;

  constructor(private readonly src: TreeSource, e: HeadingEvent) {
    const text = src.text;
    this.style = e.style;
    this.markdownLevel = e.markdownLevel;
    this.ordinal = e.ordinal;
    this.start = e.start;
    this.end = e.itemEnd;
    this.headingStart = e.headingStart;
    this.headingEnd = e.headingEnd;
    this.labelStart = e.labelStart;
    this.labelEnd = e.labelEnd;
    // name is the heading trimmed: keep the trimmed bounds rather than the string.
    const raw = text.slice(e.headingStart, e.headingEnd);
    this.nameStart = e.headingStart + (raw.length - raw.trimStart().length);
    this.nameEnd = Math.max(this.nameStart, e.headingEnd - (raw.length - raw.trimEnd().length));
    // Classified when the structure is completed (completeStructure): the outline needs no kinds.
    this.kinds = NO_KINDS;
  }

  /** Sets the kinds its label names (the full parse; the structure alone leaves them empty). */
  classify(): void {
    const kinds = classifyHeading(this.src.text.slice(this.labelStart, this.labelEnd));
    this.kinds = kinds.length ? kinds : NO_KINDS;
  }

  get name(): string {
    return this.src.text.slice(this.nameStart, this.nameEnd);
  }
  get label(): string {
    return this.src.text.slice(this.labelStart, this.labelEnd);
  }
  get range(): Range {
    return this.src.lines.range(this.start, this.end);
  }
  get selectionRange(): Range {
    return this.src.lines.range(this.headingStart, this.headingEnd);
  }

  /** What JSON.stringify writes: the plain fields and the computed ones, as a plain node would have. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, label: this.label, style: this.style };
    if (this.markdownLevel !== undefined) out.markdownLevel = this.markdownLevel;
    out.depth = this.depth;
    if (this.ordinal !== undefined) out.ordinal = this.ordinal;
    Object.assign(out, {
      start: this.start,
      end: this.end,
      headingStart: this.headingStart,
      headingEnd: this.headingEnd,
      labelStart: this.labelStart,
      range: this.range,
      selectionRange: this.selectionRange,
      kinds: this.kinds,
      children: this.children,
    });
    return out;
  }
}

/** A report title whose range is computed on access. */
class TreeTitle implements ReportTitle {
  constructor(private readonly src: TreeSource, public text: string, readonly start: number, readonly end: number) {}
  get range(): Range {
    return this.src.lines.range(this.start, this.end);
  }
  toJSON(): ReportTitle {
    return { text: this.text, start: this.start, end: this.end, range: this.range };
  }
}

/** Parses `text` (any line endings) into a ReportTree with exact UTF-16 offsets and ranges. */
export function parseReport(text: string, opts: ParseOptions = {}): ReportTree {
  return parseStructure(text, opts).complete();
}

/**
 * A report's structure, the first half of `parseReport`: the tree of sections nested, with
 * their offsets and ranges, but no section kinds and no anomalies yet (the outline and folding
 * need neither: a pasted draft's outline is sent before they are worked out). `complete()`
 * adds them to the same tree — what parseReport returns — and returns it.
 */
export interface ReportStructure {
  tree: ReportTree;
  complete(): ReportTree;
}

/** The structure of `text` (see ReportStructure); `lines` its line index when the caller has one. */
export function parseStructure(text: string, opts: ParseOptions = {}, own?: LineIndex): ReportStructure {
  const lines = own ?? new LineIndex(text);
  // A line index the caller keeps anyway (a Draft's) serves the ranges too; the parse's own is dropped.
  const src = new TreeSource(text, own);
  const { title, events } = scanReport(text, lines, opts.includeShi !== false);
  const isAbove = makeIsAbove(collectEvidence(events));
  const roots: ReportNode[] = [];
  const stack: Open[] = [];
  const eventOf = new Map<ReportNode, HeadingEvent>();
  const nestedRestarts = new Set<ReportNode>();
  const top = () => stack[stack.length - 1];
  const attach = (node: ReportNode, e: HeadingEvent) => {
    const parent = top();
    (parent ? parent.node.children : roots).push(node);
    node.depth = stack.length + 1;
    stack.push({ node, ev: e });
    eventOf.set(node, e);
  };

  events.forEach((e, i) => {
    const node = new TreeNode(src, e);
    if (e.kind === 'md') {
      const level = e.markdownLevel ?? 1;
      while (stack.length && (top().ev.kind !== 'md' || (top().ev.markdownLevel ?? 1) >= level)) stack.pop();
      attach(node, e);
      return;
    }
    while (stack.length && top().ev.kind === 'shi') stack.pop();
    if (e.kind === 'shi') {
      attach(node, e);
      return;
    }
    // Close deeper enumerated levels.
    while (stack.length && top().ev.kind === 'enum' && isAbove(e.family, top().ev.family)) stack.pop();
    // Open lists of this family (a nested restart leaves two): resume the one this ordinal continues.
    const same: number[] = [];
    for (let k = stack.length - 1; k >= 0 && stack[k].ev.kind === 'enum'; k--) {
      if (stack[k].ev.family === e.family) same.push(k);
    }
    if (!same.length) {
      attach(node, e);
      return;
    }
    const ord = e.ordinal ?? 0;
    const fits = same.find((k) => (stack[k].ev.ordinal ?? 0) + 1 === ord);
    const target = fits ?? same[0];
    stack.length = target + 1;
    const prevOrd = top().ev.ordinal ?? 0;
    if (fits === undefined && ord === 1 && prevOrd >= 2 && outerResumes(events, i, prevOrd, isAbove)) {
      nestedRestarts.add(node);
      attach(node, e); // child of the previous sibling
      return;
    }
    stack.pop();
    attach(node, e);
  });

  finishOffsets(text, roots);
  const tree: ReportTree = { text, sections: roots, anomalies: [] };
  if (title) tree.title = new TreeTitle(src, title.text, title.start, title.end);
  // Growing arrays keep spare room: trim them, and share one empty array between leaves.
  const trim = (nodes: ReportNode[]) => {
    for (const n of nodes) {
      n.children = n.children.length ? n.children.slice() : NO_CHILDREN;
      trim(n.children);
    }
  };
  trim(roots);
  let completed = false;
  const complete = (): ReportTree => {
    if (completed) return tree;
    completed = true;
    for (const n of eventOf.keys()) (n as TreeNode).classify();
    tree.anomalies = findAnomalies(roots, {
      familyOf: (n) => {
        const e = eventOf.get(n);
        if (!e || (e.kind === 'md' && e.ordinal === undefined)) return undefined;
        return e.family;
      },
      separatorOf: (n) => eventOf.get(n)?.separator ?? '',
      suffixSlipOf: (n) => eventOf.get(n)?.suffixSlip,
      nestedRestarts,
    });
    return tree;
  };
  return { tree, complete };
}

/**
 * Section ends: a section runs until the next heading that is not its descendant (trailing
 * blank space excluded); an item runs to the end of its paragraph or the next item.
 */
function finishOffsets(text: string, roots: ReportNode[]): void {
  const flat: ReportNode[] = [];
  const walk = (nodes: ReportNode[]) => {
    for (const n of nodes) {
      flat.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  for (let i = flat.length - 1; i >= 0; i--) {
    const n = flat[i];
    let bound = text.length;
    for (let j = i + 1; j < flat.length; j++) {
      if (flat[j].depth <= n.depth) {
        bound = flat[j].start;
        break;
      }
    }
    let end = n.style === 'shi' ? Math.min(n.end, bound) : bound;
    while (end > n.headingEnd && /[\s\u3000]/.test(text[end - 1])) end--;
    const lastChild = n.children[n.children.length - 1];
    n.end = Math.max(end, n.headingEnd, lastChild ? lastChild.end : 0);
  }
}

/** Every node in document order (depth-first, parents before children). */
export function flattenNodes(tree: ReportTree): ReportNode[] {
  const out: ReportNode[] = [];
  const walk = (nodes: readonly ReportNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree.sections);
  return out;
}

/** The chain of nodes containing `offset`, outermost first (empty outside every section). */
export function nodePath(tree: ReportTree, offset: number): ReportNode[] {
  const path: ReportNode[] = [];
  let level: readonly ReportNode[] = tree.sections;
  for (;;) {
    let hit: ReportNode | undefined;
    // The last match wins where one node ends exactly where the next begins.
    for (const n of level) if (n.start <= offset && offset <= n.end) hit = n;
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

/** The deepest node containing `offset`, if any. */
export function nodeAt(tree: ReportTree, offset: number): ReportNode | undefined {
  const path = nodePath(tree, offset);
  return path[path.length - 1];
}

/** Names of the sections (and item) containing `offset`, outermost first, e.g. ['一、履职情况', '（一）加强学习']. */
export function headingPath(tree: ReportTree, offset: number): string[] {
  return nodePath(tree, offset).map((n) => n.name);
}
