import type { WebContents } from 'electron';
import { mayNavigate, type DeveloperAccess } from './policy';

/**
 * Applied to every web contents the app creates (main.ts listens to `web-contents-created`), so
 * no window, frame or future view escapes it: no new windows, no navigation or redirect out of
 * the app's origin, no <webview>, no Bluetooth device picked on the page's behalf, and in an
 * installed build no developer tools, even when something other than a shortcut opens them.
 */
export function hardenWebContents(contents: WebContents, access: DeveloperAccess): void {
  if (!access.devTools) contents.on('devtools-opened', () => contents.closeDevTools());

  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url)) event.preventDefault();
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());

  // Without a listener Electron would pick the first device found.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
