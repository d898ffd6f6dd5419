import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/engine/lint/lint';
import { RULES, getRule } from '../../server/src/engine/lint/registry';
import { RULE_CATEGORY_TABLE } from '../../server/src/engine/lint/categories';
import { normalizeSettings } from '../../server/src/engine/settings';
import { capFindings, MAX_DIAGNOSTICS } from '../../server/src/features/lint';

const DRAFT = ['2024年述职报告', '组织学习xx次,开展研讨XX次。', '召开会议xx次。'].join('\n');
const rulesOf = (text: string, settings = normalizeSettings()) => lintText(text, { settings, only: ['placeholder', 'punctuation-halfwidth'] }).map((f) => `${f.rule}@${text.slice(0, f.start).split('\n').length}`);

const RULES_DIR = path.join(__dirname, '../../server/src/engine/lint/rules');
const README = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

test('registry: every rule file is registered, and every rule has a level, a category, a Chinese description, an example, its own test and a README row', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  // Both ways: a rule written in rules/ but left out of the registry is caught too.
  const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
  assert.deepEqual([...ids].sort(), files.sort(), 'the registry lists exactly the files in engine/lint/rules/');
  for (const rule of RULES) {
    const id = rule.id;
    assert.equal(getRule(id), rule, id);
    assert.ok(['hint', 'info', 'warning', 'error'].includes(rule.defaultSeverity), `${id}: level ${rule.defaultSeverity}`);
    assert.ok(Object.hasOwn(RULE_CATEGORY_TABLE, rule.category), `${id}: category ${rule.category}`);
    assert.match(rule.description, /\p{Script=Han}/u, `${id}: a Chinese description`);
    assert.ok(rule.example.trim().length > 0, `${id}: an example`);
    const own = path.join(__dirname, `rule-${id}.test.ts`);
    assert.ok(fs.existsSync(own) && fs.readFileSync(own, 'utf8').includes(`'${id}'`), `test/unit/rule-${id}.test.ts runs the rule`);
    assert.ok(README.includes(`| \`${id}\` |`), `README: a row of the rule table for \`${id}\``);
  }
});

test('levels from settings: off removes a rule, other levels set the severity', () => {
  const fsDefault = lintText(DRAFT, { only: ['placeholder', 'punctuation-halfwidth'] });
  assert.ok(fsDefault.filter((f) => f.rule === 'placeholder').every((f) => f.severity === 'warning'));
  assert.ok(fsDefault.filter((f) => f.rule === 'punctuation-halfwidth').every((f) => f.severity === 'info'));
  const settings = normalizeSettings({ lint: { rules: { placeholder: 'off', 'punctuation-halfwidth': 'error' } } });
  const tuned = lintText(DRAFT, { settings, only: ['placeholder', 'punctuation-halfwidth'] });
  assert.deepEqual(tuned.map((f) => [f.rule, f.severity]), [['punctuation-halfwidth', 'error']]);
});

test('inline switches: disable … enable, disable to the end, next line only, all rules', () => {
  assert.deepEqual(rulesOf(DRAFT), ['placeholder@2', 'punctuation-halfwidth@2', 'placeholder@2', 'placeholder@3']);
  const nextLine = DRAFT.replace('组织学习', '<!-- shuzhi-disable-next-line placeholder -->\n组织学习');
  assert.deepEqual(rulesOf(nextLine), ['punctuation-halfwidth@3', 'placeholder@4']);
  const region = ['2024年述职报告', '<!-- shuzhi-disable placeholder -->', '组织学习xx次,开展研讨。', '<!-- shuzhi-enable placeholder -->', '召开会议xx次。'].join('\n');
  assert.deepEqual(rulesOf(region), ['punctuation-halfwidth@3', 'placeholder@5']);
  const toEnd = ['2024年述职报告', '组织学习xx次。', '<!-- shuzhi-disable placeholder -->', '召开会议xx次,研讨XX次。'].join('\n');
  assert.deepEqual(rulesOf(toEnd), ['placeholder@2', 'punctuation-halfwidth@4']);
  const all = ['2024年述职报告', '<!-- shuzhi-disable -->', '组织学习xx次,开展研讨。'].join('\n');
  assert.deepEqual(rulesOf(all), []);
  const several = ['2024年述职报告', '<!-- shuzhi-disable-next-line placeholder, punctuation-halfwidth -->', '组织学习xx次,开展研讨。'].join('\n');
  assert.deepEqual(rulesOf(several), []);
});

test('comments and front matter are not prose: no findings inside them, and no title taken from them', () => {
  const text = ['---', 'type: 述职报告', 'note: xx,yy', '---', '<!-- 待办：补充XX次 -->', '2024年述职报告', '一、履职情况', '二、存在的问题', '三、下一步打算'].join('\n');
  assert.deepEqual(lintText(text), []);
});

test('findings are in document order with offsets inside the text', () => {
  const text = ['2024年述职报告', '（一）加强学习,提高站位', '（三）狠抓落实xx次'].join('\n');
  const fs = lintText(text);
  assert.ok(fs.length >= 3);
  for (let i = 1; i < fs.length; i++) assert.ok(fs[i - 1].start <= fs[i].start);
  for (const f of fs) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end);
});

test('the editor gets at most MAX_DIAGNOSTICS findings, the most severe first, in document order', () => {
  const text = '2024年述职报告\n' + '组织学习xx次,开展研讨。\n'.repeat(MAX_DIAGNOSTICS);
  const all = lintText(text, { only: ['placeholder', 'punctuation-halfwidth'] });
  assert.equal(all.length, 2 * MAX_DIAGNOSTICS);
  const kept = capFindings(all);
  assert.equal(kept.length, MAX_DIAGNOSTICS);
  assert.ok(kept.every((f) => f.rule === 'placeholder'), 'warnings before infos');
  for (let i = 1; i < kept.length; i++) assert.ok(kept[i - 1].start < kept[i].start);
  assert.equal(capFindings(all.slice(0, 5)).length, 5);
});
