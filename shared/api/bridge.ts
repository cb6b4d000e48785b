import type { ApiResult } from './errors';

/**
 * The one object the Electron preload exposes to the page, as `window.hearingRoom`. Main checks
 * the sender and validates every call; the page gets nothing else from Node or Electron.
 */
export interface HearingRoomBridge {
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
}

/** The IPC channel behind `invoke`; main answers it with one handler. */
export const invokeChannel = 'hearing-room:invoke';

/** The global name the bridge is exposed under. */
export const bridgeGlobal = 'hearingRoom';
