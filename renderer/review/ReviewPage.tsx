import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationChange } from '../../shared/api/contract';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';
import { entryForKey } from '../../shared/coding/scheme';
import { withImportedTiers } from '../../shared/coding/imported-tiers';
import { hearingTimeline, placeEvents, type HearingTimeline, type TimelineSegment } from '../../shared/coding/timeline';
import type { Hearing } from '../../shared/domain/hearing';
import { call } from '../api/client';
import { mediaUrl } from '../api/media-url';
import { useQuery } from '../api/use-query';
import { PageHeading } from '../components/PageHeading';
import { LoadFailed, Loading } from '../components/QueryStatus';
import { useEvents } from '../events/use-events';
import { hrefFor } from '../routing/routes';
import { CodingPanel, type CodingActions } from './CodingPanel';
import { ExportLinks } from './ExportLinks';
import { ReviewDesk } from './ReviewDesk';
import { EafImport } from './EafImport';
import { AccessHistory } from '../access/AccessHistory';
import { codeLabel, codingErrorMessage } from './labels';
import { faster, formatPosition, frameStepMs, jumpTarget, seekStepMs, slower, speeds } from './playback';
import { QualityFigures } from './QualityFigures';
import { ReviewEvents } from './ReviewEvents';
import { focusKindOf, reviewKeyOf } from './review-keys';
import { TimelineStrip } from './TimelineStrip';
import { useCoding, type CodingOutcome } from './use-coding';
import { useTimelinePlayer } from './use-timeline-player';
import './review.css';

/** The scheme main codes with: main/services/app.ts gives the annotation service the same data. */
const scheme = forensicInterviewScheme;
const zooms = [1, 2, 4, 8, 16] as const;
/** While a recording runs or others code, what main holds is read again this often. */
const refreshMs = 3000;

/**
 * The review room: a hearing's recordings played as one timeline, its log beside them, the strip
 * of everything at a glance, the coding panel and the quality figures. It reads the record and
 * never asks for the camera; annotations are the only thing it changes. After the seal the sealed
 * annotations stay as they are, and what is coded is kept by main as signed addenda.
 */
export function ReviewPage({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => call('hearings.get', { hearingId }), [hearingId]);
  const hearing = useQuery(hearingId, load);
  const { reload } = hearing;
  return (
    <>
      <p className="back no-print">
        <a href={hrefFor({ name: 'hearing', hearingId })}>{t('review.backToHearing')}</a>
      </p>
      <PageHeading
        title={
          hearing.value
            ? t('review.title', { caseReference: hearing.value.caseReference })
            : t('review.titleUnknown')
        }
      />
      {hearing.value ? (
        <Review hearing={hearing.value} onReload={reload} />
      ) : hearing.error !== undefined ? (
        <LoadFailed what={t('hearing.loadFailed')} error={hearing.error} onRetry={reload} />
      ) : (
        <Loading />
      )}
    </>
  );
}

function timelineOf(hearing: Hearing): HearingTimeline | null {
  try {
    return hearingTimeline(hearing.recordings);
  } catch {
    return null;
  }
}

