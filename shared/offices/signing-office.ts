import type { CryptoKit } from '../crypto/crypto-kit';
import type { OfficeIdentity } from './office-identity';
import type { DomainSigner, OfficeSigner } from './office-signer';
import { createOfficeSigner } from './office-signer';

/**
 * An office as what it signs needs it: every signature (bundles, key cards, revocations, rotations) goes through
 * `signer`, which never hands out the signing key; the box key pair wraps content keys and is not a signing key.
 */
export type SigningOffice = {
  readonly signer: DomainSigner;
  readonly boxPublicKey: Uint8Array;
  readonly boxPrivateKeyPlaintext: Uint8Array;
};

/**
 * Hands `identity`'s signing key over to a new signer (the same bytes: wiping the signer zeroes the identity's key,
 * see createOfficeSigner). Where key material is unwrapped — the vault, a test fixture, the vector generator —
 * this is the one step that touches the signing key.
 */
export function signingOffice(
  kit: CryptoKit,
  identity: OfficeIdentity,
): SigningOffice & { readonly signer: OfficeSigner } {
  return {
    signer: createOfficeSigner(kit, identity),
    boxPublicKey: identity.boxPublicKey,
    boxPrivateKeyPlaintext: identity.boxPrivateKeyPlaintext,
  };
}
