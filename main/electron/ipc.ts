import { ipcMain } from 'electron';
import { invokeChannel } from '../../shared/api/bridge';
import type { ApiResult } from '../../shared/api/errors';
import type { AppServices } from '../services/app';
import { isTrustedSender } from './policy';

const refused: ApiResult<never> = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'Only pages of Hearing Room itself may make calls. Reload the window and try again.',
  },
};

/**
 * The session token of each window, by its web contents: the session itself lives in main's
 * services; the page never sees the token. A window that reloads keeps its session.
 */
export class WindowSessions {
  private readonly tokens = new Map<number, string>();

  tokenOf(webContentsId: number): string | null {
    return this.tokens.get(webContentsId) ?? null;
  }

  set(webContentsId: number, token: string | null): void {
    if (token === null) this.tokens.delete(webContentsId);
    else this.tokens.set(webContentsId, token);
  }
}

/**
 * The single IPC entry point. The sender frame is checked on every message (a frame can navigate
 * between two calls); the caller is the session of the sender's window; everything else, input
 * included, is the dispatcher's to validate. Returns the function that removes the handler.
 */
export function serveInvoke(services: Pick<AppServices, 'call'>, windows: WindowSessions): () => void {
  ipcMain.handle(
    invokeChannel,
    async (event, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return refused;
      const id = event.sender.id;
      const { result, sessionToken } = await services.call(windows.tokenOf(id), 'ipc', name, input);
      if (sessionToken === undefined) return result;
      windows.set(id, sessionToken);
      return result.ok && sessionToken !== null ? { ok: true, value: { ...(result.value as object), sessionToken: null } } : result;
    },
  );
  return () => ipcMain.removeHandler(invokeChannel);
}
