import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { ChromiumPrinter, findChromium } from '../../main/host/chromium-printer';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import { localOperator } from '../../shared/api/caller';
import { pauseReasons, type HearingEvent } from '../../shared/domain/events';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { bornYearsAgo, completeSections, today } from '../helpers/procedure';
import { tempDir } from '../helpers/temp';

const chromium = findChromium();
const dataDir = tempDir();
const keys = PassphraseKeyFile.open(dataDir, 'correct horse battery staple');
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys,
  ...(chromium ? { printer: new ChromiumPrinter(chromium) } : {}),
});
after(() => services.close());
const ctx = localOperator('internal');
const chunk = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { body: r.error });
  return r.value as T;
}
async function refusal(name: string, input: unknown) {
  const r = await services.dispatcher.dispatch(ctx, name, input);
  assert.ok(!r.ok, `${name} should have been refused`);
  return r.error;
}

interface View {
  locked: boolean;
  draft: Record<string, unknown>;
  evaluation: { mayRecord: boolean; unmet: Array<{ code: string; field: string }>; facts: { ageAtHearing: number | null } };
}

async function prepared(age: number, skip: string[] = []) {
  const hearing = await call<Hearing>('hearings.create', {
    caseReference: `CASE/${age}/${Math.random().toString(16).slice(2, 8)}`,
    minorName: 'Mira K.',
    dateOfBirth: bornYearsAgo(age),
    hearingDate: today(),
  });
  const { sections, attendeeIds } = completeSections(age);
  let view: View | null = null;
  for (const s of sections) {
    if (skip.includes(s.section)) continue;
    view = await call<View>('procedure.save', { hearingId: hearing.id, ...s });
  }
  return { hearing, view: view as View, attendeeIds };
}

describe('the readiness gate in main', () => {
  test('a 13-year-old without consent cannot be recorded, and main says why', async () => {
    const { hearing, view } = await prepared(13, ['consent']);
    assert.equal(view.evaluation.mayRecord, false);
    assert.equal(view.evaluation.facts.ageAtHearing, 13);
    assert.deepEqual(view.evaluation.unmet.map((u) => u.code), ['consent.missing']);
    const error = await refusal('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(error.code, 'readiness_unmet');
    assert.match(error.message, /consent/i);
    assert.deepEqual((error.details?.unmet as Array<{ code: string }>).map((u) => u.code), ['consent.missing']);
    const after = await call<Hearing>('hearings.get', { hearingId: hearing.id });
    assert.equal(after.recordings.length, 0, 'nothing half-made remains');
  });

  test('a 13-year-old who refused cannot be recorded either', async () => {
    const { hearing } = await prepared(13);
    const refused = await call<View>('procedure.save', {
      hearingId: hearing.id,
      section: 'consent',
      value: { decision: 'refused', takenBy: 'Insp. L. Peeters', at: new Date().toISOString(), language: 'nl', wordsSaid: 'Nee.' },
    });
    assert.deepEqual(refused.evaluation.unmet.map((u) => u.code), ['consent.refused']);
    assert.equal((await refusal('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' })).code, 'readiness_unmet');
  });

  test('a 10-year-old who was informed can be recorded', async () => {
    const { hearing, view } = await prepared(10);
    assert.deepEqual(view.evaluation.unmet, []);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(rec.status, 'recording');
    await call('recordings.stop', { recordingId: rec.id, durationMs: 0 });
  });

  test('missing technician and psychologist are both named', async () => {
    const { hearing } = await prepared(14);
    const v = await call<View>('procedure.save', {
      hearingId: hearing.id,
      section: 'attendees',
      value: [{ id: crypto.randomUUID(), name: 'Insp. L. Peeters', role: 'interviewer', room: 'hearing_room', trainingReference: 'TAM-1' }],
    });
    const codes = v.evaluation.unmet.map((u) => u.code);
    assert.ok(codes.includes('attendee.technician_missing'));
    assert.ok(codes.includes('attendee.psychologist_missing'));
  });

  test('invalid section input is refused with the field, and nothing is saved', async () => {
    const { hearing } = await prepared(13);
    const before = await call<View>('procedure.get', { hearingId: hearing.id });
    const error = await refusal('procedure.save', {
      hearingId: hearing.id,
      section: 'order',
      value: { date: '2026-02-31', issuedBy: 'sheriff' },
    });
    assert.equal(error.code, 'invalid_input');
    const paths = (error.issues ?? []).map((i) => i.path).sort();
    assert.deepEqual(paths, ['value.date', 'value.issuedBy']);
    const afterwards = await call<View>('procedure.get', { hearingId: hearing.id });
    assert.deepEqual(afterwards.draft, before.draft);
  });
});

