import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devicesBack, missingDevice } from '../../renderer/capture/device-loss';
import {
  changedShare,
  judgePicture,
  lumaOf,
  lumaStats,
} from '../../renderer/preflight/frame-check';
import { preflightToday, rememberPreflight } from '../../renderer/preflight/preflight-day';
import { groupHex } from '../../renderer/seal/fingerprint';
import { groupFingerprint } from '../../main/services/keys/key-store';

const width = 64;
const height = 36;

/** An RGBA frame whose grey level at (x, y) is `luma(x, y)`. */
function frame(luma: (x: number, y: number) => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const v = luma(x, y);
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  return data;
}

/** A repeatable pseudo-random sequence, so the "sensor noise" is the same on every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const scene = (shift: number) => (x: number, y: number) =>
  60 + ((((x + shift) >> 3) + (y >> 3)) % 2) * 120;

test('luma uses the Rec. 709 weights', () => {
  const [red, green, blue] = lumaOf([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
  assert.ok(Math.abs(red! - 54.213) < 1e-3);
  assert.ok(Math.abs(green! - 182.376) < 1e-3);
  assert.ok(Math.abs(blue! - 18.411) < 1e-3);
  assert.deepEqual(lumaStats([10, 10, 10]), { mean: 10, spread: 0 });
  assert.equal(changedShare([0, 0, 0, 0], [0, 1, 2, 5]), 0.5);
});

test('a black picture is black, even with a little sensor noise in it', () => {
  const black = frame(() => 0);
  assert.equal(judgePicture(black, black), 'black');
  const random = noise(1);
  const dark = () => frame(() => Math.round(random() * 12));
  assert.equal(judgePicture(dark(), dark()), 'black');
});

test('a picture of one flat colour is not an image of the room', () => {
  const grey = frame(() => 128);
  assert.equal(judgePicture(grey, grey), 'flat');
  const blue = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < blue.length; i += 4) blue.set([20, 40, 200, 255], i);
  assert.equal(judgePicture(blue, blue), 'flat');
});

test('the same picture twice is frozen', () => {
  const still = frame(scene(0));
  assert.equal(judgePicture(still, frame(scene(0))), 'frozen');
  // A single changed pixel (a dead pixel flickering) does not make it live.
  const almost = frame(scene(0));
  almost[0] = almost[1] = almost[2] = 255;
  assert.equal(judgePicture(still, almost), 'frozen');
});

test('a moving picture, or a still room seen through a live sensor, is live', () => {
  assert.equal(judgePicture(frame(scene(0)), frame(scene(3))), 'ok');
  const random = noise(7);
  const withNoise = () => frame((x, y) => scene(0)(x, y) + Math.round((random() - 0.5) * 8));
  assert.equal(judgePicture(withNoise(), withNoise()), 'ok');
});

test('the pre-flight result counts for today only, and not on another day', () => {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
  const global = globalThis as { localStorage?: unknown };
  const before = global.localStorage;
  global.localStorage = storage;
  try {
    const morning = new Date(2026, 10, 27, 8, 30);
    assert.equal(preflightToday(morning), null);
    const record = rememberPreflight(true, morning);
    assert.deepEqual(preflightToday(new Date(2026, 10, 27, 17, 0)), record);
    assert.equal(preflightToday(new Date(2026, 10, 28, 8, 0)), null, 'the next day starts afresh');
    rememberPreflight(false, new Date(2026, 10, 28, 8, 5));
    assert.equal(preflightToday(new Date(2026, 10, 28, 9, 0))?.passed, false);
    store.set('hearingRoom.preflight', '{"day":"2026-11-28","at":5}');
    assert.equal(preflightToday(new Date(2026, 10, 28, 9, 0)), null, 'a damaged record is ignored');
  } finally {
    global.localStorage = before;
  }
});

test('a lost device is back when a camera and a microphone are there, the same ones if possible', () => {
  const lost = { device: 'camera' as const, cameraId: 'cam-1', microphoneId: 'mic-1' };
  const devices = (cameras: string[], microphones: string[]) => ({
    cameras: cameras.map((deviceId) => ({ deviceId, label: '' })),
    microphones: microphones.map((deviceId) => ({ deviceId, label: '' })),
  });
  assert.equal(devicesBack(devices([], ['mic-1']), lost), null);
  assert.equal(devicesBack(devices(['cam-1'], []), lost), null);
  assert.deepEqual(devicesBack(devices(['cam-2', 'cam-1'], ['mic-1']), lost), {
    cameraId: 'cam-1',
    microphoneId: 'mic-1',
  });
  assert.deepEqual(devicesBack(devices(['cam-2'], ['mic-1']), lost), {
    cameraId: null,
    microphoneId: 'mic-1',
  });
  assert.equal(missingDevice(devices(['cam-1'], ['mic-1']), lost), null);
  assert.equal(missingDevice(devices(['cam-2'], ['mic-1']), lost), 'camera');
  assert.equal(missingDevice(devices(['cam-1'], []), lost), 'microphone');
  assert.equal(missingDevice(devices([], []), { cameraId: null, microphoneId: null }), null);
});

test('the key fingerprint is grouped as main groups it', () => {
  const hex = 'a1b2c3d4'.repeat(8);
  assert.equal(groupHex(hex), groupFingerprint(hex));
  assert.equal(groupHex(hex).split(' ').length, 16);
});
