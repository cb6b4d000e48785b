/**
 * The HTTP body of a call on the web host. Inputs without binary fields travel as JSON. An input
 * with top-level Uint8Array fields travels as one binary frame, so a media chunk is never
 * base64-inflated: a 4-byte big-endian length, that many bytes of JSON (the input with each
 * binary field replaced by {"$bytes": n}, n its length), then the binary fields in order.
 */
export const jsonType = 'application/json';
export const frameType = 'application/vnd.hearing-room.frame';

interface BytesRef {
  $bytes: number;
}

const isBytesRef = (v: unknown): v is BytesRef =>
  typeof v === 'object' && v !== null && typeof (v as BytesRef).$bytes === 'number';

export function encodeInput(input: unknown): { contentType: string; body: Uint8Array | string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { contentType: jsonType, body: JSON.stringify(input ?? {}) };
  }
  const parts: Uint8Array[] = [];
  const head: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof Uint8Array) {
      parts.push(value);
      head[key] = { $bytes: value.byteLength } satisfies BytesRef;
    } else {
      head[key] = value;
    }
  }
  if (parts.length === 0) return { contentType: jsonType, body: JSON.stringify(head) };
  const json = new TextEncoder().encode(JSON.stringify(head));
  const total = 4 + json.byteLength + parts.reduce((n, p) => n + p.byteLength, 0);
  const body = new Uint8Array(total);
  new DataView(body.buffer).setUint32(0, json.byteLength);
  body.set(json, 4);
  let offset = 4 + json.byteLength;
  for (const p of parts) {
    body.set(p, offset);
    offset += p.byteLength;
  }
  return { contentType: frameType, body };
}

export class WireError extends Error {}

/**
 * JSON.parse that refuses a "__proto__" key at any depth. JSON.parse keeps such a key as an own
 * property, but copying it into an object (as the frame header's fields are copied) would set the
 * object's prototype instead, and the field would slip past a strict schema unseen.
 */
function parseJson(text: string, what: string): unknown {
  let refused = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key: string, v: unknown) => {
      if (key === '__proto__') refused = true;
      return v;
    });
  } catch {
    throw new WireError(`${what} is not valid JSON.`);
  }
  if (refused) throw new WireError(`${what} has a field named "__proto__", which no call takes. Remove it.`);
  return value;
}

export function decodeInput(contentType: string, body: Uint8Array): unknown {
  const type = contentType.split(';')[0]?.trim().toLowerCase();
  if (type === jsonType || body.byteLength === 0) {
    if (body.byteLength === 0) return {};
    return parseJson(new TextDecoder().decode(body), 'The request body');
  }
  if (type !== frameType) {
    throw new WireError(`Unsupported content type "${contentType}": send ${jsonType} or ${frameType}.`);
  }
  if (body.byteLength < 4) throw new WireError('The frame is shorter than its header.');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const jsonLength = view.getUint32(0);
  if (4 + jsonLength > body.byteLength) throw new WireError('The frame header is longer than the frame.');
  const head = parseJson(new TextDecoder().decode(body.subarray(4, 4 + jsonLength)), 'The frame header');
  if (typeof head !== 'object' || head === null || Array.isArray(head)) {
    throw new WireError('The frame header must be a JSON object.');
  }
  let offset = 4 + jsonLength;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(head)) {
    if (isBytesRef(value)) {
      const end = offset + value.$bytes;
      if (!Number.isInteger(value.$bytes) || value.$bytes < 0 || end > body.byteLength) {
        throw new WireError(`The binary field "${key}" runs past the end of the frame.`);
      }
      input[key] = body.subarray(offset, end);
      offset = end;
    } else {
      input[key] = value;
    }
  }
  if (offset !== body.byteLength) throw new WireError('The frame has bytes no field accounts for.');
  return input;
}
