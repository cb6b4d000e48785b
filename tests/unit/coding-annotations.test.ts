import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addAnnotation,
  commit,
  deleteAnnotation,
  editAnnotation,
  moveAnnotation,
  pressEnter,
  pressKey,
  problemsOf,
  redo,
  splitAnnotation,
  startHistory,
  undo,
  type Annotation,
  type CodingState,
} from '../../shared/coding/annotations';
import { forensicInterviewScheme as scheme } from '../../shared/coding/default-scheme';
import { hearingTimeline, locate, placeEvents } from '../../shared/coding/timeline';
import type { HearingEvent } from '../../shared/domain/events';
import type { Recording } from '../../shared/domain/hearing';

const anna = { userId: 'u-anna', displayName: 'Anna Peeters' };
const bram = { userId: 'u-bram', displayName: 'Bram Dubois' };
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const empty: CodingState = { annotations: [], open: [] };
const at = (ms: number) => `2026-03-15T10:00:${String(ms / 1000).padStart(2, '0')}.000Z`;

/** Presses keys at the given times, as one annotator coding while the video plays. */
function play(
  presses: Array<[string, number]>,
  by = anna,
  state = empty,
  newId = ids(),
): CodingState {
  return presses.reduce(
    (s, [key, ms]) =>
      key === 'Enter'
        ? pressEnter(s, scheme, { atMs: ms, by, now: at(ms) })
        : pressKey(s, scheme, { key, atMs: ms, by, now: at(ms), newId }),
    state,
  );
}

const brief = (a: Annotation) => `${a.tierId}:${a.code}:${a.startMs}-${a.endMs}`;

describe('coding with keys', () => {
  test('the same key ends the interval it started', () => {
    const s = play([
      ['i', 1000],
      ['i', 4000],
    ]);
    assert.deepEqual(s.annotations.map(brief), ['prompt:invitation:1000-4000']);
    assert.equal(s.open.length, 0);
    assert.equal(s.annotations[0]?.createdAt, at(1000));
    assert.deepEqual(s.annotations[0]?.author, anna);
  });

  test('another key of the same tier ends the open interval and starts the next at the same moment', () => {
    const s = play([
      ['1', 0],
      ['2', 30000],
      ['5', 45000],
    ]);
    assert.deepEqual(s.annotations.map(brief), [
      'phase:introduction:0-30000',
      'phase:rapport:30000-45000',
    ]);
    assert.deepEqual(
      s.open.map((o) => `${o.tierId}:${o.code}:${o.startMs}`),
      ['phase:free_recall:45000'],
    );
  });

  test('tiers stay open side by side; Enter ends the latest started', () => {
    const s = play([
      ['5', 1000],
      ['d', 2000],
      ['Enter', 3000],
      ['n', 3500],
      ['Enter', 6000],
    ]);
    assert.deepEqual(s.annotations.map(brief), [
      'prompt:directive:2000-3000',
      'response:new_details:3500-6000',
    ]);
    assert.deepEqual(
      s.open.map((o) => o.code),
      ['free_recall'],
    );
  });

  test('each annotator keeps their own open intervals', () => {
    const both = play([['i', 2000]], bram, play([['i', 1000]]));
    const s = play([['i', 5000]], anna, both);
    assert.deepEqual(
      s.annotations.map((a) => `${a.author.displayName} ${brief(a)}`),
      ['Anna Peeters prompt:invitation:1000-5000'],
    );
    assert.deepEqual(
      s.open.map((o) => o.author.userId),
      ['u-bram'],
    );
  });

  test('refuses an end before the start, a key without a code, and Enter with nothing open', () => {
    assert.throws(
      () =>
        play([
          ['i', 5000],
          ['i', 4000],
        ]),
      { code: 'end_before_start' },
    );
    assert.throws(() => play([['q', 0]]), { code: 'unknown_key' });
    assert.throws(() => play([['Enter', 0]]), { code: 'nothing_open' });
    assert.throws(() => play([['i', -1]]), { code: 'negative_time' });
  });
});

