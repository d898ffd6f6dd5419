/**
 * The Node options the client starts the server with (contract SERVER_NODE_ARGS) do what the
 * README says: a smaller young generation than V8's default. Checked on a child Node with and
 * without them, as V8 reads them only at start-up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { SERVER_NODE_ARGS, SERVER_RUNTIME_V8_FLAGS } from '../../server/src/protocol/contract';
import { applyRuntimeV8Flags } from '../../server/src/nodeFlags';

/** Allocates as a busy server does (many short-lived objects, some kept), so V8 grows the young generation to its limit. */
const NEW_SPACE = "const k = []; for (let i = 0; i < 3e6; i++) { const o = { a: i, b: 'x' + i }; if (i % 100 === 0) k.push(o); } process.stdout.write(String(require('v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size));";

function newSpace(args: readonly string[]): number {
  const r = spawnSync(process.execPath, [...args, '-e', NEW_SPACE], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Number(r.stdout);
}

test('the server Node options shrink the young generation (8 MB semi-spaces) and are accepted by this Node', () => {
  assert.ok(SERVER_NODE_ARGS.includes('--max-semi-space-size=8'), JSON.stringify(SERVER_NODE_ARGS));
  const withArgs = newSpace(SERVER_NODE_ARGS);
  const without = newSpace([]);
  assert.ok(withArgs > 0 && withArgs <= 16 * 1024 * 1024, `new space with the options: ${withArgs}`);
  assert.ok(withArgs < without, `with ${withArgs}, V8's default ${without}`);
});

/**
 * Objects kept alive across young collections, as a corpus build's tables are: V8 tracks their
 * allocation sites for pretenuring, and --trace-pretenuring-statistics prints a line per site it
 * tracked ("AllocationSite(…)"). With pretenuring off, it tracks none.
 */
const PRETENURE = "const keep = []; function mk(i) { return { a: i, b: [i] }; } for (let r = 0; r < 3; r++) { const arr = []; for (let i = 0; i < 300000; i++) arr.push(mk(i)); keep.push(arr); }";

function sitesTracked(args: readonly string[], prelude = ''): number {
  const r = spawnSync(process.execPath, ['--trace-pretenuring-statistics', ...args, '-e', prelude + PRETENURE], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
  assert.equal(r.status, 0, r.stderr);
  return (r.stdout.match(/AllocationSite\(/g) ?? []).length;
}

test('the server runs without allocation-site pretenuring: on the command line, and set at run time when started by hand', () => {
  assert.ok(SERVER_RUNTIME_V8_FLAGS.includes('--no-allocation-site-pretenuring'));
  for (const f of SERVER_RUNTIME_V8_FLAGS) assert.ok(SERVER_NODE_ARGS.includes(f), `${f} is not in SERVER_NODE_ARGS`);
  // The control: this workload makes V8 track allocation sites when nothing turns it off.
  assert.ok(sitesTracked([]) > 0, 'the workload should make V8 track allocation sites');
  assert.equal(sitesTracked(SERVER_NODE_ARGS), 0, 'with the client’s Node options');
  // Set at run time, as nodeFlags.ts does for a server started by hand (no loader first: one that
  // compiles TypeScript allocates before the options are set; test/protocol/v8Flags.test.ts starts
  // the built server bare).
  const setAll = SERVER_RUNTIME_V8_FLAGS.map((f) => `require('node:v8').setFlagsFromString(${JSON.stringify(f)});`).join('');
  assert.equal(sitesTracked([], setAll), 0, 'set at run time');
});

test('applyRuntimeV8Flags sets only the options the process was not started with', () => {
  const set: string[] = [];
  assert.deepEqual(applyRuntimeV8Flags([], (f) => set.push(f)), [...SERVER_RUNTIME_V8_FLAGS]);
  assert.deepEqual(set, [...SERVER_RUNTIME_V8_FLAGS]);
  set.length = 0;
  assert.deepEqual(applyRuntimeV8Flags([...SERVER_NODE_ARGS], (f) => set.push(f)), []);
  assert.deepEqual(set, []);
  // A runtime that refuses an option: the server starts all the same.
  assert.deepEqual(applyRuntimeV8Flags([], () => { throw new Error('frozen'); }), []);
});