describe('during the hearing', () => {
  test('events are logged with wall-clock time and time into the recording; pauses are excluded', async () => {
    const { hearing, attendeeIds } = await prepared(13);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
    const mark = await call<HearingEvent>('events.add', { hearingId: hearing.id, event: { kind: 'mark', label: 'first disclosure' } });
    assert.equal(mark.recordingId, rec.id);
    assert.ok(mark.offsetMs !== null && mark.offsetMs >= 0);
    // A pause takes effect at once; its reason follows as an event naming the pause.
    const pause = await call<HearingEvent>('events.add', { hearingId: hearing.id, event: { kind: 'paused' } });
    assert.equal((await refusal('events.add', { hearingId: hearing.id, event: { kind: 'paused', reason: 'x', decidedBy: 'y' } })).code, 'conflict');
    const explain = (pauseSeq: number, reason = 'The child asked for a break') => ({
      hearingId: hearing.id,
      event: { kind: 'pause_explained', pauseSeq, reason, decidedBy: 'Insp. L. Peeters' },
    });
    assert.equal((await refusal('events.add', explain(mark.seq))).code, 'not_found', 'a mark is not a pause');
    assert.equal((await refusal('events.add', explain(99))).code, 'not_found');
    assert.equal((await refusal('events.add', explain(pause.seq, '  '))).code, 'invalid_input', 'the reason is required');
    await call('events.add', explain(pause.seq));
    const again = await refusal('events.add', explain(pause.seq, 'Another reason'));
    assert.equal(again.code, 'conflict');
    assert.equal(again.details?.reason, 'pause_already_explained');
    await new Promise((r) => setTimeout(r, 300));
    await call('events.add', { hearingId: hearing.id, event: { kind: 'resumed' } });
    const left = await call<HearingEvent>('events.add', { hearingId: hearing.id, event: { kind: 'attendee_left', attendeeId: attendeeIds.psychologist } });
    assert.equal(left.details.name, 'Dr. E. Claes');
    await call('events.add', {
      hearingId: hearing.id,
      event: { kind: 'question_from_control_room', from: 'Dr. E. Claes', text: 'Ask about the car.' },
    });
    const list = await call<HearingEvent[]>('events.list', { hearingId: hearing.id });
    assert.deepEqual(list.map((e) => e.kind), [
      'recording_started',
      'mark',
      'paused',
      'pause_explained',
      'resumed',
      'attendee_left',
      'question_from_control_room',
    ]);
    assert.deepEqual(list.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(pauseReasons(list).get(pause.seq), {
      reason: 'The child asked for a break',
      decidedBy: 'Insp. L. Peeters',
      notedAt: list[3]?.at,
    });
    const resumed = list[4] as HearingEvent;
    const paused = list[2] as HearingEvent;
    const wall = Date.parse(resumed.at) - Date.parse(paused.at);
    assert.ok(wall >= 250, 'the pause lasted');
    assert.ok((resumed.offsetMs ?? 0) - (paused.offsetMs ?? 0) < 50, 'time into the recording stands still while paused');
    // A save of the attendees that does not carry the logged departure keeps it.
    const view = await call<View>('procedure.get', { hearingId: hearing.id });
    const attendees = (view.draft.attendees as Array<Record<string, unknown>>).map(({ leftAt: _l, ...a }) => a);
    const saved = await call<View>('procedure.save', { hearingId: hearing.id, section: 'attendees', value: attendees });
    const psychologist = (saved.draft.attendees as Array<{ id: string; leftAt?: string }>).find((a) => a.id === attendeeIds.psychologist);
    assert.equal(psychologist?.leftAt, left.at);
    const locked = await refusal('procedure.save', { hearingId: hearing.id, section: 'order', value: null });
    assert.equal(locked.code, 'conflict');
    await call('recordings.stop', { recordingId: rec.id, durationMs: 1000 });
  });

  test('withdrawing consent stops the recording at once, logs it, and bars a new recording', async () => {
    const { hearing } = await prepared(15);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
    const result = await call<{ stoppedRecording: Recording; event: HearingEvent }>('consent.withdraw', {
      hearingId: hearing.id,
      notedBy: 'Insp. L. Peeters',
    });
    assert.equal(result.stoppedRecording.status, 'complete');
    assert.equal(result.stoppedRecording.stopReason, 'consent_withdrawn');
    assert.equal(result.event.kind, 'consent_withdrawn');
    const late = await refusal('recordings.appendChunk', { recordingId: rec.id, seq: 1, data: chunk });
    assert.equal(late.code, 'conflict');
    assert.match(late.message, /consent was withdrawn/);
    const again = await refusal('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    assert.equal(again.code, 'readiness_unmet');
    assert.deepEqual((again.details?.unmet as Array<{ code: string }>).map((u) => u.code), ['consent.withdrawn']);
    const kinds = (await call<HearingEvent[]>('events.list', { hearingId: hearing.id })).map((e) => e.kind);
    assert.deepEqual(kinds, ['recording_started', 'consent_withdrawn', 'recording_stopped']);
    if (!chromium) return;
    // The written record says why the segment ended in words, in the record's language.
    for (const [language, words] of [
      ['en', /Complete \(consent withdrawn\)/],
      ['fr', /\(consentement retiré\)/],
    ] as const) {
      const printed = await call<{ fileName: string }>('writtenRecord.generate', { hearingId: hearing.id, language });
      const pdf = join(dataDir, 'hearings', hearing.id, printed.fileName);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.match(text, words);
      assert.doesNotMatch(text, /consent_withdrawn/, 'no stop reason is printed as a code');
    }
  });
});

describe('the written record', () => {
  test('is a PDF with the consent, the attendees, the events and the recording SHA-256', async (t) => {
    if (!chromium) {
      t.skip('Chromium is not installed here (apt-get install chromium), so no PDF can be printed');
      return;
    }
    const { hearing } = await prepared(13);
    const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
    await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: chunk });
    await call('events.add', { hearingId: hearing.id, event: { kind: 'mark', label: 'the blue car' } });
    const pause = await call<HearingEvent>('events.add', { hearingId: hearing.id, event: { kind: 'paused' } });
    await call('events.add', { hearingId: hearing.id, event: { kind: 'resumed' } });
    await call('events.add', {
      hearingId: hearing.id,
      event: { kind: 'pause_explained', pauseSeq: pause.seq, reason: 'A drink of water', decidedBy: 'Insp. L. Peeters' },
    });
    const stopped = await call<Recording>('recordings.stop', { recordingId: rec.id, durationMs: 4000 });
    const result = await call<{ url: string; fileName: string; language: string; sha256: string }>('writtenRecord.generate', {
      hearingId: hearing.id,
      language: 'en',
    });
    const pdf = join(dataDir, 'hearings', hearing.id, result.fileName);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Written record of an audiovisual hearing/);
    assert.match(text, /Consent Decision Given/);
    assert.match(text, /Ja, dat mag\./);
    for (const name of ['Insp. L. Peeters', 'J. Maes', 'Dr. E. Claes', 'Sara K.']) assert.ok(text.includes(name), name);
    assert.match(text, /Control room/);
    assert.match(text, /the blue car/);
    // The reason given after the pause is printed with the pause, not as a line of its own.
    assert.match(text, /Paused A drink of water \(reason noted at \d\d:\d\d:\d\d\)/);
    assert.doesNotMatch(text, /pause_explained/);
    assert.ok(text.replace(/ /g, '').includes(stopped.sha256 ?? 'missing'), 'the master SHA-256 is printed');
    assert.match(text, /be-cic-91bis-101/);
    // The fingerprint a clerk compares with the one the registry received, as keys.info groups it.
    // Read in reading order, spaces aside: a long value wraps, and the layout mode interleaves it
    // with its label's lines.
    const flowing = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    assert.ok(flowing.includes(keys.fingerprint()), 'the written record carries the key fingerprint');

    const media = await services.media(new Request(`app://hearing-room${result.url}`), ctx);
    assert.equal(media.status, 200);
    assert.equal(media.headers.get('Content-Type'), 'application/pdf');

    const dutch = await call<{ fileName: string }>('writtenRecord.generate', { hearingId: hearing.id });
    const nl = execFileSync('pdftotext', [join(dataDir, 'hearings', hearing.id, dutch.fileName), '-'], { encoding: 'utf8' });
    assert.match(nl, /Proces-verbaal van een audiovisueel verhoor/, "the hearing's language (nl) by default");
  });
});
