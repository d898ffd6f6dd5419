/**
 * Entry of a phrase-index worker thread (bundled as dist/phraseIndexWorker.js): runs one
 * job at a time for buildInWorkers.ts — the suffix sort of the corpus text, or the tables of a
 * part of the corpus text — with the engine's own functions, and sends the result back
 * with its buffers transferred (not copied).
 */
import { parentPort } from 'node:worker_threads';
import { runToEnd } from '../engine/slices';
import { suffixSortSteps } from '../engine/search/suffixArray';
import { partTablesSteps, type PhraseTables } from '../engine/search/phraseTables';
import type { WorkerJob, WorkerReply } from './protocol';

function buffersOf(t: PhraseTables): ArrayBuffer[] {
  return [t.noise, t.wordBreaks, t.anchors, t.sentStart, t.sentEnd, t.sentReport, t.kindStart, t.kindMasks, t.labelRunStart, t.labelRunId].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

parentPort?.on('message', (job: WorkerJob) => {
  try {
    if (job.kind === 'sort') {
      const sa = runToEnd(suffixSortSteps({ text: job.text, noise: job.noise }, job.anchors));
      parentPort!.postMessage({ id: job.id, sa } satisfies WorkerReply, [sa.buffer as ArrayBuffer]);
    } else {
      const tables = runToEnd(partTablesSteps(job.part));
      parentPort!.postMessage({ id: job.id, tables } satisfies WorkerReply, buffersOf(tables));
    }
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: String((e as Error).stack ?? e) } satisfies WorkerReply);
  }
});
