/**
 * The built server started by hand (`node dist/server.js --stdio`, no Node options) runs without
 * allocation-site pretenuring from its first line, as the editor's server does (contract
 * SERVER_RUNTIME_V8_FLAGS, nodeFlags.ts). V8's --trace-pretenuring-statistics prints a line to
 * stdout for every allocation site it tracks; the server loads and indexes the bundled corpus,
 * which makes V8 track sites whenever pretenuring is on (test/unit/serverNodeArgs.test.ts shows the
 * workload kind). stdout then carries both the LSP messages and V8's lines; only the lines are counted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ROOT, SERVER } from '../helpers/lspClient';
import { tempDir } from '../helpers/tmp';

function frame(message: unknown): string {
  const s = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
}

test('the server started without Node options turns pretenuring off before any of its work', async (t) => {
  const cache = tempDir(t);
  const proc = spawn(process.execPath, ['--trace-pretenuring-statistics', SERVER, '--stdio'], {
    cwd: ROOT,
    env: { ...process.env, XDG_CACHE_HOME: cache },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 60_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (/"state":"ready"/.test(out)) {
        clearTimeout(timer);
        resolve(true);
      }
    });
  });
  proc.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  proc.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  const wasReady = await ready;
  // A little work past ready (the indexes of the bundled corpus are built then), then an orderly exit, which flushes stdout.
  await new Promise((r) => setTimeout(r, 1500));
  proc.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null }));
  proc.stdin.write(frame({ jsonrpc: '2.0', method: 'exit', params: null }));
  await new Promise((r) => proc.once('exit', r));
  assert.ok(wasReady, `the corpus was not ready:\n${out.slice(-500)}`);
  const lines = out.split('\n').filter((l) => l.includes('pretenuring:'));
  assert.deepEqual(lines.slice(0, 5), [], `${lines.length} pretenuring lines`);
});
