import { useEffect, useRef, type MouseEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../shared/coding/annotations';
import type { CodingScheme } from '../../shared/coding/scheme';
import type { HearingTimeline, PlacedEvent } from '../../shared/coding/timeline';
import { formatIntoRecording, formatRoughDuration } from '../events/format';
import { formatLocale } from '../i18n/locale';
import { codeLabel, inLanguage } from './labels';

const rowHeight = 22;
const labelGap = 4;

/**
 * The hearing at a glance under the video: segments with the gaps between them, the log's
 * events, and a row per tier of the scheme. A click moves the player. The drawing is for the
 * eye and the mouse; the same facts are in the lists beside it (segments and gaps here in a
 * hidden list, events and annotations in their own lists), which keyboards and screen readers
 * use.
 */
export function TimelineStrip({
  timeline,
  extentMs,
  events,
  annotations,
  scheme,
  positionMs,
  zoom,
  onSeek,
}: {
  timeline: HearingTimeline;
  extentMs: number;
  events: readonly PlacedEvent[];
  annotations: readonly Annotation[];
  scheme: CodingScheme;
  positionMs: number;
  zoom: number;
  onSeek: (ms: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const scroller = useRef<HTMLDivElement>(null);
  const x = (ms: number) => `${(Math.min(ms, extentMs) / extentMs) * 100}%`;
  const width = (from: number, to: number) => `${(Math.max(to - from, 0) / extentMs) * 100}%`;
  const rows = ['segments', 'events', ...scheme.tiers.map((tier) => tier.id)];
  const height = rows.length * rowHeight;

  // Zoomed in, the strip follows the player so the playhead stays in sight.
  useEffect(() => {
    const box = scroller.current;
    if (!box || zoom === 1) return;
    const at = (positionMs / extentMs) * box.scrollWidth;
    if (at < box.scrollLeft || at > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, at - box.clientWidth / 4);
  }, [positionMs, extentMs, zoom]);

  function seekTo(event: MouseEvent<SVGSVGElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(((event.clientX - box.left) / box.width) * extentMs);
  }

  return (
    <div className="strip">
      <ul className="strip-names" aria-hidden="true">
        <li>{t('review.strip.segments')}</li>
        <li>{t('review.strip.events')}</li>
        {scheme.tiers.map((tier) => (
          <li key={tier.id}>{inLanguage(tier.label, i18n.resolvedLanguage)}</li>
        ))}
      </ul>
      {/* Zoomed in, the drawing scrolls sideways: the scroller takes the focus to scroll by keyboard. */}
      <div className="strip-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('review.strip.drawing')}>
        <svg
          className="strip-drawing"
          width={`${zoom * 100}%`}
          height={height}
          aria-hidden="true"
          data-testid="timeline-strip"
          onClick={seekTo}
        >
          {rows.map((row, i) => (
            <rect key={row} className={i % 2 ? 'strip-row odd' : 'strip-row'} x="0" y={i * rowHeight} width="100%" height={rowHeight} />
          ))}
          {timeline.segments.map((s) => (
            <g key={s.recordingId}>
              <rect className="strip-segment" x={x(s.startMs)} y={2} width={width(s.startMs, s.startMs + (s.durationMs ?? extentMs))} height={rowHeight - 4} />
              <text className="strip-text" x={x(s.startMs)} dx={labelGap} y={rowHeight - 7}>
                {t('review.strip.segment', { segment: s.segment })}
              </text>
            </g>
          ))}
          {timeline.gaps.map((gap) => (
            <g key={gap.atMs} className="strip-gap">
              <line x1={x(gap.atMs)} x2={x(gap.atMs)} y1={0} y2={height} />
              <text className="strip-text gap" x={x(gap.atMs)} dx={labelGap} y={rowHeight * 2 - 7}>
                {gapText(t, gap.wallClockMs, locale)}
              </text>
            </g>
          ))}
          {events.map(({ event, atMs }) => (
            <rect key={event.id} className="strip-event" x={x(atMs)} y={rowHeight + 3} width={3} height={rowHeight - 6}>
              <title>{t(`events.kinds.${event.kind}`)}</title>
            </rect>
          ))}
          {annotations.map((a) => {
            const row = scheme.tiers.findIndex((tier) => tier.id === a.tierId) + 2;
            if (row < 2) return null;
            return (
              <rect
                key={a.id}
                className={`strip-annotation tier-${row % 4}${a.addendum !== undefined ? ' addendum' : ''}`}
                x={x(a.startMs)}
                y={row * rowHeight + 3}
                width={a.endMs > a.startMs ? width(a.startMs, a.endMs) : 3}
                height={rowHeight - 6}
              >
                <title>
                  {codeLabel(scheme, a.tierId, a.code, i18n.resolvedLanguage)}
                  {a.addendum !== undefined && ` (${t('review.addenda.badge', { number: a.addendum })})`}
                </title>
              </rect>
            );
          })}
          <line className="strip-playhead" x1={x(positionMs)} x2={x(positionMs)} y1={0} y2={height} />
        </svg>
      </div>
      <ul className="visually-hidden">
        {timeline.segments.map((s) => (
          <li key={s.recordingId}>
            {t('review.strip.segmentText', {
              segment: s.segment,
              from: formatIntoRecording(s.startMs),
              to: s.durationMs === null ? '…' : formatIntoRecording(s.startMs + s.durationMs),
            })}
          </li>
        ))}
        {timeline.gaps.map((gap) => (
          <li key={gap.atMs}>
            {t('review.strip.gapText', { after: gap.afterSegment, before: gap.beforeSegment, length: gapText(t, gap.wallClockMs, locale) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function gapText(t: TFunction, wallClockMs: number | null, locale: string): string {
  return wallClockMs === null ? t('review.strip.gapUnknown') : t('review.strip.gap', { length: formatRoughDuration(wallClockMs, locale) });
}
