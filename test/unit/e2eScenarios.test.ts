/**
 * The in-editor scenarios (test/e2e) without starting an editor: one file per scenario in
 * test/e2e/scenarios/, each listed once in its index under its file's name, and run.sh's
 * selection by id prefix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseScenarios } from '../e2e/run';
import { scenarios } from '../e2e/scenarios';

const DIR = path.join(__dirname, '../e2e/scenarios');

test('every file in test/e2e/scenarios/ is one scenario, listed once, with the file name as its id', () => {
  const ids = scenarios.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, `ids are unique: ${ids.join(' ')}`);
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
  assert.ok(files.length > 0);
  for (const f of files) assert.ok(ids.includes(f), `scenarios/${f}.ts is in scenarios/index.ts with id '${f}'`);
  for (const s of scenarios) {
    assert.match(s.id, /^[a-z]\d?-[a-z-]+$/, s.id);
    assert.equal(typeof s.run, 'function', s.id);
    assert.match(s.name, new RegExp(`^\\(${s.id[0]}\\d?\\) `), `${s.id}: the name starts with its letter: ${s.name}`);
  }
});

test('run.sh selects scenarios by id prefix, in the list order; no prefix runs them all', () => {
  assert.deepEqual(chooseScenarios(scenarios, []).map((s) => s.id), scenarios.map((s) => s.id));
  const a = chooseScenarios(scenarios, ['a']).map((s) => s.id);
  assert.deepEqual(a, scenarios.map((s) => s.id).filter((id) => id.startsWith('a')));
  assert.ok(a.length >= 2);
  assert.deepEqual(chooseScenarios(scenarios, ['c-outline', 'a-ime']).map((s) => s.id), ['a-ime', 'c-outline']);
  assert.deepEqual(chooseScenarios(scenarios, ['zz']), []);
});