describe('editing annotations', () => {
  const base = play([
    ['i', 1000],
    ['i', 4000],
  ]).annotations;
  const id = base[0]?.id ?? '';
  const mine = { by: anna.userId, now: at(50000) };

  test('edit changes the code or the text, checked against the vocabulary', () => {
    const edited = editAnnotation(base, scheme, id, { code: 'suggestive', text: 'leading' }, mine);
    assert.equal(edited[0]?.code, 'suggestive');
    assert.equal(edited[0]?.text, 'leading');
    assert.equal(edited[0]?.updatedAt, at(50000));
    assert.equal(base[0]?.code, 'invitation', 'the input is not changed');
    assert.throws(() => editAnnotation(base, scheme, id, { code: 'new_details' }, mine), {
      code: 'unknown_code',
    });
  });

  test('move sets the times; a point tier keeps end = start', () => {
    assert.deepEqual(
      moveAnnotation(base, scheme, id, { startMs: 2000, endMs: 2500 }, mine).map(brief),
      ['prompt:invitation:2000-2500'],
    );
    assert.throws(() => moveAnnotation(base, scheme, id, { startMs: 3000, endMs: 2000 }, mine), {
      code: 'end_before_start',
    });
    assert.throws(() => moveAnnotation(base, scheme, id, { startMs: -5, endMs: 2000 }, mine), {
      code: 'negative_time',
    });
    const note = addAnnotation(
      [],
      scheme,
      { tierId: 'notes', code: null, text: 'child cries', startMs: 7000, endMs: 9000 },
      { id: 'n1', by: anna, now: at(0) },
    );
    assert.deepEqual(note.map(brief), ['notes:null:7000-7000']);
    assert.deepEqual(
      moveAnnotation(note, scheme, 'n1', { startMs: 8000, endMs: 9999 }, mine).map(brief),
      ['notes:null:8000-8000'],
    );
  });

  test('split cuts inside the interval; both parts keep code and author', () => {
    const split = splitAnnotation(base, scheme, id, 2500, { ...mine, newId: 'id-new' });
    assert.deepEqual(split.map(brief), [
      'prompt:invitation:1000-2500',
      'prompt:invitation:2500-4000',
    ]);
    assert.deepEqual(
      split.map((a) => a.id),
      [id, 'id-new'],
    );
    assert.deepEqual(split[1]?.author, anna);
    assert.throws(() => splitAnnotation(base, scheme, id, 4000, { ...mine, newId: 'x' }), {
      code: 'split_outside',
    });
  });

  test('delete removes it; only its author may change or delete it', () => {
    assert.deepEqual(deleteAnnotation(base, id, { by: anna.userId }), []);
    assert.throws(() => deleteAnnotation(base, id, { by: bram.userId }), { code: 'not_author' });
    assert.throws(
      () => editAnnotation(base, scheme, id, { text: 'x' }, { by: bram.userId, now: at(0) }),
      { code: 'not_author' },
    );
    assert.throws(() => deleteAnnotation(base, 'nope', { by: anna.userId }), { code: 'not_found' });
  });

  test('validation names each problem', () => {
    const bad: Annotation = {
      ...(base[0] as Annotation),
      tierId: 'notes',
      code: 'invitation',
      startMs: 10,
      endMs: 5,
    };
    assert.deepEqual(
      problemsOf(bad, scheme).map((p) => p.code),
      ['code_on_free_tier', 'end_before_start', 'point_with_length'],
    );
    assert.deepEqual(
      problemsOf({ ...bad, tierId: 'none' }, scheme).map((p) => p.code),
      ['unknown_tier'],
    );
  });
});

describe('undo', () => {
  test('goes back step by step, and redo forward, a new step dropping the redo', () => {
    const newId = ids();
    let h = startHistory<CodingState>(empty);
    for (const [key, ms] of [
      ['i', 1000],
      ['i', 2000],
      ['d', 3000],
    ] as const) {
      h = commit(h, pressKey(h.present, scheme, { key, atMs: ms, by: anna, now: at(ms), newId }));
    }
    assert.equal(h.present.open.length, 1);
    h = undo(h);
    assert.deepEqual(h.present.annotations.map(brief), ['prompt:invitation:1000-2000']);
    assert.equal(h.present.open.length, 0);
    h = undo(undo(h));
    assert.deepEqual(h.present, empty);
    assert.equal(undo(h), h, 'nothing left to undo');
    h = redo(h);
    assert.equal(h.present.open.length, 1);
    h = commit(h, { ...h.present, open: [] });
    assert.equal(redo(h), h, 'a new step clears what could be redone');
  });
});

