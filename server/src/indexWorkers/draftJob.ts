/**
 * One huge-draft job, with the engine's own functions: parses the draft, replies with its
 * outline and folds, then with its prose view, then lints it with every rule but the ones the
 * server keeps (the corpus rules), cutting the rules still running at the job's deadline, and
 * replies with the findings (capped). Run in the worker thread (draftWorker.ts), or on the server's thread when
 * the worker bundle is missing.
 */
import { capFindings } from '../engine/lint/cap';
import { Draft } from '../engine/lint/draft';
import { foldsOf, outlineOf } from '../engine/lint/folding';
import { lintSteps } from '../engine/lint/lint';
import { RULE_IDS } from '../engine/lint/registry';
import { runToEnd } from '../engine/slices';
import type { DraftJob, DraftOutline, DraftReply } from './draftProtocol';

export function runDraftJob(job: DraftJob, post: (reply: DraftReply) => void): void {
  try {
    const draft = new Draft(job.text);
    const outline: DraftOutline = { symbols: outlineOf(draft, job.showItems), folds: foldsOf(draft) };
    post({ id: job.id, part: 'outline', outline: JSON.stringify(outline) });
    post({ id: job.id, part: 'prose', masked: draft.prose.masked });
    const until = Math.max(job.deadline, Date.now() + job.minRulesMs);
    const run = runToEnd(
      lintSteps(draft, {
        settings: job.settings,
        stage: job.stage,
        corpusStats: job.corpusStats,
        corpusHeadings: job.corpusHeadings,
        only: RULE_IDS.filter((id) => !job.skipRules.includes(id)),
        outOfTime: () => Date.now() >= until,
      }),
    );
    post({ id: job.id, part: 'lint', findings: capFindings(run.findings, job.maxFindings), total: run.findings.length, cut: run.cut });
  } catch (e) {
    post({ id: job.id, part: 'error', error: String((e as Error).stack ?? e) });
  }
}
