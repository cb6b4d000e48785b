import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseReasons, type NewEvent } from '../../shared/domain/events';
import { formatBrusselsTime } from '../format/dates';
import { formatLocale } from '../i18n/locale';
import type { Workspace } from '../procedure/workspace';
import { ConsentWithdrawal, WithdrawalNotice } from './ConsentWithdrawal';
import { EventForm, type EventField } from './EventForm';
import { LoggedEvents } from './EventList';
import { LogOutcome } from './LogOutcome';
import { isTypingIn, shortcutOf } from './shortcuts';
import './events.css';

type Action = 'interruption' | 'presence' | 'question' | 'incident';

/** The reason field of the form that explains a pause; the recording bar leads to it. */
export const explainReasonId = 'event-explain-reason';

/**
 * The event log during a hearing: marks, pauses and their reasons, interruptions, arrivals and
 * departures, questions from the control room, technical incidents, and the withdrawal of
 * consent. Each is kept by main with its wall-clock time and its time into the recording. While
 * a segment runs, Pause, Mark and Stop are also in the recording bar, which shows the outcome.
 */
export function EventLog({ workspace }: { workspace: Workspace }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const { events, controls, procedure, actions } = workspace;
  const view = procedure.view;
  const recording = controls !== null;
  const paused = controls?.paused ?? false;
  const [open, setOpen] = useState<Action | null>(null);
  const [withdrawal, setWithdrawal] = useState<{
    stopped: boolean;
    offsetMs: number | null;
  } | null>(null);
  const buttons = useRef<Partial<Record<Action, HTMLButtonElement | null>>>({});
  const markInput = useRef<HTMLInputElement>(null);

  const attendees = (view?.draft.attendees ?? []).filter((a) => a.name);
  const names = attendees.map((a) => a.name ?? '');
  const interviewer = attendees.find((a) => a.role === 'interviewer')?.name ?? '';
  const controlRoom = attendees.filter((a) => a.room === 'control_room').map((a) => a.name ?? '');

  function close(action: Action) {
    setOpen(null);
    window.requestAnimationFrame(() => buttons.current[action]?.focus());
  }

  // Alt+M and Alt+P wherever the focus is, but in a text area (Escape leaves it) or a dialog;
  // on the preparation tab too while a segment runs, as the recording bar is there.
  const shortcutActions = useRef(actions);
  useEffect(() => {
    shortcutActions.current = actions;
  });
  const active = workspace.tab === 'hearing' || recording;
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Not under a modal: a confirmation, or the lock screen (a lock leaves the recording alone).
      if (document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]')) return;
      if (
        event.key === 'Escape' &&
        isTypingIn(event.target) &&
        event.target instanceof HTMLElement
      ) {
        event.target.blur();
        return;
      }
      const shortcut = shortcutOf(event);
      if (!shortcut || isTypingIn(event.target)) return;
      event.preventDefault();
      // A key held down repeats: one press is one mark, one pause or one resume.
      if (event.repeat) return;
      if (shortcut === 'mark') void shortcutActions.current.mark();
      else void shortcutActions.current.togglePause();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);

  const logged = events.events ?? [];
  const reasons = pauseReasons(logged);
  const unexplained = logged.filter((e) => e.kind === 'paused' && !reasons.has(e.seq));
  const asking = unexplained.find((e) => e.seq === actions.asking) ?? null;

  const consent = view?.draft.consent;
  const withdrawnEvent = events.events?.find((e) => e.kind === 'consent_withdrawn');
  const mayWithdraw = consent?.decision === 'given' && !consent.withdrawal && !withdrawnEvent;

  const actionButton = (action: Action, text: string, disabled = false) => (
    <button
      ref={(element) => {
        buttons.current[action] = element;
      }}
      type="button"
      className="button"
      aria-expanded={open === action}
      disabled={disabled}
      onClick={() => setOpen(open === action ? null : action)}
    >
      {text}
    </button>
  );

  const forms: Record<Action, { title: string; submit: string; fields: EventField[] }> = {
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
    await actions.log(event);
    close(action);
  }

  /** Closes the reason form; the pause stays listed without a reason until one is given. */
  function closeExplanation() {
    actions.ask(null);
    window.requestAnimationFrame(() => markInput.current?.focus());
  }

  async function explain(event: NewEvent) {
    await actions.log(event);
    closeExplanation();
  }

  const withdrawnAt = consent?.withdrawal?.at ?? withdrawnEvent?.at;

  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">{t('events.title')}</h2>
      <div className="event-actions" role="group" aria-label={t('events.actions')}>
        <form
          className="mark-form"
          aria-label={t('events.mark.form')}
          onSubmit={(event) => {
            event.preventDefault();
            void actions.mark();
          }}
        >
          <label htmlFor="mark-label">{t('events.mark.label')}</label>
          <input
            ref={markInput}
            id="mark-label"
            type="text"
            autoComplete="off"
            value={actions.label}
            maxLength={200}
            onChange={(event) => actions.setLabel(event.currentTarget.value)}
          />
          <button type="submit" className="button primary" aria-keyshortcuts="Alt+M">
            {t('events.mark.submit')} <kbd>{t('events.shortcut', { key: 'M' })}</kbd>
          </button>
        </form>
        <div className="event-buttons">
          {actionButton('interruption', t('events.interruption.action'))}
          {actionButton('presence', t('events.presence.action'), attendees.length === 0)}
          {actionButton('question', t('events.question.action'))}
          {actionButton('incident', t('events.incident.action'))}
        </div>
      </div>
      <p className="muted small">
        {recording ? t('events.pauseInBar') : t('events.pauseNeedsRecording')}
      </p>
      {paused && (
        <p className="notice warning" role="status">
          {t('events.pause.pausedNotice')}
        </p>
      )}
      {asking && (
        <EventForm
          key={`explain-${asking.seq}`}
          id="event-explain"
          title={t('events.explain.title', { time: formatBrusselsTime(asking.at, locale) })}
          fields={[
            { name: 'reason', label: t('events.fields.reason'), type: 'text' },
            {
              name: 'decidedBy',
              label: t('events.fields.decidedBy'),
              type: 'text',
              suggestions: names,
              initial: interviewer,
            },
          ]}
          submitLabel={t('events.explain.submit')}
          toEvent={(v) => ({
            kind: 'pause_explained',
            pauseSeq: asking.seq,
            reason: v.reason ?? '',
            decidedBy: v.decidedBy ?? '',
          })}
          onSubmit={explain}
          onCancel={closeExplanation}
        />
      )}
      {unexplained.length > 0 && !asking && (
        <div className="unexplained" role="group" aria-label={t('events.explain.missing')}>
          <p>{t('events.explain.missing')}</p>
          <ul>
            {unexplained.map((pause) => (
              <li key={pause.id}>
                <button
                  type="button"
                  className="button small"
                  onClick={() => actions.ask(pause.seq)}
                >
                  {t('events.explain.action', { time: formatBrusselsTime(pause.at, locale) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
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
      {!recording && <LogOutcome outcome={actions.outcome} hideError={open !== null} />}
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
                if (controls) await controls.stop();
                workspace.recordingsChanged();
              }}
            />
          </div>
        )
      )}
      <h3 className="events-list-title">{t('events.listTitle')}</h3>
      <LoggedEvents events={events} />
    </section>
  );
}
