/**
 * Errors that cross the API boundary. `code` is stable and is what the renderer translates;
 * `message` is plain English for scripts, logs and the API documentation.
 */
export const errorCodes = [
  'unknown_call',
  'invalid_input',
  'forbidden',
  /** No one is signed in on this window, tab or script (or the session ended): sign in. */
  'signed_out',
  /** The screen is locked: only the recording goes on until the person unlocks it. */
  'locked',
  /** Too many wrong passwords for this account: wait `details.retryAfterMs`, then try again. */
  'too_many_attempts',
  'not_found',
  'conflict',
  'readiness_unmet',
  'storage_full',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface InputIssue {
  /** Dotted path of the field, '' for the whole input. */
  path: string;
  /** Stable code of what is wrong, translated by the renderer (e.g. `date_invalid`). */
  code: string;
  message: string;
  /** What the message names (a limit, a date), for the renderer's translation. */
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: InputIssue[];
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: InputIssue[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { issues?: InputIssue[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = extra.issues;
    this.details = extra.details;
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.issues) body.issues = this.issues;
    if (this.details) body.details = this.details;
    return body;
  }

  static fromBody(body: ApiErrorBody): ApiError {
    const extra: { issues?: InputIssue[]; details?: Record<string, unknown> } = {};
    if (body.issues) extra.issues = body.issues;
    if (body.details) extra.details = body.details;
    return new ApiError(body.code, body.message, extra);
  }
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/**
 * Why a call conflicts with the state of the hearing: a stable key in `details.reason`, so the
 * renderer can say it in the user's language.
 */
export const conflictReasons = [
  'record_locked',
  'attendee_removal',
  'consent_withdrawn',
  'no_consent',
  'sealed',
  'already_recording',
  'chunk_out_of_order',
  'recording_stopped',
  'not_recording',
  'already_paused',
  'not_paused',
  'busy',
  'seal_incomplete',
  'working_copy_exists',
  'pause_already_explained',
  'setup_done',
  'username_taken',
  'last_administrator',
  /** A sealed hearing is not corrected: what changes after the seal is an addendum. */
  'correction_after_seal',
  /** A hearing with a recording (or a seal) stays; only a hearing never recorded can be removed. */
  'recorded_not_removable',
  /** The hearing was removed (a tombstone says who, when and why); nothing more is done with it. */
  'removed',
  /** Planning concerns a hearing not yet recorded: once recording started, the real start counts. */
  'already_started',
] as const;
export type ConflictReason = (typeof conflictReasons)[number];

export function conflict(reason: ConflictReason, message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError('conflict', message, { details: { reason, ...details } });
}
