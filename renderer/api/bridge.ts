import { bridgeGlobal, type HearingRoomBridge } from '../../shared/api/bridge';

/** The preload's bridge when the page runs inside the Electron app, or null on the web host. */
export function electronBridge(): HearingRoomBridge | null {
  const candidate = (globalThis as Record<string, unknown>)[bridgeGlobal] as
    Partial<HearingRoomBridge> | undefined;
  return typeof candidate?.invoke === 'function' ? (candidate as HearingRoomBridge) : null;
}
