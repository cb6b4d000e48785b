import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { navigate } from '../routing/router';

/**
 * Opening a hearing outside one's team: named by its case reference, with a reason that is kept,
 * audited and shown in the hearing's access history. It lets one read, never change.
 */
export function AccessForReason() {
  const { t } = useTranslation();
  const [caseReference, setCaseReference] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    try {
      const { hearingId } = await call('hearings.accessForReason', { caseReference, reason });
      navigate({ name: 'hearing', hearingId });
    } catch (err) {
      setProblem(errorMessage(t, err));
    }
  }

  return (
    <details className="panel access-for-reason">
      <summary>{t('access.reasonTitle')}</summary>
      <p className="muted">{t('access.reasonIntro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="reason-case">{t('hearing.caseReference')}</label>
          <input
            id="reason-case"
            className="input-text"
            required
            spellCheck={false}
            value={caseReference}
            onChange={(event) => setCaseReference(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="reason-text">{t('access.reason')}</label>
          <textarea
            id="reason-text"
            required
            minLength={10}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </div>
        <div className="notice-slot" role="alert">
          {problem && <p className="notice error">{problem}</p>}
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('access.reasonSubmit')}
          </button>
        </div>
      </form>
    </details>
  );
}
