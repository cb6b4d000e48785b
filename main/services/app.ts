import { join } from 'node:path';
import { Dispatcher, type Handlers } from './dispatcher';
import { createMediaHandler, type MediaHandler } from './media-handler';
import { noKeepAwake, type KeepAwake } from './keep-awake';
import { openDatabase, type Db } from './db/database';
import { AuditLog } from './audit-log';
import { AuditCheckpoints } from './audit-checkpoints';
import { FileMediaStore } from './storage/file-media-store';
import type { MediaStore } from './storage/media-store';
import type { TailRecovery } from './storage/encrypted-media-store';
import { isPlainDatabase, openEncryptedServices, type EncryptionOptions } from './locked-services';
import { RecordingService, type RecoveredRecording } from './recordings';
import { HearingService } from './hearings';
import { WebmPatcher } from './working-copy';
import { HearingChanges, removalOf, removedError } from './hearing-changes';
import { defaultHearingDatePastDays } from '../../shared/domain/plausible-dates';
import { hearingScope } from '../../shared/access/hearing-access';
import { ProcedureService } from './procedure';
import { EventLog } from './events';
import { HearingSession, defaultDiskLevels, type DiskLevels, type PageWatch } from './hearing-session';
import { HearingQueue } from './hearing-queue';
import { HearingSealing } from './sealing';
import { AnnotationService } from './annotations';
import { AnnotationAddenda } from './annotation-addenda';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';
import { annotationsCsv } from '../../shared/coding/csv';
import { hearingEafFiles } from '../../shared/coding/eaf-export';
import { hearingTimeline, placeEvents } from '../../shared/coding/timeline';
import { WrittenRecordService } from './written-record/service';
import type { PdfPrinter } from './written-record/printer';
import { groupFingerprint, type KeyStore } from './keys/key-store';
import { SealService, hearingRow } from './seal/seal-service';
import { HearingExporter } from './export';
import { sealCalls } from './seal-calls';
import { checkpointCalls } from './checkpoint-calls';
import { AccountService, type BackOff, type FailureMap, type IdentityHooks } from './accounts';
import { SessionStore, callerOf, type Session } from './sessions';
import { HearingAccess } from './hearing-access';
import { auditProjection, keyedAuditProjection, type Audited } from './audit-projection';
import { MediaReadLog, ReadLog } from './read-log';
import type { CallerContext } from '../../shared/api/caller';
import { contract, type CallName } from '../../shared/api/contract';
import { ApiError, type ApiResult } from '../../shared/api/errors';
import type { AccessEntry } from '../../shared/domain/accounts';
import { currentRuleSet } from '../../shared/rules/ruleset';
import { HearingSearch } from './hearing-search';
import { ExportDownloads } from './export-download';
import { importAnnotations } from './annotation-import';

export interface ServicesOptions {
  /** The app's data folder: the database and one folder per hearing live here. */
  dataDir: string;
  appVersion: string;
  /** Path of a better-sqlite3 binary built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
  keepAwake?: KeepAwake;
  /** Prints the written record: Electron's printToPDF, or Chromium on the web host. */
  printer?: PdfPrinter;
  disk?: DiskLevels;
  /** How long a recording page may go quiet before main closes its segment as `page_lost`. */
  pageWatch?: PageWatch;
  /**
   * The installation's signing key: wrapped by safeStorage in the app, a passphrase file on the web
   * host; a function opens it only when the services are composed. With encryption on, a new
   * installation's key is protected by the data key instead (keys/data-key-signing-key.ts).
   */
  keys?: KeyStore | (() => KeyStore);
  /** The standalone verifier copied into every export. */
  verifierPath?: string;
  /** Where an export goes, decided in main (a folder dialog in the app); null when cancelled. */
  exportDestination?: (hearingId: string, ctx: CallerContext) => string | null | Promise<string | null>;
  /**
   * Where another service (the data key's key slots) hooks onto signing in and onto the first
   * administrator's recovery key; see IdentityHooks.
   */
  identityHooks?: IdentityHooks;
  /** How wrong passwords slow down; tests make it short. */
  backOff?: BackOff;
  /** A playback is one audit entry until its requests pause this long. */
  playbackIdleMs?: number;
  /**
   * Encryption at rest (docs/encryption.md): a new installation is encrypted and nothing but the
   * session calls answers until the first sign-in unlocks the data key. Without it (tests that
   * compose the services), the database and media are plain, as before.
   */
  encryption?: EncryptionOptions;
  /** Recordings recovered after a crash, as soon as they are (at start, or at the first sign-in). */
  onRecovered?: (recovered: readonly RecoveredRecording[]) => void;
}

