import { useCallback, useEffect, useState } from 'react';
import type { HearingEvent, NewEvent } from '../../shared/domain/events';
import { call } from '../api/client';

export interface EventsStore {
  events: HearingEvent[] | undefined;
  error: unknown;
  reload: () => Promise<void>;
  /** Logs an event; the answer is the event as main kept it, with its time into the recording. */
  add: (event: NewEvent) => Promise<HearingEvent>;
  /** Adds an event main wrote itself (consent withdrawn) without waiting for a reload. */
  include: (event: HearingEvent) => void;
}

function merged(list: HearingEvent[] | undefined, event: HearingEvent): HearingEvent[] {
  const others = (list ?? []).filter((e) => e.id !== event.id);
  return [...others, event].sort((a, b) => a.seq - b.seq);
}

/** The event log of a hearing, kept in order by its sequence numbers. */
export function useEvents(hearingId: string): EventsStore {
  const [events, setEvents] = useState<HearingEvent[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);

  const reload = useCallback(async () => {
    try {
      setEvents(await call('events.list', { hearingId }));
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }, [hearingId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const include = useCallback((event: HearingEvent) => {
    setEvents((list) => merged(list, event));
  }, []);

  const add = useCallback(
    async (event: NewEvent) => {
      const added = await call('events.add', { hearingId, event });
      include(added);
      return added;
    },
    [hearingId, include],
  );

  return { events, error, reload, add, include };
}
