// Bundles the five entry points. Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { buildLexicon } from './server/scripts/lexicon.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/indexWorkers/worker.ts'], outfile: 'dist/phraseIndexWorker.js' },
  { entryPoints: ['server/src/indexWorkers/draftWorker.ts'], outfile: 'dist/draftWorker.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
// The general lexicon review reads (dist/lexicon.txt and its licence notice), from jieba's dict.txt.
buildLexicon('dist');
