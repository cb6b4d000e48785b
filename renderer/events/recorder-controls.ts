/**
 * What the event log may ask of the recorder while a segment is recorded: pause and resume it
 * (so the master holds no paused time), and stop it at once when main has already closed the
 * recording (consent withdrawn). Capture hands these out while it records, and null otherwise.
 */
export interface RecorderControls {
  pause: () => void;
  resume: () => void;
  isPaused: () => boolean;
  /** Stops the recorder now and closes the segment as main has it. */
  stopNow: () => Promise<void>;
}
