import { useEffect, useState } from 'react';
import {
  cameraProblem,
  closeStream,
  deviceInUse,
  listDevices,
  mediaDevicesAvailable,
  openStream,
  type CameraProblem,
  type DeviceLists,
} from './media-devices';

export type Camera =
  | { status: 'off' }
  | { status: 'opening' }
  | { status: 'failed'; problem: CameraProblem }
  | {
      status: 'live';
      stream: MediaStream;
      devices: DeviceLists;
      cameraId: string | null;
      microphoneId: string | null;
    };

/**
 * The live camera and microphone for this screen, while `wanted`. Asking again (a new
 * `attempt`, another device) closes the previous stream first; leaving the screen or no longer
 * wanting the camera closes it, so the camera light goes off. Unwanted, the camera is never
 * asked for: the system is not even asked for permission.
 */
export function useCamera(
  wanted: boolean,
  cameraId: string | null,
  microphoneId: string | null,
  attempt: number,
): Camera {
  const [camera, setCamera] = useState<Camera>(wanted ? { status: 'opening' } : { status: 'off' });

  useEffect(() => {
    if (!wanted) {
      setCamera({ status: 'off' });
      return;
    }
    let active = true;
    let stream: MediaStream | null = null;
    const refreshDevices = () => {
      listDevices().then(
        (devices) => {
          if (active) setCamera((c) => (c.status === 'live' ? { ...c, devices } : c));
        },
        () => undefined,
      );
    };

    setCamera({ status: 'opening' });
    (async () => {
      if (!mediaDevicesAvailable()) throw new TypeError('navigator.mediaDevices is not available');
      const opened = await openStream(cameraId, microphoneId);
      if (!active) {
        closeStream(opened);
        return;
      }
      stream = opened;
      for (const track of opened.getTracks()) {
        track.addEventListener('ended', () => {
          if (active) setCamera({ status: 'failed', problem: 'lost' });
        });
      }
      const devices = await listDevices();
      if (!active) return;
      setCamera({
        status: 'live',
        stream: opened,
        devices,
        cameraId: deviceInUse(opened.getVideoTracks()[0]),
        microphoneId: deviceInUse(opened.getAudioTracks()[0]),
      });
    })().catch((error: unknown) => {
      if (active) setCamera({ status: 'failed', problem: cameraProblem(error) });
    });

    navigator.mediaDevices?.addEventListener('devicechange', refreshDevices);
    return () => {
      active = false;
      navigator.mediaDevices?.removeEventListener('devicechange', refreshDevices);
      if (stream) closeStream(stream);
    };
  }, [wanted, cameraId, microphoneId, attempt]);

  return camera;
}
