import type { CryptoKit, KeyPair } from '@shared/crypto/crypto-kit';
import { toHex } from '@shared/bytes/bytes';
import { eventSignerFromKey, isOfficeActor, type AuditSigner, type PersonKey } from '@shared/audit/event-signature';

/** The person who records a partner office's acts in tests (the importer). */
export const TEST_IMPORTER_ID = 'importer';

/**
 * A signer for tests of the pure workflow: every person id gets a real Ed25519 key pair the first time it acts,
 * and `keys()` lists them for the verifier. The app's signer (the vault keyring) holds only the signed-in person.
 */
export function testSigner(kit: CryptoKit): AuditSigner & { keys(): PersonKey[]; pairOf(personId: string): KeyPair } {
  const pairs = new Map<string, KeyPair>();
  const pairOf = (personId: string) => {
    let pair = pairs.get(personId);
    if (!pair) {
      pair = kit.signKeyPair();
      pairs.set(personId, pair);
    }
    return pair;
  };
  return {
    signerFor(actorId) {
      const personId = isOfficeActor(actorId) ? TEST_IMPORTER_ID : actorId;
      return eventSignerFromKey(kit, personId, pairOf(personId).privateKey);
    },
    pairOf,
    keys: () =>
      [...pairs].map(([personId, pair]) => ({
        personId,
        name: `Person ${personId}`,
        publicKeyHex: toHex(pair.publicKey),
        validFrom: '2000-01-01T00:00:00.000Z',
        revokedAt: null,
      })),
  };
}
