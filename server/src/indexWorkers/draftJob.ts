/**
 * One huge-draft job, with the engine's own functions: replies first with the outline and
 * folds, worked out from the draft's structure alone (no section kinds, counts in one pass),
 * completes the parse, replies with its prose view and line starts, then lints it with every rule but the ones the
 * server keeps (the corpus rules), cutting the rules still running at the job's deadline, and
 * replies with the findings (capped). A cancelled job stops at its next check. Run in the
 * worker thread (draftWorker.ts), or on the server's thread when the worker bundle is missing.
 *
 * The lint part is loaded when first needed: the outline of the first pasted draft does not
 * wait for the worker to load every rule and its dictionaries.
 */
import { Draft } from '../engine/lint/draft';
import { foldsOf, outlineOf } from '../engine/lint/folding';
import { blankedRuns, bufferToText, textToBuffer, type DraftJob, type DraftOutline, type DraftReply } from './draftProtocol';

/** Posts a reply, with the buffers to transfer rather than copy. */
export type PostReply = (reply: DraftReply, transfer?: ArrayBuffer[]) => void;

export function runDraftJob(job: DraftJob, post: PostReply): void {
  const cancelled = () => job.cancel !== undefined && Atomics.load(job.cancel, 0) !== 0;
  const stop = () => post({ id: job.id, part: 'error', error: '稿件已更新' });
  try {
    const draft = new Draft(typeof job.text === 'string' ? job.text : bufferToText(job.text));
    const outline: DraftOutline = { symbols: outlineOf(draft, job.showItems), folds: foldsOf(draft) };
    const json = textToBuffer(JSON.stringify(outline));
    post({ id: job.id, part: 'outline', outline: json }, [json]);
    if (cancelled()) return stop();
    // The rules (loaded on the thread's first job) and the rest of the parse (section kinds,
    // anomalies) before the prose view: the rules' minimum time (MIN_RULES_MS), counted on both
    // threads from the prose view, is then the rules' own.
    const { lintDraftJob } = require('./draftLint') as typeof import('./draftLint');
    void draft.tree;
    if (cancelled()) return stop();
    const blanked = blankedRuns(draft.text, draft.prose.masked);
    const lineStarts = draft.lines.lineStarts();
    if (blanked) post({ id: job.id, part: 'prose', blanked, lineStarts }, [blanked.buffer as ArrayBuffer, lineStarts.buffer as ArrayBuffer]);
    else {
      const masked = textToBuffer(draft.prose.masked);
      post({ id: job.id, part: 'prose', masked, lineStarts }, [masked, lineStarts.buffer as ArrayBuffer]);
    }
    if (cancelled()) return stop();
    post(lintDraftJob(job, draft, cancelled));
  } catch (e) {
    post({ id: job.id, part: 'error', error: String((e as Error).stack ?? e) });
  }
}
