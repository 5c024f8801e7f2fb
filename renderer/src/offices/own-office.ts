import { z } from 'zod';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { createKeyCard, signedKeyCardSchema, type SignedKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import type { OfficeSigner } from '@shared/offices/office-signer';
import { signingOffice, type SigningOffice } from '@shared/offices/signing-office';
import { officeFingerprint } from '@shared/offices/fingerprint';
import { err, ok, type Result } from '@shared/result';
import type { VaultDb } from '../vault/vault-db';
import { vaultWrite, type VaultWriteErrorCode } from '../vault/vault-write';
import type { OfficeProfile } from '../vault/records/office-profile';

export const OWN_KEYS_ID = 'own';
/** A key card is valid this long; the office re-issues it (same keys) when it nears the end or the profile changes. */
export const KEY_CARD_VALIDITY_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export const keyBytes = (length: number) =>
  z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length === length, `${length} bytes`);

/** The office's own keys, sealed in the vault's officeKeys table: private halves never leave it unencrypted. */
export const ownKeysRecordSchema = z.strictObject({
  id: z.literal(OWN_KEYS_ID),
  officeId: z.literal(OWN_KEYS_ID),
  createdAt: z.date(),
  signingPublicKey: keyBytes(32),
  signingPrivateKeyPlaintext: keyBytes(64),
  boxPublicKey: keyBytes(32),
  boxPrivateKeyPlaintext: keyBytes(32),
  card: signedKeyCardSchema,
});

/**
 * This office in memory after unlock. Its signing key is held by `signer` alone: bundles, key cards, certificates and
 * the oversight export all sign through it, and nothing else can reach the key.
 */
export type OwnOffice = SigningOffice & {
  readonly signer: OfficeSigner;
  readonly card: SignedKeyCard;
  readonly fingerprint: readonly string[];
};

type Signing = SigningOffice & { readonly signer: OfficeSigner };

function ownOffice(kit: CryptoKit, signing: Signing, card: SignedKeyCard): OwnOffice {
  return { ...signing, card, fingerprint: officeFingerprint(kit, signing.signer.publicKey) };
}

/**
 * Zeroes this office's private keys. The signing key goes through the signer, so a signature still being made with
 * it (an export in flight) fails clearly instead of being made with a zeroed key.
 */
export function wipeOwnOffice(kit: CryptoKit, own: Signing): void {
  own.signer.wipe();
  kit.wipe(own.boxPrivateKeyPlaintext);
}

export type OwnOfficeErrorCode = VaultWriteErrorCode | 'profile-missing' | 'keys-corrupt';

function cardMatches(card: SignedKeyCard, profile: OfficeProfile, now: number): boolean {
  return (
    card.card.name === profile.officeName.normalize('NFC') &&
    card.card.jurisdiction === profile.jurisdiction &&
    card.card.validUntil - now > KEY_CARD_VALIDITY_MS / 4
  );
}

/**
 * The office identity, created on first use after the profile exists (the key card names the office). Keys
 * are made once; the card is re-signed with the same keys when the profile's name or jurisdiction changes or
 * it nears expiry, so partners' trust (which covers the signing key) carries over.
 */
export async function ensureOwnOffice(
  db: VaultDb,
  kit: CryptoKit,
  profile: OfficeProfile | null,
  now: number,
): Promise<Result<OwnOffice, OwnOfficeErrorCode>> {
  if (!profile)
    return err(
      'profile-missing',
      'Set up the office profile (name and jurisdiction) first: the key card names your office.',
    );
  const untrusted: unknown = await db.officeKeys.get(OWN_KEYS_ID);
  if (untrusted !== undefined) {
    const parsed = ownKeysRecordSchema.safeParse(untrusted);
    if (!parsed.success)
      return err(
        'keys-corrupt',
        "This office's keys could not be read. Restore the vault from a backup; do not create new keys, or partners will no longer recognise you.",
      );
    const { card, createdAt: _createdAt, id: _id, officeId: _officeId, ...identity } = parsed.data;
    // The unwrapped identity's signing key goes to the signer here; the identity object itself is not kept.
    const signing = signingOffice(kit, identity);
    if (cardMatches(card, profile, now)) return ok(ownOffice(kit, signing, card));
    const renewed = createKeyCard(
      signing,
      { name: profile.officeName, jurisdiction: profile.jurisdiction },
      { validFrom: now, validUntil: now + KEY_CARD_VALIDITY_MS },
    );
    const saved = await vaultWrite(db, [db.officeKeys], async () => {
      await db.officeKeys.put({ ...parsed.data, card: renewed });
    });
    if (saved.ok) return ok(ownOffice(kit, signing, renewed));
    wipeOwnOffice(kit, signing);
    return saved;
  }
  const identity = generateOfficeIdentity(kit);
  const signing = signingOffice(kit, identity);
  const card = createKeyCard(
    signing,
    { name: profile.officeName, jurisdiction: profile.jurisdiction },
    { validFrom: now, validUntil: now + KEY_CARD_VALIDITY_MS },
  );
  const record = { id: OWN_KEYS_ID, officeId: OWN_KEYS_ID, createdAt: new Date(now), ...identity, card };
  const written = await vaultWrite(db, [db.officeKeys], async () => {
    // Checked inside the transaction: two windows must not both mint an identity.
    const existing: unknown = await db.officeKeys.get(OWN_KEYS_ID);
    if (existing !== undefined) return false;
    await db.officeKeys.add(record);
    return true;
  });
  if (!written.ok || !written.value) wipeOwnOffice(kit, signing);
  if (!written.ok) return written;
  if (!written.value) return ensureOwnOffice(db, kit, profile, now);
  return ok(ownOffice(kit, signing, card));
}
