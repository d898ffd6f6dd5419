/**
 * Writes the README that goes into the .vsix (dist/README.md) from the repository's README.md.
 *
 * VS Code's Extensions view renders an installed extension's README with a Content-Security-Policy
 * that loads images from https: only, and vsce refuses relative image links unless the manifest
 * names a public repository to rewrite them against. Shuzhi is installed from a .vsix, offline, and
 * names no repository, so screenshots cannot show there: the packaged README leaves them out
 * rather than show broken pictures. Regions between `<!-- vsix:omit -->` and `<!-- /vsix:omit -->`
 * are dropped; any image link left outside such a region is an error, so a new screenshot cannot
 * slip into the package broken.
 *
 *   node --import tsx client/scripts/packageReadme.ts [--out dist/README.md]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const OMIT = /<!-- vsix:omit -->[\s\S]*?<!-- \/vsix:omit -->\n?/g;
const IMAGE = /!\[[^\]]*\]\(([^)]*)\)/;
/** A link vsce cannot keep without a repository to rewrite it against (anything but https:, http:, mailto: or #). */
const RELATIVE_LINK = /\]\((?!https?:|mailto:|#)[^)]*\)/;

/** The packaged README's text: omitted regions removed; throws if an image link remains. */
export function packagedReadme(source: string): string {
  const text = source.replace(OMIT, '').replace(/\n{3,}/g, '\n\n');
  const lines = text.split('\n');
  const bad = lines.findIndex((l) => IMAGE.test(l));
  if (bad >= 0) {
    throw new Error(`README.md: image outside a <!-- vsix:omit --> region (packaged line ${bad + 1}): ${lines[bad]}`);
  }
  // vsce refuses these (even inside code spans) and writes no .vsix.
  const link = lines.findIndex((l) => RELATIVE_LINK.test(l));
  if (link >= 0) throw new Error(`README.md: a link vsce cannot package without a repository (packaged line ${link + 1}): ${lines[link]}`);
  return text;
}

function main(): void {
  const root = path.resolve(__dirname, '..', '..');
  const i = process.argv.indexOf('--out');
  const out = path.resolve(root, i >= 0 ? process.argv[i + 1] : 'dist/README.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, packagedReadme(readFileSync(path.join(root, 'README.md'), 'utf8')));
  console.log(`wrote ${path.relative(root, out)}`);
}

if (require.main === module) main();
