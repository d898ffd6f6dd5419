import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';

/**
 * Wraps every handler a feature registers on the connection so that one failure answers
 * an empty result and is logged (a deliberate ResponseError passes through), never killing the server. Handlers run after
 * `setImmediate`, so a request cancelled while queued is answered as cancelled without work.
 * A request whose `position` is not two non-negative integers is answered InvalidParams
 * before any handler sees it (a handler would otherwise compute ranges from garbage).
 */
/** The `position` of request params when it is present but not two non-negative integers (as JSON), else undefined. */
function badPosition(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null || !('position' in params)) return undefined;
  const p = (params as { position: unknown }).position;
  const ok = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (typeof p === 'object' && p !== null && ok((p as { line?: unknown }).line) && ok((p as { character?: unknown }).character)) return undefined;
  return JSON.stringify(p) ?? String(p);
}

export function guardConnection(connection: Connection, log: (msg: string) => void): Connection {
  const wrap = <A extends unknown[], R>(name: string, handler: (...args: A) => R) =>
    (...args: A) =>
      new Promise<Awaited<R> | null>((resolve, reject) => {
        setImmediate(async () => {
          const token = args.find((a): a is { isCancellationRequested: boolean } =>
            typeof a === 'object' && a !== null && 'isCancellationRequested' in a);
          if (token?.isCancellationRequested) return resolve(null);
          const position = badPosition(args[0]);
          if (position) return reject(new ResponseError(ErrorCodes.InvalidParams, `${name}：位置参数无效 ${position}`));
          try {
            resolve(await handler(...args));
          } catch (e) {
            // A deliberate protocol error (e.g. “target exists”) is the handler's answer.
            if (e instanceof ResponseError) return reject(e);
            log(`处理 ${name} 时出错：${(e as Error)?.stack ?? String(e)}`);
            resolve(null);
          }
        });
      });

  const handlerMethods = new Set([
    'onCompletion', 'onCompletionResolve', 'onHover', 'onDocumentSymbol', 'onFoldingRanges', 'onCodeAction',
    'onCodeActionResolve', 'onExecuteCommand', 'onSignatureHelp', 'onDefinition', 'onReferences',
    'onDocumentHighlight', 'onDocumentFormatting', 'onRenameRequest', 'onPrepareRename', 'onRequest',
  ]);
  return new Proxy(connection, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && handlerMethods.has(prop) && typeof value === 'function') {
        return (...args: unknown[]) => {
          // onRequest(method, handler) or onX(handler)
          const i = args.findIndex((a) => typeof a === 'function');
          if (i >= 0) args[i] = wrap(typeof args[0] === 'string' ? args[0] : prop, args[i] as (...a: unknown[]) => unknown);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (prop === 'languages') {
        const languages = value as Connection['languages'];
        return new Proxy(languages, {
          get(t, p, r) {
            const v = Reflect.get(t, p, r);
            if (p === 'diagnostics') {
              const d = v as Connection['languages']['diagnostics'];
              return {
                on: (h: Parameters<typeof d.on>[0]) => d.on(wrap('diagnostics', h) as unknown as typeof h),
                onWorkspace: d.onWorkspace.bind(d),
                refresh: d.refresh.bind(d),
              };
            }
            if (p === 'foldingRange') {
              const f = v as Connection['languages']['foldingRange'];
              return { ...f, on: (h: Parameters<typeof f.on>[0]) => f.on(wrap('foldingRange', h) as unknown as typeof h) };
            }
            return typeof v === 'function' ? v.bind(t) : v;
          },
        });
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
