import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { leavingGuarded, useRoute } from '../routing/router';
import { credentialsError } from './credentials';
import type { SessionStatus, SignedInUser } from './session-context';

/**
 * Covers the screen while the session is locked; nothing of the hearing shows through. The
 * recording is not touched: its chunks and heartbeats go on, and its bar stays visible above
 * this cover. The person signed in unlocks with their password; another person of the hearing's
 * team may unlock with theirs and takes the session over (main checks the team and audits it).
 * Someone else at a shared computer, when no recording runs, signs the locked session out and
 * then signs in as themselves; during a recording that is not offered (it would end the page).
 */
export function LockScreen({
  user,
  onUnlocked,
  onSignOut,
}: {
  user: SignedInUser;
  onUnlocked: (status: SessionStatus) => void;
  onSignOut: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const route = useRoute();
  const [username, setUsername] = useState(user.username);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const recording = leavingGuarded();

  useEffect(() => passwordRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(null);
    try {
      const hearingId = route.name === 'hearing' ? route.hearingId : undefined;
      const status = await call('session.unlock', { username, password, ...(hearingId ? { hearingId } : {}) });
      setPassword('');
      onUnlocked(status);
    } catch (err) {
      setPassword('');
      setProblem(credentialsError(t, err));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <div className="lock-box">
        <h1 id="lock-title">{t('session.lockedTitle')}</h1>
        <p>{t('session.lockedIntro', { name: user.displayName })}</p>
        <form className="form" onSubmit={(event) => void submit(event)} aria-busy={pending}>
          <div className="field">
            <label htmlFor="unlock-username">{t('session.username')}</label>
            <span id="unlock-username-hint" className="field-hint">
              {t('session.takeOverHint')}
            </span>
            <input
              id="unlock-username"
              className="input-text"
              autoComplete="username"
              spellCheck={false}
              aria-describedby="unlock-username-hint"
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="unlock-password">{t('session.password')}</label>
            <input
              ref={passwordRef}
              id="unlock-password"
              className="input-text"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
          </div>
          <div className="notice-slot" role="alert">
            {problem && <p className="notice error">{problem}</p>}
          </div>
          <div className="actions">
            <button type="submit" className="button primary">
              {t('session.unlock')}
            </button>
          </div>
        </form>
        {!recording && (
          <div className="lock-sign-out">
            <p id="lock-sign-out-hint" className="field-hint">
              {t('session.lockSignOutHint', { name: user.displayName })}
            </p>
            <button
              type="button"
              className="button"
              aria-describedby="lock-sign-out-hint"
              onClick={() => void onSignOut().catch((err: unknown) => setProblem(credentialsError(t, err)))}
            >
              {t('session.signOutNamed', { name: user.displayName })}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
