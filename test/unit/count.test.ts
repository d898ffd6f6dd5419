import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countPlain,
  countRange,
  countSections,
  countText,
  formatCount,
  sectionCountDetail,
} from '../../server/src/engine/delivery/count';
import { visibleText } from '../../server/src/engine/delivery/markdown';
import { run as countCli } from '../../server/src/cli/count';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport } from '../../server/src/engine/report/structure';
import { prng } from '../helpers/prng';
import { tempDir } from '../helpers/tmp';

// Every expected figure below was counted by hand, character by character.

test('count: each CJK character and full-width mark is one, a Latin/digit run is one word', () => {
  // 2023|年|，|我完成了(4)|COVID-19|防控工作(4)|，|达到(2)|95%|。 = 1+1+1+4+1+4+1+2+1+1
  assert.equal(countPlain('2023年，我完成了COVID-19防控工作，达到95%。'), 17);
  // Hello | world, | 你好(2)
  assert.equal(countPlain('Hello world, 你好'), 4);
  // “ 学 习 ” … … — — （ 一 ）
  assert.equal(countPlain('“学习”……——（一）'), 11);
  // Full-width digits are full-width characters: ２ ０ ２ ３ 年
  assert.equal(countPlain('２０２３年'), 5);
  // Spaces (ASCII, full-width, tabs, line breaks) count nothing.
  assert.equal(countPlain(' \u3000\t\n'), 0);
  // 共 | 3 | 项 ， | ① | 措施
  assert.equal(countPlain('共 3 项，①措施'), 7);
});

test('count: Markdown markup, front matter and comments are not counted', () => {
  // 述职报告(4) + 一是加强学习。(7)
  assert.equal(countText('# 述职报告\n\n**一是**加强学习。\n'), 11);
  // front matter and an HTML comment vanish; 正文内容 = 4
  assert.equal(countText('---\nlimit: 3000\ntitle: 不计入\n---\n<!-- 备注：不计入 -->\n正文内容\n'), 4);
  // 参见通知全文: the link target is not text
  assert.equal(countText('参见[通知](http://example.com/a.html)全文'), 6);
  // bullets: 第一项 + 第二项; quote marker >; italic markers
  assert.equal(countText('- 第一项\n- 第二项\n\n> *引用*\n'), 8);
  // an escaped asterisk is text (1 word of its own is not counted: it is a sign), the backslash is not
  assert.equal(countText('完成\\*\\*%的任务'), 5);
  // a multi-line comment
  assert.equal(countText('甲<!-- 不计 -->乙\n<!--\n多行\n注释\n-->\n丙'), 3);
});

test('count: the mask keeps offsets, so ranges line up with the editor', () => {
  const text = '# 标题\n\n**加粗**正文ABC。';
  const vis = visibleText(text);
  assert.equal(vis.length, text.length);
  assert.equal(vis.replace(/\s+/g, ''), '标题加粗正文ABC。');
  const start = text.indexOf('正文');
  // 正 文 ABC 。 = 4
  assert.equal(countRange(text, start, text.length), 4);
  // a reversed range counts the same
  assert.equal(countRange(text, text.length, start), 4);
  // a range that covers only markup counts nothing
  assert.equal(countRange(text, 0, 2), 0);
});

test('count: per-section counts follow the report tree', () => {
  const text = '# 某某述职报告\n\n## 一、学习情况\n\n学习内容。\n\n## 二、存在的问题\n\n问题ABC。\n';
  const tree = parseReport(text);
  const sections = countSections(tree);
  assert.deepEqual(
    sections.map((s) => [s.name, s.count]),
    [
      ['一、学习情况', 6 + 5], // 一、学习情况 + 学习内容。
      ['二、存在的问题', 7 + 4], // 二、存在的问题 + 问题|ABC|。
    ],
  );
  // total = title (6) + the two sections
  assert.equal(countText(text), 6 + 11 + 11);
  assert.equal(sectionCountDetail(tree.sections[0], text), '11 字');
});

