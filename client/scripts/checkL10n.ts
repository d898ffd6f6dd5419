/**
 * Checks that every runtime string of the client (`vscode.l10n.t('…')`, also through a local
 * alias `t('…')`) has a Chinese translation in l10n/bundle.l10n.zh-cn.json, that the bundle has
 * no entries the code no longer uses, and that placeholders ({0}, {1}) match.
 *
 *   node --import tsx client/scripts/checkL10n.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const srcDir = path.join(root, 'client/src');
const bundlePath = path.join(root, 'l10n/bundle.l10n.zh-cn.json');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** String literals passed as the first argument of l10n.t / t. */
export function extract(code: string): string[] {
  const out: string[] = [];
  const re = /(?:\bl10n\.t|(?<![.\w])t)\(\s*'((?:[^'\\]|\\.)*)'/g;
  for (const m of code.matchAll(re)) out.push(m[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join(',');

function main(): number {
  const used = new Set(sourceFiles(srcDir).flatMap((f) => extract(fs.readFileSync(f, 'utf8'))));
  const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, string>;
  const problems: string[] = [];
  for (const s of used) {
    if (typeof bundle[s] !== 'string') problems.push(`missing translation: ${JSON.stringify(s)}`);
    else if (placeholders(bundle[s]) !== placeholders(s)) problems.push(`placeholders differ: ${JSON.stringify(s)}`);
  }
  for (const s of Object.keys(bundle)) if (!used.has(s)) problems.push(`unused entry: ${JSON.stringify(s)}`);
  for (const p of problems) console.error(p);
  console.log(`${used.size} strings, ${problems.length} problems`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
