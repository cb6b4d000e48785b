import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hearing } from '../../shared/domain/hearing';
import { call } from '../api/client';
import { useQuery } from '../api/use-query';
import { Capture } from '../capture/Capture';
import { OpenSegmentNotice } from '../capture/OpenSegmentNotice';
import { PageHeading } from '../components/PageHeading';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { HearingStatusBadge } from '../components/StatusBadge';
import { ageOn, formatCalendarDate } from '../format/dates';
import { hrefFor } from '../routing/routes';
import { RecordingItem } from './RecordingItem';
import { SealSection } from '../seal/SealSection';
import { formatLocale } from '../i18n/locale';
import { LoggedEvents } from '../events/EventList';
import { EventLog } from '../events/EventLog';
import { RecordingBar } from '../events/RecordingBar';
import { RecoveryNotice } from '../events/RecoveryNotice';
import { HearingTabs } from '../procedure/HearingTabs';
import { StartReadiness } from '../procedure/StartReadiness';
import { WrittenRecord } from '../procedure/WrittenRecord';
import { useWorkspace, type Workspace } from '../procedure/workspace';
import { TeamPanel } from '../access/TeamPanel';
import { AccessHistory } from '../access/AccessHistory';
import { HearingChanges } from './HearingChanges';
import { ApiError } from '../../shared/api/errors';
import type { HearingRemoval } from '../../shared/domain/hearing';
import { formatBrusselsDateTime, formatInstant } from '../format/dates';

export function HearingPage({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => call('hearings.get', { hearingId }), [hearingId]);
  const hearing = useQuery(hearingId, load);
  const { reload } = hearing;
  const workspace = useWorkspace(hearingId, reload);
  const sealed = hearing.value?.status === 'sealed';

  return (
    <>
      <p className="back">
        <a href={hrefFor({ name: 'hearings' })}>{t('hearing.back')}</a>
      </p>
      <PageHeading
        title={
          hearing.value
            ? t('hearing.title', { caseReference: hearing.value.caseReference })
            : t('hearing.titleUnknown')
        }
      />
      {hearing.value ? (
        <>
          {hearing.error !== undefined && (
            <LoadFailed what={t('hearing.refreshFailed')} error={hearing.error} onRetry={reload} />
          )}
          <RecoveryNotice hearingId={hearing.value.id} />
          <Facts hearing={hearing.value} />
          {hearing.value.recordings.length > 0 && (
            <p className="review-link">
              <a className="button" href={hrefFor({ name: 'review', hearingId: hearing.value.id })}>
                {t('review.open')}
              </a>
            </p>
          )}
          <HearingTabs workspace={workspace} hearing={hearing.value}>
            {/* Each part keeps its place whether the hearing is sealed or not, so sealing
                swaps the recorder and the log for their record without resetting the rest. */}
            {sealed ? (
              <SealedIntro hearing={hearing.value} />
            ) : (
              <section className="panel" aria-labelledby="record-title">
                <h2 id="record-title">{t('capture.title')}</h2>
                <StartReadiness workspace={workspace} />
                <OpenSegmentNotice
                  hearing={hearing.value}
                  recordingHere={workspace.controls !== null}
                  onChanged={reload}
                />
                <Capture
                  hearingId={hearing.value.id}
                  onRecordingsChanged={workspace.recordingsChanged}
                  readiness={workspace.readiness}
                  onControls={workspace.setControls}
                  canRecord={!consentWithdrawn(workspace)}
                  cameraAtOnce={hearing.value.recordings.length === 0}
                />
              </section>
            )}
            {sealed ? <SealedEvents workspace={workspace} /> : <EventLog workspace={workspace} />}
            {!sealed && <Recordings hearing={hearing.value} onChanged={reload} />}
            <WrittenRecord workspace={workspace} sealed={sealed} />
            <SealSection hearing={hearing.value} onSealed={reload} />
          </HearingTabs>
          <HearingChanges hearing={hearing.value} onChanged={workspace.recordingsChanged} />
          <TeamPanel
            hearingId={hearing.value.id}
            attendeeLinks={(workspace.procedure.view?.draft.attendees ?? []).flatMap((a) => (a.userId ? [a.userId] : [])).join(' ')}
          />
          <AccessHistory hearingId={hearing.value.id} />
          <RecordingBar workspace={workspace} />
        </>
      ) : removalOf(hearing.error) ? (
        <Removed removal={removalOf(hearing.error)!} />
      ) : hearing.error !== undefined ? (
        <LoadFailed what={t('hearing.loadFailed')} error={hearing.error} onRetry={reload} />
      ) : (
        <Loading />
      )}
    </>
  );
}

