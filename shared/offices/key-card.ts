import { z } from 'zod';
import type { CryptoKit } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { fromHex, toHex } from '../bytes/bytes';
import { canonicalJsonBytes } from '../json/canonical-json';
import { hexBytes, textChars, timestampMs } from '../bundle/json-schemas';
import jurisdictionsData from '../vocab/data/jurisdictions.json';
import { verifyDomain } from '../bundle/signing-domains';
import type { DomainSigner } from './office-signer';
import type { SigningOffice } from './signing-office';

/**
 * The jurisdictions a key card may name: the codes of the `jurisdictions` vocabulary (ISO 3166-1 alpha-2),
 * listed in docs/bundle-format.md §9.1. A code added to the vocabulary is a revision of the format text.
 */
export const KEY_CARD_JURISDICTIONS = jurisdictionsData.terms.map((term) => term.code) as [string, ...string[]];

/** The public identity of an office. Signed by its own key; a successor card is also signed by the old key. */
export const keyCardBodySchema = z.strictObject({
  version: z.literal(1),
  /** Display name of the office, e.g. "Digital Rights Office Berlin". */
  name: textChars(1, 200),
  /** Where the office acts: a code of the jurisdictions vocabulary. */
  jurisdiction: z.enum(KEY_CARD_JURISDICTIONS),
  signingKey: hexBytes(32),
  boxKey: hexBytes(32),
  validFrom: timestampMs,
  validUntil: timestampMs,
  /** Set on a rotated card: the key this card succeeds, which signed `rotationSignature`. */
  previousSigningKey: hexBytes(32).optional(),
});

export const signedKeyCardSchema = z.strictObject({
  card: keyCardBodySchema,
  /** Ed25519 by `card.signingKey` over the key-card domain digest of canonical(card). */
  selfSignature: hexBytes(64),
  /** Ed25519 by `card.previousSigningKey` over the key-rotation domain digest of canonical(card). */
  rotationSignature: hexBytes(64).optional(),
});

export type KeyCardBody = z.infer<typeof keyCardBodySchema>;
export type SignedKeyCard = z.infer<typeof signedKeyCardSchema>;
export type OfficeProfile = { readonly name: string; readonly jurisdiction: string };

export type KeyCardErrorCode = 'KEYCARD_MALFORMED' | 'KEYCARD_SIGNATURE_INVALID' | 'KEYCARD_ROTATION_INVALID';

/**
 * Creates this office's signed card; pass `predecessor` (the old key's signer) when rotating keys. Both signatures go
 * through signers: a wiped signer throws OfficeKeyWipedError and no card is made.
 */
export function createKeyCard(
  office: Pick<SigningOffice, 'signer' | 'boxPublicKey'>,
  profile: OfficeProfile,
  validity: { validFrom: number; validUntil: number },
  predecessor?: DomainSigner,
): SignedKeyCard {
  const card: KeyCardBody = keyCardBodySchema.parse({
    version: 1,
    name: profile.name.normalize('NFC'),
    jurisdiction: profile.jurisdiction,
    signingKey: toHex(office.signer.publicKey),
    boxKey: toHex(office.boxPublicKey),
    validFrom: validity.validFrom,
    validUntil: validity.validUntil,
    previousSigningKey: predecessor ? toHex(predecessor.publicKey) : undefined,
  });
  const message = canonicalJsonBytes(card);
  return {
    card,
    selfSignature: toHex(office.signer.sign('keyCard', message)),
    rotationSignature: predecessor ? toHex(predecessor.sign('keyRotation', message)) : undefined,
  };
}

/** Checks shape, validity window order, the self-signature and (for a successor) the rotation signature. */
export function verifyKeyCard(kit: CryptoKit, untrustedCard: unknown): Result<SignedKeyCard, KeyCardErrorCode> {
  const parsed = signedKeyCardSchema.safeParse(untrustedCard);
  if (!parsed.success)
    return err(
      'KEYCARD_MALFORMED',
      'This key card is damaged or not a Casebridge key card. Ask the office to export it again.',
    );
  const signed = parsed.data;
  const { card } = signed;
  if (card.validUntil <= card.validFrom)
    return err(
      'KEYCARD_MALFORMED',
      'This key card expires before it becomes valid. Ask the office for a corrected card.',
    );
  if ((card.previousSigningKey === undefined) !== (signed.rotationSignature === undefined)) {
    return err(
      'KEYCARD_MALFORMED',
      'This key card names a previous key without its rotation signature (or the reverse). Ask the office to export it again.',
    );
  }
  const message = canonicalJsonBytes(card);
  const signingKey = fromHex(card.signingKey, 32);
  const selfSignature = fromHex(signed.selfSignature, 64);
  if (!signingKey || !selfSignature || !verifyDomain(kit, 'keyCard', selfSignature, signingKey, message)) {
    return err(
      'KEYCARD_SIGNATURE_INVALID',
      'This key card is not signed by its own key: it was altered. Do not trust it; ask the office for a new card.',
    );
  }
  if (card.previousSigningKey !== undefined && signed.rotationSignature !== undefined) {
    const previousKey = fromHex(card.previousSigningKey, 32);
    const rotationSignature = fromHex(signed.rotationSignature, 64);
    if (
      !previousKey ||
      !rotationSignature ||
      !verifyDomain(kit, 'keyRotation', rotationSignature, previousKey, message)
    ) {
      return err(
        'KEYCARD_ROTATION_INVALID',
        'This key card claims to succeed an older key, but the older key did not sign it. Treat it as a new, unverified office and compare fingerprints.',
      );
    }
  }
  return ok(signed);
}
