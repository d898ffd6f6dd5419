/**
 * The Node options the client starts the server with (contract SERVER_NODE_ARGS) do what the
 * README says: a smaller young generation than V8's default. Checked on a child Node with and
 * without them, as V8 reads them only at start-up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SERVER_NODE_ARGS } from '../../server/src/protocol/contract';

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
