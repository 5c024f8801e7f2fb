import type { CryptoKit } from '../crypto/crypto-kit';

/**
 * An office's long-term keys. The private halves are plain bytes that the vault stores encrypted; this module
 * never persists anything. `signing` is Ed25519 (identity, signatures); `box` is X25519 (key wrapping). Once made or
 * unwrapped, the signing key is handed to a signer (`signingOffice`): everything that signs goes through it.
 */
export type OfficeIdentity = {
  readonly signingPublicKey: Uint8Array;
  readonly signingPrivateKeyPlaintext: Uint8Array;
  readonly boxPublicKey: Uint8Array;
  readonly boxPrivateKeyPlaintext: Uint8Array;
};

/** Generates a fresh identity; `seeds` (32 bytes each) exist for fixed test vectors only. */
export function generateOfficeIdentity(
  kit: CryptoKit,
  seeds?: { signing: Uint8Array; box: Uint8Array },
): OfficeIdentity {
  const signing = kit.signKeyPair(seeds?.signing ?? kit.randomBytes(32));
  const box = kit.boxKeyPair(seeds?.box ?? kit.randomBytes(32));
  return {
    signingPublicKey: signing.publicKey,
    signingPrivateKeyPlaintext: signing.privateKey,
    boxPublicKey: box.publicKey,
    boxPrivateKeyPlaintext: box.privateKey,
  };
}
