import { ipcMain } from 'electron';
import { invokeChannel } from '../../shared/api/bridge';
import { localOperator } from '../../shared/api/caller';
import type { ApiResult } from '../../shared/api/errors';
import type { Dispatcher } from '../services/dispatcher';
import { isTrustedSender } from './policy';

const refused: ApiResult<never> = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'Only pages of Hearing Room itself may make calls. Reload the window and try again.',
  },
};

/**
 * The single IPC entry point. The sender frame is checked on every message (a frame can navigate
 * between two calls); everything else, input included, is the dispatcher's to validate.
 * Returns the function that removes the handler.
 */
export function serveInvoke(dispatcher: Pick<Dispatcher, 'dispatch'>): () => void {
  ipcMain.handle(
    invokeChannel,
    (event, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return Promise.resolve(refused);
      return dispatcher.dispatch(localOperator('ipc'), name, input);
    },
  );
  return () => ipcMain.removeHandler(invokeChannel);
}