/** The storage the services run on, opened plain or with the data key. */
export interface OpenedStorage {
  db: Db;
  store: MediaStore & { recover?(hearingId: string, name: string): TailRecovery };
  /** The recovery key the first start shows: the one the data key's recovery slot opens with. */
  recoveryKey?: string;
  /** Hooks of the key slots, besides `ServicesOptions.identityHooks`. */
  hooks?: IdentityHooks;
  /** The back-off store that outlives a restart. */
  failures?: FailureMap;
  /** An account was updated (disabled, say). */
  accountUpdated?: (account: { id: string; username: string; disabled: boolean }) => void;
  /** The key of the audit log's value digests (with encryption on); without it they are plain SHA-256. */
  auditDigestKey?: Buffer;
  /** Runs with the audit log open, before crash recovery: sign-in attempts made while locked. */
  beforeRecovery?: (db: Db, audit: AuditLog) => void;
}

/** What a transport must do with its session reference after a call. */
export interface SessionCallResult {
  result: ApiResult<unknown>;
  /** A new session token to keep (signed in), null to forget it (signed out), absent: unchanged. */
  sessionToken?: string | null;
}

const noKeys: KeyStore = {
  publicKeyPem: () => unavailable(),
  fingerprint: () => unavailable(),
  sign: () => unavailable(),
};

function unavailable(): never {
  throw new ApiError('internal', 'No signing key is set up for this installation, so hearings cannot be sealed here.');
}

const noPrinter: PdfPrinter = {
  print: () => {
    throw new Error('no PDF printer is available in this setting');
  },
};

export interface AppServices {
  /** In-process calls with a caller given as is (tests, scripts that compose the services). */
  dispatcher: Dispatcher;
  /**
   * A transport's call: the session of `sessionToken` (the window's, a cookie's, a script's
   * header) is resolved here to the caller, then dispatched.
   */
  call(sessionToken: string | null, transport: CallerContext['transport'], name: unknown, input: unknown): Promise<SessionCallResult>;
  /** The caller of a session token, or null: what a transport hands to `media`. */
  caller(sessionToken: string | null, transport: CallerContext['transport']): CallerContext | null;
  /** Serves `/media/...` with HTTP Range support; mounted by Electron's protocol and the web host. */
  media: MediaHandler;
  /** Recordings found open at start (a crash or a kill) and kept. */
  recovered: readonly RecoveredRecording[];
  /** The page that records is gone for sure (the window closed): close its segments now. */
  pageGone(): Promise<void>;
  close(): void;
}

/** The calls that change one hearing: each takes the hearing's turn, with its audit entry. */
const inTurn: ReadonlySet<CallName> = new Set<CallName>([
  'recordings.start',
  'procedure.save',
  'consent.withdraw',
  'events.add',
  'annotations.change',
  'annotations.import',
  'hearings.plan',
  'hearings.correct',
  'hearings.remove',
]);

/** What the team may still do with a removed hearing: read its tombstone and its access history. */
const onRemovedHearing: ReadonlySet<CallName> = new Set<CallName>(['hearings.get', 'hearings.accessHistory']);

const system = { userId: 'system', role: 'technician' } as const;

const lockAfterKey = 'lock_after_minutes';
const defaultLockAfterMinutes = 10;
const hearingDatePastDaysKey = 'hearing_date_past_days';

/** Reads that are audited once per person and hearing within a while, not on every refresh. */
const repeatedReads: ReadonlySet<CallName> = new Set<CallName>(['hearings.get', 'procedure.get']);

export const databaseFile = (dataDir: string) => join(dataDir, 'hearing-room.sqlite');

