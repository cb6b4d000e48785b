/** The screens, addressed by the hash so that routing works under app:// and http alike. */
export type Route =
  | { name: 'hearings' }
  | { name: 'newHearing' }
  | { name: 'hearing'; hearingId: string }
  | { name: 'review'; hearingId: string }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/hearings') return { name: 'hearings' };
  if (path === '/hearings/new') return { name: 'newHearing' };
  const hearing = /^\/hearings\/([^/]+)$/.exec(path);
  if (hearing?.[1]) return { name: 'hearing', hearingId: decodeURIComponent(hearing[1]) };
  const review = /^\/hearings\/([^/]+)\/review$/.exec(path);
  if (review?.[1]) return { name: 'review', hearingId: decodeURIComponent(review[1]) };
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'hearings':
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
