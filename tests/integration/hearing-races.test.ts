import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openServices } from '../../main/services/app';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import type { PdfPrinter } from '../../main/services/written-record/printer';
import { localOperator } from '../../shared/api/caller';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { HearingEvent } from '../../shared/domain/events';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

/**
 * A printer that takes a known time, so that a seal can be aimed before, during and after the
 * print. Each PDF names the moment it was printed, so two prints never have the same bytes.
 */
const printMs = 250;
let prints = 0;
const slowPrinter: PdfPrinter = {
  async print(html: string) {
    await sleep(printMs);
    prints += 1;
    return new TextEncoder().encode(`%PDF-1.4\n% print ${prints} of ${html.length} characters\n%%EOF\n`);
  },
};

const dataDir = tempDir();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  printer: slowPrinter,
});
after(() => services.close());
const ctx = localOperator('internal');
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
const raw = <T>(name: string, input: unknown) => services.dispatcher.dispatch(ctx, name, input) as Promise<Outcome<T>>;
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await raw<T>(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function recordedHearing(): Promise<{ hearing: Hearing; recording: Recording }> {
  const hearing = await createReadyHearing<Hearing>(call, 13, `RACE/${Math.random().toString(16).slice(2, 8)}`);
  const recording = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: recording.id, seq: 0, data: fixture });
  return { hearing, recording };
}

async function idle(hearingId: string): Promise<Hearing> {
  for (let i = 0; i < 200; i++) {
    const h = await call<Hearing>('hearings.get', { hearingId });
    if (h.jobs.length === 0) return h;
    await sleep(25);
  }
  throw new Error('the hearing never became idle');
}

/** Every outcome of a race is either a success or a refusal that names its reason: never a 500. */
function assertClean(outcome: Outcome<unknown>, what: string): void {
  if (!outcome.ok) {
    assert.notEqual(outcome.error.code, 'internal', `${what} failed inside: ${outcome.error.message}`);
    assert.equal(outcome.error.code, 'conflict', `${what}: ${outcome.error.code}: ${outcome.error.message}`);
  }
}

async function assertVerifies(hearingId: string): Promise<void> {
  const report = await call<{ verdict: string; checks: Array<{ ok: boolean; what: string; detail: string }> }>(
    'hearings.verify',
    { hearingId },
  );
  assert.equal(report.verdict, 'valid', JSON.stringify(report.checks.filter((c) => !c.ok)));
}

const offsets = [0, 20, 60, 150, 300, 500];

