/**
 * Checks the packaged extension (CI runs it after `npm run package`): the archive holds what
 * the extension needs to run — the three bundles, the bundled corpus, grammar, translations,
 * manifest, icon, walkthrough pages, LICENSE, CHANGELOG and a README without image links — nothing of the
 * sources, tests or node_modules, and stays under a size cap.
 *
 *   node --import tsx client/scripts/checkVsix.ts [shuzhi-0.1.0.vsix]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';

/**
 * The .vsix may not grow past this without someone deciding so: issue 18 set 8 MB when the general
 * lexicon of the typo check came in (about 3.8 MB with it, 2 MB of which are the lexicon).
 */
export const MAX_VSIX_BYTES = 8 * 1024 * 1024;

const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/phraseIndexWorker.js',
  'extension/dist/draftWorker.js',
  'extension/dist/cli.js',
  // The general lexicon of typo-suspect and its licence notice (jieba, @node-rs/jieba: MIT).
  'extension/dist/lexicon.txt',
  'extension/dist/lexicon.LICENSE.txt',
  'extension/syntaxes/shuzhi.injection.tmLanguage.json',
  'extension/client/media/icon.png',
  // Walkthrough step pages, English and the Chinese one VS Code picks by language.
  'extension/client/media/walkthrough/draft.md',
  'extension/client/media/walkthrough/draft.nls.zh-cn.md',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/readme.md',
  '[Content_Types].xml',
  'extension.vsixmanifest',
];
const FORBIDDEN = [/^extension\/node_modules\//, /^extension\/(server|client)\/src\//, /^extension\/test\//, /^extension\/bench\//, /\.ts$/, /\.map$/, /^extension\/\.cache\//, /^extension\/docs\//];

interface PackagedManifest {
  main?: string;
  contributes?: { walkthroughs?: { steps?: { media?: Record<string, unknown> }[] }[] };
}

/**
 * Files the walkthrough steps show (Markdown, image or SVG), relative to the extension folder;
 * for a Markdown page also its Chinese version, which VS Code looks for as `<name>.nls.zh-cn.md`.
 */
function walkthroughMedia(pkg: PackagedManifest): string[] {
  const files: string[] = [];
  for (const w of pkg.contributes?.walkthroughs ?? []) {
    for (const step of w.steps ?? []) {
      for (const key of ['markdown', 'image', 'svg']) {
        const v = step.media?.[key];
        if (typeof v !== 'string') continue;
        const file = v.replace(/^\.\//, '');
        files.push(file);
        if (key === 'markdown') files.push(file.replace(/\.md$/, '.nls.zh-cn.md'));
      }
    }
  }
  return files;
}

/** Problems found in the archive (empty when it is fine). */
export async function checkVsix(file: string, corpusDir: string): Promise<string[]> {
  const problems: string[] = [];
  if (!existsSync(file)) return [`${file} does not exist: run npm run package first`];
  const size = statSync(file).size;
  if (size > MAX_VSIX_BYTES) problems.push(`${file} is ${size} bytes, over the cap of ${MAX_VSIX_BYTES}`);
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const r of REQUIRED) if (!lower.has(r.toLowerCase())) problems.push(`missing ${r}`);
  for (const f of readdirSync(corpusDir)) {
    if (!lower.has(`extension/corpus/${f}`.toLowerCase())) problems.push(`bundled corpus file missing: corpus/${f}`);
  }
  for (const n of names) for (const re of FORBIDDEN) if (re.test(n)) problems.push(`should not be packaged: ${n}`);
  for (const l of ['zh-cn']) {
    if (!names.some((n) => n.toLowerCase() === `extension/l10n/bundle.l10n.${l}.json`)) problems.push(`missing l10n bundle ${l}`);
  }
  const readmeName = names.find((n) => n.toLowerCase() === 'extension/readme.md');
  if (readmeName) {
    const readme = await zip.files[readmeName].async('string');
    if (/!\[[^\]]*\]\(/.test(readme)) problems.push('the packaged README has image links (they show broken offline)');
    if (!readme.includes('述职助手')) problems.push('the packaged README is not the project README');
  }
  const manifest = names.find((n) => n === 'extension/package.json');
  if (manifest) {
    const pkg = JSON.parse(await zip.files[manifest].async('string')) as PackagedManifest;
    if (pkg.main !== './dist/client.js') problems.push(`package.json main is ${pkg.main}`);
    for (const file of walkthroughMedia(pkg)) {
      if (!lower.has(`extension/${file}`.toLowerCase())) problems.push(`walkthrough step page missing: ${file}`);
    }
  }
  return problems;
}

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  const file = path.resolve(root, process.argv[2] ?? 'shuzhi-0.1.0.vsix');
  const problems = await checkVsix(file, path.join(root, 'corpus'));
  if (problems.length) {
    for (const p of problems) console.error(`vsix: ${p}`);
    return 1;
  }
  console.log(`vsix ok: ${path.basename(file)}, ${(statSync(file).size / 1024 / 1024).toFixed(2)} MB`);
  return 0;
}

if (require.main === module) void main().then((c) => { process.exitCode = c; });
