/**
 * The web host (development and browser tests) requires a random token on every request. It
 * arrives once in the page address as `?token=...`; it is kept for the tab's lifetime in
 * sessionStorage and taken out of the visible address, so it is not copied, bookmarked or shown.
 */
const storageKey = 'hearingRoom.token';
const queryParam = 'token';

export const tokenHeader = 'X-Hearing-Room-Token';

let token: string | null = null;

export function captureToken(): void {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get(queryParam);
  if (fromAddress) {
    token = fromAddress;
    try {
      sessionStorage.setItem(storageKey, fromAddress);
    } catch {
      // Storage may be disabled; the token then lives as long as the page.
    }
    url.searchParams.delete(queryParam);
    window.history.replaceState(
      window.history.state,
      '',
      `${url.pathname}${url.search}${url.hash}`,
    );
  }
}

export function webToken(): string | null {
  if (token) return token;
  try {
    token = sessionStorage.getItem(storageKey);
  } catch {
    token = null;
  }
  return token;
}
