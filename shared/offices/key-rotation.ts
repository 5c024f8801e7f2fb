import type { CryptoKit } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { createKeyCard, type OfficeProfile, type SignedKeyCard } from './key-card';
import { generateOfficeIdentity } from './office-identity';
import type { OfficeIdentity } from './office-identity';
import type { DomainSigner, OfficeSigner } from './office-signer';
import { createRevocation, type SignedRevocation } from './revocation';
import { signingOffice } from './signing-office';
import type { SigningOffice } from './signing-office';

/** Why the old key is retired: `superseded` when the vault on the lost laptop stays locked, `compromised` otherwise. */
export const DRILL_REASONS = ['superseded', 'compromised'] as const;
export type DrillReason = (typeof DRILL_REASONS)[number];

export type KeyRotation = {
  /** The new identity, for the vault to seal: this installation signs with it only from now on. */
  readonly identity: OfficeIdentity;
  /** Signs as the new identity: it owns the new signing key (wiping it zeroes `identity`'s key too). */
  readonly office: SigningOffice & { readonly signer: OfficeSigner };
  /** The new key card, self-signed and signed by the old key as its successor. */
  readonly card: SignedKeyCard;
  /** The old key's own revocation, effective from the date the office stated. */
  readonly revocation: SignedRevocation;
};

const DAY_MS = 86_400_000;

export type RevocationDateErrorCode = 'DRILL_DATE_FUTURE' | 'DRILL_DATE_BEFORE_KEY';

/**
 * The effective date of the revocation is a moment the office states, usually the day the laptop went missing. It
 * may not lie in the future (the key would stay valid until then while its holder already knows it is lost) nor
 * before the day the key was made (it would revoke nothing more and hide a typing error).
 */
export function checkRevocationDate(
  revokedAt: number,
  now: number,
  keyCreatedAt: number,
): Result<number, RevocationDateErrorCode> {
  if (revokedAt > now)
    return err(
      'DRILL_DATE_FUTURE',
      'The date the laptop was lost lies in the future. Enter the day it went missing (today at the latest).',
    );
  // A day is entered, so the start of the day the key was made (in any time zone) still counts.
  if (revokedAt <= keyCreatedAt - DAY_MS)
    return err(
      'DRILL_DATE_BEFORE_KEY',
      "The date is before this office's key was created. Enter the day the laptop went missing.",
    );
  return ok(revokedAt);
}

/**
 * Makes a new office identity, a key card for it signed by `old` as its predecessor, and `old`'s revocation. The old
 * signing key signs these two statements and nothing after them (the caller then wipes `old`).
 */
export function rotateOfficeKeys(
  kit: CryptoKit,
  old: DomainSigner,
  profile: OfficeProfile,
  validity: { validFrom: number; validUntil: number },
  revocation: { reason: DrillReason; revokedAt: number; note?: string },
  seeds?: { signing: Uint8Array; box: Uint8Array },
): KeyRotation {
  const identity = generateOfficeIdentity(kit, seeds);
  const office = signingOffice(kit, identity);
  try {
    return {
      identity,
      office,
      card: createKeyCard(office, profile, validity, old),
      revocation: createRevocation(old, revocation.reason, revocation.revokedAt, revocation.note),
    };
  } catch (caught) {
    // The old key could not sign (wiped meanwhile): the new keys are never used, so they go at once.
    office.signer.wipe();
    kit.wipe(identity.boxPrivateKeyPlaintext);
    throw caught;
  }
}
