import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PeakHold,
  rms,
  silenceDbfs,
  toDbfs,
  toMeterScale,
} from '../../renderer/capture/panel/audio-level';
import {
  WrittenRate,
  bytesFor,
  diskEnoughFor,
  hoursAndMinutes,
  recordingTimeLeftMs,
} from '../../renderer/capture/panel/bitrate';
import {
  defaultSettings,
  formatOf,
  normalizeSettings,
  plannedBitsPerSecond,
  videoConstraints,
} from '../../renderer/capture/panel/capture-settings';
import {
  chooseFormat,
  codecsOf,
  containersOf,
  recordingFormats,
  supportedFormats,
} from '../../renderer/capture/panel/formats';

const GB = 1000 ** 3;
const MiB = 1024 ** 2;

test('the written bitrate is the growth of the master over the last seconds', () => {
  const rate = new WrittenRate();
  assert.equal(rate.bitsPerSecond(), null, 'nothing before two chunks');
  rate.add(1000, 400_000);
  assert.equal(rate.bitsPerSecond(), null);
  // 250 kB a second is 2 Mbit/s.
  for (let s = 2; s <= 4; s++) rate.add(s * 1000, 400_000 + (s - 1) * 250_000);
  assert.equal(rate.bitsPerSecond(), 2_000_000);
  // The picture gets busier: the window follows within a few seconds.
  for (let s = 5; s <= 12; s++) rate.add(s * 1000, 1_150_000 + (s - 4) * 500_000);
  assert.equal(rate.bitsPerSecond(), 4_000_000);
});

test('the written bitrate ignores answers out of order and starts again after a reset', () => {
  const rate = new WrittenRate();
  rate.add(1000, 100_000);
  rate.add(2000, 200_000);
  rate.add(1500, 900_000);
  rate.add(3000, 150_000);
  assert.equal(rate.bitsPerSecond(), 800_000);
  rate.reset();
  assert.equal(rate.bitsPerSecond(), null);
});

test('recording time left counts only the space above the level where main stops', () => {
  // 10 GB free, main stops at 256 MiB, 2.5 Mbit/s + 128 kbit/s.
  const bps = 2_628_000;
  const ms = recordingTimeLeftMs(10 * GB, 256 * MiB, bps);
  assert.equal(ms, Math.floor(((10 * GB - 256 * MiB) * 8 * 1000) / bps));
  assert.deepEqual(hoursAndMinutes(ms!), { hours: 8, minutes: 13 });
  assert.equal(recordingTimeLeftMs(100 * MiB, 256 * MiB, bps), 0, 'below the stop level');
  assert.equal(recordingTimeLeftMs(10 * GB, 0, null), null, 'bitrate not known');
  assert.equal(recordingTimeLeftMs(10 * GB, 0, 0), null);
});

test('bytes for a duration, and whole hours and minutes rounded down', () => {
  assert.equal(bytesFor(60_000, 8_000_000), 60_000_000);
  assert.equal(bytesFor(-5, 8_000_000), 0);
  assert.deepEqual(hoursAndMinutes(59_999), { hours: 0, minutes: 0 });
  assert.deepEqual(hoursAndMinutes(3_600_000 + 61_000), { hours: 1, minutes: 1 });
  assert.deepEqual(hoursAndMinutes(-1), { hours: 0, minutes: 0 });
});

test('a planned hearing fits the disk only with a margin above the stop level', () => {
  // Two hours at 2.628 Mbit/s is 2.3652 GB; with a quarter more, 2.9565 GB.
  const storage = { freeBytes: 3.3 * GB, stopBytes: 256 * MiB };
  const fits = diskEnoughFor(2 * 3600_000, 2_628_000, storage);
  assert.equal(fits.neededBytes, 2_956_500_000);
  assert.equal(fits.usableBytes, 3.3 * GB - 256 * MiB);
  assert.equal(fits.enough, true);
  assert.equal(
    diskEnoughFor(2 * 3600_000, 2_628_000, { ...storage, freeBytes: 3 * GB }).enough,
    false,
  );
  assert.equal(diskEnoughFor(2 * 3600_000, 2_628_000, storage, 0).neededBytes, 2_365_200_000);
});