test('count: nested sections carry their own counts, 一是 items are not sections', () => {
  const text = '一、工作情况\n（一）学习\n一是读书；二是写作。\n（二）实践\n做事。\n二、问题\n不足。\n';
  const sections = countSections(parseReport(text));
  assert.equal(sections.length, 2);
  assert.deepEqual(
    sections[0].children.map((c) => [c.name, c.count]),
    [
      ['（一）学习', 5 + 10], // （一）学习 + 一是读书；二是写作。
      ['（二）实践', 5 + 3],
    ],
  );
  assert.equal(sections[0].children[0].children.length, 0);
  assert.equal(sections[0].count, 6 + 15 + 8); // 一、工作情况 + both sub-sections
});

test('count: figures are grouped as Word shows them', () => {
  assert.equal(formatCount(1234), '1,234');
  assert.equal(formatCount(12), '12');
});

test('count CLI: total, limit and per-section counts, as text and JSON', async (t) => {
  const dir = tempDir(t, 'shuzhi-count-');
  // front matter (not counted) sets the limit; 某某述职报告(6) + 一、学习(4) + 内容。(3) + 二、问题(4) + 不足。(3)
  fs.writeFileSync(path.join(dir, 'd.md'), '---\nlimit: 15\n---\n# 某某述职报告\n\n## 一、学习\n\n内容。\n\n## 二、问题\n\n不足。\n');
  const out: string[] = [];
  const io = { cwd: dir, out: (t: string) => out.push(t), err: () => undefined };
  assert.equal(await countCli(['d.md', '--format', 'json'], io), 0);
  const json = JSON.parse(out.join(''));
  assert.deepEqual(json, {
    total: 20,
    limit: 15,
    limitSource: 'frontmatter',
    sections: [
      { name: '一、学习', count: 7, children: [] },
      { name: '二、问题', count: 7, children: [] },
    ],
  });
  out.length = 0;
  assert.equal(await countCli(['d.md'], io), 0);
  const text = out.join('');
  assert.match(text, /^全文 20 字，字数限制 15 字（来自文首“limit: 15”），超出 5 字。\n/);
  assert.match(text, /\n  一、学习  7 字\n  二、问题  7 字\n$/);
});

test('count: the table-driven count equals a character-by-character reading by the Unicode classes, on random text', () => {
  // The rules as the doc comment of count.ts states them, read one code point at a time.
  const reference = (s: string): number => {
    const cjk =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3001-\u303f\u3200-\u33ff\uff01-\uffef\u2460-\u24ff\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u00b7\u2160-\u217f]/u;
    let n = 0;
    let word = false;
    for (const ch of s) {
      if (/\s/u.test(ch) || cjk.test(ch)) {
        if (word) n++;
        word = false;
        if (!/\s/u.test(ch)) n++;
      } else if (/[\p{L}\p{N}]/u.test(ch)) word = true;
    }
    return word ? n + 1 : n;
  };
  const rand = prng(11);
  // Han, both halves of a surrogate pair alone and together, letters of other scripts, spaces of all kinds, signs.
  const pieces = ['中', '𠀀', '\ud842', '\udfb7', 'a', 'Z', '7', 'é', 'Ω', 'ア', '한', '٣', '①', '，', '“', '—', '…', '%', '-', '.', ' ', '\u3000', '\u00a0', '\t', '\n', '\ufeff'];
  let checked = 0;
  for (let k = 0; k < 3000; k++) {
    let s = '';
    for (let i = Math.floor(rand() * 24); i > 0; i--) {
      s += rand() < 0.25 ? String.fromCharCode(Math.floor(rand() * 0x10000)) : pieces[Math.floor(rand() * pieces.length)];
    }
    assert.equal(countPlain(s), reference(s), JSON.stringify(s));
    checked += s.length;
  }
  assert.ok(checked > 20000);
});
