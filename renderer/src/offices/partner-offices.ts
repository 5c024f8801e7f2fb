import { z } from 'zod';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { signedKeyCardSchema } from '@shared/offices/key-card';
import { formatFingerprint, officeFingerprint } from '@shared/offices/fingerprint';
import { REVOCATION_REASONS } from '@shared/offices/revocation';
import type { PartnerOffice, TrustStore } from '@shared/offices/trust-store';
import { fromHex } from '@shared/bytes/bytes';
import type { Result } from '@shared/result';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault/vault-write';

/** A partner office row: the trust-store entry, keyed by signing key; `fingerprint` is blind-indexed. */
const partnerRowSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  fingerprint: z.string(),
  office: z.strictObject({
    card: signedKeyCardSchema,
    state: z.enum(['unverified', 'verified', 'revoked']),
    importedAt: z.number(),
    verifiedAt: z.number().optional(),
    revokedAt: z.number().optional(),
    revocationReason: z.enum(REVOCATION_REASONS).optional(),
    successor: z.string().optional(),
  }),
});

/** Every partner office that opens and parses (damaged rows are reported by the vault and left out). */
export async function loadTrustStore(db: VaultDb): Promise<TrustStore> {
  const rows: unknown[] = await db.offices.toArray();
  const store: Record<string, PartnerOffice> = {};
  for (const row of rows) {
    const parsed = partnerRowSchema.safeParse(row);
    if (parsed.success) store[parsed.data.id] = parsed.data.office;
  }
  return store;
}

export function partnerFingerprint(kit: CryptoKit, office: PartnerOffice): string {
  return formatFingerprint(officeFingerprint(kit, fromHex(office.card.card.signingKey, 32) ?? new Uint8Array(32)));
}

/** Writes the entries of `next` that differ from `previous` (trust-store functions return whole new stores). */
export function saveTrustChanges(
  db: VaultDb,
  kit: CryptoKit,
  previous: TrustStore,
  next: TrustStore,
): Promise<Result<void, VaultWriteErrorCode>> {
  const changed = Object.entries(next).filter(([key, office]) => previous[key] !== office);
  return vaultWrite(db, [db.offices], async () => {
    for (const [key, office] of changed)
      await db.offices.put({ id: key, fingerprint: partnerFingerprint(kit, office), office: { ...office } });
  });
}