/**
 * Composes the services on plain Node; Electron and the web host are only transports around it.
 * With `encryption`, a new installation is encrypted and its services open at the first sign-in;
 * a database left plain by an earlier version is opened plain (docs/encryption.md).
 */
export async function openServices(options: ServicesOptions): Promise<AppServices> {
  if (options.encryption && !isPlainDatabase(databaseFile(options.dataDir))) {
    return openEncryptedServices(options, options.encryption, composeServices);
  }
  if (options.encryption) {
    console.warn(
      `The database ${databaseFile(options.dataDir)} was made by an earlier version without encryption: it is opened plain, as before (docs/encryption.md).`,
    );
  }
  return composeServices(options, {
    db: openDatabase(databaseFile(options.dataDir), options),
    store: new FileMediaStore(options.dataDir),
  });
}

/** The services on storage already opened (plain, or with the data key). */
export async function composeServices(options: ServicesOptions, opened: OpenedStorage): Promise<AppServices> {
  const { db, store } = opened;
  const audit = new AuditLog(db);
  const queue = new HearingQueue();
  const recordings = new RecordingService(
    db,
    store,
    audit,
    new WebmPatcher(store),
    options.keepAwake ?? noKeepAwake,
  );
  const hearingDatePastDays = () =>
    Number(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(hearingDatePastDaysKey) ?? defaultHearingDatePastDays);
  const hearings = new HearingService(db, recordings, (hearingId) => queue.running(hearingId), undefined, hearingDatePastDays);
  const procedure = new ProcedureService(db, currentRuleSet, undefined, hearingDatePastDays);
  // After the seal a correction is a signed addendum (the addenda are made further down).
  const changes = new HearingChanges(db, procedure, undefined, hearingDatePastDays, store, {
    scheme: { id: forensicInterviewScheme.id, version: forensicInterviewScheme.version },
    corrections: (hearingId) => annotationAddenda.corrections(hearingId),
    append: (hearingId, content, author, at) => annotationAddenda.append(hearingId, content, author, at),
  });
  const events = new EventLog(db);
  const disk = options.disk ?? defaultDiskLevels;
  const session = new HearingSession({
    recordings,
    procedure,
    events,
    store,
    audit,
    queue,
    disk,
    ...(options.pageWatch ? { watch: options.pageWatch } : {}),
  });
  const writtenRecords = new WrittenRecordService({
    db,
    audit,
    queue,
    store,
    hearings,
    procedure,
    recordings,
    events,
    printer: options.printer ?? noPrinter,
    ruleSet: currentRuleSet,
    appVersion: options.appVersion,
    keyFingerprint: () => {
      try {
        return groupFingerprint(keys.fingerprint());
      } catch {
        return null;
      }
    },
  });
  // The written record is printed after a stop, and again at the seal when it is older. A printer
  // that needs time to start (a browser) is started when a stop is asked for and when a seal is,
  // never while another recording runs: starting a browser takes the CPU for a second or two, and
  // a live hearing (a pause, a mark) must not wait for it. The hearing being stopped is no longer
  // live: the browser starts on the other core while the stop finishes the working copy.
  let closed = false;
  const warmPrinter = (stopping?: string) => {
    if (!closed && !recordings.anyActive(stopping)) options.printer?.warm?.();
  };
  const requireHearing = (hearingId: string) => hearings.get(hearingId);
  const keys = typeof options.keys === 'function' ? options.keys() : (options.keys ?? noKeys);
  const annotationAddenda = new AnnotationAddenda(db, audit, keys);
  const checkpoints = new AuditCheckpoints(db, audit, keys);
  const seals = new SealService(db, audit, store, keys, {
    checkpoints,
    appVersion: options.appVersion,
    ruleSet: () => ({ id: currentRuleSet.id, version: currentRuleSet.version }),
    // The record as stored, never re-evaluated against the clock: a seal must not depend on "now".
    hearingRecord: (hearingId) => ({ ...hearingRow(db, hearingId), procedure: procedure.draft(hearingId) }),
    events: (hearingId) => events.list(hearingId),
    addenda: (hearingId) => annotationAddenda.found(hearingId),
  });
  const annotations = new AnnotationService(db, recordings, events, forensicInterviewScheme, annotationAddenda);
  const sealing = new HearingSealing({ queue, recordings, procedure, events, writtenRecords, seals });
  const exporter = new HearingExporter(db, audit, store, seals, {
    verifierPath: options.verifierPath ?? join(options.dataDir, 'missing-verifier.mjs'),
    checkpoints,
  });
  const accountService = new AccountService(
    db,
    audit,
    joinHooks(options.identityHooks ?? {}, opened.hooks ?? {}),
    options.backOff,
    undefined,
    opened.failures,
  );
  const access = new HearingAccess(db, audit);
  const hearingSearch = new HearingSearch(db);
  const downloads = new ExportDownloads(options.dataDir, exporter, audit);
  await downloads.clearLeftovers();
  const lockAfterMinutes = () =>
    Number(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(lockAfterKey) ?? defaultLockAfterMinutes);
  const sessions = new SessionStore(() => lockAfterMinutes() * 60_000);
  const readLog = new ReadLog();
  const mediaReads = new MediaReadLog(audit, options.playbackIdleMs);
  const sessionOf = (ctx: CallerContext | null): Session => {
    const session = ctx?.session ? sessions.find(ctx.session.id) : null;
    if (!session) throw new ApiError('signed_out', 'This call needs a signed-in session (session.signIn).');
    return session;
  };
  const status = (session: Session | null) => ({
    setupNeeded: accountService.setupNeeded(),
    user: session?.user ?? null,
    locked: session?.locked ?? false,
    lockAfterMinutes: lockAfterMinutes(),
  });
  opened.beforeRecovery?.(db, audit);
  // An encrypted master's torn last frame (a kill while it was written) is cut before it is hashed.
  if (store.recover) {
    const open = db.prepare("SELECT id, hearing_id, master_file FROM recordings WHERE status = 'recording'").all() as Array<{
      id: string;
      hearing_id: string;
      master_file: string;
    }>;
    for (const row of open) {
      if (store.size(row.hearing_id, row.master_file) === null) continue;
      const tail = store.recover(row.hearing_id, row.master_file);
      if (tail.cutBytes > 0) {
        audit.append(system, 'recording.torn_frame_cut', row.hearing_id, { recordingId: row.id, cutBytes: tail.cutBytes });
      }
    }
  }
  const recovered = await recordings.recover(system);
  if (recovered.length > 0) options.onRecovered?.(recovered);
  const caseReference = (hearingId: string) => hearings.get(hearingId).caseReference;
  session.startWatching();
  // Working copies that a full disk or a stop prevented are made again, in the background.
  void session.deriveMissingWorkingCopies(system);

  const handlers: Handlers = {
    'session.status': (input, ctx) => {
      const session = ctx?.session ? sessions.find(ctx.session.id) : null;
      return status(session);
    },
    'session.setup': async (input) => {
      const { user, recoveryKey } = await accountService.setup(input, opened.recoveryKey);
      return { user, recoveryKey, sessionToken: sessions.create(user) };
    },
    'session.signIn': async (input) => {
      const user = await accountService.authenticate(input.username, input.password, 'sign_in');
      return { user, sessionToken: sessions.create(user) };
    },
    'session.signOut': (_input, ctx) => {
      const session = sessionOf(ctx);
      sessions.end(session.id);
      audit.append(ctx, 'session.signed_out', null, {});
      return {};
    },
    'session.lock': (_input, ctx) => {
      const session = sessionOf(ctx);
      sessions.lock(session);
      audit.append(ctx, 'session.locked', null, {});
      return status(session);
    },
    'session.unlock': async (input, ctx) => {
      const session = sessionOf(ctx);
      const user = await accountService.authenticate(input.username, input.password, 'unlock');
      if (user.id !== session.user.id) {
        // Someone else takes over a locked screen only for a hearing whose team they are on.
        if (!input.hearingId || user.role === 'administrator' || access.membership(user.id, input.hearingId) !== 'team') {
          throw new ApiError(
            'forbidden',
            "Only the person signed in, or a person of the team of the hearing on this screen, can unlock it.",
            { details: { reason: 'not_team' } },
          );
        }
        audit.append({ userId: user.id, role: user.role }, 'session.taken_over', input.hearingId, {
          fromUserId: session.user.id,
          fromRole: session.user.role,
        });
      } else {
        audit.append(ctx, 'session.unlocked', null, {});
      }
      sessions.unlock(session, user);
      return status(session);
    },
    'session.changePassword': async (input, ctx) => {
      const session = sessionOf(ctx);
      await accountService.changePassword(session.user.id, input.currentPassword, input.newPassword);
      // Whoever else holds a session of this person (another window, a script) signs in again.
      const before = sessions.countOf(session.user.id);
      sessions.endOthersOf(session.user.id, session.id);
      return { endedSessions: before - 1 };
    },
    'session.recoverWithKey': async (input) => {
      const account = await accountService.recoverWithKey(input);
      sessions.endFor(account.id);
      return {};
    },
    'accounts.list': () => accountService.list(),
    'accounts.create': (input) => accountService.create(input),
    'accounts.update': (input) => {
      const account = accountService.update(input);
      opened.accountUpdated?.(account);
      // A new role or a disabled account takes effect at once: the person signs in again.
      if (input.role !== undefined || input.disabled !== undefined) sessions.endFor(input.userId);
      return account;
    },
    'accounts.resetPassword': async (input) => {
      const account = await accountService.resetPassword(input.userId, input.password);
      sessions.endFor(input.userId);
      return account;
    },
    'accounts.directory': () => accountService.directory(),
    'settings.get': () => ({ lockAfterMinutes: lockAfterMinutes(), hearingDatePastDays: hearingDatePastDays() }),
    'settings.set': (input) => {
      const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      db.transaction(() => {
        upsert.run(lockAfterKey, String(input.lockAfterMinutes));
        if (input.hearingDatePastDays !== undefined) upsert.run(hearingDatePastDaysKey, String(input.hearingDatePastDays));
      })();
      return { lockAfterMinutes: lockAfterMinutes(), hearingDatePastDays: hearingDatePastDays() };
    },
    'app.info': (_input, ctx) => {
      // Recovered recordings name their case: only to those who may see the hearing.
      const visible = access.visibleHearings(ctx.userId);
      return {
        name: 'Hearing Room',
        version: options.appVersion,
        dataDir: options.dataDir,
        recovered: recovered
          .filter((r) => ctx.role !== 'administrator' && visible.has(r.hearingId))
          .map((r) => ({ ...r, caseReference: caseReference(r.hearingId) })),
      };
    },
    'app.storage': () => ({ dataDir: options.dataDir, freeBytes: store.freeBytes(), ...disk }),
    'hearings.list': (input, ctx) => hearingSearch.list(ctx.userId, input),
    'hearings.create': (input, ctx) => hearings.create(input, ctx),
    'hearings.get': (input) => hearings.get(input.hearingId),
    'hearings.plan': (input, ctx) => changes.plan(input.hearingId, input.plannedAt, input.reason, ctx),
    'hearings.correct': (input, ctx) => changes.correct(input.hearingId, input.field, input.value, input.reason, ctx),
    'hearings.corrections': (input) => changes.corrections(input.hearingId),
    'hearings.remove': (input, ctx) => changes.remove(input.hearingId, input.reason, ctx),
    'hearings.team': (input) => access.team(input.hearingId),
    'hearings.assign': (input, ctx) => access.assign(input.hearingId, input.userId, ctx),
    'hearings.unassign': (input) => access.unassign(input.hearingId, input.userId),
    'hearings.accessForReason': (input, ctx) => ({ hearingId: access.accessForReason(ctx, input.caseReference, input.reason) }),
    'hearings.accessHistory': (input) => {
      mediaReads.flushHearing(input.hearingId);
      const names = accountService.displayNames();
      const reasons = access.reasons(input.hearingId);
      return audit.entries(input.hearingId).map((e): AccessEntry => {
        const details = (e.details ?? {}) as Record<string, unknown>;
        const grantId = typeof details.grantId === 'string' ? details.grantId : null;
        return {
          seq: e.seq,
          at: e.at,
          userId: e.userId,
          displayName: names.get(e.userId) ?? e.userId,
          role: e.role,
          action: e.action,
          details: grantId ? { ...details, reason: reasons.get(grantId) ?? null } : details,
        };
      });
    },
    'recordings.start': (input, ctx) => session.start(input.hearingId, input.mimeType, ctx),
    'recordings.appendChunk': (input, ctx) => session.append(input.recordingId, input.seq, input.data, ctx),
    'recordings.stop': async (input, ctx) => {
      // A stop is usually followed by the written record and the seal: the printer gets ready
      // while the stop completes and hashes the working copy.
      warmPrinter(input.recordingId);
      return session.stop(input.recordingId, input.durationMs, ctx, input.reason);
    },
    'recordings.heartbeat': (input) => session.heartbeat(input.recordingId),
    'recordings.deriveWorkingCopy': (input, ctx) => session.deriveWorkingCopy(input.recordingId, ctx),
    'procedure.get': (input) => procedure.get(input.hearingId),
    'procedure.save': (input) => {
      // A person present linked to an account puts that account on the team: main checks the link.
      if (input.section === 'attendees') access.checkAttendeeLinks(input.value ?? [], procedure.draft(input.hearingId).attendees ?? []);
      return procedure.save(input.hearingId, input);
    },
    'consent.withdraw': (input, ctx) => session.withdrawConsent(input.hearingId, input.notedBy, ctx),
    'events.add': (input, ctx) => session.addEvent(input.hearingId, input.event, ctx),
    'events.list': (input) => {
      requireHearing(input.hearingId);
      return events.list(input.hearingId);
    },
    'writtenRecord.generate': (input, ctx) => writtenRecords.generate(input.hearingId, input.language, ctx),
    'hearings.sealPreview': (input) => {
      warmPrinter();
      return sealing.preview(input.hearingId);
    },
    'annotations.list': (input) => {
      requireHearing(input.hearingId);
      return annotations.list(input.hearingId);
    },
    'annotations.change': (input, ctx) => {
      requireHearing(input.hearingId);
      return annotations.change(input.hearingId, input.change, ctx);
    },
    'annotations.import': (input, ctx) => {
      requireHearing(input.hearingId);
      return importAnnotations(annotations, input, ctx);
    },
    'annotations.export': (input, ctx) => {
      const hearing = requireHearing(input.hearingId);
      const list = annotations.list(input.hearingId).annotations;
      if (input.format === 'csv') {
        const language = input.language ?? 'en';
        return {
          files: [
            {
              name: `hearing-${hearing.id}-annotations.csv`,
              mimeType: 'text/csv; charset=utf-8',
              content: annotationsCsv(annotations.schemeFor(hearing.id), list, language),
            },
          ],
        };
      }
      const timeline = hearingTimeline(hearing.recordings);
      const files = hearingEafFiles(
        {
          hearingId: hearing.id,
          scheme: annotations.schemeFor(hearing.id),
          dependencies: Object.fromEntries(
            annotations.importedTiers(hearing.id).map((t) => [t.tier.id, { parentId: t.parentId, stereotype: t.stereotype }]),
          ),
          annotations: list,
          events: placeEvents(timeline, events.list(hearing.id)).placed,
          date: new Date().toISOString(),
          author: ctx.displayName,
        },
        timeline,
        // The EAF sits beside the working copies, as in the export for the registry.
        (segment) => {
          const recording = hearing.recordings.find((r) => r.segment === segment);
          return recording ? (recordings.locate(recording.id, 'working')?.name ?? null) : null;
        },
      );
      return { files: files.map((f) => ({ name: f.name, mimeType: 'application/xml', content: f.xml })) };
    },
    ...checkpointCalls({ checkpoints, audit }),
    'hearings.exportDownload': (input, ctx) => downloads.prepare(input.hearingId, ctx, input.passphrase),
    ...sealCalls({
      sealing,
      seals,
      exporter,
      audit,
      keys,
      exportDestination: options.exportDestination ?? (() => join(options.dataDir, 'exports')),
    }),
  };

  const projections = opened.auditDigestKey ? keyedAuditProjection(opened.auditDigestKey) : auditProjection;
  const dispatcher = new Dispatcher(
    handlers,
    {
      record: ({ ctx, call, input, output }) => {
        const project = projections[call] as ((input: unknown, output: unknown) => Audited) | null;
        if (!project) return;
        const { hearingId, details } = project(input, output);
        if (repeatedReads.has(call) && hearingId && !readLog.fresh(ctx, call, hearingId)) return;
        audit.append(ctx, call, hearingId, details);
      },
    },
    console,
    {
      hearingOf: (call, input) => (inTurn.has(call) ? (input as { hearingId: string }).hearingId : null),
      run: (hearingId, work) => queue.run(hearingId, work),
    },
    {
      checkCall: (ctx, call, input) => {
        access.checkCall(ctx, call, input);
        // A removed hearing is gone for every call but reading its tombstone.
        if (hearingScope[call] !== 'hearing' || onRemovedHearing.has(call)) return;
        const removal = removalOf(db, (input as { hearingId: string }).hearingId);
        if (removal) throw removedError(removal);
      },
    },
  );

  const caller = (token: string | null, transport: CallerContext['transport']) => {
    const session = sessions.resolve(token);
    return session ? callerOf(session, transport) : null;
  };

  return {
    dispatcher,
    caller,
    async call(token, transport, name, input) {
      const current = sessions.resolve(token);
      const result = await dispatcher.dispatch(current ? callerOf(current, transport) : null, name, input);
      if (!result.ok) return { result };
      // Using the screen keeps it unlocked; a recording's own calls do not.
      if (current && (!contract[name as CallName].whileLocked || (input as { active?: unknown } | null)?.active === true)) {
        sessions.touch(current);
      }
      if (name === 'session.signIn' || name === 'session.setup') {
        return { result, sessionToken: (result.value as { sessionToken: string }).sessionToken };
      }
      return name === 'session.signOut' ? { result, sessionToken: null } : { result };
    },
    // Prepared export downloads first (ExportDownloads), every other media request to the handler.
    media: withDownloads(downloads, (ctx, hearingId) => access.mayRead(ctx, hearingId), createMediaHandler(
      {
        locate: (id, variant) => {
          const found = recordings.locate(id, variant);
          return found && { ...found, action: 'recording.played', target: { recordingId: id, variant } };
        },
        locateDocument: (hearingId, name) =>
          store.size(hearingId, name) === null
            ? null
            : { hearingId, name, mimeType: 'application/pdf', action: 'writtenRecord.opened', target: { document: name } },
      },
      store,
      {
        mayRead: (ctx, hearingId) => access.mayRead(ctx, hearingId),
        read: (ctx, located, range) => mediaReads.read(ctx, located.hearingId, located.action, located.target, range),
      },
    )),
    recovered,
    pageGone: () => session.pageGone(),
    close() {
      void downloads.close();
      mediaReads.flushAll();
      session.stopWatching();
      recordings.closeAll();
      closed = true;
      options.printer?.close?.();
      db.close();
    },
  };
}

/** Both sets of hooks run, the given ones first. */
function joinHooks(a: IdentityHooks, b: IdentityHooks): IdentityHooks {
  return {
    signedIn: async (e) => {
      await a.signedIn?.(e);
      await b.signedIn?.(e);
    },
    firstAdministratorCreated: async (e) => {
      await a.firstAdministratorCreated?.(e);
      await b.firstAdministratorCreated?.(e);
    },
    passwordSet: async (e) => {
      await a.passwordSet?.(e);
      await b.passwordSet?.(e);
    },
    recoveredWithKey: async (e) => {
      await a.recoveredWithKey?.(e);
      await b.recoveredWithKey?.(e);
    },
  };
}

function withDownloads(
  downloads: ExportDownloads,
  mayRead: (ctx: CallerContext, hearingId: string) => boolean,
  media: MediaHandler,
): MediaHandler {
  return (request, ctx) =>
    downloads.handles(new URL(request.url).pathname) ? downloads.serve(request, ctx, mayRead) : media(request, ctx);
}
