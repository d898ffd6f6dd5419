/**
 * The outline from the structure pass (Draft.structure: sections nested, no kinds) with its
 * counts worked out in one pass (nodeCounts) is the outline the full parse gives with every
 * section counted on its own (countRange) — on the unseen fixtures, the bundled corpus,
 * synthetic compilations and Markdown edge cases — and asking for it parses no kinds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Draft } from '../../server/src/engine/lint/draft';
import { foldsOf, outlineOf } from '../../server/src/engine/lint/folding';
import { parseDraft } from '../../server/src/engine/lint/parseDraft';
import { countPlain, countRange, nodeCounts, sectionCountDetail } from '../../server/src/engine/delivery/count';
import { visibleText } from '../../server/src/engine/delivery/markdown';
import { outlineSymbols } from '../../server/src/engine/report/symbols';
import { flattenNodes } from '../../server/src/engine/report/structure';
import { corpusTree } from '../../server/src/engine/report/tree';
import { INLINE_MARKUP_START, parseInline } from '../../server/src/engine/delivery/mdInline';
import type { ReportNode, ReportTree } from '../../server/src/engine/types';
import { synthesizeDraft } from '../../bench/synth';
import { prng } from '../helpers/prng';

const ROOT = path.join(__dirname, '..', '..');

/** The outline as defined before the structure pass: the full tree, each node counted whole. */
function referenceOutline(text: string, showItems: boolean) {
  const tree = parseDraft(text);
  return outlineSymbols(tree, { showItems, detail: (n) => sectionCountDetail(n, tree.text) });
}

function texts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of ['test/fixtures/unseen', 'corpus']) {
    for (const name of fs.readdirSync(path.join(ROOT, dir)).sort()) {
      if (/\.(md|txt)$/.test(name)) out.push([`${dir}/${name}`, fs.readFileSync(path.join(ROOT, dir, name), 'utf8')]);
    }
  }
  out.push(['synthetic', synthesizeDraft(200_000, 3)]);
  // Markdown around the headings: front matter, comments, emphasis, links, Latin words at section edges, CRLF.
  const variants: Array<[string, string]> = [];
  for (const [name, text] of out.slice(0, 6)) {
    const lines = text.split('\n');
    variants.push([`${name} (Markdown)`, '---\ntitle: 述职\n---\n' + lines.map((l, i) => (i % 9 === 0 ? '## ' + l : i % 9 === 4 ? `- **${l}** [链接](http://a.b) \`x\`` : i % 7 === 3 ? `<!-- 备注 -->\n${l}` : l)).join('\n')]);
    variants.push([`${name} (Latin, CRLF)`, lines.map((l, i) => (i % 5 === 1 ? l.replace(/。?$/, 'abc') : i % 5 === 2 ? `x${l}𠀀` : l)).join('\r\n')]);
  }
  return [...out, ...variants];
}

test('the outline from the structure pass equals the full parse counted section by section', () => {
  for (const [name, text] of texts()) {
    for (const showItems of [false, true]) {
      assert.deepEqual(outlineOf(new Draft(text), showItems), referenceOutline(text, showItems), `${name}, showItems ${showItems}`);
    }
  }
});

test('the outline and the folds read the structure only: no section kinds are worked out for them', () => {
  const text = synthesizeDraft(50_000, 2);
  const draft = new Draft(text);
  outlineOf(draft, false);
  foldsOf(draft);
  assert.equal(draft.hasTree, false);
  assert.ok(flattenNodes(draft.structure).every((n) => n.kinds.length === 0));
  // The full tree completes the same parse: same nodes, now with kinds, equal to a fresh parse.
  const tree = draft.tree;
  assert.equal(tree, draft.structure);
  assert.ok(flattenNodes(tree).some((n) => n.kinds.length > 0));
  // Kinds classified and inferred as for a corpus report (which infers them on its own, after the parse).
  const plain = (t: ReportTree) => JSON.parse(JSON.stringify(t));
  assert.deepEqual(plain(tree), plain(corpusTree(text)));
  // Front matter and comments are blanked for the parse; the tree still carries the draft's own text.
  const marked = `---\ntitle: 述职\n---\n<!-- 备注 -->\n2024年度述职报告\n${text}`;
  const withMarkup = new Draft(marked);
  withMarkup.structure;
  const full = withMarkup.tree;
  assert.equal(full.text, marked);
  assert.equal(full.title?.text, '2024年度述职报告');
  assert.deepEqual(
    flattenNodes(full).map((n) => n.kinds),
    flattenNodes(parseDraft(marked)).map((n) => n.kinds),
  );
});

/** A hand-made tree over `text`: one section holding the given child ranges. */
function treeOf(text: string, start: number, end: number, children: Array<[number, number]>): ReportTree {
  const node = (s: number, e: number, kids: ReportNode[]): ReportNode =>
    ({ style: 'arabic', depth: 1, start: s, end: e, headingStart: s, headingEnd: s, labelStart: s, kinds: [], children: kids }) as unknown as ReportNode;
  return { text, sections: [node(start, end, children.map(([s, e]) => node(s, e, [])))], anomalies: [] };
}

test('nodeCounts counts a section whole where a child cuts a word, or where children overlap', () => {
  const cases: Array<[string, number, number, Array<[number, number]>]> = [
    // The child ends inside “COVID”: counted apart it would be two words.
    ['完成COVID防控', 0, 9, [[0, 4]]],
    // A character beyond the BMP split by the child's end.
    ['甲𠀀乙', 0, 4, [[0, 2]]],
    // Children out of order.
    ['一二三四五六', 0, 6, [[3, 5], [1, 2]]],
    // Markup hidden at the cut (emphasis delimiters count as spaces).
    ['**AB**CD', 0, 8, [[0, 4]]],
  ];
  for (const [text, s, e, kids] of cases) {
    const tree = treeOf(text, s, e, kids);
    const counts = nodeCounts(tree);
    for (const n of flattenNodes(tree)) assert.equal(counts.get(n), countRange(text, n.start, n.end), `${text} [${n.start}, ${n.end})`);
  }
});

test('inline Markdown starts only at the characters the mask scan looks for', () => {
  // A line without one of them is not parsed for inline markup (hiddenMask's fast path).
  for (let c = 0x21; c < 0x7f; c++) {
    const ch = String.fromCharCode(c);
    for (const t of [`甲${ch}${ch}乙${ch}${ch}丙`, `${ch}x${ch} y`, `\\${ch}`, `a ${ch}b${ch} c`, `${ch}[a](b)`, `<${ch}a>`]) {
      if (parseInline(t, 0, t.length).hidden.length === 0) continue;
      INLINE_MARKUP_START.lastIndex = 0;
      assert.ok(INLINE_MARKUP_START.test(t), JSON.stringify(t));
    }
  }
});

test('a count over the markup mask equals counting the visible text', () => {
  const rand = prng(11);
  const text = '# 标题 *强调*\n正文**加粗**和`代码`、[链接](http://x.y)、<b>标签</b>、\\*转义、![图](a.png)、_下划_线 COVID-19\n> 引用 **b**𠀀\n- 列表 `c`\n| a | b |\n|---|---|\n| **x** | y |\n```\ncode *x*\n```\n<!-- 注释 -->\n普通一行\n';
  const visible = visibleText(text);
  for (let i = 0; i < 2000; i++) {
    const a = Math.floor(rand() * (text.length + 1));
    const b = a + Math.floor(rand() * (text.length + 1 - a));
    assert.equal(countRange(text, a, b), countPlain(visible.slice(a, b)), `[${a}, ${b})`);
  }
});
