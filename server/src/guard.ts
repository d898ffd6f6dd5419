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

/**
 * Requests being answered, and when the client's last message came in: background work in
 * slices (lint, review, the completion warm-up) holds back while `answering()` says so. A
 * request takes three turns of the event loop on the server (the protocol library's queue, the
 * hop below, the writer's queue); a background slice run before each of them would put two or
 * three slices into every answer.
 */
let inFlight = 0;
/** When the oldest request still being answered began (performance.now()). */
let oldestAt = Infinity;
let inputAt = -Infinity;
/** When the last request was answered (its answer queued to be written). */
let answeredAt = -Infinity;
/** Input is held for: the protocol library dispatches a message read now at the end of this turn. */
const INPUT_HOLD_MS = 2;
/**
 * Background work waits this long after an answer too: a client that asks one thing often asks the
 * next at once (completion, then its resolve, hover, code actions; requests queued while typing),
 * and a background step begun in that gap would hold the next request up for the step's length.
 * Measured at 50 MB with a client asking back to back: 9 next requests in 10 came within 1.5 ms of
 * an answer, but 3–5 % came 3–28 ms later and met a step of 5–44 ms (3 ms, the first value, let
 * those through). A writer typing asks a few things every 100–300 ms: the hold costs the checks little.
 */
export const AFTER_ANSWER_HOLD_MS = 10;
/** Longest a request holds background work back (one waiting for the corpus or an index must not stop it). */
export const MAX_HOLD_MS = 50;

/** The client sent something (a message read from the transport): hold background work a moment. */
export function noteInput(): void {
  inputAt = performance.now();
}

/** True while a request is being answered (for at most MAX_HOLD_MS), or a message has just come in or an answer just gone out. */
export function answering(now = performance.now()): boolean {
  return now - inputAt < INPUT_HOLD_MS || now - answeredAt < AFTER_ANSWER_HOLD_MS || (inFlight > 0 && now - oldestAt < MAX_HOLD_MS);
}

/** A request began: until `done` is called (once), background work holds back. */
export function beginAnswer(): () => void {
  if (inFlight++ === 0) oldestAt = performance.now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    // Two turns later: the answer is written from the writer's queue in the next turn, by then queued behind this.
    setImmediate(() =>
      setImmediate(() => {
        if (--inFlight === 0) oldestAt = Infinity;
        answeredAt = performance.now();
      }),
    );
  };
}

export function guardConnection(connection: Connection, log: (msg: string) => void): Connection {
  const wrap = <A extends unknown[], R>(name: string, handler: (...args: A) => R) =>
    (...args: A) =>
      new Promise<Awaited<R> | null>((resolve0, reject0) => {
        const done = beginAnswer();
        const resolve = (v: Awaited<R> | null) => (done(), resolve0(v));
        const reject = (e: unknown) => (done(), reject0(e));
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
