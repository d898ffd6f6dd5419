/**
 * The lint part of a huge-draft job (draftJob.ts): every rule but the ones the server keeps,
 * cut at the job's deadline (given MIN_RULES_MS at least after the prose view) or when the
 * job is cancelled; the findings capped. Loaded by the job only once its outline is sent.
 */
import { capFindings } from '../engine/lint/cap';
import type { Draft } from '../engine/lint/draft';
import { lintSteps } from '../engine/lint/lint';
import { RULE_IDS } from '../engine/lint/registry';
import { runToEnd } from '../engine/slices';
import type { DraftJob, LintReply } from './draftProtocol';

export function lintDraftJob(job: DraftJob, draft: Draft, cancelled: () => boolean): LintReply {
  const until = Math.max(job.deadline, Date.now() + job.minRulesMs);
  const run = runToEnd(
    lintSteps(draft, {
      settings: job.settings,
      stage: job.stage,
      corpusStats: job.corpusStats,
      corpusHeadings: job.corpusHeadings,
      only: RULE_IDS.filter((id) => !job.skipRules.includes(id)),
      outOfTime: () => Date.now() >= until || cancelled(),
    }),
  );
  return { id: job.id, part: 'lint', findings: capFindings(run.findings, job.maxFindings), total: run.findings.length, cut: run.cut };
}
