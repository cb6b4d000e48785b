import { useCallback, useEffect, useRef, useState } from 'react';
import type { HearingEvent, NewEvent } from '../../shared/domain/events';
import type { RecorderControls } from './recorder-controls';
import type { EventsStore } from './use-events';

export type Outcome =
  { kind: 'logged'; event: HearingEvent } | { kind: 'failed'; error: unknown } | null;

/**
 * What a person does in the moment, from the event log, the recording bar or a shortcut: one
 * set of actions and one state for all three, so a mark typed in the log is the mark the bar's
 * button logs, and a pause made anywhere shows everywhere.
 */
export interface LogActions {
  /** The last event logged from this page, or why the last one was not. */
  outcome: Outcome;
  log: (event: NewEvent) => Promise<HearingEvent>;
  /** The label typed for the next mark. */
  label: string;
  setLabel: (label: string) => void;
  mark: () => Promise<void>;
  /** Pauses at once (the reason can follow), or resumes a paused recording. */
  togglePause: () => Promise<void>;
  /** The pause whose reason is asked for now, by its sequence number; null when none is. */
  asking: number | null;
  ask: (pauseSeq: number | null) => void;
}

export function useLogActions(
  events: EventsStore,
  controls: RecorderControls | null,
  /** Runs a change to the list of people present in turn with the list's own saves. */
  changeInMain: <T>(job: () => Promise<T>) => Promise<T>,
): LogActions {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [label, setLabel] = useState('');
  const [asking, ask] = useState<number | null>(null);
  // Shortcuts and buttons may fire twice before the first call returns: one toggle at a time.
  const toggling = useRef(false);
  const current = useRef(controls);
  useEffect(() => {
    current.current = controls;
  }, [controls]);

  const { add } = events;
  const log = useCallback(
    async (event: NewEvent): Promise<HearingEvent> => {
      try {
        const presence = event.kind === 'attendee_arrived' || event.kind === 'attendee_left';
        const added = presence ? await changeInMain(() => add(event)) : await add(event);
        setOutcome({ kind: 'logged', event: added });
        return added;
      } catch (error) {
        setOutcome({ kind: 'failed', error });
        throw error;
      }
    },
    [add, changeInMain],
  );

  const mark = useCallback(async () => {
    const text = label.trim();
    await log({ kind: 'mark', label: text === '' ? null : text }).then(
      () => setLabel(''),
      () => undefined,
    );
  }, [label, log]);

  const togglePause = useCallback(async () => {
    const recorder = current.current;
    if (!recorder || toggling.current) return;
    toggling.current = true;
    try {
      // Main's clock counts the pause from its event, so the event comes first; it is a call
      // on this machine, answered in milliseconds, and if it fails nothing is paused unlogged.
      if (recorder.isPaused()) {
        await log({ kind: 'resumed' });
        recorder.resume();
      } else {
        const pause = await log({ kind: 'paused' });
        recorder.pause();
        ask(pause.seq);
      }
    } catch {
      // The outcome already says what went wrong.
    } finally {
      toggling.current = false;
    }
  }, [log]);

  return { outcome, log, label, setLabel, mark, togglePause, asking, ask };
}
