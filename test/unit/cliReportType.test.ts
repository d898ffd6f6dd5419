/**
 * Which report type a draft is checked against, decided in one place (engine/lint/reportTypeOf.ts)
 * for the server's lint, completion's section snippets and the CLI:
 * front matter `type:` > the CLI's --report-type > a title that names a type > the `reportType`
 * setting (.shuzhirc.json) > the general duty report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { lineStartSnippets } from '../../server/src/engine/completion/snippets';
import { learnHeadingStats } from '../../server/src/engine/completion/headingStats';
import { lintText } from '../../server/src/engine/lint/lint';
import { parseDraft } from '../../server/src/engine/lint/parseDraft';
import { reportTypeOf } from '../../server/src/engine/lint/reportTypeOf';
import { normalizeSettings } from '../../server/src/engine/settings';
import { tempFolders } from '../helpers/tmp';

/** A fresh temporary folder, removed when the file's tests are done. */
const tmp = tempFolders();

const BODY = ['一、履职情况', '全年组织学习12次。', '二、存在的问题', '学习不够深入。', '三、下一步打算', '加强学习。'];
const PLAIN_TITLE = ['2024年个人述职报告', ...BODY].join('\n');
const PARTY_TITLE = ['某支部书记2024年抓基层党建工作述职报告', ...BODY].join('\n');
const NO_TITLE = BODY.join('\n');
const withFm = (type: string, text: string) => `---\ntype: ${type}\n---\n${text}`;

const typeOf = (text: string, setting = '', explicit = '') => {
  const c = reportTypeOf(text, parseDraft(text), setting, explicit);
  return `${c.type.id}/${c.source}`;
};

test('reportTypeOf: front matter > explicit choice > a title naming a type > the setting > general', () => {
  // Each row changes one thing against the row that follows it in precedence.
  assert.equal(typeOf(withFm('述德述廉', PARTY_TITLE), 'duty-integrity', 'four-parts'), 'virtue-integrity/frontmatter');
  assert.equal(typeOf(PARTY_TITLE, 'duty-integrity', 'four-parts'), 'four-parts/explicit');
  assert.equal(typeOf(PARTY_TITLE, 'duty-integrity'), 'party-building/title');
  assert.equal(typeOf(PLAIN_TITLE, 'duty-integrity'), 'duty-integrity/settings', 'a plain 述职报告 title does not say which kind');
  assert.equal(typeOf(NO_TITLE, 'duty-integrity'), 'duty-integrity/settings');
  assert.equal(typeOf(PLAIN_TITLE), 'general/title');
  assert.equal(typeOf(''), 'general/default');
  // Values that name no type are passed over, not taken for the general one.
  assert.equal(typeOf(withFm('随便写写', PARTY_TITLE), '', '不是类型'), 'party-building/title');
  assert.equal(typeOf(PLAIN_TITLE, '不是类型'), 'general/title');
});

test('lint: the setting applies where the title does not say, and gives way where it does (server and CLI share this)', () => {
  const missing = (text: string, reportType: string, explicit?: string) =>
    lintText(text, { settings: normalizeSettings({ reportType }), reportType: explicit, only: ['section-missing'] }).map((f) => /^缺少“([^”]+)”/.exec(f.message)![1]);
  assert.deepEqual(missing(PLAIN_TITLE, 'party-building'), ['原因分析'], 'setting over a plain title');
  assert.deepEqual(missing(PARTY_TITLE, 'general'), ['原因分析'], 'a party-building title over the setting');
  assert.deepEqual(missing(PARTY_TITLE, '', 'general'), [], 'an explicit choice over the title');
  assert.deepEqual(missing(withFm('抓基层党建工作述职', PLAIN_TITLE), '', 'general'), ['原因分析'], 'front matter over everything');
});

test('completion: section snippets offer first the missing parts of the type reportTypeOf chooses', () => {
  const stats = learnHeadingStats([]);
  // The first heading offered is the first part the chosen type requires and the draft lacks.
  const first = (text: string, reportType: string) =>
    lineStartSnippets(parseDraft(text + '\n'), text.length + 1, '', stats, { reportType, maxItems: 50 })!.items.find((i) => i.kind === 'heading')!.detail;
  const virtue = PARTY_TITLE.replace('抓基层党建工作', '述德述廉');
  assert.equal(first(PLAIN_TITLE, 'party-building'), '原因分析', 'setting over a plain title');
  assert.equal(first(virtue, 'party-building'), '思想品德（述德）', 'a title naming a type over the setting');
  assert.equal(first(withFm('抓基层党建工作述职', virtue), ''), '原因分析', 'front matter over the title');
});

test('shuzhi lint: .shuzhirc.json reportType gives way to a title naming a type; --report-type does not, front matter wins over it', async () => {
  const dir = tmp('shuzhi-cli-type-');
  fs.writeFileSync(path.join(dir, '.shuzhirc.json'), JSON.stringify({ reportType: 'party-building' }));
  fs.writeFileSync(path.join(dir, 'plain.md'), PLAIN_TITLE);
  fs.writeFileSync(path.join(dir, 'virtue.md'), PARTY_TITLE.replace('抓基层党建工作', '述德述廉'));
  fs.writeFileSync(path.join(dir, 'fm.md'), withFm('抓基层党建工作述职', PLAIN_TITLE));
  const missing = async (...args: string[]) => {
    let out = '';
    const code = await main(['lint', ...args, '--no-default-corpus', '--format', 'json', '--rule', 'section-order=off'], { out: (t) => (out += t), err: () => {}, cwd: dir });
    assert.ok(code === 0 || code === 1);
    const rows = JSON.parse(out) as Array<{ file: string; rule: string; message: string }>;
    return rows.filter((r) => r.rule === 'section-missing').map((r) => `${r.file}:${/^缺少“([^”]+)”/.exec(r.message)![1]}`);
  };
  const rc = await missing('plain.md', 'virtue.md');
  assert.ok(rc.includes('plain.md:原因分析'), `rc type for a plain title: ${rc}`);
  assert.ok(!rc.includes('virtue.md:原因分析') && rc.some((m) => m.startsWith('virtue.md:')), `the title's type for virtue.md: ${rc}`);
  const flag = await missing('plain.md', 'virtue.md', 'fm.md', '--report-type', '述职报告');
  assert.deepEqual(flag.filter((m) => !m.startsWith('fm.md:')), [], `--report-type 述职报告 over rc and title: ${flag}`);
  assert.ok(flag.includes('fm.md:原因分析'), `front matter over --report-type: ${flag}`);
});
