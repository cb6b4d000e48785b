import { useCallback, useMemo, useState } from 'react';
import type { RecorderControls } from '../events/recorder-controls';
import { useEvents, type EventsStore } from '../events/use-events';
import { useLogActions, type LogActions } from '../events/use-log-actions';
import { useProcedure, type ProcedureStore } from './use-procedure';

export type HearingTab = 'preparation' | 'hearing';

/** The id of the sentence that says why recording cannot start; the Start button points to it. */
export const startUnavailableId = 'start-unavailable';

/**
 * Everything the hearing page shares between its parts: the procedural record and what the
 * rules make of it, the event log, the recorder while it runs, and the tab shown.
 */
export interface Workspace {
  hearingId: string;
  procedure: ProcedureStore;
  events: EventsStore;
  controls: RecorderControls | null;
  /** Marks, pauses and every other event logged from the page, its bar and its shortcuts. */
  actions: LogActions;
  setControls: (controls: RecorderControls | null) => void;
  tab: HearingTab | null;
  setTab: (tab: HearingTab) => void;
  /** Shows the preparation and puts the focus on the input for a record path. */
  goTo: (field: string) => void;
  /** A field waiting to take the focus once its tab is shown. */
  focusRequest: { field: string; n: number } | null;
  /** A recording started or stopped: the hearing, the record (now fixed) and the log changed. */
  recordingsChanged: () => void;
  /** For Capture: whether Start may be offered, and what explains it when not. */
  readiness: { ready: boolean; describedBy?: string } | undefined;
}

export function useWorkspace(hearingId: string, onHearingChanged: () => void): Workspace {
  const loaded = useProcedure(hearingId);
  // The page's facts (the name, the date of birth, the hearing date) follow the record.
  const { save: saveSection } = loaded;
  const save = useCallback<ProcedureStore['save']>(
    (section, build) => {
      const done = saveSection(section, build);
      if (section === 'personHeard' || section === 'hearingDate') {
        done.then(
          (outcome) => outcome === 'saved' && onHearingChanged(),
          () => undefined,
        );
      }
      return done;
    },
    [saveSection, onHearingChanged],
  );
  const procedure: ProcedureStore = { ...loaded, save };
  const events = useEvents(hearingId);
  const [controls, setControls] = useState<RecorderControls | null>(null);
  const actions = useLogActions(events, controls, loaded.changeInMain);
  const [tab, setTab] = useState<HearingTab | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ field: string; n: number } | null>(null);

  const goTo = useCallback((field: string) => {
    setTab('preparation');
    setFocusRequest((previous) => ({ field, n: (previous?.n ?? 0) + 1 }));
  }, []);

  const { reload: reloadProcedure } = procedure;
  const { reload: reloadEvents } = events;
  const recordingsChanged = useCallback(() => {
    onHearingChanged();
    void reloadProcedure();
    void reloadEvents();
  }, [onHearingChanged, reloadProcedure, reloadEvents]);

  const view = procedure.view;
  const ready = view?.evaluation.mayRecord;
  const readiness = useMemo(
    () =>
      ready === undefined
        ? undefined
        : ready
          ? { ready: true }
          : { ready: false, describedBy: startUnavailableId },
    [ready],
  );

  return {
    hearingId,
    procedure,
    events,
    controls,
    actions,
    setControls,
    tab,
    setTab,
    goTo,
    focusRequest,
    recordingsChanged,
    readiness,
  };
}
