import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { faster, formatPosition, jumpTarget, parsePosition, slower } from '../../renderer/review/playback';
import { reviewKeyOf, type FocusKind, type KeyPress } from '../../renderer/review/review-keys';
import { forensicInterviewScheme } from '../../shared/coding/default-scheme';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...extra,
});

describe('player keys', () => {
  test('the player keys', () => {
    const cases: [KeyPress, unknown][] = [
      [press(' '), { kind: 'playPause' }],
      [press('j'), { kind: 'back' }],
      [press('K'), { kind: 'pause' }],
      [press('l'), { kind: 'forward' }],
      [press('ArrowLeft'), { kind: 'seek', direction: -1 }],
      [press('ArrowRight', { shiftKey: true }), { kind: 'frame', direction: 1 }],
      [press('ArrowLeft', { altKey: true }), { kind: 'jump', direction: 'previous' }],
      [press(']'), { kind: 'jump', direction: 'next' }],
      [press('+'), { kind: 'zoom', direction: 'in' }],
      [press('-'), { kind: 'zoom', direction: 'out' }],
      [press('z', { ctrlKey: true }), { kind: 'undo' }],
      [press('Z', { ctrlKey: true, shiftKey: true }), { kind: 'redo' }],
      [press('y', { metaKey: true }), { kind: 'redo' }],
      [press('Enter'), { kind: 'end' }],
      [press('I'), { kind: 'code', key: 'i' }],
      [press('5'), { kind: 'code', key: '5' }],
      [press('c', { ctrlKey: true }), null],
      [press('m', { altKey: true }), null],
      [press('Tab'), null],
    ];
    for (const [event, expected] of cases) assert.deepEqual(reviewKeyOf(event, 'other'), expected, event.key);
  });

  test('nothing fires while typing, and Space and Enter keep activating buttons', () => {
    for (const key of [' ', 'i', 'j', 'Enter', 'ArrowLeft', '[']) assert.equal(reviewKeyOf(press(key), 'text'), null);
    assert.equal(reviewKeyOf(press('z', { ctrlKey: true }), 'text'), null, 'the field keeps its own undo');
    const onButton: FocusKind = 'control';
    assert.equal(reviewKeyOf(press(' '), onButton), null);
    assert.equal(reviewKeyOf(press('Enter'), onButton), null);
    assert.deepEqual(reviewKeyOf(press('i'), onButton), { kind: 'code', key: 'i' });
  });

  test("no key of the default scheme is taken by the player", () => {
    for (const tier of forensicInterviewScheme.tiers)
      for (const entry of tier.vocabulary ?? [])
        if (entry.key) assert.deepEqual(reviewKeyOf(press(entry.key), 'other'), { kind: 'code', key: entry.key });
  });
});

describe('playback', () => {
  test('speeds step between 0.5× and 2×', () => {
    assert.equal(faster(1), 1.25);
    assert.equal(faster(2), 2);
    assert.equal(slower(1.5), 1.25);
    assert.equal(slower(0.5), 0.5);
  });

  test('jumps reach the next and previous targets, past the one standing on', () => {
    const targets = [1000, 4000, 4000, 9000];
    assert.equal(jumpTarget(targets, 0, 'next'), 1000);
    assert.equal(jumpTarget(targets, 1000, 'next'), 4000);
    assert.equal(jumpTarget(targets, 1100, 'next'), 4000);
    assert.equal(jumpTarget(targets, 9000, 'next'), null);
    assert.equal(jumpTarget(targets, 4000, 'previous'), 1000);
    assert.equal(jumpTarget(targets, 500, 'previous'), null);
  });

  test('typed positions', () => {
    assert.equal(parsePosition('1:02:03.5'), 3_723_500);
    assert.equal(parsePosition('02:03'), 123_000);
    assert.equal(parsePosition('83,25'), 83_250);
    assert.equal(parsePosition('7'), 7000);
    assert.equal(parsePosition('1:75'), null);
    assert.equal(parsePosition('abc'), null);
    assert.equal(parsePosition(formatPosition(3_723_045)), 3_723_045);
    assert.equal(formatPosition(61_005), '0:01:01.005');
  });
});