/** The tombstone main answers for a removed hearing, or null. */
function removalOf(error: unknown): HearingRemoval | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict' || error.details?.reason !== 'removed') return null;
  return (error.details.removal as HearingRemoval | undefined) ?? null;
}

function Removed({ removal }: { removal: HearingRemoval }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  return (
    <p className="notice" role="status">
      {t('hearing.removed', {
        at: formatInstant(removal.removedAt, locale),
        who: removal.removedByName ?? removal.removedBy,
        reason: removal.reason,
      })}
    </p>
  );
}

/** Once consent is withdrawn, this hearing can never be recorded again. */
function consentWithdrawn(workspace: Workspace): boolean {
  return (
    !!workspace.procedure.view?.draft.consent?.withdrawal ||
    !!workspace.events.events?.some((e) => e.kind === 'consent_withdrawn')
  );
}

/**
 * A sealed hearing opens on what was recorded, as it was sealed: the recordings with their
 * players, the event log, then the written record and the seal. Nothing here uses the camera,
 * which is never even asked for.
 */
function SealedIntro({ hearing }: { hearing: Hearing }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="notice">{t('hearing.sealedReview')}</p>
      <Recordings hearing={hearing} />
    </>
  );
}

/** The event log as it was sealed: nothing can be added to it. */
function SealedEvents({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="events-title">
      <h2 id="events-title">{t('events.title')}</h2>
      <LoggedEvents events={workspace.events} />
    </section>
  );
}

function Facts({ hearing }: { hearing: Hearing }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const age = ageOn(hearing.dateOfBirth, hearing.hearingDate);
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('hearing.facts')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('hearing.caseReference')}</dt>
          <dd>{hearing.caseReference}</dd>
        </div>
        <div>
          <dt>{t('hearing.minorName')}</dt>
          <dd>{hearing.minorName}</dd>
        </div>
        <div>
          <dt>{t('hearing.dateOfBirth')}</dt>
          <dd>
            {/* An assessed range is kept as "earliest/latest". */}
            {hearing.dateOfBirth
              .split('/')
              .map((date) => formatCalendarDate(date, locale))
              .join(' – ')}
          </dd>
        </div>
        <div>
          <dt>{t('hearing.hearingDate')}</dt>
          <dd>{formatCalendarDate(hearing.hearingDate, locale)}</dd>
        </div>
        {hearing.plannedAt !== null && (
          <div>
            <dt>{t('hearing.plannedAt')}</dt>
            <dd>{formatBrusselsDateTime(hearing.plannedAt, locale)}</dd>
          </div>
        )}
        {age !== null && (
          <div>
            <dt>{t('hearing.age')}</dt>
            <dd>{t('hearing.years', { count: age })}</dd>
          </div>
        )}
        <div>
          <dt>{t('hearing.status')}</dt>
          <dd>
            <HearingStatusBadge status={hearing.status} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Recordings({ hearing, onChanged }: { hearing: Hearing; onChanged?: () => void }) {
  const { t } = useTranslation();
  const recordings = hearing.recordings;
  const deriving = new Set(hearing.jobs.filter((j) => j.kind === 'working_copy').map((j) => j.segment));
  // While main writes for the hearing, read it again now and then: the page shows when it is done.
  const busy = hearing.jobs.length > 0;
  useEffect(() => {
    if (!busy || !onChanged) return;
    const timer = window.setInterval(onChanged, 1000);
    return () => window.clearInterval(timer);
  }, [busy, onChanged]);
  return (
    <section className="panel" aria-labelledby="recordings-title">
      <h2 id="recordings-title">{t('recordings.title')}</h2>
      {recordings.length === 0 ? (
        <p className="empty">{t('recordings.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('recordings.count', { count: recordings.length })}</p>
          <ol className="recordings">
            {recordings.map((recording) => (
              <li key={recording.id}>
                <RecordingItem
                  recording={recording}
                  deriving={deriving.has(recording.segment)}
                  sealed={hearing.status === 'sealed'}
                  onChanged={onChanged}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
