/**
 * Every fix, applied to the draft and re-linted, removes the finding it was offered for;
 * “fix all” applies the safe fixes together without clashing edits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { applyEdits, safeFixEdits } from '../../server/src/engine/lint/edits';
import { lintText as lintAlone } from '../../server/src/engine/lint/lint';
import { RULES } from '../../server/src/engine/lint/registry';
import type { Finding } from '../../server/src/engine/lint/types';
import { buildPhraseIndex } from '../../server/src/engine/search/phraseIndex';

/** A small corpus, so that the rules that compare the draft with one (typo-suspect) run too. */
const phrases = buildPhraseIndex(
  ['认真抓好班子建设。', '持续改进工作作风。', '加强理论学习。'].flatMap((b, i) =>
    reportsFromText(`单位${i}述职报告\n一、履职情况\n始终不忘初心、牢记使命，${b}\n`, `/mem/${i}.txt`, i),
  ),
);
const lintText = (text: string) => lintAlone(text, { phrases });

/** The rules whose row in the README's rule table names a quick fix (its last column is not “—”). */
function readmeFixable(): string[] {
  const rows = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8').split('\n')) {
    const m = /^\| `([a-z-]+)` \|.*\| ([^|]*) \|$/.exec(line);
    if (m) rows.set(m[1], m[2].trim());
  }
  for (const r of RULES) assert.ok(rows.has(r.id), `README: no row for ${r.id}`);
  return RULES.map((r) => r.id).filter((id) => rows.get(id) !== '—');
}

const DRAFT = [
  '机关支部书记2024年抓基层党建工作述职报告',
  '',
  '2023年以来，我认真履行第一责任人职责,现将情况报告如下：',
  '',
  '一、履职情况',
  '',
  '（一）加强政治i理论学习',
  '',
  '严格落实“三会一课制度，组织集中学习12次。认真学习党的二十大精神，撰写心得体会。',
  '',
  '增强政治意识、大局意识、核心意识、服务意识，始终不忘出心、牢记使命。',
  '',
  '（二）、抓实组织建设',
  '',
  '1.规范组织生活',
  '',
  '2、严格党员管理',
  '',
  '2.加强阵地建设',
  '',
  '（四）强化作风建设',
  '',
  '认真学习党的二十大精神，撰写心得体会。严格执行中央八项规定”、各项规章制度。',
  '',
  '23年度，截止12月底，共培训党员3百余人，增长15～30%，占比.46，加强学习，，提高能力。。走访群众。。。开展“晒总结”、“晾计划”活动。二零二三年工作扎实，二〇二三年5月，2023.5.6召开专题会议。今年（2023年）以来成效明显。',
  '',
  '二、存在的问题',
  '',
  '一是学习不够深入；二是调研不够扎实；四是创新意识有待增强。',
  '',
  '述职完毕，敬请批评指正。',
].join('\n');

/** A finding's identity that survives edits elsewhere: its rule and the text it is about. */
const ident = (text: string, f: Finding) => `${f.rule}:${text.slice(f.start, f.end)}`;

test('the fixture draft shows a finding with fixes for every rule the README says has a quick fix, and for no other', () => {
  const rules = [...new Set(lintText(DRAFT).filter((f) => f.fixes?.length).map((f) => f.rule))];
  assert.deepEqual(rules.sort(), readmeFixable().sort());
});

test('each fix, applied alone, makes its finding go away and leaves a draft that still parses', () => {
  const findings = lintText(DRAFT);
  let checked = 0;
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      const fixed = applyEdits(DRAFT, fix.edits);
      assert.notEqual(fixed, DRAFT, fix.title);
      const after = lintText(fixed);
      const before = findings.filter((g) => ident(DRAFT, g) === ident(DRAFT, f)).length;
      const left = after.filter((g) => ident(fixed, g) === ident(DRAFT, f)).length;
      // Only this occurrence goes (section-missing for one part: the other part stays).
      if (f.rule === 'section-missing') {
        const part = /^缺少“([^”]+)”/.exec(f.message)![1];
        assert.ok(!after.some((g) => g.rule === 'section-missing' && g.message.includes(`缺少“${part}”`)), fix.title);
      } else {
        assert.ok(left < before, `${fix.title}: ${ident(DRAFT, f)} still there`);
      }
      checked++;
    }
  }
  assert.ok(checked >= 10, `${checked} fixes checked`);
});

test('fix all applies punctuation and numbering fixes together, and leaves content to the writer', () => {
  const edits = safeFixEdits(lintText(DRAFT));
  const fixed = applyEdits(DRAFT, edits);
  const after = lintText(fixed);
  for (const rule of ['punctuation-halfwidth', 'numbering-gap', 'numbering-duplicate', 'numbering-style']) {
    assert.deepEqual(after.filter((f) => f.rule === rule).map((f) => ident(fixed, f)), [], rule);
  }
  assert.match(fixed, /\n（二）抓实组织建设\n/);
  assert.match(fixed, /\n（三）强化作风建设\n/);
  assert.match(fixed, /\n1\.规范组织生活\n\n2\.严格党员管理\n\n3\.加强阵地建设\n/);
  assert.match(fixed, /三是创新意识有待增强/);
  assert.match(fixed, /职责，现将/);
  // Unsafe fixes were not applied.
  assert.match(fixed, /政治i/);
  assert.match(fixed, /2023年以来/);
  assert.ok(after.some((f) => f.rule === 'section-missing'));
});

test('applyEdits applies edits in any order; safeFixEdits drops duplicates and clashes', () => {
  assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'AA' }]), 'AAbcdEf');
  const f = (start: number, end: number, newText: string): Finding => ({
    rule: 'r', start, end, message: '', severity: 'info', fixes: [{ title: 't', edits: [{ start, end, newText }], safe: true }],
  });
  assert.deepEqual(safeFixEdits([f(0, 1, 'x'), f(0, 1, 'x'), f(0, 2, 'y'), f(3, 4, 'z')]).map((e) => e.newText), ['x', 'z']);
});
