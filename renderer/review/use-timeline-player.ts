import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { locate, segmentEndMs, type HearingTimeline, type TimelineSegment } from '../../shared/coding/timeline';
import { clamp } from './playback';

export interface TimelinePlayer {
  videoRef: RefObject<HTMLVideoElement | null>;
  /** The segment whose working copy the video element holds. */
  segment: TimelineSegment | null;
  /** The address of that segment's media, for the video's src. */
  src: string | null;
  positionMs: number;
  playing: boolean;
  rate: number;
  endMs: number;
  /** The position now, read from the video (state lags by up to a quarter of a second). */
  now: () => number;
  seek: (ms: number) => void;
  play: () => void;
  pause: () => void;
  setRate: (rate: number) => void;
  /** Handlers for the <video> element. */
  events: {
    onLoadedMetadata: () => void;
    onTimeUpdate: () => void;
    onPlay: () => void;
    onPause: () => void;
    onEnded: () => void;
  };
}

/**
 * The segments of a hearing played as one timeline through one <video>: its source switches at
 * each boundary, and a position on the timeline is the segment's start plus the time into its
 * working copy (shared/coding/timeline.ts). The time between segments has no media and is skipped.
 */
export function useTimelinePlayer(
  timeline: HearingTimeline,
  sourceOf: (segment: TimelineSegment) => string | null,
): TimelinePlayer {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const playable = timeline.segments.filter((s) => s.durationMs !== null && sourceOf(s) !== null);
  const last = playable[playable.length - 1];
  const endMs = last ? segmentEndMs(last) : 0;
  const [index, setIndex] = useState(0);
  const [positionMs, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  // Where to go and whether to play once the next segment's media is loaded.
  const pending = useRef<{ offsetMs: number; play: boolean } | null>(null);
  const segment = playable[Math.min(index, playable.length - 1)] ?? null;
  const segmentRef = useRef(segment);
  useEffect(() => {
    segmentRef.current = segment;
  });

  const now = useCallback(() => {
    const current = segmentRef.current;
    const video = videoRef.current;
    if (!current || !video) return 0;
    // A working copy may run a few milliseconds past the duration main recorded.
    return Math.min(current.startMs + video.currentTime * 1000, segmentEndMs(current));
  }, []);

  const seek = useCallback(
    (ms: number) => {
      const target = clamp(ms, endMs);
      const found = locate({ ...timeline, segments: playable }, target);
      const video = videoRef.current;
      if (!found || !video) return;
      setPosition(target);
      const next = playable.indexOf(found.segment);
      if (found.segment.recordingId === segmentRef.current?.recordingId) {
        video.currentTime = found.offsetMs / 1000;
        return;
      }
      pending.current = { offsetMs: found.offsetMs, play: !video.paused };
      setIndex(next);
    },
    [endMs, playable, timeline],
  );

  const play = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (now() >= endMs - 1) seek(0);
    void video.play().catch(() => undefined);
  }, [endMs, now, seek]);

  const pause = useCallback(() => videoRef.current?.pause(), []);

  const setRate = useCallback((next: number) => {
    setRateState(next);
    const video = videoRef.current;
    if (video) {
      video.playbackRate = next;
      video.defaultPlaybackRate = next;
    }
  }, []);

  const events = {
    onLoadedMetadata: () => {
      const video = videoRef.current;
      if (!video) return;
      // A new source starts at the default rate.
      video.playbackRate = rate;
      const wanted = pending.current;
      pending.current = null;
      if (!wanted) return;
      video.currentTime = wanted.offsetMs / 1000;
      if (wanted.play) void video.play().catch(() => undefined);
    },
    onTimeUpdate: () => setPosition(now()),
    onPlay: () => setPlaying(true),
    onPause: () => {
      // The switch to the next segment pauses the element for a moment; the player plays on.
      if (!pending.current) setPlaying(false);
    },
    onEnded: () => {
      const next = playable[index + 1];
      if (!next) {
        setPlaying(false);
        return;
      }
      pending.current = { offsetMs: 0, play: true };
      setIndex(index + 1);
    },
  };

  return { videoRef, segment, src: segment ? sourceOf(segment) : null, positionMs, playing, rate, endMs, now, seek, play, pause, setRate, events };
}
