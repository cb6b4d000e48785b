import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/contract';
import { call } from '../api/client';
import { formatInstant } from '../format/dates';
import { formatSize } from '../format/size';
import { formatLocale } from '../i18n/locale';
import { hrefFor } from '../routing/routes';
import { formatRoughDuration } from './format';
import './events.css';

type Recovered = CallOutput<'app.info'>['recovered'][number];

const storageKey = 'hearingRoom.recoveryDismissed';

/** Main's start-up facts do not change while the window is open: ask once. */
let info: Promise<CallOutput<'app.info'>> | null = null;
function appInfo(): Promise<CallOutput<'app.info'>> {
  info ??= call('app.info', {}).catch((error: unknown) => {
    info = null;
    throw error;
  });
  return info;
}

function readDismissed(): string[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

function writeDismissed(ids: string[]): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(ids));
  } catch {
    // Without storage the notice stays dismissed until the screen changes.
  }
}

/**
 * Recordings main recovered at this start, after Hearing Room closed in the middle of them:
 * which hearing, how much was kept, and that the recording is marked interrupted. On a hearing's
 * page only that hearing's; each can be dismissed for the rest of the session.
 */
export function RecoveryNotice({ hearingId }: { hearingId?: string }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const [recovered, setRecovered] = useState<Recovered[]>([]);
  const [dismissed, setDismissed] = useState<string[]>(readDismissed);

  useEffect(() => {
    let live = true;
    appInfo().then(
      (value) => {
        if (live) setRecovered(value.recovered);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const shown = recovered.filter(
    (r) =>
      (hearingId === undefined || r.hearingId === hearingId) && !dismissed.includes(r.recordingId),
  );
  if (shown.length === 0) return null;

  function dismiss(recordingId: string) {
    const next = [...dismissed, recordingId];
    writeDismissed(next);
    setDismissed(next);
  }

  return (
    <section className="notice recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title', { count: shown.length })}</h2>
      <ul className="recovery-list">
        {shown.map((r) => (
          <li key={r.recordingId}>
            <p>
              {t('recovery.body', {
                caseReference: r.caseReference,
                size: formatSize(r.sizeBytes, locale),
                // Each chunk holds about a second.
                duration: formatRoughDuration(r.chunkCount * 1000, locale),
                at: formatInstant(r.recoveredAt, locale),
              })}
            </p>
            <p className="actions">
              {hearingId === undefined && (
                <a href={hrefFor({ name: 'hearing', hearingId: r.hearingId })}>
                  {t('recovery.open', { caseReference: r.caseReference })}
                </a>
              )}
              <button
                type="button"
                className="button small"
                onClick={() => dismiss(r.recordingId)}
                aria-label={t('recovery.dismissFor', { caseReference: r.caseReference })}
              >
                {t('recovery.dismiss')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
