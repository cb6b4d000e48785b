import { hearingQuery, hearingSorts, maxPageSize, type HearingQuery, type HearingSort } from '../../shared/domain/hearing-query';
import { hearingStatus } from '../../shared/domain/hearing';

/**
 * The hearing list's search as the address keeps it (`#/?text=…&status=sealed&page=2`), so that
 * going back from a hearing, reloading or sharing the address on the same screen shows the same
 * page. What cannot be read is left out, never sent to main as it is.
 */
export const pageSizes = [20, 50, 100] as const;

export function queryFromSearch(search: string | undefined): HearingQuery {
  const params = new URLSearchParams(search ?? '');
  const raw: Record<string, unknown> = {};
  const text = params.get('text');
  if (text) raw.text = text;
  for (const key of ['from', 'to', 'magistrate'] as const) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const status = hearingStatus.safeParse(params.get('status'));
  if (status.success) raw.status = status.data;
  const sealed = params.get('sealed');
  if (sealed === 'yes' || sealed === 'no') raw.sealed = sealed === 'yes';
  const sort = params.get('sort');
  if (sort && (hearingSorts as readonly string[]).includes(sort)) raw.sort = sort as HearingSort;
  const direction = params.get('dir');
  if (direction === 'asc' || direction === 'desc') raw.direction = direction;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) raw.page = page;
  const size = Number(params.get('size'));
  if (Number.isInteger(size) && size > 0 && size <= maxPageSize) raw.pageSize = size;
  // Field by field, so that one bad value (a date typed by hand in the address) drops alone.
  const parsed = hearingQuery.safeParse(raw);
  if (parsed.success) return parsed.data;
  let kept: HearingQuery = {};
  for (const [key, value] of Object.entries(raw)) {
    const tried = hearingQuery.safeParse({ ...kept, [key]: value });
    if (tried.success) kept = tried.data;
  }
  return kept;
}

export function searchFromQuery(query: HearingQuery): string {
  const params = new URLSearchParams();
  if (query.text) params.set('text', query.text);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.status) params.set('status', query.status);
  if (query.sealed !== undefined) params.set('sealed', query.sealed ? 'yes' : 'no');
  if (query.magistrate) params.set('magistrate', query.magistrate);
  if (query.sort) params.set('sort', query.sort);
  if (query.direction) params.set('dir', query.direction);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize) params.set('size', String(query.pageSize));
  return params.toString();
}

/** The direction a column sorts in first: dates newest first, references and statuses from A. */
export function defaultDirection(sort: HearingSort): 'asc' | 'desc' {
  return sort === 'date' ? 'desc' : 'asc';
}

/** The query once a column header is chosen: the same column turns around, another starts afresh. */
export function sortBy(query: HearingQuery, sort: HearingSort): HearingQuery {
  const current = query.sort ?? 'date';
  const direction = current === sort ? ((query.direction ?? defaultDirection(current)) === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  return { ...query, sort, direction, page: undefined };
}

/** The first and last position shown ("21–40 of 10,000"), 0–0 when nothing matches. */
export function shownRange(page: number, pageSize: number, itemCount: number): { first: number; last: number } {
  if (itemCount === 0) return { first: 0, last: 0 };
  const first = (page - 1) * pageSize + 1;
  return { first, last: first + itemCount - 1 };
}
