import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HearingSummary } from '../../shared/domain/hearing';
import { plannedDays } from '../../renderer/screens/planned-days';

const hearing = (id: string, plannedAt: string | null, status: HearingSummary['status'] = 'draft'): HearingSummary => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  caseReference: `REF/${id}`,
  minorName: 'X',
  dateOfBirth: '2014-01-01',
  hearingDate: '2026-10-25',
  status,
  createdAt: '2026-10-01T00:00:00Z',
  recordingCount: 0,
  plannedAt,
});

test('planned hearings by Brussels day, today first, in time order; past days, recorded and unplanned ones left out', () => {
  // 24 October 2026, 12:00 in Brussels (summer time, UTC+2).
  const now = new Date('2026-10-24T10:00:00Z');
  const days = plannedDays(
    [
      hearing('1', '2026-10-25T08:00:00Z'), // 09:00 winter time on the 25th
      hearing('2', '2026-10-24T21:59:00Z'), // 23:59 on the 24th (UTC+2)
      hearing('3', '2026-10-24T22:00:00Z'), // 00:00 on the 25th, though still the 24th in UTC
      hearing('4', '2026-10-24T07:00:00Z'), // 09:00 today, already past: still today's
      hearing('5', '2026-10-23T10:00:00Z'), // yesterday
      hearing('6', '2026-10-26T10:00:00Z', 'recorded'),
      hearing('7', null),
    ],
    now,
  );
  assert.deepEqual(
    days.map((d) => [d.day, d.hearings.map((h) => h.caseReference)]),
    [
      ['2026-10-24', ['REF/4', 'REF/2']],
      ['2026-10-25', ['REF/3', 'REF/1']],
    ],
  );
});
