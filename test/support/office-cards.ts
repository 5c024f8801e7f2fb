import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { createKeyCard, type SignedKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity, type OfficeIdentity } from '@shared/offices/office-identity';
import { fingerprintOf, importKeyCard, markVerified, type TrustStore } from '@shared/offices/trust-store';
import { signingOffice } from '@shared/offices/signing-office';

const DAY = 86_400_000;

/** A new office identity and its signed key card, valid from a day before `now` for 400 days. */
export function officeWithCard(
  kit: CryptoKit,
  name: string,
  jurisdiction: string,
  now: number,
): { identity: OfficeIdentity; card: SignedKeyCard } {
  const identity = generateOfficeIdentity(kit);
  const card = createKeyCard(
    signingOffice(kit, identity),
    { name, jurisdiction },
    { validFrom: now - DAY, validUntil: now + 400 * DAY },
  );
  return { identity, card };
}

/**
 * `store` with `card` imported and, unless `verified` is false, verified with the fingerprint a person compared.
 * Throws if the trust store refuses either step: a fixture that cannot be built is a broken test.
 */
export function withCard(
  kit: CryptoKit,
  store: TrustStore,
  card: SignedKeyCard,
  now: number,
  verified = true,
): TrustStore {
  const imported = importKeyCard(kit, store, card, now);
  if (!imported.ok) throw new Error(imported.error.message);
  if (!verified) return imported.value.store;
  const marked = markVerified(
    kit,
    imported.value.store,
    card.card.signingKey,
    formatFingerprint(fingerprintOf(kit, card)),
    now,
  );
  if (!marked.ok) throw new Error(marked.error.message);
  return marked.value;
}
