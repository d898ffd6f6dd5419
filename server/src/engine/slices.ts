/**
 * Running long index builds without freezing the server. Builders are generators that
 * `yield` every few thousand steps; `runToEnd` drives one synchronously (CLI, tests),
 * `runSliced` in slices of a few milliseconds between which the event loop answers other
 * requests (hover, completion, lint keep working while a 100 MB corpus is indexed).
 */

/** A build that yields now and then and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs a build to its end at once. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Rejection of a sliced build that was abandoned (e.g. the corpus changed meanwhile). */
export class BuildCancelled extends Error {
  constructor() {
    super('索引构建已取消');
  }
}

/**
 * Runs a build in slices of about `sliceMs`, yielding to the event loop in between.
 * `cancelled` is asked between slices; when it says so the build stops and rejects
 * with BuildCancelled. `held` too: while it says so (the server is answering a request),
 * the build waits a turn of the event loop without working, so the answer goes out before
 * the next slice instead of after it.
 */
export function runSliced<T>(steps: Steps<T>, sliceMs = 15, cancelled: () => boolean = () => false, held: () => boolean = () => false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      try {
        if (cancelled()) {
          steps.return(undefined as never);
          return reject(new BuildCancelled());
        }
        if (held()) return void setImmediate(slice);
        const until = performance.now() + sliceMs;
        for (;;) {
          const r = steps.next();
          if (r.done) return resolve(r.value);
          if (performance.now() >= until) break;
        }
        setImmediate(slice);
      } catch (e) {
        reject(e);
      }
    };
    slice();
  });
}

/** Loop chunk between yields: small enough for ~1 ms of work, large enough to cost nothing. */
export const CHUNK = 1 << 16;
