import { ApiError } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import type { AuditLog } from './audit-log';
import type { ExportResult, HearingExporter } from './export';
import { groupFingerprint, type KeyStore } from './keys/key-store';
import type { SealService, SealSummary } from './seal/seal-service';
import type { HearingSealing } from './sealing';
import type { VerifyReport } from './seal/verify';

export interface SealCallsDeps {
  sealing: HearingSealing;
  seals: SealService;
  exporter: HearingExporter;
  audit: AuditLog;
  keys: KeyStore;
  /**
   * Where an export goes, decided in main and never taken from the renderer: Electron asks with
   * a folder dialog, the web host uses a folder of its own. null when the person cancelled.
   */
  exportDestination: (
    hearingId: string,
    ctx: CallerContext,
  ) => string | null | Promise<string | null>;
}

export interface KeyInfo {
  fingerprint: string;
  fingerprintGrouped: string;
  publicKeyPem: string;
}

/**
 * The dispatcher handlers for sealing, checking and exporting. Each service writes its own audit
 * entry (hearing.sealed, hearing.seal_refused, hearing.exported; hearing.verified here), so the
 * contract marks these calls `audit: false`.
 */
export function sealCalls(deps: SealCallsDeps) {
  return {
    'hearings.seal': (input: { hearingId: string; reason?: string | undefined }, ctx: CallerContext): Promise<SealSummary> =>
      deps.sealing.seal(input.hearingId, input.reason, ctx),

    'hearings.verify': async (
      input: { hearingId: string },
      ctx: CallerContext,
    ): Promise<VerifyReport> => {
      const report = await deps.seals.verifyHearing(input.hearingId);
      deps.audit.append(ctx, 'hearing.verified', input.hearingId, {
        verdict: report.verdict,
        failed: report.checks.filter((c) => !c.ok).map((c) => c.what),
      });
      return report;
    },

    'hearings.export': async (
      input: { hearingId: string; passphrase?: string | undefined },
      ctx: CallerContext,
    ): Promise<ExportResult | null> => {
      const destination = await deps.exportDestination(input.hearingId, ctx);
      if (destination === null) return null;
      if (destination.trim() === '')
        throw new ApiError('invalid_input', 'Choose a folder to export the hearing to.');
      return deps.exporter.exportHearing(input.hearingId, destination, ctx, { passphrase: input.passphrase });
    },

    'keys.info': (): KeyInfo => ({
      fingerprint: deps.keys.fingerprint(),
      fingerprintGrouped: groupFingerprint(deps.keys.fingerprint()),
      publicKeyPem: deps.keys.publicKeyPem(),
    }),
  };
}
