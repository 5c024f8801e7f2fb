import type { CryptoKit } from '../crypto/crypto-kit';
import { concatBytes, utf8 } from '../bytes/bytes';

/**
 * A printable recovery key: 160 random bits in Crockford base32 plus a 20-bit checksum, in nine groups of
 * four (`7KQ2-…`). Crockford's alphabet has no I, L, O or U, so what is printed can be typed back; the
 * checksum catches a typo before any unwrap is attempted. 160 bits is far beyond guessing, so the key is
 * used directly (through keyed BLAKE2b) rather than stretched like a passphrase.
 */

export const RECOVERY_SECRET_BYTES = 20;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_CHARS = 32; // 160 bits / 5
const CHECK_CHARS = 4; // 20 bits
const GROUP = 4;
const CHECK_CONTEXT = utf8('casebridge.recovery-key.check.v1');

export type RecoveryKeyParse =
  | { readonly ok: true; readonly secret: Uint8Array }
  | { readonly ok: false; readonly code: 'recovery-key-format' | 'recovery-key-checksum' };

function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function decodeBase32(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 255;
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

function checksum(kit: CryptoKit, secret: Uint8Array): string {
  const digest = kit.hash(concatBytes(CHECK_CONTEXT, secret), 16);
  return encodeBase32(digest).slice(0, CHECK_CHARS);
}

/** Formats a secret for printing: `XXXX-XXXX-…` (36 characters in 9 groups). */
export function formatRecoveryKey(kit: CryptoKit, secret: Uint8Array): string {
  if (secret.length !== RECOVERY_SECRET_BYTES) throw new RangeError('A recovery secret is 20 bytes.');
  const chars = encodeBase32(secret) + checksum(kit, secret);
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP));
  return groups.join('-');
}

/** Accepts what a person types: any case, spaces or hyphens anywhere, O for 0 and I/L for 1. */
export function parseRecoveryKey(kit: CryptoKit, untrustedInput: string): RecoveryKeyParse {
  const normalised = untrustedInput.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (normalised.length !== SECRET_CHARS + CHECK_CHARS || [...normalised].some((c) => !ALPHABET.includes(c))) {
    return { ok: false, code: 'recovery-key-format' };
  }
  const secret = decodeBase32(normalised.slice(0, SECRET_CHARS));
  if (checksum(kit, secret) !== normalised.slice(SECRET_CHARS)) return { ok: false, code: 'recovery-key-checksum' };
  return { ok: true, secret };
}
