/**
 * The client and the server agree on the contract (server/src/protocol/contract.ts), read from
 * their sources: every method the client sends or listens to is in the contract, the server
 * registers exactly the contract's requests and sends only its notifications, and no side
 * spells a method name outside the contract's tables. (The compiler checks the shapes:
 * test/unit/contract.typecheck.ts; test/protocol/contract.test.ts asks the built server.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Methods, NOTIFICATION_METHODS, NotificationMethods, REQUEST_METHODS } from '../../server/src/protocol/contract';

const ROOT = path.resolve(__dirname, '..', '..');
const CONTRACT = path.join(ROOT, 'server/src/protocol/contract.ts');

function sources(dir: string): { file: string; code: string }[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => f !== CONTRACT)
    .map((file) => ({ file: path.relative(ROOT, file), code: fs.readFileSync(file, 'utf8') }));
}

/** The code without comments (doc comments name methods in prose). */
const code = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

/** Method names a piece of code uses: `Methods.x` / `NotificationMethods.x` resolved through the contract, and `'shuzhi/x'` literals. */
function methodsUsed(text: string, call: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(call)) {
    const arg = m[1];
    const named = /^(Methods|NotificationMethods)\.(\w+)$/.exec(arg);
    if (named) {
      const table: Record<string, string> = named[1] === 'Methods' ? Methods : NotificationMethods;
      out.push(table[named[2]] ?? `${arg} (not in the contract)`);
    } else out.push(arg.replace(/^['"`]|['"`]$/g, ''));
  }
  return out;
}

const firstArg = (fn: string) => new RegExp(`\\b${fn}\\(\\s*[\\w.]*?,?\\s*((?:Methods|NotificationMethods)\\.\\w+|'[^']*'|"[^"]*")`, 'g');

test('every request the client sends and every notification it hears is in the contract', () => {
  const client = sources('client/src');
  const sent = client.flatMap((f) => methodsUsed(code(f.code), firstArg('(?:send|trySend|request|sendRequest)')));
  const heard = client.flatMap((f) => methodsUsed(code(f.code), firstArg('onNotification')));
  assert.ok(sent.length >= 10, `the scan finds the client's requests (${sent.join(', ')})`);
  for (const m of sent) assert.ok((REQUEST_METHODS as readonly string[]).includes(m), `the client sends ${m}, which the contract does not list`);
  assert.deepEqual(heard, [NotificationMethods.corpusStatus]);
  for (const m of heard) assert.ok((NOTIFICATION_METHODS as readonly string[]).includes(m), `the client listens to ${m}, which the contract does not list`);
});

test('the server registers exactly the contract requests and sends only contract notifications', () => {
  const server = sources('server/src');
  const registered = server.flatMap((f) => methodsUsed(code(f.code), /\bonRequest\(\s*((?:Methods|NotificationMethods)\.\w+|'shuzhi\/[^']*')/g));
  const sent = server.flatMap((f) => methodsUsed(code(f.code), /\bsendNotification\(\s*((?:Methods|NotificationMethods)\.\w+|'shuzhi\/[^']*')/g));
  assert.deepEqual([...registered].sort(), [...REQUEST_METHODS].sort(), 'one registration per contract request, none besides');
  assert.deepEqual([...new Set(sent)].sort(), [...NOTIFICATION_METHODS].sort());
});

test('no code spells a custom method name outside the contract', () => {
  for (const { file, code: text } of [...sources('client/src'), ...sources('server/src')]) {
    // Registrations and notifications may name their method as a literal (the compiler checks it against the contract); nothing else may.
    const stray = [...code(text).matchAll(/['"`](shuzhi\/\w+)['"`]/g)].filter((m) => {
      const before = code(text).slice(Math.max(0, m.index - 30), m.index);
      return !/\b(onRequest|sendNotification)\(\s*$/.test(before);
    });
    assert.deepEqual(stray.map((m) => m[1]), [], `${file} names methods outside the contract`);
  }
});
