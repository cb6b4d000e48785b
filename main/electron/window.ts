import { BrowserWindow, dialog } from 'electron';
import { appEntryUrl, type DeveloperAccess } from './policy';

/**
 * The app's one window. Its web contents also get hardenWebContents() (no new windows, no
 * navigation out of the app, no <webview>) through main.ts's `web-contents-created` listener,
 * which runs for every web contents before anything loads.
 */
export function createMainWindow(preloadPath: string, access: DeveloperAccess): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    title: 'Hearing Room',
    show: false,
    backgroundColor: '#f4f1ea',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: access.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The page refuses to unload while a recording runs; say why, and let the person decide.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'Hearing Room',
      message: 'A recording is running.',
      detail: 'Stop the recording before closing, so that its last seconds are saved and the hearing is complete.',
      buttons: ['Go back to the recording', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) event.preventDefault();
  });
  void window.loadURL(appEntryUrl);
  return window;
}
