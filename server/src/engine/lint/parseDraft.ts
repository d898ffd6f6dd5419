/**
 * A draft parsed for the editor features (outline, folding, lint, code actions): the report
 * tree with section kinds inferred. Front matter and HTML comments (lint switches, notes to
 * self) are blanked before parsing — offsets kept — so a `---` or `<!-- … -->` line is never
 * taken for the title or a paragraph; the tree still carries the draft's own text.
 */
import { frontMatter, type FrontMatter } from '../delivery/markdown';
import { inferKinds } from '../report/kinds';
import { parseStructure, type ReportStructure } from '../report/structure';
import type { LineIndex } from '../text/lineIndex';
import type { ReportTree } from '../types';

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** The tree of `text`; `fm` its front matter when the caller has read it. */
export function parseDraft(text: string, fm: FrontMatter | undefined = frontMatter(text)): ReportTree {
  return parseDraftStructure(text, fm).complete();
}

/**
 * The structure of a draft (sections nested, no kinds: see ReportStructure); `complete()`
 * makes it the tree parseDraft gives, kinds inferred. `lines`: the draft's line index, if kept.
 */
export function parseDraftStructure(text: string, fm: FrontMatter | undefined = frontMatter(text), lines?: LineIndex): ReportStructure {
  let source = fm ? blank(text.slice(0, fm.end)) + text.slice(fm.end) : text;
  if (source.includes('<!--')) source = source.replace(/<!--[\s\S]*?(?:-->|$)/g, blank);
  // The draft's line index serves only when it indexes this same text (the scan reads lines through it).
  const structure = parseStructure(source, {}, source === text ? lines : undefined);
  const tree = structure.tree;
  const title = tree.title?.text;
  /** The tree carries the draft's own text (the kinds are inferred on the blanked one). */
  const ownText = () => {
    if (source === text) return;
    tree.text = text;
    if (tree.title) tree.title.text = text.slice(tree.title.start, tree.title.end);
  };
  ownText();
  let done = false;
  return {
    tree,
    complete: () => {
      if (done) return tree;
      done = true;
      tree.text = source;
      if (tree.title && title !== undefined) tree.title.text = title;
      structure.complete();
      inferKinds(tree);
      ownText();
      return tree;
    },
  };
}
