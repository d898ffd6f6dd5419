/**
 * Entry of the huge-draft worker thread (bundled as dist/draftWorker.js): runs draft jobs
 * (draftJob.ts) one at a time and posts their replies, transferring their buffers.
 */
import { parentPort } from 'node:worker_threads';
import { runDraftJob } from './draftJob';
import type { DraftJob } from './draftProtocol';

parentPort?.on('message', (job: DraftJob) => runDraftJob(job, (reply, transfer) => parentPort!.postMessage(reply, transfer)));
