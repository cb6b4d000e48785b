import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { describeUnmet } from '../../shared/rules/messages/index';
import type { Unmet } from '../../shared/rules/unmet';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { formatInstant } from '../format/dates';
import { formatDuration } from '../format/duration';
import { formatLocale } from '../i18n/locale';

type Preview = CallOutput<'hearings.sealPreview'>;

/**
 * Asks once more before sealing, in a modal dialog: sealing cannot be undone. It lists what the
 * seal will cover as main sees it now (segments and their durations, events, the written
 * record), what stands in the way, and what the rules still flag, for which a typed reason is
 * needed. Cancel has the focus, so a stray Enter does not seal.
 */
export function SealConfirm(props: {
  open: boolean;
  hearingId: string;
  caseReference: string;
  onConfirm: (reason: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [preview, setPreview] = useState<{ value?: Preview; error?: unknown }>({});
  const [reason, setReason] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    }
    if (!props.open && element.open) element.close();
  }, [props.open]);

  useEffect(() => {
    if (!props.open) return;
    let live = true;
    setPreview({});
    setReason('');
    call('hearings.sealPreview', { hearingId: props.hearingId }).then(
      (value) => live && setPreview({ value }),
      (error: unknown) => live && setPreview({ error }),
    );
    return () => {
      live = false;
    };
  }, [props.open, props.hearingId]);

  const value = preview.value;
  // What blocks the recording and what the rules' sealing gate finds open both need a reason.
  const flagged = value ? [...value.unmet, ...value.openForSealing] : [];
  const needsReason = flagged.length > 0;
  const mayConfirm = value !== undefined && value.blockers.length === 0 && (!needsReason || reason.trim() !== '');

  return (
    <dialog
      ref={dialog}
      className="seal-confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{t('seal.confirm.title')}</h2>
      <div id={`${id}-body`}>
        <p>{t('seal.confirm.body', { caseReference: props.caseReference })}</p>
        <p>{t('seal.confirm.check')}</p>
      </div>
      <div role="status" className="notice-slot">
        {!value && preview.error === undefined && <p className="pending">{t('seal.preview.loading')}</p>}
      </div>
      {preview.error !== undefined && (
        <p className="notice error" role="alert">
          {errorMessage(t, preview.error)}
        </p>
      )}
      {value && (
        <div className="seal-preview" data-testid="seal-preview">
          <h3>{t('seal.preview.covers')}</h3>
          <ul>
            {value.segments.map((s) => (
              <li key={s.segment}>
                {t('seal.preview.segment', {
                  segment: s.segment,
                  duration: s.durationMs === null ? '—' : formatDuration(s.durationMs),
                })}
              </li>
            ))}
            {value.segments.length === 0 && value.decisionNotToRecord && <li>{t('seal.preview.notRecorded')}</li>}
            <li>{t('seal.preview.events', { count: value.eventCount })}</li>
            <li>
              {value.writtenRecord === null
                ? t('seal.preview.writtenRecordMissing')
                : value.writtenRecord.upToDate
                  ? t('seal.preview.writtenRecord', { at: formatInstant(value.writtenRecord.generatedAt, locale) })
                  : t('seal.preview.writtenRecordStale', { at: formatInstant(value.writtenRecord.generatedAt, locale) })}
            </li>
          </ul>
          {value.blockers.length > 0 && (
            <div className="notice error" role="alert">
              <p>
                <strong>{t('seal.preview.blocked')}</strong>
              </p>
              <ul>
                {value.blockers.map((b) => (
                  <li key={`${b.reason}-${b.segment ?? ''}`}>{t(`seal.blockers.${b.reason}`, { segment: b.segment })}</li>
                ))}
              </ul>
            </div>
          )}
          {needsReason && (
            <div className="notice warning">
              <p>
                <strong>{t('seal.preview.unmet', { count: flagged.length })}</strong>
              </p>
              <ul>
                {flagged.map((u) => (
                  <li key={`${u.code}-${u.field}`}>{describeUnmet(u as Unmet, i18n.resolvedLanguage ?? 'en')}</li>
                ))}
              </ul>
              <label htmlFor={`${id}-reason`}>{t('seal.preview.reason')}</label>
              <textarea
                id={`${id}-reason`}
                value={reason}
                rows={3}
                maxLength={2000}
                required
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
          )}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!mayConfirm}
          onClick={() => props.onConfirm(needsReason ? reason.trim() : undefined)}
        >
          {t('seal.confirm.yes')}
        </button>
        <button ref={cancelButton} type="button" className="button" onClick={props.onCancel}>
          {t('seal.confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
