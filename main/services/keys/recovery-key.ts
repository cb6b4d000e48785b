import { randomBytes } from 'node:crypto';

/**
 * The recovery key as a person writes it down: 256 bits in Crockford's base32 (no I, L, O or U,
 * so nothing reads as another character), 13 groups of 4. Reading it back forgives case, spaces,
 * dashes, and O, I or L typed for 0 and 1.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyBytes = 32;
const length = Math.ceil((keyBytes * 8) / 5);

/** A new recovery key, shown once: the same form the data key's recovery slot takes. */
export function newRecoveryKey(): string {
  return encodeRecoveryKey(randomBytes(keyBytes));
}

export function encodeRecoveryKey(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return (out.match(/.{1,4}/g) ?? []).join('-');
}

/** The 32 bytes of a recovery key as typed, or null when it is not one (a wrong length, a stray character). */
export function decodeRecoveryKey(typed: string): Uint8Array | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== length) return null;
  const out = new Uint8Array(keyBytes);
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of text) {
    const digit = alphabet.indexOf(ch);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      if (n < keyBytes) out[n++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  // The last character carries 4 bits of padding, always zero in a key this app wrote.
  return value === 0 ? out : null;
}
