import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useQuery } from '../api/use-query';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { useSession } from '../session/session-context';

const loadDirectory = () => call('accounts.directory', {});

/**
 * The hearing's team: only they see the hearing. The interviewer and the technician put on it
 * the magistrate of the order, the psychologist, the clerk and whoever else takes part.
 */
export function TeamPanel({ hearingId, attendeeLinks = '' }: { hearingId: string; attendeeLinks?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const load = useCallback(() => call('hearings.team', { hearingId }), [hearingId]);
  // The accounts linked to the people present are part of the team: a change of them reloads it.
  const team = useQuery(`team:${hearingId}:${attendeeLinks}`, load);
  const manages = user.role === 'interviewer' || user.role === 'technician';
  return (
    <section className="panel" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="muted">{t('team.intro')}</p>
      {team.value ? (
        <ul className="team">
          {team.value.map((member) => (
            <li key={member.userId}>
              {member.displayName} ({t(`roles.${member.role}`)}){member.how === 'creator' ? ` — ${t('team.creator')}` : member.how === 'attendee' ? ` — ${t('team.attendee')}` : ''}
            </li>
          ))}
        </ul>
      ) : team.error !== undefined ? (
        <LoadFailed what={t('team.loadFailed')} error={team.error} onRetry={team.reload} />
      ) : (
        <Loading />
      )}
      {manages && <AddMember hearingId={hearingId} onChanged={team.reload} present={team.value?.map((m) => m.userId) ?? []} />}
    </section>
  );
}

function AddMember({ hearingId, onChanged, present }: { hearingId: string; onChanged: () => void; present: string[] }) {
  const { t } = useTranslation();
  const directory = useQuery('directory', loadDirectory);
  const [userId, setUserId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const candidates = (directory.value ?? []).filter((p) => !present.includes(p.id));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!userId) return;
        setProblem(null);
        call('hearings.assign', { hearingId, userId })
          .then(() => {
            setUserId('');
            onChanged();
          })
          .catch((err: unknown) => setProblem(errorMessage(t, err)));
      }}
    >
      <label htmlFor="team-add">{t('team.add')}</label>
      <select id="team-add" value={userId} onChange={(event) => setUserId(event.currentTarget.value)}>
        <option value="">{t('team.choose')}</option>
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName} ({t(`roles.${p.role}`)})
          </option>
        ))}
      </select>
      <button type="submit" className="button small">
        {t('team.addButton')}
      </button>
      <span role="alert">{problem && <span className="field-error">{problem}</span>}</span>
    </form>
  );
}
