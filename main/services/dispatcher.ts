import type { z } from 'zod';
import {
  contract,
  isCallName,
  type CallName,
  type CallOutput,
  type ParsedInput,
} from '../../shared/api/contract';
import { ApiError, type ApiResult, type InputIssue } from '../../shared/api/errors';
import type { CallerContext } from '../../shared/api/caller';
import { issueCode } from '../../shared/api/issue-code';

/** The caller a handler gets: null only for the calls one makes signed out (signing in). */
export type CallerOf<N extends CallName> = (typeof contract)[N] extends { signedOut: true } ? CallerContext | null : CallerContext;

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: CallerOf<N>,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };

export interface AuditSink {
  record(entry: { ctx: CallerContext; call: CallName; input: unknown; output: unknown }): void;
}

/** Decides whether a caller may reach the hearing a call names (see shared/access); throws when not. */
export interface AccessCheck {
  checkCall(ctx: CallerContext, call: CallName, input: unknown): void;
}

export interface ErrorLog {
  error(message: string, err: unknown): void;
}

/**
 * Runs the calls that change a hearing one at a time for that hearing, with their audit entry
 * in the same turn, so that a seal queued behind a change covers it together with its entry.
 */
export interface Turns {
  /** The hearing a call changes, or null for a call that does not take a turn. */
  hearingOf(call: CallName, input: unknown): string | null;
  run<T>(hearingId: string, work: () => Promise<T>): Promise<T>;
}

/** An error that means the disk is full, whoever raised it (the file system, SQLite). */
function storageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (err as Error | null)?.name === 'StorageFullError' || code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT';
}

/** Turns zod's issues into stable codes and field paths the renderer can translate. */
export function toInputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issueCode(issue).code,
    message: issue.message,
  }));
}

/**
 * The one entry point for every call from a renderer, whatever the transport. The renderer is
 * untrusted: the call name, the input, the session, the caller's role and the caller's access to
 * the hearing are all checked here, before any service runs. The caller itself comes from the
 * transport, which resolved its session in main: null when nobody is signed in.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly audit: AuditSink,
    private readonly log: ErrorLog = console,
    private readonly turns: Turns | null = null,
    private readonly access: AccessCheck | null = null,
  ) {}

  async dispatch(ctx: CallerContext | null, name: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
    try {
      return { ok: true, value: await this.run(ctx, name, rawInput) };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.toBody() };
      this.log.error(`call ${String(name)} failed`, err);
      if (storageFull(err)) {
        return {
          ok: false,
          error: {
            code: 'storage_full',
            message:
              'The disk that holds the data of Hearing Room is full, so this could not be saved; nothing was half-written. Free disk space, then try again. Recordings already written are kept.',
          },
        };
      }
      return {
        ok: false,
        error: {
          code: 'internal',
          message:
            'Something went wrong inside Hearing Room; nothing was changed. Try again, and if it happens again, send the log file to support.',
        },
      };
    }
  }

  private async run(ctx: CallerContext | null, name: unknown, rawInput: unknown): Promise<unknown> {
    if (!isCallName(name)) {
      throw new ApiError(
        'unknown_call',
        `There is no call named "${String(name)}". The calls are listed in docs/api.md.`,
      );
    }
    const spec: { roles: readonly string[]; signedOut?: true; whileLocked?: true; audit: boolean; input: z.ZodType } = contract[name];
    if (!spec.signedOut) {
      if (!ctx) throw new ApiError('signed_out', `Sign in to make the call "${name}" (session.signIn).`);
      if (ctx.session?.locked && !spec.whileLocked) {
        throw new ApiError('locked', 'The screen is locked. Unlock it with your password (session.unlock); the recording goes on meanwhile.');
      }
      if (!spec.roles.includes(ctx.role)) {
        throw new ApiError('forbidden', `The role "${ctx.role}" may not make the call "${name}".`);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toInputIssues(parsed.error);
      const where = issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
      throw new ApiError('invalid_input', `The input of "${name}" is not valid: ${where}.`, { issues });
    }
    if (ctx) this.access?.checkCall(ctx, name, parsed.data);
    const handler = this.handlers[name] as (input: unknown, ctx: CallerContext | null) => unknown;
    const execute = async () => {
      const output = await handler(parsed.data, ctx);
      // Only signed-out calls run without a caller, and none of them is audited here.
      if (spec.audit && ctx) this.audit.record({ ctx, call: name, input: parsed.data, output });
      return output;
    };
    const turns = this.turns;
    const hearingId = turns?.hearingOf(name, parsed.data) ?? null;
    return turns && hearingId ? turns.run(hearingId, execute) : execute();
  }
}
