import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { openServices, type AppServices } from '../services/app';
import { hardenWebContents } from './hardening';
import { serveInvoke, WindowSessions } from './ipc';
import { powerSaveKeepAwake } from './keep-awake';
import { electronPdfPrinter } from './pdf-printer';
import { openInstallationKey, osSecrets } from './key-store';
import { nativeBindingPath } from './native-binding';
import { applyApplicationMenu } from './menu';
import { applyPermissionPolicy } from './permissions';
import { developerAccess } from './policy';
import { registerAppScheme, serveApp } from './protocol';
import { createMainWindow } from './window';
import { logStrayRejections } from '../services/stray-errors';

// A second belt beside the modes the services set on the data folder: anything this process
// creates without naming a mode is still its owner's only.
process.umask(0o077);

// Tests point the app at a throw-away folder; the single-instance lock follows it.
const dataDirOverride = process.env.HEARING_ROOM_DATA_DIR;
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

app.enableSandbox();
registerAppScheme();
logStrayRejections();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  let services: AppServices | undefined;
  let mainWindow: BrowserWindow | undefined;
  let quitting = false;
  const access = developerAccess(app.isPackaged, process.platform);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, access));
  app.on('session-created', (ses) => applyPermissionPolicy(ses));

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // One window holds the whole app: closing it ends the session on every platform, so the
  // database is closed and no recording runs without a window to stop it. A segment that was
  // being recorded is closed first, as page_lost, keeping every byte.
  let segmentsClosed: Promise<void> = Promise.resolve();
  app.on('window-all-closed', () => void segmentsClosed.finally(() => app.quit()));
  app.on('will-quit', () => {
    quitting = true;
    services?.close();
    services = undefined;
  });

  app
    .whenReady()
    .then(async () => {
      applyPermissionPolicy(session.defaultSession);
      applyApplicationMenu(access.menu);
      const appPath = app.getAppPath();
      const nativeBinding = nativeBindingPath({
        isPackaged: app.isPackaged,
        appPath,
        resourcesPath: process.resourcesPath,
      });
      services = await openServices({
        dataDir: app.getPath('userData'),
        appVersion: app.getVersion(),
        keepAwake: powerSaveKeepAwake,
        printer: electronPdfPrinter,
        // Opened only for a data folder whose signing key is not protected by the data key (older ones).
        keys: () => openInstallationKey(app.getPath('userData')),
        // Encrypted at rest; each account's key slot is also bound to this machine's secret storage.
        encryption: { machine: osSecrets },
        verifierPath: app.isPackaged
          ? path.join(process.resourcesPath, 'verify', 'hearing-room-verify.mjs')
          : path.join(appPath, 'tools', 'verify', 'hearing-room-verify.mjs'),
        exportDestination: async () => {
          const options = {
            title: 'Export for the court registry',
            properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
          };
          const choice = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options);
          return choice.canceled ? null : (choice.filePaths[0] ?? null);
        },
        ...(nativeBinding ? { nativeBinding } : {}),
      });
      if (quitting) {
        services.close();
        return;
      }
      const windows = new WindowSessions();
      const opened = services;
      // Media requests reach the protocol without their window: the one window's session is theirs.
      serveApp({
        rendererDir: path.join(appPath, 'dist', 'renderer'),
        media: (request) =>
          opened.media(request, opened.caller(mainWindow ? windows.tokenOf(mainWindow.webContents.id) : null, 'ipc')),
      });
      serveInvoke(opened, windows);
      mainWindow = createMainWindow(path.join(appPath, 'dist', 'main', 'preload.cjs'), access);
      mainWindow.webContents.on('render-process-gone', () => {
        segmentsClosed = opened.pageGone();
      });
      mainWindow.on('closed', () => {
        mainWindow = undefined;
        segmentsClosed = opened.pageGone();
      });
    })
    .catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      const hint = app.isPackaged
        ? 'Reinstall Hearing Room. If it happens again, send this message to support.'
        : 'If the database module failed to load, run "node scripts/electron-native.mjs" (it needs the network once), then start again.';
      console.error('Hearing Room could not start', err);
      dialog.showErrorBox('Hearing Room could not start', `${reason}\n\n${hint}`);
      app.exit(1);
    });
}
