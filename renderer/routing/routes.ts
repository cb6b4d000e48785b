/** The screens, addressed by the hash so that routing works under app:// and http alike. */
export type Route =
  /** `search`: the list's search, filters, sort and page, as URL parameters (see list-query.ts). */
  | { name: 'hearings'; search?: string }
  | { name: 'newHearing' }
  | { name: 'hearing'; hearingId: string }
  | { name: 'review'; hearingId: string }
  | { name: 'notFound' };

/**
 * The list's search last shown: a link back to the list (from a hearing, the header) returns to
 * it, with its filters and page, until the list itself clears them.
 */
let lastListSearch = '';

export function rememberListSearch(search: string): void {
  lastListSearch = search;
}

export function parseRoute(hash: string): Route {
  const [rawPath = '', search] = hash.replace(/^#/, '').split('?', 2);
  const path = rawPath.replace(/\/+$/, '');
  if (path === '' || path === '/hearings') return search ? { name: 'hearings', search } : { name: 'hearings' };
  if (path === '/hearings/new') return { name: 'newHearing' };
  const hearing = /^\/hearings\/([^/]+)$/.exec(path);
  if (hearing?.[1]) return { name: 'hearing', hearingId: decodeURIComponent(hearing[1]) };
  const review = /^\/hearings\/([^/]+)\/review$/.exec(path);
  if (review?.[1]) return { name: 'review', hearingId: decodeURIComponent(review[1]) };
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'hearings': {
      const search = route.search ?? lastListSearch;
      return search ? `#/?${search}` : '#/';
    }
    case 'notFound':
      return '#/';
    case 'newHearing':
      return '#/hearings/new';
    case 'hearing':
      return `#/hearings/${encodeURIComponent(route.hearingId)}`;
    case 'review':
      return `#/hearings/${encodeURIComponent(route.hearingId)}/review`;
  }
}
