/**
 * What the rest of the page may ask of the recorder while a segment is recorded: pause and
 * resume it (so the master holds no paused time), read its clock, and stop it (the Stop button
 * of the recording bar, or at once when main has already closed the recording because consent
 * was withdrawn). Capture hands these out while it records, and null otherwise; a new object
 * each time the pause state changes, so the page shows the state the recorder is in.
 */
export interface RecorderControls {
  /** The number of the segment being recorded (1 for the first). */
  segment: number;
  /** Whether it was paused when this object was handed out: what the page shows. */
  paused: boolean;
  /** Whether it is paused now, for an action that must not act twice. */
  isPaused: () => boolean;
  /** Time recorded so far, pauses excluded, as the master holds it. */
  elapsedMs: () => number;
  pause: () => void;
  resume: () => void;
  /** Stops the recorder and closes the segment (as main has it, if main closed it first). */
  stop: () => Promise<void>;
}
