/**
 * The built server answers every request of the contract (server/src/protocol/contract.ts) —
 * none is MethodNotFound, as a method the server lacks is — and sends the contract's
 * notifications. Params are empty: a handler given nothing useful answers null or an error, but
 * an answer all the same. The cache folders are temporary, so `shuzhi/clearCache` touches nothing real.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes } from 'vscode-languageserver/node';
import { NOTIFICATION_METHODS, REQUEST_METHODS, type NotificationMethod } from '../../server/src/protocol/contract';
import { corpusReady, startServer } from '../helpers/lspClient';
import { tempFolders } from '../helpers/tmp';

const tmp = tempFolders();

/** The error code a request is answered with, or undefined when it is answered. */
async function errorCode(request: Promise<unknown>): Promise<number | undefined> {
  try {
    await request;
    return undefined;
  } catch (e) {
    return (e as { code?: number }).code;
  }
}

test('the server answers every contract request and sends the contract notifications', async () => {
  const cache = tmp('shuzhi-contract-');
  const server = await startServer({ initializationOptions: { storagePath: cache, snapshot: false }, env: { XDG_CACHE_HOME: cache } });
  try {
    await corpusReady(server);
    assert.equal(await errorCode(server.request('shuzhi/notAMethod', {})), ErrorCodes.MethodNotFound, 'a method the server lacks');
    for (const method of REQUEST_METHODS) {
      assert.notEqual(await errorCode(server.request(method, {})), ErrorCodes.MethodNotFound, `${method} is registered`);
    }
    // A rebuild (answered above) publishes the corpus state again.
    const heard = new Set<NotificationMethod>();
    for (const method of NOTIFICATION_METHODS) server.conn.onNotification(method, () => {
      heard.add(method);
    });
    await server.request('shuzhi/rebuild', {});
    assert.deepEqual([...heard].sort(), [...NOTIFICATION_METHODS].sort());
  } finally {
    await server.stop();
  }
});
