/**
 * Type-level tests of the client–server contract, compiled by `npm run typecheck` (never run).
 * The real checks are the two ends themselves: the server's handlers are registered on
 * ServerContext.connection (typed by ContractServer) and the client sends through
 * client/src/serverRequests.ts, so a handler answering another shape, or a client reading a
 * field the contract lacks, does not compile. The lines below make sure those ends stay typed:
 * each `@ts-expect-error` fails the typecheck if the error it expects disappears (say, if a
 * signature were loosened to `string` or `any`).
 */
import type { ContractConnection } from '../../server/src/context';
import { Methods, NotificationMethods, type NotificationMethod, type RequestMethod } from '../../server/src/protocol/contract';
import type { Answer, ServerRequests } from '../../client/src/serverRequests';

/** True when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T | undefined => undefined;

// Every request and notification of the contract has a name in Methods / NotificationMethods, and nothing else does.
holds<Same<(typeof Methods)[keyof typeof Methods], RequestMethod>>();
holds<Same<(typeof NotificationMethods)[keyof typeof NotificationMethods], NotificationMethod>>();

export function serverEnd(connection: ContractConnection): void {
  // A handler answering the contract's shape is accepted …
  connection.onRequest(Methods.count, () => ({ total: 3, limit: 100, limitSource: 'title' as const }));
  connection.onRequest(Methods.skeleton, (p) => ({ snippet: p?.type ?? '', type: 'general', name: '述职报告' }));
  // @ts-expect-error … one answering another shape is not (skeleton answers {snippet, type, name}, not a string).
  connection.onRequest(Methods.skeleton, () => '# 述职报告');
  // @ts-expect-error a wrong field type
  connection.onRequest(Methods.count, () => ({ total: '3' }));
  // @ts-expect-error a handler that needs params the contract does not send
  connection.onRequest(Methods.review, (p: { uri: string; depth: number }) => (p.depth ? null : null));
  // @ts-expect-error a method the contract does not have
  connection.onRequest('shuzhi/statistics', () => null);
  void connection.sendNotification(NotificationMethods.corpusStatus, { state: 'ready', reports: 1, skipped: 0 });
  // @ts-expect-error a notification payload of another shape
  void connection.sendNotification(NotificationMethods.corpusStatus, { state: 'done', reports: 1 });
}

export async function clientEnd(server: ServerRequests): Promise<void> {
  const exported = await server.send(Methods.exportDocx, { uri: 'file:///a.md', target: '/tmp/a.docx' });
  holds<Same<typeof exported, Answer<'shuzhi/export'>>>();
  // @ts-expect-error the server sends no warnings with an export (the drift this contract removed)
  void exported?.warnings;
  const imported = await server.send(Methods.importDocx, { path: '/tmp/a.docx' });
  // @ts-expect-error nor with an import
  void imported?.warnings;
  // @ts-expect-error params of another request
  await server.send(Methods.search, { uri: 'file:///a.md' });
  // @ts-expect-error a method the contract does not have
  await server.send('shuzhi/statistics', {});
  // An answer may be null (a failed handler answers null): it must be checked before use.
  const count = await server.send(Methods.count, { uri: 'file:///a.md' });
  // @ts-expect-error possibly null
  void count.total;
}
