import { tweakpaneStyleHashes } from './tweakpane-styles';

/**
 * The one Content-Security-Policy of the app's pages, sent as a header by Electron's app://
 * protocol and by the web host alike, so that what the browser tests check is what ships.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Tweakpane (the capture panel) injects its stylesheet as <style> elements: each is allowed by
  // the hash of its exact text, so no other inline style can run.
  ["style-src 'self'", ...tweakpaneStyleHashes].join(' '),
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent on every response of the app's origin. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), display-capture=()',
};
