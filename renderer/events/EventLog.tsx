import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HearingEvent, NewEvent } from '../../shared/domain/events';
import { actionErrorMessage } from '../procedure/action-error';
import { LoadFailed } from '../components/QueryStatus';
import { formatBrusselsTime } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import type { Workspace } from '../procedure/workspace';
import { ConsentWithdrawal, WithdrawalNotice } from './ConsentWithdrawal';
import { EventForm, type EventField } from './EventForm';
import { EventList } from './EventList';
import { formatIntoRecording } from './format';
import { isTypingIn, shortcutOf } from './shortcuts';
import './events.css';

type Action = 'pause' | 'interruption' | 'presence' | 'question' | 'incident';

type Outcome = { kind: 'logged'; event: HearingEvent } | { kind: 'failed'; error: unknown } | null;

/**
 * The event log during a hearing: marks, pauses, interruptions, arrivals and departures,
 * questions from the control room, technical incidents, and the withdrawal of consent. Each is
 * kept by main with its wall-clock time and its time into the recording.
 */
export function EventLog({ workspace, sealed }: { workspace: Workspace; sealed: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const { events, controls, procedure } = workspace;
  const view = procedure.view;
  const recording = controls !== null;
  const [paused, setPaused] = useState(false);
  const [open, setOpen] = useState<Action | null>(null);
  const [label, setLabel] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [withdrawal, setWithdrawal] = useState<{
    stopped: boolean;
    offsetMs: number | null;
  } | null>(null);
  const buttons = useRef<Partial<Record<Action | 'mark', HTMLButtonElement | null>>>({});

  useEffect(() => {
    if (!recording) setPaused(false);
  }, [recording]);

  const attendees = (view?.draft.attendees ?? []).filter((a) => a.name);
  const names = attendees.map((a) => a.name ?? '');
  const interviewer = attendees.find((a) => a.role === 'interviewer')?.name ?? '';
  const controlRoom = attendees.filter((a) => a.room === 'control_room').map((a) => a.name ?? '');

  async function log(event: NewEvent): Promise<HearingEvent> {
    try {
      // An arrival or departure changes the list of people present in main: it runs in turn
      // with the list's own saves, so none of them is built from the list as it was before.
      const presence = event.kind === 'attendee_arrived' || event.kind === 'attendee_left';
      const added = presence
        ? await procedure.changeInMain(() => events.add(event))
        : await events.add(event);
      setOutcome({ kind: 'logged', event: added });
      return added;
    } catch (error) {
      setOutcome({ kind: 'failed', error });
      throw error;
    }
  }

  function close(action: Action) {
    setOpen(null);
    window.requestAnimationFrame(() => buttons.current[action]?.focus());
  }

  async function mark(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    const text = label.trim();
    await log({ kind: 'mark', label: text === '' ? null : text }).then(
      () => setLabel(''),
      () => undefined,
    );
  }

  async function resume() {
    await log({ kind: 'resumed' }).then(
      () => {
        controls?.resume();
        setPaused(false);
      },
      () => undefined,
    );
  }

  function togglePause() {
    if (!recording) return;
    if (paused) void resume();
    else setOpen('pause');
  }

  // Alt+M and Alt+P, never while typing in a field or with a dialog open.
  const shortcutActions = useRef({ mark, togglePause });
  useEffect(() => {
    shortcutActions.current = { mark, togglePause };
  });
  const active = !sealed && workspace.tab === 'hearing';
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (!shortcut || isTypingIn(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (shortcut === 'mark') void shortcutActions.current.mark();
      else shortcutActions.current.togglePause();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);

  const consent = view?.draft.consent;
  const withdrawnEvent = events.events?.find((e) => e.kind === 'consent_withdrawn');
  const mayWithdraw =
    !sealed && consent?.decision === 'given' && !consent.withdrawal && !withdrawnEvent;

  const actionButton = (action: Action, text: ReactNode, disabled = false, shortcut?: string) => (
    <button
      ref={(element) => {
        buttons.current[action] = element;
      }}
      type="button"
      className="button"
      aria-expanded={open === action}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      onClick={() =>
        action === 'pause' ? togglePause() : setOpen(open === action ? null : action)
      }
    >
      {text}
    </button>
  );

  const forms: Record<Action, { title: string; submit: string; fields: EventField[] }> = {
    pause: {
      title: t('events.pause.title'),
      submit: t('events.pause.submit'),
      fields: [
        { name: 'reason', label: t('events.fields.reason'), type: 'text' },
        {
          name: 'decidedBy',
          label: t('events.fields.decidedBy'),
          type: 'text',
          suggestions: names,
          initial: interviewer,
        },
      ],
    },
    interruption: {
      title: t('events.interruption.title'),
      submit: t('events.interruption.submit'),
      fields: [
        { name: 'reason', label: t('events.fields.reason'), type: 'text' },
        {
          name: 'decidedBy',
          label: t('events.fields.decidedBy'),
          type: 'text',
          suggestions: names,
          initial: interviewer,
        },
      ],
    },
    presence: {
      title: t('events.presence.title'),
      submit: t('events.presence.submit'),
      fields: [
        {
          name: 'attendeeId',
          label: t('events.fields.person'),
          type: 'select',
          options: attendees.map((a) => ({
            value: a.id,
            label: a.role ? `${a.name} (${t(`procedure.roles.${a.role}`)})` : (a.name ?? ''),
          })),
        },
        {
          name: 'direction',
          label: t('events.fields.direction'),
          type: 'select',
          options: [
            { value: 'attendee_arrived', label: t('events.presence.arrived') },
            { value: 'attendee_left', label: t('events.presence.left') },
          ],
          initial: 'attendee_arrived',
        },
      ],
    },
    question: {
      title: t('events.question.title'),
      submit: t('events.question.submit'),
      fields: [
        {
          name: 'from',
          label: t('events.fields.from'),
          type: 'text',
          suggestions: controlRoom,
        },
        { name: 'text', label: t('events.fields.question'), type: 'textarea' },
      ],
    },
    incident: {
      title: t('events.incident.title'),
      submit: t('events.incident.submit'),
      fields: [{ name: 'description', label: t('events.fields.description'), type: 'textarea' }],
    },
  };

  const toEvent = (action: Action, v: Record<string, string>): NewEvent => {
    switch (action) {
      case 'pause':
        return { kind: 'paused', reason: v.reason ?? '', decidedBy: v.decidedBy ?? '' };
      case 'interruption':
        return { kind: 'interruption', reason: v.reason ?? '', decidedBy: v.decidedBy ?? '' };
      case 'presence':
        return {
          kind: v.direction === 'attendee_left' ? 'attendee_left' : 'attendee_arrived',
          attendeeId: v.attendeeId ?? '',
        };
      case 'question':
        return { kind: 'question_from_control_room', from: v.from ?? '', text: v.text ?? '' };
      case 'incident':
        return { kind: 'technical_incident', description: v.description ?? '' };
    }
  };

  async function submit(action: Action, event: NewEvent) {
    await log(event);
    if (action === 'pause') {
      controls?.pause();
      setPaused(true);
    }
    close(action);
  }

  const withdrawnAt = consent?.withdrawal?.at ?? withdrawnEvent?.at;

  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">{t('events.title')}</h2>
      {!sealed && (
        <>
          <div className="event-actions" role="group" aria-label={t('events.actions')}>
            <form className="mark-form" onSubmit={(event) => void mark(event)}>
              <label htmlFor="mark-label">{t('events.mark.label')}</label>
              <input
                id="mark-label"
                type="text"
                autoComplete="off"
                value={label}
                maxLength={200}
                onChange={(event) => setLabel(event.currentTarget.value)}
              />
              <button
                type="submit"
                className="button primary"
                aria-keyshortcuts="Alt+M"
                ref={(element) => {
                  buttons.current.mark = element;
                }}
              >
                {t('events.mark.submit')} <kbd>{t('events.shortcut', { key: 'M' })}</kbd>
              </button>
            </form>
            <div className="event-buttons">
              {actionButton(
                'pause',
                <>
                  {paused ? t('events.pause.resume') : t('events.pause.action')}{' '}
                  <kbd>{t('events.shortcut', { key: 'P' })}</kbd>
                </>,
                !recording,
                'Alt+P',
              )}
              {actionButton('interruption', t('events.interruption.action'))}
              {actionButton('presence', t('events.presence.action'), attendees.length === 0)}
              {actionButton('question', t('events.question.action'))}
              {actionButton('incident', t('events.incident.action'))}
            </div>
          </div>
          {!recording && <p className="muted small">{t('events.pauseNeedsRecording')}</p>}
          {paused && (
            <p className="notice warning" role="status">
              {t('events.pause.pausedNotice')}
            </p>
          )}
          {open && (
            <EventForm
              key={open}
              id={`event-${open}`}
              title={forms[open].title}
              fields={forms[open].fields}
              submitLabel={forms[open].submit}
              toEvent={(values) => toEvent(open, values)}
              onSubmit={(event) => submit(open, event)}
              onCancel={() => close(open)}
            />
          )}
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {outcome?.kind === 'logged' &&
          t('events.logged', {
            event: t(`events.kinds.${outcome.event.kind}`),
            time: formatBrusselsTime(outcome.event.at, locale),
          })}
      </p>
      <div className="notice-slot" role="alert">
        {outcome?.kind === 'failed' && !open && (
          <p className="notice error">
            {t('events.notLogged', { reason: actionErrorMessage(t, outcome.error) })}
          </p>
        )}
      </div>
      {outcome?.kind === 'logged' && (
        <p className="last-logged" aria-hidden="true">
          {outcome.event.offsetMs === null
            ? t('events.lastLoggedNoRecording', {
                event: t(`events.kinds.${outcome.event.kind}`),
                time: formatBrusselsTime(outcome.event.at, locale),
              })
            : t('events.lastLogged', {
                event: t(`events.kinds.${outcome.event.kind}`),
                time: formatBrusselsTime(outcome.event.at, locale),
                offset: formatIntoRecording(outcome.event.offsetMs),
              })}
        </p>
      )}
      {withdrawnAt ? (
        <div role="alert">
          <WithdrawalNotice
            at={withdrawnAt}
            offsetMs={withdrawal?.offsetMs ?? withdrawnEvent?.offsetMs ?? null}
            stoppedRecording={
              withdrawal
                ? withdrawal.stopped
                : withdrawnEvent
                  ? withdrawnEvent.recordingId !== null
                  : null
            }
          />
        </div>
      ) : (
        mayWithdraw && (
          <div className="withdraw-area">
            <p className="muted">{t('events.withdraw.explain')}</p>
            <ConsentWithdrawal
              hearingId={workspace.hearingId}
              suggestedName={interviewer}
              onWithdrawn={async (result) => {
                setWithdrawal({
                  stopped: result.stoppedRecording !== null,
                  offsetMs: result.event.offsetMs,
                });
                events.include(result.event);
                if (controls) await controls.stopNow();
                workspace.recordingsChanged();
              }}
            />
          </div>
        )
      )}
      <h3 className="events-list-title">{t('events.listTitle')}</h3>
      {events.error !== undefined && (
        <LoadFailed
          what={t('events.loadFailed')}
          error={events.error}
          onRetry={() => void events.reload()}
        />
      )}
      {events.events && <EventList events={events.events} />}
    </section>
  );
}
