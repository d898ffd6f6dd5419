/**
 * A draft as every feature reads it, computed once per document version: its text, front
 * matter, report tree (section kinds inferred), prose view, line index and report type. Each
 * view is worked out the first time it is asked for and kept, so lint, review, the outline,
 * completion, the check-up page and the CLI share one parse. A Draft never changes: a new
 * version of the document is a new Draft.
 */
import { frontMatter, type FrontMatter } from '../delivery/markdown';
import { LineIndex } from '../text/lineIndex';
import type { ReportTree } from '../types';
import { parseDraftStructure } from './parseDraft';
import type { ReportStructure } from '../report/structure';
import { proseView, type ProseView } from './prose';
import { reportTypeOf, type ReportTypeChoice } from './reportTypeOf';

export class Draft {
  private fm?: { value: FrontMatter | undefined };
  private parsed?: ReportTree;
  private nested?: ReportStructure;
  private masked?: ProseView;
  private index?: LineIndex;
  private types?: Map<string, ReportTypeChoice>;

  /** `version` and `uri` name the document version the text is (0 and '' outside an editor). */
  constructor(
    readonly text: string,
    readonly version = 0,
    readonly uri = '',
  ) {}

  /**
   * Takes in the masked prose another thread worked out for this same text (a huge draft's,
   * from the worker): the corpus rules read it; the prose lines are worked out here only if asked for.
   */
  knowMasked(masked: string): void {
    if (this.masked) return;
    const text = this.text;
    let lines: ProseView['lines'] | undefined;
    this.masked = {
      masked,
      get lines() {
        return (lines ??= proseView(text).lines);
      },
    };
  }

  /** The `--- … ---` block at the top, if any. */
  get frontMatter(): FrontMatter | undefined {
    return (this.fm ??= { value: frontMatter(this.text) }).value;
  }

  /** Has the tree been parsed yet (a huge draft's tree may only exist in a worker)? */
  get hasTree(): boolean {
    return this.parsed !== undefined;
  }

  /**
   * The report tree's structure: sections nested, with offsets and ranges, but no kinds or
   * anomalies yet (what the outline and folding read; a pasted draft's outline is sent before
   * the rest is worked out). The same object as `tree` once that is asked for.
   */
  get structure(): ReportTree {
    return this.parsed ?? (this.nested ??= parseDraftStructure(this.text, this.frontMatter, this.lines)).tree;
  }

  /** The report tree, section kinds inferred. */
  get tree(): ReportTree {
    if (!this.parsed) {
      this.parsed = (this.nested ?? parseDraftStructure(this.text, this.frontMatter, this.lines)).complete();
      // The parse's working state (each node's scan event) is not kept once the tree is complete.
      this.nested = undefined;
    }
    return this.parsed;
  }

  /** The prose as lint rules see it (non-prose blanked, offsets kept). */
  get prose(): ProseView {
    return (this.masked ??= proseView(this.text));
  }

  /** Offsets ⇄ LSP positions. */
  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  /** Takes in the line starts another thread worked out for this same text (LineIndex.starts): a huge draft's, from the worker. */
  knowLines(starts: Uint32Array): void {
    this.index ??= LineIndex.fromStarts(this.text, starts);
  }

  /** The report type the draft is checked against (see reportTypeOf.ts): `setting` is shuzhi.reportType, `explicit` a type chosen for one run. */
  reportType(setting: string, explicit = ''): ReportTypeChoice {
    const key = `${setting}\u0000${explicit}`;
    const types = (this.types ??= new Map());
    let choice = types.get(key);
    if (!choice) types.set(key, (choice = reportTypeOf(this.text, this.tree, setting, explicit, this.frontMatter)));
    return choice;
  }
}

/** `text` as a Draft (a Draft as it is). */
export function draftOf(text: string | Draft): Draft {
  return typeof text === 'string' ? new Draft(text) : text;
}
