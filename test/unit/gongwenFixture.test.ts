/**
 * The 公文规范 fixture (test/fixtures/gongwenExamples.ts): every positive example from the
 * standards is flagged at the span the standard names, and fixed to the form it asks for;
 * every negative stays quiet. The ten slips of issue 19 in an unseen report: unseenReports.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';
import { getRule } from '../../server/src/engine/lint/registry';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { GONGWEN_EXAMPLES } from '../fixtures/gongwenExamples';

for (const ex of GONGWEN_EXAMPLES) {
  const name = `${ex.rule}: ${ex.flag ? 'flags' : 'quiet on'} ${JSON.stringify(ex.text.split('\n').slice(1).join(' ').slice(0, 40))} (${ex.source})`;
  test(name, () => {
    const found = lintText(ex.text, { only: [ex.rule] });
    if (!ex.flag) return assert.deepEqual(found.map((f) => ex.text.slice(f.start, f.end)), []);
    assert.deepEqual(found.map((f) => ex.text.slice(f.start, f.end)), [ex.flag]);
    if (ex.fixed) assert.equal(applyEdits(ex.text, found[0].fixes![0].edits), ex.fixed);
  });
}

test('every 公文规范 rule has fixture examples both ways, and cites its source in description and message', () => {
  const rules = new Set(GONGWEN_EXAMPLES.map((e) => e.rule));
  for (const id of rules) {
    const rule = getRule(id)!;
    assert.equal(rule.category, 'standards', id);
    assert.ok(GONGWEN_EXAMPLES.some((e) => e.rule === id && e.flag), `${id} positive`);
    assert.ok(GONGWEN_EXAMPLES.some((e) => e.rule === id && !e.flag), `${id} negative`);
  }
  const cited = /GB\/T (15835|15834|9704)|现代汉语词典|异形词/;
  for (const ex of GONGWEN_EXAMPLES.filter((e) => e.flag && !['this-year', 'unit-name-stray'].includes(e.rule))) {
    assert.match(getRule(ex.rule)!.description, cited, ex.rule);
    for (const f of lintText(ex.text, { only: [ex.rule] })) assert.match(f.message, cited, ex.rule);
  }
});

test('every 公文规范 rule can be turned off in the settings', () => {
  const text = '报告\n23年以来，截止12月底，增长15～30%。';
  const settings = { ...DEFAULT_SETTINGS, lint: { rules: { 'year-short': 'off', 'word-confusion': 'off', 'range-unit': 'off' } as const } };
  assert.deepEqual(lintText(text, { settings: settings as typeof DEFAULT_SETTINGS }).filter((f) => ['year-short', 'word-confusion', 'range-unit'].includes(f.rule)), []);
});
