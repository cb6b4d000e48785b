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

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: CallerContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };

export interface AuditSink {
  record(entry: { ctx: CallerContext; call: CallName; input: unknown; output: unknown }): void;
}

export interface ErrorLog {
  error(message: string, err: unknown): void;
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
 * untrusted: the call name, the input and the caller's role are all checked here, before any
 * service runs.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly audit: AuditSink,
    private readonly log: ErrorLog = console,
  ) {}

  async dispatch(ctx: CallerContext, name: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
    try {
      return { ok: true, value: await this.run(ctx, name, rawInput) };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.toBody() };
      this.log.error(`call ${String(name)} failed`, err);
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

  private async run(ctx: CallerContext, name: unknown, rawInput: unknown): Promise<unknown> {
    if (!isCallName(name)) {
      throw new ApiError(
        'unknown_call',
        `There is no call named "${String(name)}". The calls are listed in docs/api.md.`,
      );
    }
    const spec = contract[name];
    if (!spec.roles.includes(ctx.role)) {
      throw new ApiError('forbidden', `The role "${ctx.role}" may not make the call "${name}".`);
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = toInputIssues(parsed.error);
      const where = issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
      throw new ApiError('invalid_input', `The input of "${name}" is not valid: ${where}.`, { issues });
    }
    const handler = this.handlers[name] as Handler<CallName>;
    const output = await handler(parsed.data as ParsedInput<CallName>, ctx);
    if (spec.audit) this.audit.record({ ctx, call: name, input: parsed.data, output });
    return output;
  }
}
