/** Numeric settings are bounded by one table (SETTING_RANGES), which the settings schema in package.json is written from. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, normalizeSettings, SETTING_RANGES, type RangedSetting } from '../../server/src/engine/settings';

/** The value of a dotted key in settings. */
function get(s: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);
}

test('normalizeSettings keeps a value inside its range and drops one outside (or a fraction for an integer setting)', () => {
  for (const [key, r] of Object.entries(SETTING_RANGES) as [RangedSetting, (typeof SETTING_RANGES)[RangedSetting]][]) {
    const def = get(DEFAULT_SETTINGS, key);
    assert.equal(get(normalizeSettings({ [key]: r.minimum }), key), r.minimum, `${key} = minimum`);
    assert.equal(get(normalizeSettings({ [key]: r.maximum }), key), r.maximum, `${key} = maximum`);
    assert.equal(get(normalizeSettings({ [key]: r.maximum + 1 }), key), def, `${key} above its range`);
    assert.equal(get(normalizeSettings({ [key]: r.minimum - 1 }), key), def, `${key} below its range`);
    if (r.type === 'integer') assert.equal(get(normalizeSettings({ [key]: r.minimum + 0.5 }), key), def, `${key} a fraction`);
  }
});

test('the settings schema has the same bounds', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties as Record<string, { type: string; minimum?: number; maximum?: number }>;
  for (const [key, r] of Object.entries(SETTING_RANGES)) {
    const p = props[`shuzhi.${key}`];
    assert.deepEqual([p.type, p.minimum, p.maximum], [r.type, r.minimum, r.maximum], key);
  }
});
