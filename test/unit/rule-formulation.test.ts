import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus } from '../../server/src/engine/corpus/corpus';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { proseView } from '../../server/src/engine/lint/prose';
import { FORMULATIONS, FULL_NAMES } from '../../server/src/engine/review/formulationData';
import { checkFormulationLists, checkFullNames } from '../../server/src/engine/review/formulations';

const run = (text: string) => lintText(text, { only: ['formulation'] });
const fixed = (text: string) => {
  const fs = run(text);
  assert.equal(fs.length, 1, JSON.stringify(fs));
  return applyEdits(text, fs[0].fixes![0].edits);
};

test('formulation: a wrong member is named and replaced by the missing one', () => {
  const text = '增强政治意识、大局意识、核心意识、服务意识。';
  const [f] = run(text);
  assert.equal(f.severity, 'warning');
  assert.equal(text.slice(f.start, f.end), '服务意识');
  assert.match(f.message, /“服务意识”不在“四个意识”之列，应为“看齐意识”/);
  assert.equal(fixed(text), '增强政治意识、大局意识、核心意识、看齐意识。');
});

test('formulation: a member left out, and members out of order, get the canonical list', () => {
  assert.equal(fixed('坚定道路自信、理论自信、文化自信。'), '坚定道路自信、理论自信、制度自信、文化自信。');
  assert.match(run('坚定道路自信、理论自信、文化自信。')[0].message, /“四个自信”缺少“制度自信”/);
  assert.equal(fixed('严格落实支部委员会、支部党员大会、党小组会、党课制度'), '严格落实支部党员大会、支部委员会、党小组会、党课制度');
  assert.match(run('严格落实支部委员会、支部党员大会、党小组会、党课制度')[0].message, /顺序应为/);
  // The separator the draft uses is kept.
  assert.equal(fixed('道路自信，理论自信，文化自信，制度自信'), '道路自信，理论自信，制度自信，文化自信');
});

test('formulation: the canonical list, a mention of two members, and everyday words without the name stay quiet', () => {
  assert.deepEqual(run('增强政治意识、大局意识、核心意识、看齐意识，坚定道路自信、理论自信、制度自信、文化自信。'), []);
  assert.deepEqual(run('提高政治意识和大局意识。'), []);
  // 创新、协调、开放 without “新发展理念” is an ordinary list.
  assert.deepEqual(run('坚持开放、创新、协调。'), []);
  assert.equal(run('贯彻新发展理念，坚持开放、创新、协调、绿色、共享。').length, 1);
});

test('formulation: a full name with a character missing or added is flagged and fixed; a sound-alike slip is left to typo-suspect', () => {
  assert.equal(fixed('深入学习习近平新时代中国特色社会主思想。'), '深入学习习近平新时代中国特色社会主义思想。');
  assert.equal(fixed('严格落实中央八项规定定精神'), '严格落实中央八项规定精神');
  assert.deepEqual(run('深入学习习近平新时代中国特色社会主义思想，坚持中国特色社会主义道路。'), []);
  assert.deepEqual(checkFullNames('习近平新时代中国特色社会主义思相'), [], '相/想 sound alike');
  assert.equal(checkFullNames('习近平新时代中国特色社会主义恩想').length, 1);
});

test('formulation data: every entry has members and a public source; full names too', () => {
  for (const f of FORMULATIONS) {
    assert.ok(f.members.length >= 2 && new Set(f.members).size === f.members.length, f.name);
    assert.match(f.source, /《|报告|公报|讲话|决议/, f.name);
  }
  for (const n of FULL_NAMES) assert.ok(n.name.length >= 7 && n.source.length > 4, n.name);
});

test('formulation data agrees with the bundled corpus wherever the corpus spells a formulation or a full name out', async () => {
  const { reports } = await loadCorpus({ paths: [], useBundled: true, maxFileSizeBytes: 64 << 20 });
  let names = 0;
  for (const r of reports) {
    const text = proseView(r.text).masked;
    assert.deepEqual(checkFormulationLists(text), [], r.title);
    assert.deepEqual(checkFullNames(text), [], r.title);
    for (const n of FULL_NAMES) if (text.includes(n.name)) names++;
  }
  assert.ok(names > 0, 'the corpus writes some full names');
  // The check has teeth: the same corpus with a member swapped disagrees.
  const altered = '增强政治意识、大局意识、看齐意识、核心意识。';
  assert.equal(checkFormulationLists(altered).length, 1);
});
