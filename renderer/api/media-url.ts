import { electronBridge } from './bridge';
import { webToken } from './token';

/**
 * The address a player can load for a recording's `masterUrl` or `workingUrl`. The app protocol
 * serves these paths as they are; the web host also wants its token, and a media element cannot
 * send headers, so it goes in the query.
 */
export function mediaUrl(path: string): string {
  if (electronBridge()) return path;
  const token = webToken();
  if (!token) return path;
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}token=${encodeURIComponent(token)}`;
}
