import { canonicalJson } from '../../../shared/canonical-json';
import {
  sealFormat,
  type AuditPoint,
  type SealManifest,
  type SealOpenItems,
  type SealedFile,
  type SealedRecording,
} from './format';

export interface RuleSetRef {
  id: string;
  version: string;
}

export interface ManifestInput {
  appVersion: string;
  ruleSet: RuleSetRef;
  hearingId: string;
  hearing: Record<string, unknown>;
  events: unknown[];
  recordings: SealedRecording[];
  documents: Array<SealedFile & { kind: string }>;
  auditHead: AuditPoint;
  auditEntries: AuditPoint[];
  sealedAt: string;
  keyFingerprint: string;
  openItems?: SealOpenItems;
}

/** The seal's statement about a hearing, as a plain object: what was recorded, and its hashes. */
export function buildManifest(input: ManifestInput): SealManifest {
  return {
    format: sealFormat,
    app: { name: 'Hearing Room', version: input.appVersion },
    ruleSet: { id: input.ruleSet.id, version: input.ruleSet.version },
    hearingId: input.hearingId,
    hearing: input.hearing,
    events: input.events,
    recordings: input.recordings,
    documents: input.documents,
    audit: { head: input.auditHead, entries: input.auditEntries },
    sealedAt: input.sealedAt,
    key: { algorithm: 'Ed25519', fingerprint: input.keyFingerprint },
    ...(input.openItems ? { openItems: input.openItems } : {}),
  };
}

/** The bytes that are signed: RFC 8785 canonical JSON, so the same manifest always gives the same bytes. */
export function manifestBytes(manifest: SealManifest): Uint8Array {
  return new TextEncoder().encode(canonicalJson(manifest));
}
