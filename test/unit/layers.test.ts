/**
 * The layers of ARCHITECTURE.md, read from the import graph: every relative import of the
 * server's and the client's sources goes down a layer or stays in its own, no files import each
 * other round in a loop, and the engine does no I/O but its loader. The graph is read with the
 * TypeScript compiler's own pre-processor (type-only imports count: they tie layers as well).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Layers, lowest first: a file may import files of its own layer or of a lower one. Each entry
 * is a list of path prefixes relative to the repository (a folder ends in '/').
 */
export const LAYERS: ReadonlyArray<{ name: string; paths: readonly string[] }> = [
  { name: 'engine base', paths: ['server/src/engine/types.ts', 'server/src/engine/settings.ts', 'server/src/engine/slices.ts', 'server/src/engine/text/'] },
  { name: 'report', paths: ['server/src/engine/report/'] },
  { name: 'corpus', paths: ['server/src/engine/corpus/'] },
  { name: 'search', paths: ['server/src/engine/search/'] },
  { name: 'delivery', paths: ['server/src/engine/delivery/'] },
  { name: 'review detectors', paths: ['server/src/engine/review/'] },
  { name: 'lint', paths: ['server/src/engine/lint/'] },
  { name: 'completion', paths: ['server/src/engine/completion/'] },
  { name: 'check (review of a draft)', paths: ['server/src/engine/check/'] },
  { name: 'dashboard', paths: ['server/src/engine/dashboard/'] },
  { name: 'client–server contract', paths: ['server/src/protocol/'] },
  { name: 'io, snapshot, index workers', paths: ['server/src/io/', 'server/src/snapshot/', 'server/src/indexWorkers/'] },
  { name: 'server context', paths: ['server/src/context.ts', 'server/src/guard.ts', 'server/src/rc.ts', 'server/src/corpusManager.ts', 'server/src/nodeFlags.ts'] },
  { name: 'features and CLI commands', paths: ['server/src/features/', 'server/src/cli/'] },
  { name: 'entry points', paths: ['server/src/server.ts', 'server/src/cli.ts'] },
];

/** Folders of one layer that stand side by side: neither imports the other. */
export const PEERS: ReadonlyArray<readonly [string, string]> = [
  ['server/src/features/', 'server/src/cli/'],
  ['server/src/io/', 'server/src/snapshot/'],
  ['server/src/io/', 'server/src/indexWorkers/'],
  ['server/src/snapshot/', 'server/src/indexWorkers/'],
];

/** Imports between two peer folders. */
export function peerImports(edges: readonly Edge[]): string[] {
  return edges
    .filter((e) => PEERS.some(([a, b]) => (e.from.startsWith(a) && e.to.startsWith(b)) || (e.from.startsWith(b) && e.to.startsWith(a))))
    .map((e) => `${e.from} → ${e.to}`);
}

/** Files of the server that may touch the file system: the engine's loader and everything above the engine. */
const ENGINE = 'server/src/engine/';
const ENGINE_IO_ALLOWED = new Set(['server/src/engine/corpus/loader.ts']);
const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$/;

export function layerOf(file: string): number {
  let best = -1;
  let bestLen = -1;
  LAYERS.forEach((l, i) => {
    for (const p of l.paths) {
      const hit = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (hit && p.length > bestLen) {
        best = i;
        bestLen = p.length;
      }
    }
  });
  return best;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sources(rel));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
}

/** Every import of `files`: relative ones resolved to repository paths, bare ones as written. */
export function importsOf(files: readonly string[], read: (f: string) => string): { edges: Edge[]; bare: Edge[] } {
  const edges: Edge[] = [];
  const bare: Edge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(read(from), true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      if (!spec.startsWith('.')) {
        bare.push({ from, to: spec });
        continue;
      }
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
      // Data files (model.json, package.json) are leaves, not layers.
      if (/\.json$/.test(base)) continue;
      const to = [`${base}.ts`, `${base}/index.ts`, base].find((c) => files.includes(c)) ?? `${base}.ts`;
      edges.push({ from, to });
    }
  }
  return { edges, bare };
}

/** Imports that go up a layer (or leave the known layers). */
export function upwardImports(edges: readonly Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const lf = layerOf(e.from);
    const lt = layerOf(e.to);
    if (lf < 0 || lt < 0) out.push(`${e.from} → ${e.to}: ${lf < 0 ? e.from : e.to} is in no layer`);
    else if (lt > lf) out.push(`${e.from} (${LAYERS[lf].name}) → ${e.to} (${LAYERS[lt].name})`);
  }
  return out;
}

/** Import loops between files: each strongly connected group of two or more files (Tarjan). */
export function importLoops(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (next.get(v) ?? []).includes(v)) loops.push(group.sort());
    }
  };
  for (const v of new Set(edges.flatMap((e) => [e.from, e.to]))) if (!index.has(v)) visit(v);
  return loops;
}

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const serverFiles = sources('server/src');
const clientFiles = sources('client/src');
const server = importsOf(serverFiles, read);
const client = importsOf(clientFiles, read);

test('layers: every server source file is in a layer, and no import runs up a layer', () => {
  assert.ok(server.edges.length > 300, `the graph was read (${server.edges.length} imports)`);
  for (const f of serverFiles) assert.ok(layerOf(f) >= 0, `${f} is in no layer of ARCHITECTURE.md`);
  assert.deepEqual(upwardImports(server.edges), []);
  assert.deepEqual(peerImports(server.edges), [], 'features/ and cli/ (and io/, snapshot/, indexWorkers/) stand side by side');
});

test('layers: no import loops between files, in the server or the client', () => {
  assert.deepEqual(importLoops(server.edges), []);
  assert.deepEqual(importLoops(client.edges), []);
});

test('layers: the engine imports no protocol package and does no I/O but its loader', () => {
  const bad = server.bare
    .filter((e) => e.from.startsWith(ENGINE))
    .filter((e) => /^vscode-language/.test(e.to) || (IO_MODULES.test(e.to) && !ENGINE_IO_ALLOWED.has(e.from)))
    .map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(bad, []);
});

test('layers: the client imports no server source but the shared contract', () => {
  const bad = client.edges.filter((e) => e.to.startsWith('server/') && !/^server\/src\/protocol\//.test(e.to)).map((e) => `${e.from} → ${e.to}`);
  assert.deepEqual(bad, []);
});

test('layers: the checks catch an upward import, a loop and engine I/O (on a made-up graph)', () => {
  const fake: Record<string, string> = {
    'server/src/engine/review/a.ts': "import { x } from '../lint/b';",
    'server/src/engine/lint/b.ts': "import { y } from '../review/a';\nimport * as fs from 'node:fs';",
    'server/src/features/c.ts': "import { z } from '../cli/d';",
    'server/src/cli/d.ts': '',
  };
  const g = importsOf(Object.keys(fake), (f) => fake[f]);
  assert.deepEqual(upwardImports(g.edges), ['server/src/engine/review/a.ts (review detectors) → server/src/engine/lint/b.ts (lint)']);
  assert.deepEqual(importLoops(g.edges), [['server/src/engine/lint/b.ts', 'server/src/engine/review/a.ts']]);
  assert.ok(g.bare.some((e) => e.from === 'server/src/engine/lint/b.ts' && IO_MODULES.test(e.to)));
  assert.deepEqual(peerImports(g.edges), ['server/src/features/c.ts → server/src/cli/d.ts']);
});
