import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobal, invokeChannel, type HearingRoomBridge } from '../../shared/api/bridge';

// Runs sandboxed: it may require only 'electron', and it hands the page one function, never
// ipcRenderer itself.
const bridge: HearingRoomBridge = {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(invokeChannel, name, input),
};

contextBridge.exposeInMainWorld(bridgeGlobal, bridge);
