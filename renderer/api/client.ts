import i18next from 'i18next';
import type { HearingRoomBridge } from '../../shared/api/bridge';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import { ApiError, errorCodes, type ApiErrorBody, type ApiResult } from '../../shared/api/errors';
import { encodeInput } from '../../shared/api/wire';
import { electronBridge } from './bridge';
import { repeatIfUnreachable, unreachableReason } from './retry';
import { tokenHeader, webToken } from './token';

/**
 * Calls that only read: repeating one after a lost connection changes nothing. Any other call is
 * repeated only by code that knows how to tell whether the first attempt ran.
 */
const readOnly: ReadonlySet<CallName> = new Set<CallName>([
  'session.status',
  'app.info',
  'hearings.list',
  'hearings.get',
]);

/**
 * Makes one API call and returns its output, or throws an ApiError. Inside the Electron app the
 * call goes through the preload's bridge; on the web host it is an HTTP POST to `/api/<name>`.
 */
export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const bridge = electronBridge();
  const result = bridge
    ? await invokeBridge(bridge, name, input)
    : readOnly.has(name)
      ? await repeatIfUnreachable(() => post(name, input), { attempts: 2 })
      : await post(name, input);
  if (result.ok) return result.value as CallOutput<N>;
  if (result.error.code === 'signed_out' || result.error.code === 'locked') {
    for (const listener of sessionListeners) listener(result.error.code);
  }
  throw ApiError.fromBody(result.error);
}

const sessionListeners = new Set<(code: 'signed_out' | 'locked') => void>();

/**
 * Tells the session screens when main answered that nobody is signed in or that the screen is
 * locked (another tab locked it, the session ended): they show the sign-in or lock screen.
 * Returns the function that stops listening.
 */
export function onSessionLost(listener: (code: 'signed_out' | 'locked') => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function unreachable(): ApiError {
  return new ApiError('internal', i18next.t('errors.unreachable'), {
    details: { reason: unreachableReason },
  });
}

async function invokeBridge(
  bridge: HearingRoomBridge,
  name: CallName,
  input: unknown,
): Promise<ApiResult<unknown>> {
  try {
    return expectResult(await bridge.invoke(name, input));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw unreachable();
  }
}

async function post(name: CallName, input: unknown): Promise<ApiResult<unknown>> {
  const { contentType, body } = encodeInput(input);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  const token = webToken();
  if (token) headers[tokenHeader] = token;

  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      // encodeInput builds its frame in a fresh ArrayBuffer, never a shared one.
      body: body as string | Uint8Array<ArrayBuffer>,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw unreachable();
  }

  // Errors come with a non-2xx status and a JSON result; the body is what counts.
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiError(
      'internal',
      `The web host answered "${name}" with HTTP ${response.status} and no readable result.`,
    );
  }
  return expectResult(parsed);
}

function expectResult(value: unknown): ApiResult<unknown> {
  if (typeof value === 'object' && value !== null) {
    const result = value as { ok?: unknown; value?: unknown; error?: Partial<ApiErrorBody> };
    if (result.ok === true) return { ok: true, value: result.value };
    if (result.ok === false && typeof result.error?.message === 'string') {
      const code = (errorCodes as readonly unknown[]).includes(result.error.code)
        ? (result.error.code as ApiErrorBody['code'])
        : 'internal';
      return { ok: false, error: { ...result.error, code, message: result.error.message } };
    }
  }
  throw new ApiError('internal', 'The answer from Hearing Room is not an API result.');
}
