/**
 * A draft parsed for the editor features (outline, folding, lint, code actions): the report
 * tree with section kinds inferred. Front matter and HTML comments (lint switches, notes to
 * self) are blanked before parsing — offsets kept — so a `---` or `<!-- … -->` line is never
 * taken for the title or a paragraph; the tree still carries the draft's own text.
 */
import { frontMatter, type FrontMatter } from '../delivery/markdown';
import { inferKinds } from '../report/kinds';
import { parseReport } from '../report/structure';
import type { ReportTree } from '../types';

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** The tree of `text`; `fm` its front matter when the caller has read it. */
export function parseDraft(text: string, fm: FrontMatter | undefined = frontMatter(text)): ReportTree {
  let source = fm ? blank(text.slice(0, fm.end)) + text.slice(fm.end) : text;
  if (source.includes('<!--')) source = source.replace(/<!--[\s\S]*?(?:-->|$)/g, blank);
  const tree = parseReport(source);
  inferKinds(tree);
  if (source !== text) {
    tree.text = text;
    if (tree.title) tree.title.text = text.slice(tree.title.start, tree.title.end);
  }
  return tree;
}
