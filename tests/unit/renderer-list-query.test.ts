import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryFromSearch, searchFromQuery, shownRange, sortBy } from '../../renderer/screens/list-query';
import { hrefFor, parseRoute, rememberListSearch } from '../../renderer/routing/routes';

test('the list search survives the address both ways', () => {
  const query = {
    text: 'Müller 26/114',
    from: '2026-01-01',
    to: '2026-03-31',
    status: 'sealed' as const,
    sealed: true,
    magistrate: 'Peeters',
    sort: 'caseReference' as const,
    direction: 'desc' as const,
    page: 3,
    pageSize: 50,
  };
  assert.deepEqual(queryFromSearch(searchFromQuery(query)), query);
  assert.deepEqual(queryFromSearch(''), {});
  assert.equal(searchFromQuery({}), '');
});

test('what cannot be read in the address is left out, the rest kept', () => {
  assert.deepEqual(queryFromSearch('from=2026-02-30&status=lost&sort=name&page=-2&size=1000&text=x'), { text: 'x' });
  // A reversed range drops the last date rather than the whole search.
  assert.deepEqual(queryFromSearch('from=2026-05-01&to=2026-04-01&text=y'), { from: '2026-05-01', text: 'y' });
  assert.deepEqual(queryFromSearch('sealed=maybe&page=2'), { page: 2 });
});

test('a column header sorts, then turns around; another column starts at its own direction and page 1', () => {
  assert.deepEqual(sortBy({ page: 4 }, 'date'), { sort: 'date', direction: 'asc', page: undefined });
  assert.deepEqual(sortBy({ sort: 'date', direction: 'asc' }, 'date'), { sort: 'date', direction: 'desc', page: undefined });
  assert.deepEqual(sortBy({ sort: 'date' }, 'status'), { sort: 'status', direction: 'asc', page: undefined });
  assert.deepEqual(sortBy({ sort: 'status', direction: 'asc', text: 'a' }, 'status'), {
    sort: 'status',
    direction: 'desc',
    text: 'a',
    page: undefined,
  });
});

test('the range shown counts from 1', () => {
  assert.deepEqual(shownRange(2, 20, 20), { first: 21, last: 40 });
  assert.deepEqual(shownRange(500, 20, 20), { first: 9981, last: 10000 });
  assert.deepEqual(shownRange(3, 20, 7), { first: 41, last: 47 });
  assert.deepEqual(shownRange(9, 20, 0), { first: 0, last: 0 });
});

test('the list route carries its search, and a link back returns to the last one shown', () => {
  assert.deepEqual(parseRoute('#/?text=a&page=2'), { name: 'hearings', search: 'text=a&page=2' });
  assert.deepEqual(parseRoute('#/'), { name: 'hearings' });
  rememberListSearch('status=sealed');
  assert.equal(hrefFor({ name: 'hearings' }), '#/?status=sealed');
  assert.equal(hrefFor({ name: 'hearings', search: '' }), '#/');
  rememberListSearch('');
  assert.equal(hrefFor({ name: 'hearings' }), '#/');
});
