/**
 * The security decisions of the Electron shell, as plain functions: this file must not import
 * `electron`, so that the decisions run under plain Node tests. The wiring that feeds them
 * Electron's events lives beside it (permissions.ts, window.ts, ipc.ts, hardening.ts).
 */

export const appScheme = 'app';
export const appHost = 'hearing-room';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Whether `url` (a full URL or a bare origin) belongs to the app's own origin. Compared by parts
 * rather than by `URL.origin`, which is "null" for custom schemes outside Chromium.
 */
export function isAppOrigin(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname.toLowerCase() === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The camera and the microphone; never screen or window capture. */
const deviceMedia: ReadonlySet<string> = new Set(['video', 'audio']);

/**
 * The one permission the app grants: `media` for the camera and microphone, asked by the app's
 * own pages. `mediaTypes` is what Electron reports for the request (an empty list means a capture
 * that is not a camera or microphone, such as the screen).
 */
export function mayUseMedia(
  permission: string,
  requestingOrigin: string | null | undefined,
  mediaTypes: readonly string[] | undefined,
): boolean {
  if (permission !== 'media') return false;
  if (!isAppOrigin(requestingOrigin)) return false;
  if (!mediaTypes || mediaTypes.length === 0) return false;
  return mediaTypes.every((type) => deviceMedia.has(type));
}

/** A permission request as Electron describes it, reduced to what the decision needs. */
export interface PermissionAsk {
  permission: string;
  /** The URL of the frame that asks (Electron's `requestingUrl`). */
  requestingUrl?: string | undefined;
  /** The media request's own origin (Electron's `securityOrigin`), when it gives one. */
  securityOrigin?: string | undefined;
  mediaTypes?: readonly string[] | undefined;
}

/** Grants a permission request only when both the frame and the media request are the app's. */
export function mayGrantPermission(ask: PermissionAsk): boolean {
  if (ask.securityOrigin !== undefined && !isAppOrigin(ask.securityOrigin)) return false;
  return mayUseMedia(ask.permission, ask.requestingUrl, ask.mediaTypes);
}

/** A permission check (Electron's synchronous `setPermissionCheckHandler`). */
export interface PermissionCheck {
  permission: string;
  requestingOrigin: string;
  securityOrigin?: string | undefined;
  mediaType?: string | undefined;
  /** Set only when a cross-origin frame checks; the app embeds no other origin. */
  embeddingOrigin?: string | undefined;
}

export function mayPassPermissionCheck(check: PermissionCheck): boolean {
  if (check.embeddingOrigin !== undefined && !isAppOrigin(check.embeddingOrigin)) return false;
  if (check.securityOrigin !== undefined && !isAppOrigin(check.securityOrigin)) return false;
  const mediaTypes = check.mediaType === undefined ? undefined : [check.mediaType];
  return mayUseMedia(check.permission, check.requestingOrigin, mediaTypes);
}

/** Navigation and redirects stay inside the app; anything else is refused, not opened. */
export function mayNavigate(url: string): boolean {
  return isAppOrigin(url);
}

/**
 * IPC is answered only for a frame that still exists and shows the app's own page. A frame that
 * navigated away or was destroyed is reported by Electron as null.
 */
export function isTrustedSender(frame: { url: string } | null | undefined): boolean {
  return frame != null && isAppOrigin(frame.url);
}

/**
 * The application menu: Electron's default (which opens the developer tools) while developing;
 * in an installed build, none on Windows and Linux, and on macOS only what the platform expects
 * (its app menu for Quit, the Edit menu without which copy and paste shortcuts stop working in
 * text fields, the Window menu).
 */
export type ShellMenu = 'electron-default' | 'none' | ReadonlyArray<{ role: 'appMenu' | 'editMenu' | 'windowMenu' }>;

export interface DeveloperAccess {
  /** Whether the developer tools can open: they show and change everything the page holds. */
  devTools: boolean;
  menu: ShellMenu;
}

/** What an installed build (Electron's `app.isPackaged`) withholds from the person at the machine. */
export function developerAccess(isPackaged: boolean, platform: string): DeveloperAccess {
  if (!isPackaged) return { devTools: true, menu: 'electron-default' };
  return {
    devTools: false,
    menu: platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] : 'none',
  };
}
