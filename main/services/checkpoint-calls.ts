import type { CallerContext } from '../../shared/api/caller';
import type { AuditCheckpoints, CheckpointReport } from './audit-checkpoints';
import type { AuditLog } from './audit-log';

/**
 * The dispatcher handler that checks a checkpoint from the registry against today's audit log.
 * It writes its own audit entry (`audit.checkpoint_checked`, with the verdict and the failed
 * checks' codes), after the check, so the entry is never part of what it checked.
 */
export function checkpointCalls(deps: { checkpoints: AuditCheckpoints; audit: AuditLog }) {
  return {
    'audit.checkCheckpoint': (
      input: { checkpoint: string; signature: string },
      ctx: CallerContext,
    ): CheckpointReport => {
      const report = deps.checkpoints.check(input.checkpoint, input.signature);
      deps.audit.append(ctx, 'audit.checkpoint_checked', null, {
        verdict: report.verdict,
        checkpoint: report.checkpoint ? { entries: report.checkpoint.entries, head: report.checkpoint.head } : null,
        failed: report.checks.filter((c) => !c.ok).map((c) => c.code),
      });
      return report;
    },
  };
}
