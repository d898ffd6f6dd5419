import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { packagedReadme } from '../../client/scripts/packageReadme';

test('the packaged README drops vsix:omit regions and keeps the rest', () => {
  const src = '# T\n\nbefore\n<!-- vsix:omit -->\n![a](docs/a.png)\n<!-- /vsix:omit -->\nafter\n';
  const out = packagedReadme(src);
  assert.equal(out, '# T\n\nbefore\nafter\n');
});

test('an image outside an omitted region is refused, naming the line', () => {
  assert.throws(() => packagedReadme('# T\n\n![b](docs/b.png)\n'), /image outside a <!-- vsix:omit --> region \(packaged line 3\)/);
});

test('a relative link, even in a code span, is refused: vsce would write no .vsix', () => {
  assert.throws(() => packagedReadme('# T\n\nsee `[x](command:foo)`\n'), /a link vsce cannot package/);
  assert.throws(() => packagedReadme('# T\n\n[arch](ARCHITECTURE.md)\n'), /a link vsce cannot package/);
  assert.equal(packagedReadme('# T\n\n[site](https://example.org) [top](#t)\n'), '# T\n\n[site](https://example.org) [top](#t)\n');
});

test('the project README packages without images and keeps its install and settings sections', () => {
  const out = packagedReadme(readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8'));
  assert.doesNotMatch(out, /!\[/);
  assert.match(out, /## Install in VS Code/);
  assert.match(out, /## Settings/);
});
