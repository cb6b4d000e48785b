import { useEffect, useRef, useState } from 'react';
import { listDevices, type DeviceLists } from './media-devices';
import { DeviceLost } from './recording-session';
import type { Camera } from './use-camera';

export type Device = 'camera' | 'microphone';

/** The devices a segment was recorded with, and which of them went away. */
export interface LostDevice {
  device: Device;
  cameraId: string | null;
  microphoneId: string | null;
}

/** What was lost, from the session's report and the devices the segment was recorded with. */
export function lostDevice(error: unknown, camera: Camera): LostDevice {
  return {
    device: error instanceof DeviceLost ? error.device : 'camera',
    cameraId: camera.status === 'live' ? camera.cameraId : null,
    microphoneId: camera.status === 'live' ? camera.microphoneId : null,
  };
}

/** Devices to record with again: the same ones if they are back, else the system's defaults. */
export interface DevicesBack {
  cameraId: string | null;
  microphoneId: string | null;
}

/**
 * Whether a camera and a microphone are there to resume with. The devices the segment used are
 * preferred; if only others are connected (another camera plugged in), those are used instead.
 */
export function devicesBack(devices: DeviceLists, lost: LostDevice): DevicesBack | null {
  if (devices.cameras.length === 0 || devices.microphones.length === 0) return null;
  const same = (list: DeviceLists['cameras'], id: string | null) =>
    id !== null && list.some((d) => d.deviceId === id) ? id : null;
  return {
    cameraId: same(devices.cameras, lost.cameraId),
    microphoneId: same(devices.microphones, lost.microphoneId),
  };
}

/** Which device in use has left the system's list, if one has. */
export function missingDevice(
  devices: DeviceLists,
  inUse: { cameraId: string | null; microphoneId: string | null },
): Device | null {
  const gone = (list: DeviceLists['cameras'], id: string | null) =>
    id !== null && !list.some((d) => d.deviceId === id);
  if (gone(devices.cameras, inUse.cameraId)) return 'camera';
  if (gone(devices.microphones, inUse.microphoneId)) return 'microphone';
  return null;
}

/**
 * While devices are lost, whether they are back: asked at once (a track may end while its
 * device stays connected) and again each time the system's devices change.
 */
export function useDevicesBack(lost: LostDevice | null): DevicesBack | null {
  const [back, setBack] = useState<DevicesBack | null>(null);
  useEffect(() => {
    setBack(null);
    if (!lost) return;
    let live = true;
    const check = () => {
      listDevices().then(
        (devices) => {
          if (live) setBack(devicesBack(devices, lost));
        },
        () => undefined,
      );
    };
    check();
    navigator.mediaDevices?.addEventListener('devicechange', check);
    return () => {
      live = false;
      navigator.mediaDevices?.removeEventListener('devicechange', check);
    };
  }, [lost]);
  return back;
}

/**
 * Calls `onLost` when a device the stream uses leaves the system's list while `watching`. A
 * device pulled out usually ends its track too; this catches the systems where it does not.
 */
export function useDeviceRemoval(
  stream: MediaStream | null,
  watching: boolean,
  onLost: (device: Device) => void,
): void {
  const report = useRef(onLost);
  useEffect(() => {
    report.current = onLost;
  });
  useEffect(() => {
    if (!stream || !watching) return;
    const inUse = {
      cameraId: stream.getVideoTracks()[0]?.getSettings().deviceId ?? null,
      microphoneId: stream.getAudioTracks()[0]?.getSettings().deviceId ?? null,
    };
    let live = true;
    const check = () => {
      listDevices().then(
        (devices) => {
          const device = missingDevice(devices, inUse);
          if (live && device) report.current(device);
        },
        () => undefined,
      );
    };
    navigator.mediaDevices?.addEventListener('devicechange', check);
    return () => {
      live = false;
      navigator.mediaDevices?.removeEventListener('devicechange', check);
    };
  }, [stream, watching]);
}
