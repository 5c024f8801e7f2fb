import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { toHex, utf8 } from '@shared/bytes/bytes';

/**
 * Keyed BLAKE2b over table ‖ field ‖ normalised value: equal values give equal tokens (that is the
 * point, and the leak: someone with the disk sees which records share a value, never the value).
 * Normalised with NFKC, trimmed, whitespace collapsed and lower-cased, so `de-bfdi-2026-0042 ` finds
 * `DE-BFDI-2026-0042`. 128 bits is ample for equality without collisions.
 */
export function normaliseForBlindIndex(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function blindIndexToken(
  kit: CryptoKit,
  blindIndexKey: Uint8Array,
  table: string,
  field: string,
  value: string,
): string {
  const data = utf8(JSON.stringify([table, field, normaliseForBlindIndex(value)]));
  return toHex(kit.hash(data, 16, blindIndexKey));
}
