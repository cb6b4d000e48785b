/**
 * What a seal is, as files. Dependency-free like verify.ts: both are bundled into the standalone
 * verifier, which must run on nothing but Node.
 */

export const sealFormat = 'hearing-room-seal/1';
export const genesisHash = '0'.repeat(64);

/** The files a seal consists of, beside the media, in the hearing folder and in an export. */
export const sealFiles = {
  manifest: 'manifest.json',
  signature: 'manifest.sig',
  publicKey: 'public-key.pem',
  fingerprint: 'public-key-fingerprint.txt',
  audit: 'audit.jsonl',
  readme: 'README-CLERK.txt',
  verifier: 'hearing-room-verify.mjs',
  writtenRecord: 'written-record.pdf',
} as const;

export interface SealedFile {
  name: string;
  sha256: string;
  sizeBytes: number;
}

export interface SealedRecording {
  id: string;
  segment: number;
  status: string;
  /** Why it ended (stopped, consent_withdrawn, ...); null before stop reasons were recorded. */
  stopReason: string | null;
  mimeType: string;
  startedAt: string;
  stoppedAt: string | null;
  durationMs: number | null;
  master: SealedFile & { chunkCount: number };
  working:
    | (SealedFile & { derivation: { tool: string; toolVersion: string; inputSha256: string } })
    | null;
}

export interface AuditPoint {
  seq: number;
  hash: string;
}

export interface SealManifest {
  format: typeof sealFormat;
  app: { name: string; version: string };
  ruleSet: { id: string; version: string };
  hearingId: string;
  /** The procedural record of the hearing, as its provider gave it. */
  hearing: Record<string, unknown>;
  events: unknown[];
  recordings: SealedRecording[];
  /** Other sealed files of the hearing, such as the written record. */
  documents: Array<SealedFile & { kind: string }>;
  audit: {
    /** The last entry of the installation's audit log when the hearing was sealed. */
    head: AuditPoint;
    /** Every entry of this hearing up to the head: an export can then leave out other hearings' entries. */
    entries: AuditPoint[];
  };
  sealedAt: string;
  key: { algorithm: 'Ed25519'; fingerprint: string };
  /** Present when the hearing was sealed while the rules still flagged items: which, and why. */
  openItems?: SealOpenItems;
}

export interface SealOpenItems {
  /** The rule engine's codes of the items still open when the hearing was sealed. */
  codes: string[];
  /** Why the hearing was sealed all the same, as the person who sealed it typed it. */
  reason: string;
}

/** One line of audit.jsonl: an entry of this hearing in full, or only the links of another's. */
export interface AuditLineFull {
  seq: number;
  at: string;
  userId: string;
  role: string;
  action: string;
  hearingId: string | null;
  details: unknown;
  prevHash: string;
  hash: string;
}
export interface AuditLineRedacted {
  seq: number;
  prevHash: string;
  hash: string;
  redacted: true;
}
export type AuditLine = AuditLineFull | AuditLineRedacted;
