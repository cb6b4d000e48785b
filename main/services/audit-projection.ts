import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { CallName, CallOutput, ParsedInput } from '../../shared/api/contract';

/** What the dispatcher writes for one audited call: the hearing it concerns and what is kept of it. */
export interface Audited {
  hearingId: string | null;
  details: Record<string, unknown>;
}

type Projection<N extends CallName> = (input: ParsedInput<N>, output: CallOutput<N>) => Audited;

/**
 * A SHA-256 of one value, bound to the hearing and the field: proof of what was entered when it
 * is shown later, without the value in the audit chain, which can never be erased. Binding it to
 * the hearing means the same name in two hearings does not give the same digest.
 */
export function valueDigest(hearingId: string, field: string, value: unknown): string {
  return createHash('sha256').update(canonicalJson({ hearingId, field, value: value ?? null })).digest('hex');
}

/** How the values' digests are made, and the name of the details field that holds them. */
interface Digest {
  name: 'sha256' | 'hmacSha256';
  of(hearingId: string, field: string, value: unknown): string;
}

const unkeyed: Digest = { name: 'sha256', of: valueDigest };

/**
 * With encryption on, an HMAC-SHA256 under a key derived from the data key: a guessable value (a
 * name, a birth date) cannot be found again from its digest by trying candidates without the key.
 */
