import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openServices } from '../../main/services/app';
import { PassphraseKeyFile } from '../../main/services/keys/passphrase-key-file';
import type { PdfPrinter } from '../../main/services/written-record/printer';
import { localOperator } from '../../shared/api/caller';
import type { ApiErrorBody } from '../../shared/api/errors';
import type { Hearing, Recording } from '../../shared/domain/hearing';
import { createReadyHearing } from '../helpers/procedure';
import { verifierPath } from '../helpers/sealing';
import { tempDir } from '../helpers/temp';

/**
 * A printer that needs time to start (the web host's browser) is started when a stop is asked
 * for, before the stop completes, and never while another hearing records: its start would take
 * the CPU from that live hearing.
 */
const warmings: string[] = [];
let phase = 'opening';
const printer: PdfPrinter = {
  print: async () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
  warm: () => void warmings.push(phase),
};

const dataDir = tempDir();
const services = await openServices({
  dataDir,
  appVersion: 'test',
  keys: PassphraseKeyFile.open(dataDir, 'correct horse battery staple'),
  verifierPath,
  printer,
});
after(() => services.close());
const ctx = localOperator('internal');
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/short.webm'));

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = (await services.dispatcher.dispatch(ctx, name, input)) as { ok: true; value: T } | { ok: false; error: ApiErrorBody };
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function recording(reference: string): Promise<Recording> {
  const hearing = await createReadyHearing<Hearing>(call, 13, reference);
  const rec = await call<Recording>('recordings.start', { hearingId: hearing.id, mimeType: 'video/webm' });
  await call('recordings.appendChunk', { recordingId: rec.id, seq: 0, data: fixture });
  return rec;
}

test('the printer starts when a stop is asked for, and not while another hearing records', async () => {
  phase = 'recording';
  const first = await recording('WARM/1');
  const second = await recording('WARM/2');
  assert.deepEqual(warmings, [], 'nothing warms the printer while hearings record');

  phase = 'stopping the first while the second records';
  await call('recordings.stop', { recordingId: first.id, durationMs: 1000 });
  assert.deepEqual(warmings, [], 'the second hearing still records: its hearing must not wait for a browser');

  phase = 'stopping the last';
  const stopping = call('recordings.stop', { recordingId: second.id, durationMs: 1000 });
  // Asked for, not yet done: the browser starts while the stop completes the working copy.
  assert.deepEqual(warmings, ['stopping the last']);
  await stopping;
  assert.equal(warmings.length, 1);
});
