import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeInput, encodeInput, frameType, jsonType, WireError } from '../../shared/api/wire';

const asBytes = (body: Uint8Array | string) => (typeof body === 'string' ? new TextEncoder().encode(body) : body);

describe('the web host wire format', () => {
  test('sends plain inputs as JSON', () => {
    const { contentType, body } = encodeInput({ hearingId: 'x', n: 1 });
    assert.equal(contentType, jsonType);
    assert.deepEqual(decodeInput(contentType, asBytes(body)), { hearingId: 'x', n: 1 });
  });

  test('sends binary fields as raw bytes in one frame, and gets them back unchanged', () => {
    const data = new Uint8Array([0, 1, 2, 250, 255]);
    const { contentType, body } = encodeInput({ recordingId: 'r', seq: 3, data });
    assert.equal(contentType, frameType);
    assert.ok(typeof body !== 'string' && body.byteLength < 64 + data.byteLength);
    const back = decodeInput(contentType, asBytes(body)) as { recordingId: string; seq: number; data: Uint8Array };
    assert.equal(back.recordingId, 'r');
    assert.equal(back.seq, 3);
    assert.deepEqual([...back.data], [...data]);
  });

  test('refuses frames that lie about their lengths', () => {
    const { body } = encodeInput({ data: new Uint8Array(10) });
    const bytes = asBytes(body);
    assert.throws(() => decodeInput(frameType, bytes.subarray(0, bytes.byteLength - 1)), WireError);
    const extra = new Uint8Array(bytes.byteLength + 1);
    extra.set(bytes);
    assert.throws(() => decodeInput(frameType, extra), /no field accounts for/);
    assert.throws(() => decodeInput(frameType, new Uint8Array([0, 0, 0, 9, 1])), /longer than the frame/);
    assert.throws(() => decodeInput('text/plain', bytes), /Unsupported content type/);
    assert.throws(() => decodeInput(jsonType, new TextEncoder().encode('{')), /not valid JSON/);
  });
});