test('only the formats MediaRecorder supports are offered, best first', () => {
  const all = supportedFormats(() => true);
  assert.deepEqual(all, [...recordingFormats]);
  assert.deepEqual(containersOf(all), ['webm', 'mp4']);
  assert.deepEqual(codecsOf(all, 'webm'), ['vp9', 'vp8', 'av1']);
  assert.deepEqual(codecsOf(all, 'mp4'), ['vp9', 'av1']);

  const noVp9 = supportedFormats((type) => !type.includes('vp9'));
  assert.ok(noVp9.every((f) => f.video !== 'vp9'));
  assert.deepEqual(codecsOf(noVp9, 'webm'), ['vp8', 'av1']);

  const webmOnly = supportedFormats((type) => type.startsWith('video/webm'));
  assert.deepEqual(containersOf(webmOnly), ['webm'], 'a container with no codec is not offered');

  assert.deepEqual(
    supportedFormats(() => {
      throw new Error('not implemented');
    }),
    [],
    'a browser that throws supports nothing',
  );
});

test('no format is offered whose picture main could not copy into the working copy', () => {
  for (const format of recordingFormats) {
    assert.doesNotMatch(format.mimeType, /avc1|h264|hev1|hvc1/i);
    assert.match(format.mimeType, /^video\/(webm|mp4);codecs=[^,]+,opus$/);
  }
});

test('the format asked for, or the nearest one this browser records', () => {
  const formats = supportedFormats((type) => !type.includes('vp9'));
  assert.equal(chooseFormat(formats, { container: 'webm', video: 'av1' })?.video, 'av1');
  assert.equal(chooseFormat(formats, { container: 'webm', video: 'vp9' })?.video, 'vp8');
  assert.equal(chooseFormat(formats, { container: 'mp4', video: 'vp9' })?.video, 'av1');
  assert.equal(chooseFormat([], { container: 'webm', video: 'vp9' }), null);
});

test('stored settings are checked field by field and fitted to this browser', () => {
  const all = supportedFormats(() => true);
  assert.deepEqual(normalizeSettings(null, all), defaultSettings);
  assert.deepEqual(normalizeSettings('garbage', all), defaultSettings);
  const kept = {
    resolution: '1920x1080',
    frameRate: 30,
    videoBitsPerSecond: 6_000_000,
    audioBitsPerSecond: 96_000,
    container: 'mp4',
    video: 'av1',
  };
  assert.deepEqual(normalizeSettings(kept, all), kept);
  assert.deepEqual(
    normalizeSettings(
      { ...kept, resolution: '7680x4320', frameRate: 60, videoBitsPerSecond: 1 },
      all,
    ),
    { ...kept, resolution: '1280x720', frameRate: 25, videoBitsPerSecond: 2_500_000 },
  );
  const webmOnly = supportedFormats((type) => type.startsWith('video/webm;codecs=vp8'));
  const fitted = normalizeSettings(kept, webmOnly);
  assert.equal(fitted.container, 'webm');
  assert.equal(fitted.video, 'vp8');
  assert.equal(formatOf(fitted, webmOnly)?.mimeType, 'video/webm;codecs=vp8,opus');
  assert.equal(formatOf(kept as typeof defaultSettings, webmOnly), null);
});

test('the camera is asked for the chosen size and rate; the bitrate is picture and sound', () => {
  assert.deepEqual(videoConstraints({ ...defaultSettings, resolution: '960x540', frameRate: 15 }), {
    width: { ideal: 960 },
    height: { ideal: 540 },
    frameRate: { ideal: 15 },
  });
  assert.equal(plannedBitsPerSecond(defaultSettings), 2_628_000);
});

test('sound level: RMS, decibels full scale, and a meter scale that follows the ear', () => {
  assert.equal(rms([]), 0);
  assert.equal(rms([0.5, -0.5, 0.5, -0.5]), 0.5);
  const sine = Array.from({ length: 4800 }, (_, i) => Math.sin((2 * Math.PI * i) / 48));
  assert.ok(Math.abs(rms(sine) - Math.SQRT1_2) < 1e-9);
  assert.equal(toDbfs(1), 0);
  assert.ok(Math.abs(toDbfs(0.1) - -20) < 1e-9);
  assert.equal(toDbfs(0), silenceDbfs);
  assert.equal(toDbfs(1e-9), silenceDbfs);
  assert.equal(toMeterScale(0), 0);
  assert.equal(toMeterScale(1), 1);
  assert.ok(Math.abs(toMeterScale(0.01) - 1 / 3) < 1e-9, '-40 dBFS is a third of the way up');
});

test('the held peak is the loudest of the last moments, then lets go', () => {
  const peaks = new PeakHold(1500);
  peaks.add(0, 0.5);
  peaks.add(100, 0.1);
  assert.equal(peaks.peak(1000), 0.5);
  peaks.add(1700, 0.05);
  assert.equal(peaks.peak(1700), 0.05);
  peaks.reset();
  assert.equal(peaks.peak(1700), 0);
});