function Review({ hearing, onReload }: { hearing: Hearing; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const sealed = hearing.status === 'sealed';
  const live = !sealed && hearing.recordings.some((r) => r.status === 'recording');
  const recordingsKey = JSON.stringify(hearing.recordings.map((r) => [r.id, r.durationMs, r.workingUrl, r.status]));
  // The hearing is read again every few seconds; the timeline changes only with its recordings.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const timeline = useMemo(() => timelineOf(hearing), [recordingsKey]);
  const events = useEvents(hearing.id);
  const coding = useCoding(hearing.id, scheme);
  // What the strip, the panel and the import show: the scheme and the tiers imported for this hearing (keys stay the scheme's).
  const hearingScheme = useMemo(() => withImportedTiers(scheme, coding.importedTiers), [coding.importedTiers]);
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [zoom, setZoom] = useState<number>(1);

  const sourceOf = useCallback(
    (segment: TimelineSegment) => {
      const recording = hearing.recordings.find((r) => r.id === segment.recordingId);
      const path = segment.workingUrl ?? (recording && recording.status !== 'recording' ? recording.masterUrl : null);
      return path ? mediaUrl(path) : null;
    },
    [hearing.recordings],
  );
  const player = useTimelinePlayer(timeline ?? { segments: [], gaps: [], durationMs: 0 }, sourceOf);

  const { refresh } = coding;
  const reloadEvents = events.reload;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.hidden) return;
      // A sealed hearing's record is fixed; only the addenda of other coders can still come in.
      if (!sealed) {
        onReload();
        void reloadEvents();
      }
      void refresh();
    }, refreshMs);
    return () => window.clearInterval(timer);
  }, [sealed, onReload, reloadEvents, refresh]);

  const placed = useMemo(
    () => (timeline && events.events ? placeEvents(timeline, events.events) : { placed: [], unplaced: events.events ?? [] }),
    [timeline, events.events],
  );
  const annotations = useMemo(() => coding.annotations ?? [], [coding.annotations]);
  const extentMs = Math.max(
    1000,
    player.endMs,
    ...annotations.map((a) => a.endMs),
    ...placed.placed.map((p) => p.atMs),
  );

  const report = useCallback(
    (outcome: CodingOutcome, done?: string) => {
      if (outcome.ok) setStatus(done ? { kind: 'done', text: done } : null);
      else setStatus({ kind: 'error', text: codingErrorMessage(t, outcome.error) });
    },
    [t],
  );

  const code = useCallback(
    (key: string) => {
      const found = entryForKey(scheme, key);
      if (!found) return;
      const label = codeLabel(scheme, found.tier.id, found.entry.code, language);
      if (live) {
        void coding
          .change([{ kind: 'add', tierId: found.tier.id, code: found.entry.code, text: null, startMs: 0, endMs: 0, live: true }])
          .then((outcome) => report(outcome, t('review.live.marked', { label })));
        return;
      }
      const at = player.now();
      void coding.press(key, at).then((outcome) => report(outcome, t('review.coding.pressed', { label, at: formatPosition(at) })));
    },
    [coding, language, live, player, report, t],
  );

  const actions: CodingActions = {
    code,
    note: async (tierId, text) => {
      const at = Math.round(player.now());
      const outcome = await coding.change([{ kind: 'add', tierId, code: null, text, startMs: at, endMs: at, ...(live ? { live: true } : {}) }]);
      report(outcome, t('review.coding.noted'));
      return outcome.ok;
    },
    change: (changes: AnnotationChange[]) => void coding.change(changes).then((o) => report(o, t('review.coding.saved'))),
    seek: player.seek,
    now: player.now,
    undo: () => void coding.undo().then((o) => report(o, t('review.coding.undone'))),
    redo: () => void coding.redo().then((o) => report(o, t('review.coding.redone'))),
  };

  const targets = useMemo(
    () => [...placed.placed.map((p) => p.atMs), ...annotations.flatMap((a) => [a.startMs])],
    [placed.placed, annotations],
  );

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    keyHandler.current = (event: KeyboardEvent) => {
      const key = reviewKeyOf(event, focusKindOf(event.target));
      if (!key) return;
      const playable = player.src !== null;
      switch (key.kind) {
        case 'playPause':
          if (!playable) return;
          if (player.playing) player.pause();
          else player.play();
          break;
        case 'pause':
          player.pause();
          player.setRate(1);
          break;
        case 'forward':
          if (player.playing) player.setRate(faster(player.rate));
          else player.play();
          break;
        case 'back':
          // Browsers cannot play backwards: J slows a fast playback down, then steps back.
          if (player.playing && player.rate > 1) player.setRate(slower(player.rate));
          else player.seek(player.now() - seekStepMs);
          break;
        case 'seek':
          player.seek(player.now() + key.direction * seekStepMs);
          break;
        case 'frame':
          player.pause();
          player.seek(player.now() + key.direction * frameStepMs);
          break;
        case 'jump': {
          const to = jumpTarget(targets, player.now(), key.direction);
          if (to !== null) player.seek(to);
          break;
        }
        case 'zoom':
          setZoom((z) => stepZoom(z, key.direction));
          break;
        case 'undo':
          actions.undo();
          break;
        case 'redo':
          actions.redo();
          break;
        case 'end':
          if (coding.open.length === 0 || live) return;
          void coding.end(player.now()).then((o) => report(o, t('review.coding.ended')));
          break;
        case 'code':
          if (!entryForKey(scheme, key.key)) return;
          code(key.key);
          break;
      }
      event.preventDefault();
    };
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="review">
      {sealed && (
        <p className="notice no-print" data-testid="addenda-notice">
          {t('review.addenda.note')}
        </p>
      )}
      {live && (
        <p className="notice warning no-print" data-testid="live-notice">
          {t('review.live.running')}
        </p>
      )}
      {coding.loadError !== undefined && (
        <LoadFailed what={t('review.loadFailed')} error={coding.loadError} onRetry={() => void coding.refresh()} />
      )}
      <div className="review-top">
        <section className="panel review-player no-print" aria-labelledby="player-title">
          <h2 id="player-title">{t('review.player.title')}</h2>
          {timeline === null || player.src === null ? (
            <p className="empty">{live ? t('review.player.notYet') : t('review.player.none')}</p>
          ) : (
            <>
              <video
                ref={player.videoRef}
                className="player review-video"
                src={player.src}
                preload="auto"
                aria-label={t('review.player.video')}
                data-testid="review-video"
                {...player.events}
              />
              <p className="position" aria-live="off" data-testid="position">
                {t('review.player.position', {
                  at: formatPosition(player.positionMs),
                  total: formatPosition(player.endMs),
                  segment: player.segment?.segment ?? 1,
                })}
              </p>
              <div className="player-controls" role="group" aria-label={t('review.player.controls')}>
                <button type="button" className="button small" onClick={() => player.seek(player.now() - seekStepMs)}>
                  {t('review.player.back5')}
                </button>
                <button type="button" className="button small" onClick={() => {
                    player.pause();
                    player.seek(player.now() - frameStepMs);
                  }}>
                  {t('review.player.frameBack')}
                </button>
                <button
                  type="button"
                  className="button small primary"
                  onClick={() => (player.playing ? player.pause() : player.play())}
                  data-testid="play"
                >
                  {player.playing ? t('review.player.pause') : t('review.player.play')}
                </button>
                <button type="button" className="button small" onClick={() => {
                    player.pause();
                    player.seek(player.now() + frameStepMs);
                  }}>
                  {t('review.player.frameForward')}
                </button>
                <button type="button" className="button small" onClick={() => player.seek(player.now() + seekStepMs)}>
                  {t('review.player.forward5')}
                </button>
                <label className="speed">
                  {t('review.player.speed')}{' '}
                  <select value={player.rate} onChange={(e) => player.setRate(Number(e.target.value))}>
                    {speeds.map((s) => (
                      <option key={s} value={s}>
                        {s}×
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </>
          )}
          <p className="key-help" data-testid="key-help">
            {t('review.keys.help')}
          </p>
        </section>
        <ReviewEvents all={events.events ?? []} placed={placed.placed} unplaced={placed.unplaced} onSeek={player.seek} />
      </div>
      {timeline && (
        <section className="panel no-print" aria-labelledby="strip-title">
          <div className="strip-head">
            <h2 id="strip-title">{t('review.strip.title')}</h2>
            <div role="group" aria-label={t('review.strip.zoom')} className="zoom">
              <button type="button" className="button small" disabled={zoom === zooms[0]} onClick={() => setZoom((z) => stepZoom(z, 'out'))}>
                {t('review.strip.zoomOut')}
              </button>
              <span aria-live="polite">{t('review.strip.zoomLevel', { zoom })}</span>
              <button type="button" className="button small" disabled={zoom === zooms[zooms.length - 1]} onClick={() => setZoom((z) => stepZoom(z, 'in'))}>
                {t('review.strip.zoomIn')}
              </button>
            </div>
          </div>
          <TimelineStrip
            timeline={timeline}
            extentMs={extentMs}
            events={placed.placed}
            annotations={annotations}
            scheme={hearingScheme}
            positionMs={player.positionMs}
            zoom={zoom}
            onSeek={player.seek}
          />
        </section>
      )}
      <div className="review-bottom">
        <CodingPanel scheme={hearingScheme} coding={coding} actions={actions} live={live} sealed={sealed} status={status} />
        <QualityFigures scheme={scheme} annotations={annotations} me={coding.me} />
      </div>
      <ExportLinks hearingId={hearing.id} />
      <EafImport hearingId={hearing.id} scheme={hearingScheme} sealed={sealed} onImported={() => void coding.refresh()} />
      <ReviewDesk hearing={hearing} />
      <AccessHistory hearingId={hearing.id} />
    </div>
  );
}

function stepZoom(zoom: number, direction: 'in' | 'out'): number {
  const index = zooms.findIndex((z) => z === zoom);
  const next = direction === 'in' ? Math.min(index + 1, zooms.length - 1) : Math.max(index - 1, 0);
  return zooms[next] ?? 1;
}