function keyed(key: Uint8Array): Digest {
  return {
      name: 'hmacSha256',
      of: (hearingId, field, value) => createHmac('sha256', key).update(canonicalJson({ hearingId, field, value: value ?? null })).digest('hex'),
    };
  }

  function digests(d: Digest, hearingId: string, values: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(Object.entries(values).map(([field, value]) => [field, d.of(hearingId, field, value)]));
  }

  /**
   * What the audit log keeps of each audited call, by name: the hearing, the call, the fields it
   * changed and digests of their values, never the values themselves. Nothing of a child (a name,
   * a birth date, what was said) may reach the chain. Every call is listed, `null` where the
   * contract does not audit it (a unit test holds the two together), so a newly audited call
   * cannot be written whole by mistake.
   */
  export type AuditProjection = { [N in CallName]: Projection<N> | null };

  /** The projection with unkeyed digests (`sha256`): plain installations, and entries written before keyed digests. */
  export const auditProjection: AuditProjection = projection(unkeyed);

  /** The projection with keyed digests (`hmacSha256`), under the data key's audit digest key. */
  export function keyedAuditProjection(key: Uint8Array): AuditProjection {
    return projection(keyed(key));
  }

  function projection(d: Digest): AuditProjection {
    return {
    'session.status': null,
    'session.setup': null,
    'session.signIn': null,
    'session.signOut': null,
    'session.lock': null,
    'session.unlock': null,
    'session.changePassword': null,
    'session.recoverWithKey': null,
    'accounts.list': null,
    'accounts.create': (input, output) => ({
      hearingId: null,
      details: { userId: output.id, role: input.role, fields: ['displayName', 'username', 'role', 'password'] },
    }),
    'accounts.update': (input) => ({
      hearingId: null,
      details: {
        userId: input.userId,
        fields: Object.keys(input).filter((k) => k !== 'userId'),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      },
    }),
    'accounts.resetPassword': (input) => ({ hearingId: null, details: { userId: input.userId, fields: ['password'] } }),
    'accounts.directory': null,
    'settings.get': null,
    'settings.set': (input) => ({
      hearingId: null,
      details: {
        lockAfterMinutes: input.lockAfterMinutes,
        ...(input.hearingDatePastDays !== undefined ? { hearingDatePastDays: input.hearingDatePastDays } : {}),
      },
    }),
    'app.info': null,
    'app.storage': null,
    'hearings.list': null,
    'hearings.create': (input, output) => ({
      hearingId: output.id,
      details: {
        fields: Object.keys(input),
        [d.name]: digests(d, output.id, input),
      },
    }),
    'hearings.get': (input) => ({ hearingId: input.hearingId, details: {} }),
    'hearings.team': null,
    'hearings.assign': (input) => ({ hearingId: input.hearingId, details: { userId: input.userId } }),
    'hearings.unassign': (input) => ({ hearingId: input.hearingId, details: { userId: input.userId } }),
    'hearings.accessForReason': null,
    'hearings.accessHistory': null,
    'recordings.start': (input, output) => ({
      hearingId: input.hearingId,
      details: { recordingId: output.id, segment: output.segment, mimeType: input.mimeType },
    }),
    'recordings.appendChunk': null,
    'recordings.stop': null,
    'recordings.heartbeat': null,
    'recordings.deriveWorkingCopy': null,
    'procedure.get': (input) => ({ hearingId: input.hearingId, details: {} }),
    'procedure.save': (input) => ({
      hearingId: input.hearingId,
      details: {
        section: input.section,
        fields: input.value && typeof input.value === 'object' && !Array.isArray(input.value) ? Object.keys(input.value) : [input.section],
        [d.name]: d.of(input.hearingId, input.section, input.value),
        // The accounts the people present are linked to: who joined the team this way (ids only).
        ...(input.section === 'attendees' ? { linkedUserIds: [...new Set((input.value ?? []).flatMap((a) => (a.userId ? [a.userId] : [])))] } : {}),
      },
    }),
    'consent.withdraw': (input, output) => ({
      hearingId: input.hearingId,
      details: {
        eventId: output.event.id,
        stoppedRecordingId: output.stoppedRecording?.id ?? null,
        [d.name]: digests(d, input.hearingId, { notedBy: input.notedBy }),
      },
    }),
    'events.add': (input, output) => ({
      hearingId: input.hearingId,
      details: {
        eventId: output.id,
        kind: input.event.kind,
        fields: Object.keys(input.event).filter((k) => k !== 'kind'),
        [d.name]: d.of(input.hearingId, 'event', input.event),
      },
    }),
    'events.list': null,
    'writtenRecord.generate': null,
    'hearings.sealPreview': null,
    'hearings.seal': null,
    'hearings.verify': null,
    'hearings.export': null,
    'annotations.list': null,
    'annotations.change': (input, output) => ({
      hearingId: input.hearingId,
      details: {
        kind: input.change.kind,
        // An added annotation is the newest of the list; the others name theirs.
        annotationId: 'id' in input.change ? input.change.id : (output.at(-1)?.id ?? null),
        fields: Object.keys(input.change).filter((k) => k !== 'kind'),
        // What a psychologist wrote about a child stays out of the chain: a digest proves it.
        [d.name]: d.of(input.hearingId, 'annotation', input.change),
      },
    }),
    'annotations.export': (input) => ({ hearingId: input.hearingId, details: { format: input.format } }),
    'keys.info': null,
    'hearings.exportDownload': null,
    'hearings.plan': (input) => ({
      hearingId: input.hearingId,
      // When a hearing is planned is no one's personal data; why it moved may be: a digest.
      details: {
        plannedAt: input.plannedAt,
        fields: ['plannedAt', ...(input.reason !== undefined ? ['reason'] : [])],
        ...(input.reason !== undefined ? { [d.name]: digests(d, input.hearingId, { reason: input.reason }) } : {}),
      },
    }),
    'hearings.correct': (input, output) => {
      const entry = output.at(-1);
      return {
        hearingId: input.hearingId,
        // The field corrected and digests of the old and new values and the reason, never the values.
        details: {
          field: input.field,
          correctionId: entry?.id ?? null,
          [d.name]: {
            old: d.of(input.hearingId, input.field, entry?.oldValue ?? null),
            new: d.of(input.hearingId, input.field, input.value),
            reason: d.of(input.hearingId, 'reason', input.reason),
          },
        },
      };
    },
    'hearings.corrections': null,
    'hearings.remove': (input) => ({
      hearingId: input.hearingId,
      details: { fields: ['reason'], [d.name]: digests(d, input.hearingId, { reason: input.reason }) },
    }),
    'annotations.import': (input, output) => ({
      hearingId: input.hearingId,
      // The file's words may name the child: the chain keeps a digest of it and the counts.
      details: { applied: input.apply, count: output.count, [d.name]: d.of(input.hearingId, 'eaf', input.xml) },
    }),
    // Written by its handler, with the verdict.
    'audit.checkCheckpoint': null,
  };
}
