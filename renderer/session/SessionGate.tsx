import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call, onSessionLost } from '../api/client';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { FirstStart, RecoveryKeyNotice } from './FirstStart';
import { takeFirstStatus } from './first-status';
import { useInactivityLock } from './inactivity';
import { LockScreen } from './LockScreen';
import { SessionContext, type SessionApi, type SessionStatus } from './session-context';
import { SignIn } from './SignIn';

/**
 * Nothing of the app shows before someone signs in. Main decides every call by the session; this
 * gate only chooses the screen: the first start, sign-in, or the app with its lock over it.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const refresh = useCallback(() => {
    (takeFirstStatus() ?? call('session.status', {}))
      .then((next) => {
        setStatus(next);
        setError(undefined);
      })
      .catch(setError);
  }, []);

  useEffect(() => {
    refresh();
    return onSessionLost(refresh);
  }, [refresh]);

  const lock = useCallback(async () => setStatus(await call('session.lock', {})), []);
  const signedIn = status?.user ?? null;
  const api = useMemo<SessionApi | null>(
    () =>
      signedIn && {
        user: signedIn,
        lock,
        signOut: async () => {
          await call('session.signOut', {});
          // A fresh page: nothing of the last person's screens stays in memory.
          window.location.reload();
        },
      },
    [signedIn, lock],
  );

  useInactivityLock(status?.lockAfterMinutes ?? 10, !!signedIn && !status?.locked, () => void lock().catch(refresh));

  // Before the lock screen takes the focus (its own effect), so nothing modal holds it.
  useLayoutEffect(() => {
    document.body.toggleAttribute('data-locked', !!status?.locked);
    // A modal dialog sits above every other layer, the lock's cover included: a lock cancels
    // each open one (as Escape would, so its screen knows) and closes it, so nothing of it shows.
    if (status?.locked) {
      for (const dialog of document.querySelectorAll('dialog[open]')) {
        if (!(dialog instanceof HTMLDialogElement)) continue;
        dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
        if (dialog.open) dialog.close();
      }
      // A recording played back would go on being heard behind the cover: it pauses. The
      // camera's own preview (a live stream) is left alone, and so is the recording.
      for (const media of document.querySelectorAll('video, audio')) {
        if (media instanceof HTMLMediaElement && !(media.srcObject instanceof MediaStream) && !media.paused) media.pause();
      }
    }
  }, [status?.locked]);

  if (recoveryKey) {
    return <RecoveryKeyNotice recoveryKey={recoveryKey} onKept={() => setRecoveryKey(null)} />;
  }
  if (!status) {
    return (
      <main className="session-screen">
        {error !== undefined ? <LoadFailed what={t('session.statusFailed')} error={error} onRetry={refresh} /> : <Loading />}
      </main>
    );
  }
  if (status.setupNeeded) {
    return (
      <FirstStart
        onCreated={(key) => {
          setRecoveryKey(key);
          refresh();
        }}
      />
    );
  }
  if (!api) return <SignIn onSignedIn={refresh} />;
  return (
    <SessionContext.Provider value={api}>
      <div inert={status.locked} className="session-content">
        {children}
      </div>
      {status.locked && <LockScreen user={api.user} onUnlocked={setStatus} onSignOut={api.signOut} />}
    </SessionContext.Provider>
  );
}