describe('one writer per hearing', () => {
  test('written record against seal, at several offsets: consistent, the sealed written record never replaced', async () => {
    for (const offset of offsets) {
      const { hearing, recording } = await recordedHearing();
      await call('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
      const generate = raw<{ sha256: string }>('writtenRecord.generate', { hearingId: hearing.id });
      await sleep(offset);
      const seal = await raw<{ manifestSha256: string }>('hearings.seal', { hearingId: hearing.id });
      const generated = await generate;
      assertClean(seal, `seal at ${offset} ms`);
      assertClean(generated, `written record at ${offset} ms`);
      if (offset === 0) assert.equal(seal.ok, false, 'a seal asked for while the print runs is refused, not raced');
      if (!seal.ok) {
        // Refused because the print was running; once it is done, the seal goes through.
        assert.equal(seal.error.details?.reason, 'busy', `at ${offset} ms: ${seal.error.message}`);
        await call('hearings.seal', { hearingId: hearing.id });
      }
      const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as {
        documents: Array<{ name: string; sha256: string }>;
      };
      const onDisk = readFileSync(join(dataDir, 'hearings', hearing.id, 'written-record.pdf'));
      const sealed = manifest.documents.find((d) => d.name === 'written-record.pdf');
      assert.equal(sealed?.sha256, createHash('sha256').update(onDisk).digest('hex'), `at ${offset} ms the sealed PDF is the one on disk`);
      if (generated.ok) assert.equal(generated.value.sha256, sealed?.sha256, `at ${offset} ms the print that succeeded is the one sealed`);
      else assert.equal(generated.error.details?.reason, 'sealed', `at ${offset} ms: ${generated.error.message}`);
      await assertVerifies(hearing.id);
    }
  });

  test('stop against seal, at several offsets: never a hearing sealed without its working copy, stop event or audit entry', async () => {
    for (const offset of offsets) {
      const { hearing, recording } = await recordedHearing();
      const stop = raw<Recording>('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
      await sleep(offset);
      const seal = await raw('hearings.seal', { hearingId: hearing.id });
      const stopped = await stop;
      assertClean(seal, `seal ${offset} ms after the stop`);
      assert.equal(stopped.ok, true, `the stop at ${offset} ms: ${stopped.ok ? '' : stopped.error.message}`);
      // A seal right after a stop either finds the working copy made (a copy of a short master
      // takes milliseconds) or is refused as busy or incomplete: it never waits, never seals less.
      if (!seal.ok) {
        assert.ok(
          ['seal_incomplete', 'busy'].includes(String(seal.error.details?.reason)),
          `at ${offset} ms: ${seal.error.message}`,
        );
        await idle(hearing.id);
        await call('hearings.seal', { hearingId: hearing.id });
      }
      const sealed = await call<Hearing>('hearings.get', { hearingId: hearing.id });
      assert.equal(sealed.status, 'sealed');
      assert.ok(sealed.recordings[0]?.workingUrl, `at ${offset} ms the sealed hearing has its working copy`);
      const events = await call<HearingEvent[]>('events.list', { hearingId: hearing.id });
      assert.ok(events.some((e) => e.kind === 'recording_stopped'), `at ${offset} ms the stop event is there`);
      const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as {
        recordings: Array<{ working: { name: string } | null }>;
        events: Array<{ kind: string }>;
      };
      assert.ok(manifest.recordings[0]?.working, `at ${offset} ms the seal covers the working copy`);
      assert.ok(manifest.events.some((e) => e.kind === 'recording_stopped'), `at ${offset} ms the seal covers the stop`);
      const audit = readFileSync(join(dataDir, 'hearings', hearing.id, 'audit.jsonl'), 'utf8');
      assert.match(audit, /"action":"recordings\.stop"/, `at ${offset} ms the stop's audit entry is before the seal`);
      const files = readdirSync(join(dataDir, 'hearings', hearing.id));
      assert.deepEqual(files.filter((f) => f.endsWith('.partial')), [], 'nothing half-written');
      await assertVerifies(hearing.id);
    }
  });

  test('events added while the hearing is sealed: each is in the seal, or refused as sealed', async () => {
    for (const offset of [0, 5, 30]) {
      const { hearing, recording } = await recordedHearing();
      await call('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
      await call('writtenRecord.generate', { hearingId: hearing.id });
      const seal = raw('hearings.seal', { hearingId: hearing.id });
      await sleep(offset);
      const marks = await Promise.all(
        ['first', 'second'].map((label) =>
          raw<HearingEvent>('events.add', { hearingId: hearing.id, event: { kind: 'mark', label } }),
        ),
      );
      const sealed = await seal;
      assertClean(sealed, 'the seal');
      if (!sealed.ok) {
        // The marks came first and made the written record older: printed again as part of sealing.
        assert.fail(`the seal was refused: ${sealed.error.message}`);
      }
      const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as {
        events: Array<{ id: string }>;
      };
      for (const mark of marks) {
        assertClean(mark, 'a mark');
        if (mark.ok) assert.ok(manifest.events.some((e) => e.id === mark.value.id), 'an accepted mark is in the seal');
        else assert.equal(mark.error.details?.reason, 'sealed');
      }
      await assertVerifies(hearing.id);
    }
  });
});

describe('sealing only what is complete', () => {
  test('a hearing with no recording is not sealed, and says why', async () => {
    const hearing = await createReadyHearing<Hearing>(call, 13, 'EMPTY/1');
    const preview = await call<{ blockers: Array<{ reason: string }> }>('hearings.sealPreview', { hearingId: hearing.id });
    assert.deepEqual(preview.blockers.map((b) => b.reason), ['no_recording']);
    const seal = await raw('hearings.seal', { hearingId: hearing.id });
    assert.equal(seal.ok, false);
    if (!seal.ok) {
      assert.equal(seal.error.details?.reason, 'seal_incomplete');
      assert.match(seal.error.message, /no recording, and no decision not to record/);
    }
  });

  test('a recording still running or a working copy still being made stops the seal, naming the segment', async () => {
    const { hearing, recording } = await recordedHearing();
    const running = await call<{ blockers: Array<{ reason: string; segment: number | null }> }>('hearings.sealPreview', {
      hearingId: hearing.id,
    });
    assert.deepEqual(running.blockers, [{ reason: 'recording', segment: 1 }]);
    await call('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
    const preview = await call<{ blockers: unknown[]; segments: Array<{ workingCopy: boolean; durationMs: number }>; eventCount: number }>(
      'hearings.sealPreview',
      { hearingId: hearing.id },
    );
    assert.deepEqual(preview.blockers, []);
    assert.equal(preview.segments[0]?.workingCopy, true);
    assert.equal(preview.segments[0]?.durationMs, 4000);
    assert.ok(preview.eventCount >= 2);
  });

  test('open readiness items need a typed reason, which the seal keeps', async () => {
    const { hearing } = await recordedHearing();
    // Consent withdrawn mid-recording: the recording stops, and the rules flag it from then on.
    await call('consent.withdraw', { hearingId: hearing.id, notedBy: 'Insp. Peeters' });
    await idle(hearing.id);
    const preview = await call<{ unmet: Array<{ code: string }>; blockers: unknown[] }>('hearings.sealPreview', {
      hearingId: hearing.id,
    });
    assert.deepEqual(preview.blockers, []);
    assert.ok(preview.unmet.length > 0, 'the rules flag the withdrawn consent');
    const refused = await raw('hearings.seal', { hearingId: hearing.id });
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.equal(refused.error.details?.reason, 'seal_incomplete');
      assert.equal(refused.error.details?.reasonRequired, true);
    }
    const blank = await raw('hearings.seal', { hearingId: hearing.id, reason: '   ' });
    assert.equal(blank.ok, false, 'a blank reason is no reason');
    const reason = 'The child withdrew consent after the disclosure; the magistrate asked for the hearing to be sealed as it is.';
    await call('hearings.seal', { hearingId: hearing.id, reason });
    const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as {
      openItems?: { codes: string[]; reason: string };
    };
    assert.deepEqual(manifest.openItems, { codes: preview.unmet.map((u) => u.code), reason });
    await assertVerifies(hearing.id);
  });

  test('a written record older than the last change is printed again as part of sealing', async () => {
    const { hearing, recording } = await recordedHearing();
    await call('recordings.stop', { recordingId: recording.id, durationMs: 4000 });
    const first = await call<{ sha256: string }>('writtenRecord.generate', { hearingId: hearing.id });
    const before = await call<{ writtenRecord: { upToDate: boolean } }>('hearings.sealPreview', { hearingId: hearing.id });
    assert.equal(before.writtenRecord.upToDate, true);
    await call('events.add', { hearingId: hearing.id, event: { kind: 'mark', label: 'after the written record' } });
    const stale = await call<{ writtenRecord: { upToDate: boolean } }>('hearings.sealPreview', { hearingId: hearing.id });
    assert.equal(stale.writtenRecord.upToDate, false, 'the mark makes the written record older than the hearing');
    await call('hearings.seal', { hearingId: hearing.id });
    const manifest = JSON.parse(readFileSync(join(dataDir, 'hearings', hearing.id, 'manifest.json'), 'utf8')) as {
      documents: Array<{ name: string; sha256: string }>;
    };
    const sealed = manifest.documents.find((d) => d.name === 'written-record.pdf');
    assert.ok(sealed);
    assert.notEqual(sealed.sha256, first.sha256, 'the sealed written record is a new print');
    await assertVerifies(hearing.id);
  });
});
