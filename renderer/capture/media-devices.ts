export interface DeviceChoice {
  deviceId: string;
  label: string;
}

export interface DeviceLists {
  cameras: DeviceChoice[];
  microphones: DeviceChoice[];
}

/** Why the camera could not be used; each has its own message saying what to do. */
export type CameraProblem = 'denied' | 'notFound' | 'busy' | 'unavailable' | 'lost' | 'failed';

export function mediaDevicesAvailable(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * Opens the camera and microphone. Hearings are filmed at 720p, 25 frames a second where the
 * camera can; a device chosen by the person must be that device, not a stand-in.
 */
export function openStream(
  cameraId: string | null,
  microphoneId: string | null,
): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: {
      ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
      width: { ideal: 1280 },
      height: { ideal: 720 },
      frameRate: { ideal: 25 },
    },
    audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
  });
}

export function closeStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The devices, with their names (known only once access has been granted). */
export async function listDevices(): Promise<DeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind): DeviceChoice[] =>
    devices
      .filter((d) => d.kind === kind && d.deviceId !== '')
      .map((d) => ({ deviceId: d.deviceId, label: d.label }));
  return { cameras: of('videoinput'), microphones: of('audioinput') };
}

export function deviceInUse(track: MediaStreamTrack | undefined): string | null {
  return track?.getSettings().deviceId ?? null;
}

export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'notFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'unavailable';
    default:
      return 'failed';
  }
}
