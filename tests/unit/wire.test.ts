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

  test('refuses a "__proto__" field in a frame header, which copying would turn into a prototype', () => {
    const frame = (header: string, data: Uint8Array) => {
      const json = new TextEncoder().encode(header);
      const out = new Uint8Array(4 + json.byteLength + data.byteLength);
      new DataView(out.buffer).setUint32(0, json.byteLength);
      out.set(json, 4);
      out.set(data, 4 + json.byteLength);
      return out;
    };
    const data = new Uint8Array([1, 2, 3]);
    assert.ok(decodeInput(frameType, frame('{"seq":1,"data":{"$bytes":3}}', data)));
    for (const extra of ['{}', '{"admin":true}', '{"$bytes":0}']) {
      const bytes = frame(`{"seq":1,"__proto__":${extra},"data":{"$bytes":3}}`, data);
      assert.throws(() => decodeInput(frameType, bytes), (err: unknown) => {
        assert.ok(err instanceof WireError);
        assert.match(err.message, /frame header has a field named "__proto__"/);
        return true;
      });
    }
  });

  test('refuses a "__proto__" field in a JSON body, at any depth', () => {
    for (const body of ['{"__proto__":{}}', '{"event":{"__proto__":{"kind":"x"}}}']) {
      assert.throws(() => decodeInput(jsonType, new TextEncoder().encode(body)), /request body has a field named "__proto__"/);
    }
    assert.deepEqual(decodeInput(jsonType, new TextEncoder().encode('{"proto":1}')), { proto: 1 });
  });
});