describe('the timeline of several segments', () => {
  const recording = (
    segment: number,
    startedAt: string,
    stoppedAt: string | null,
    durationMs: number | null,
  ): Recording => ({
    id: `r${segment}`,
    hearingId: 'h',
    segment,
    status: stoppedAt ? 'complete' : 'recording',
    stopReason: stoppedAt ? 'stopped' : null,
    mimeType: 'video/webm;codecs=vp9,opus',
    startedAt,
    stoppedAt,
    durationMs,
    sizeBytes: 1,
    chunkCount: 1,
    sha256: null,
    masterUrl: `/m/${segment}`,
    workingUrl: `/w/${segment}`,
  });
  const recordings = [
    recording(2, '2026-03-15T10:20:00.000Z', '2026-03-15T10:30:00.000Z', 590_000),
    recording(1, '2026-03-15T10:00:00.000Z', '2026-03-15T10:15:00.000Z', 900_000),
    recording(3, '2026-03-15T10:31:00.000Z', null, null),
  ];

  test('lays segments end to end by number and shows the gaps with their wall-clock length', () => {
    const t = hearingTimeline(recordings);
    assert.deepEqual(
      t.segments.map((s) => [s.segment, s.startMs, s.durationMs]),
      [
        [1, 0, 900_000],
        [2, 900_000, 590_000],
        [3, 1_490_000, null],
      ],
    );
    assert.deepEqual(t.gaps, [
      { atMs: 900_000, afterSegment: 1, beforeSegment: 2, wallClockMs: 300_000 },
      { atMs: 1_490_000, afterSegment: 2, beforeSegment: 3, wallClockMs: 60_000 },
    ]);
    assert.equal(t.durationMs, null, 'the last segment still records');
    assert.equal(hearingTimeline(recordings.slice(0, 2)).durationMs, 1_490_000);
  });

  test('maps a position to its segment and offset; a boundary belongs to the segment that starts there', () => {
    const t = hearingTimeline(recordings);
    assert.deepEqual(
      [locate(t, 899_999)?.segment.segment, locate(t, 899_999)?.offsetMs],
      [1, 899_999],
    );
    assert.deepEqual([locate(t, 900_000)?.segment.segment, locate(t, 900_000)?.offsetMs], [2, 0]);
    assert.deepEqual(
      [locate(t, 5_000_000)?.segment.segment, locate(t, 5_000_000)?.offsetMs],
      [3, 3_510_000],
    );
    assert.equal(locate(t, -1), null);
  });

  test('places the events of the log, and returns apart those outside any recording', () => {
    const t = hearingTimeline(recordings);
    const event = (
      seq: number,
      recordingId: string | null,
      offsetMs: number | null,
    ): HearingEvent => ({
      id: `e${seq}`,
      hearingId: 'h',
      seq,
      kind: 'mark',
      at: at(0),
      recordingId,
      offsetMs,
      details: {},
      recordedBy: 'x',
    });
    const { placed, unplaced } = placeEvents(t, [
      event(1, null, null),
      event(3, 'r2', 1000),
      event(2, 'r1', 5000),
    ]);
    assert.deepEqual(
      placed.map((p) => [p.event.seq, p.atMs]),
      [
        [2, 5000],
        [3, 901_000],
      ],
    );
    assert.deepEqual(
      unplaced.map((e) => e.seq),
      [1],
    );
  });

  test('refuses a segment without duration that is followed by another', () => {
    assert.throws(
      () => hearingTimeline([recording(1, at(0), null, null), recording(2, at(0), null, null)]),
      /cannot place/,
    );
  });
});
