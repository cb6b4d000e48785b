import { protocol } from 'electron';
import { createAppHandler, type AppHandlerOptions } from './app-handler';
import { appScheme } from './policy';

/**
 * `app:` behaves like https for the page: a standard, secure origin with fetch, CORS and
 * streamed media (Range requests for seeking). It does not bypass the CSP. Must run before the
 * app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

/** Serves the renderer and the media handler on the default session's `app:` scheme. */
export function serveApp(options: AppHandlerOptions): void {
  protocol.handle(appScheme, createAppHandler(options));
}
