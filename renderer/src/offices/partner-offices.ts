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

/**
 * A partner office row: the trust-store entry under a random id (an id made of the signing key would list every
 * partner on disk); `fingerprint` is blind-indexed and is how a row is found again.
 */
const partnerRowSchema = z.strictObject({
  id: z.string().min(1),
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
    if (parsed.success) store[parsed.data.office.card.card.signingKey] = parsed.data.office;
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
    for (const [, office] of changed) {
      const fingerprint = partnerFingerprint(kit, office);
      const id = (await officeRowId(db, fingerprint, office.card.card.signingKey)) ?? crypto.randomUUID();
      await db.offices.put({ id, fingerprint, office: { ...office } });
    }
  });
}

/** The id of the row already holding the office with this signing key, found through the fingerprint's blind index. */
async function officeRowId(db: VaultDb, fingerprint: string, signingKey: string): Promise<string | undefined> {
  const rows: unknown[] = await db.offices.where('fingerprint').equals(fingerprint).toArray();
  for (const row of rows) {
    const parsed = partnerRowSchema.safeParse(row);
    if (parsed.success && parsed.data.office.card.card.signingKey === signingKey) return parsed.data.id;
  }
  return undefined;
}
