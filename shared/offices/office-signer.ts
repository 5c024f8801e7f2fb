import type { CryptoKit } from '../crypto/crypto-kit';
import type { SigningDomain } from '../bundle/signing-domains';
import { signDomain } from '../bundle/signing-domains';

/** Signs for an office without handing its private key to the caller. */
export type DomainSigner = {
  readonly publicKey: Uint8Array;
  /** A domain-separated Ed25519 signature (see signing-domains.ts). */
  sign(domain: SigningDomain, ...parts: Uint8Array[]): Uint8Array;
};

export type OfficeSigner = DomainSigner & {
  /** Zeroes the private key; every later `sign` throws OfficeKeyWipedError. Idempotent. */
  wipe(): void;
  readonly wiped: () => boolean;
};

/** A signature was asked of a key already wiped (the vault locked, or the identity was reloaded meanwhile). */
export class OfficeKeyWipedError extends Error {
  override readonly name = 'OfficeKeyWipedError';
}

/**
 * The one holder of an office's signing key in memory. It takes the key bytes over: whoever else still points at the
 * same buffer (the identity it came from) must wipe it through this signer, so that no signature is ever made with a
 * zeroed key and the signer always knows when its key is gone.
 */
export function createOfficeSigner(
  kit: CryptoKit,
  keys: { readonly signingPublicKey: Uint8Array; readonly signingPrivateKeyPlaintext: Uint8Array },
): OfficeSigner {
  const privateKey = keys.signingPrivateKeyPlaintext;
  let wiped = false;
  return {
    publicKey: keys.signingPublicKey,
    sign(domain, ...parts) {
      if (wiped)
        throw new OfficeKeyWipedError(
          "The office's signing key was closed (the vault locked or the office identity was reloaded).",
        );
      return signDomain(kit, domain, privateKey, ...parts);
    },
    wipe() {
      wiped = true;
      kit.wipe(privateKey);
    },
    wiped: () => wiped,
  };
}
