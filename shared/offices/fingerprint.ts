import type { CryptoKit } from '../crypto/crypto-kit';
import { concatBytes, toHex, utf8 } from '../bytes/bytes';

export const FINGERPRINT_GROUPS = 12;

/**
 * An office fingerprint, compared out of band like a Signal safety number: 60 digits in 12 groups of 5,
 * derived from BLAKE2b-512 over the office's Ed25519 public key. The encryption key needs no digits of its
 * own: the key card binds it to the signing key with a self-signature.
 * Group i is bytes [5i, 5i+5) of the hash read as a big-endian 40-bit integer, modulo 100000.
 */
export function officeFingerprint(kit: CryptoKit, signingPublicKey: Uint8Array): string[] {
  const digest = kit.hash(concatBytes(utf8('casebridge/v1/fingerprint'), new Uint8Array([0]), signingPublicKey), 64);
  const groups: string[] = [];
  for (let group = 0; group < FINGERPRINT_GROUPS; group++) {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 256 + (digest[group * 5 + i] ?? 0);
    groups.push(String(value % 100000).padStart(5, '0'));
  }
  return groups;
}

/** "12345 67890 …" as shown on screen and on the transmittal slip. */
export function formatFingerprint(groups: readonly string[]): string {
  return groups.join(' ');
}

/** The text a QR code carries: scheme, version and the signing key in hex (the scanner recomputes the digits). */
export function fingerprintQrText(signingPublicKey: Uint8Array): string {
  return `casebridge-office:v1:${toHex(signingPublicKey)}`;
}

/** Compares what a person typed or read out (spaces and dashes ignored) with the computed digits. */
export function fingerprintMatches(groups: readonly string[], spoken: string): boolean {
  return spoken.replace(/[\s-]/g, '') === groups.join('');
}
