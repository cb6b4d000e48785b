import type { Dispatcher } from './dispatcher';
import type { MediaHandler } from './media-handler';
import type { KeepAwake } from './keep-awake';

export interface ServicesOptions {
  /** The app's data folder: the database and one folder per hearing live here. */
  dataDir: string;
  appVersion: string;
  /** Path of a better-sqlite3 binary built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
  keepAwake?: KeepAwake;
}

export interface AppServices {
  dispatcher: Dispatcher;
  /** Serves `/media/...` with HTTP Range support; mounted by Electron's protocol and the web host. */
  media: MediaHandler;
  close(): void;
}
