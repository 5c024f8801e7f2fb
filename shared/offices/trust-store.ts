import type { CryptoKit } from '../crypto/crypto-kit';
import { err, ok, type Result } from '../result';
import { fromHex } from '../bytes/bytes';
import { canonicalJson } from '../json/canonical-json';
import { verifyKeyCard, type KeyCardErrorCode, type SignedKeyCard } from './key-card';
import { formatFingerprint, officeFingerprint } from './fingerprint';
import { verifyRevocation, type RevocationReason, type SignedRevocation } from './revocation';

/**
 * Partner offices as pure data: every change returns a new store, so the caller (the vault, a test) decides
 * where it lives and records the audit event. Keyed by the office's signing key in hex.
 */
export type TrustState = 'unverified' | 'verified' | 'revoked';

export type PartnerOffice = {
  readonly card: SignedKeyCard;
  readonly state: TrustState;
  readonly importedAt: number;
  readonly verifiedAt?: number;
  readonly revokedAt?: number;
  readonly revocationReason?: RevocationReason;
  /** Signing key of the card that succeeded this one by rotation. */
  readonly successor?: string;
};

export type TrustStore = Readonly<Record<string, PartnerOffice>>;

/** What the bundle verifier needs: a read-only look-up. */
export type TrustView = { lookup(signingKeyHex: string): PartnerOffice | undefined };

export function trustView(store: TrustStore): TrustView {
  return { lookup: (key) => (Object.hasOwn(store, key) ? store[key] : undefined) };
}

export type TrustErrorCode =
  | KeyCardErrorCode
  | 'TRUST_CARD_EXPIRED'
  | 'TRUST_CARD_STALE'
  | 'TRUST_KEY_REVOKED'
  | 'TRUST_ROTATION_CONFLICT'
  | 'TRUST_KEY_CHANGED'
  | 'TRUST_UNKNOWN_OFFICE'
  | 'TRUST_FINGERPRINT_MISMATCH'
  | 'TRUST_REVOCATION_INVALID';

export type ImportOutcome = 'added' | 'unchanged' | 'renewed' | 'rotated';

/**
 * Imports a partner's key card. New offices start unverified. A card signed by a known key's holder as its
 * successor (rotation) inherits the old key's trust state and retires the old key; a renewal under the same
 * signing key keeps the state.
 */
export function importKeyCard(
  kit: CryptoKit,
  store: TrustStore,
  untrustedCard: unknown,
  now: number,
): Result<{ store: TrustStore; outcome: ImportOutcome; office: PartnerOffice }, TrustErrorCode> {
  const verified = verifyKeyCard(kit, untrustedCard);
  if (!verified.ok) return verified;
  const card = verified.value;
  const key = card.card.signingKey;
  if (card.card.validUntil <= now)
    return err(
      'TRUST_CARD_EXPIRED',
      `The key card of ${card.card.name} expired. Ask the office for a current key card.`,
    );
  const existing = trustView(store).lookup(key);
  if (existing) {
    if (existing.state === 'revoked')
      return err(
        'TRUST_KEY_REVOKED',
        `The key of ${card.card.name} was revoked; a card for it cannot be imported again. Ask the office for its new key card.`,
      );
    if (canonicalJson(existing.card) === canonicalJson(card))
      return ok({ store, outcome: 'unchanged', office: existing });
    if (card.card.validFrom <= existing.card.card.validFrom) {
      return err('TRUST_CARD_STALE', `You already have a newer key card for ${card.card.name}; this one was ignored.`);
    }
    // The fingerprint covers the signing key only, so a renewal (new validity, name or encryption key signed
    // by the same key) keeps the trust a person established for that key.
    const renewed: PartnerOffice = { ...existing, card };
    return ok({ store: { ...store, [key]: renewed }, outcome: 'renewed', office: renewed });
  }
  const previousKey = card.card.previousSigningKey;
  const predecessor = previousKey === undefined ? undefined : trustView(store).lookup(previousKey);
  // A key revoked as compromised cannot vouch for a successor: its card then arrives as a new, unverified office.
  if (previousKey !== undefined && predecessor && predecessor.revocationReason !== 'compromised') {
    if (predecessor.successor !== undefined && predecessor.successor !== key) {
      return err(
        'TRUST_ROTATION_CONFLICT',
        `The old key of ${card.card.name} already vouched for a different new key. Call the office and compare fingerprints before trusting either.`,
      );
    }
    const state = inheritedState(predecessor);
    const successor: PartnerOffice = {
      card,
      state,
      importedAt: now,
      verifiedAt: state === 'verified' ? predecessor.verifiedAt : undefined,
    };
    const retired: PartnerOffice = {
      ...predecessor,
      state: 'revoked',
      revokedAt: Math.min(predecessor.revokedAt ?? now, now),
      revocationReason: predecessor.revocationReason ?? 'superseded',
      successor: key,
    };
    return ok({ store: { ...store, [previousKey]: retired, [key]: successor }, outcome: 'rotated', office: successor });
  }
  const known = officeWithOtherKey(store, card);
  if (known) {
    // Same office, new key, and the old key did not vouch for it: lost key, or someone posing as the office.
    return err(
      'TRUST_KEY_CHANGED',
      `Warning: this key card says it is ${card.card.name} (${card.card.jurisdiction}), an office already in your partner list, but it carries a different key that the old key did not sign. Either the office lost its key and made a new one, or someone is posing as it. Do not import it yet: call ${card.card.name} on a number you already know and compare the new fingerprint. If they confirm the new key, revoke the old entry in Settings → Partner offices, then import this card again.`,
    );
  }
  const added: PartnerOffice = { card, state: 'unverified', importedAt: now };
  return ok({ store: { ...store, [key]: added }, outcome: 'added', office: added });
}

/**
 * The trust a rotated card takes over from the key that signed it: the old key's state, or — when the office's own
 * revocation (reason `superseded`, as the lost-laptop drill sends) arrived before the card — the trust a person had
 * established for the old key. A key revoked by us or retired for another reason vouches for nothing.
 */
function inheritedState(predecessor: PartnerOffice): TrustState {
  if (predecessor.state !== 'revoked') return predecessor.state;
  return predecessor.revocationReason === 'superseded' &&
    predecessor.successor === undefined &&
    predecessor.verifiedAt !== undefined
    ? 'verified'
    : 'unverified';
}

/**
 * Whether `office`'s revocation refuses a bundle of `kind` created at `createdAt`. A key retired in good order
 * (`superseded`: the laptop was lost locked, the passphrase is safe) is revoked from its revocation's effective date
 * (`revokedAt`): what it signed before, while verified, stays valid (bundles in flight). A key that may be in someone
 * else's hands (`compromised`) refuses everything: its holder can date a bundle as they like. A revocation may always
 * retire a key further. Without a date, everything is refused.
 */
export function revocationRefuses(office: PartnerOffice, bundle: { kind: string; createdAt: number }): boolean {
  if (office.state !== 'revoked' || bundle.kind === 'revocation') return false;
  if (office.revocationReason === 'compromised') return true;
  return office.revokedAt === undefined || office.verifiedAt === undefined || bundle.createdAt >= office.revokedAt;
}

/**
 * Marks an office verified after a person compared fingerprints out of band. The caller passes the digits the
 * person confirmed, so a stale screen cannot verify a different card.
 */
export function markVerified(
  kit: CryptoKit,
  store: TrustStore,
  signingKeyHex: string,
  confirmedFingerprint: string,
  now: number,
): Result<TrustStore, TrustErrorCode> {
  const office = trustView(store).lookup(signingKeyHex);
  if (!office)
    return err('TRUST_UNKNOWN_OFFICE', 'This office is not in your partner list. Import its key card first.');
  if (office.state === 'revoked')
    return err(
      'TRUST_KEY_REVOKED',
      `The key of ${office.card.card.name} is revoked and cannot be verified. Import its current key card.`,
    );
  const expected = formatFingerprint(fingerprintOf(kit, office.card));
  if (confirmedFingerprint.replace(/[\s-]/g, '') !== expected.replace(/\s/g, '')) {
    return err(
      'TRUST_FINGERPRINT_MISMATCH',
      `The fingerprint you confirmed does not match ${office.card.card.name}'s key card (${expected}). Compare again with the office before verifying.`,
    );
  }
  return ok({ ...store, [signingKeyHex]: { ...office, state: 'verified', verifiedAt: now } });
}

/** Applies a revocation signed by the revoked key. Revoking twice is harmless; "compromised" always wins. */
export function applyRevocation(
  kit: CryptoKit,
  store: TrustStore,
  revocation: SignedRevocation,
  now: number,
): Result<{ store: TrustStore; outcome: 'revoked' | 'unchanged' }, TrustErrorCode> {
  if (!verifyRevocation(kit, revocation))
    return err(
      'TRUST_REVOCATION_INVALID',
      'This revocation is not signed by the key it revokes. Ignore it and ask the office directly.',
    );
  const key = revocation.statement.signingKey;
  const office = trustView(store).lookup(key);
  if (!office)
    return err('TRUST_UNKNOWN_OFFICE', 'This revocation is for an office not in your partner list; nothing to do.');
  const reason = office.revocationReason === 'compromised' ? 'compromised' : revocation.statement.reason;
  // The key is revoked from the date its holder states (the day a laptop was lost), never later than we knew.
  const revokedAt = Math.min(office.revokedAt ?? now, revocation.statement.revokedAt);
  if (office.state === 'revoked' && office.revocationReason === reason && office.revokedAt === revokedAt)
    return ok({ store, outcome: 'unchanged' });
  const next: Record<string, PartnerOffice> = {
    ...store,
    [key]: { ...office, state: 'revoked', revokedAt, revocationReason: reason },
  };
  const successor = office.successor === undefined ? undefined : trustView(store).lookup(office.successor);
  // A compromised key's rotation signature proves nothing: trust the successor took over from it (rather than
  // from a person comparing its own fingerprint) falls back to unverified.
  if (reason === 'compromised' && office.successor !== undefined && successor?.state === 'verified') {
    if ((successor.verifiedAt ?? 0) < successor.importedAt)
      next[office.successor] = { ...successor, state: 'unverified', verifiedAt: undefined };
  }
  return ok({ store: next, outcome: 'revoked' });
}

/**
 * A partner office still trusted under another key with the same name and jurisdiction as `card`: a key change
 * that no rotation explains. Names are compared trimmed and without regard to case.
 */
export function officeWithOtherKey(store: TrustStore, card: SignedKeyCard): PartnerOffice | undefined {
  const name = card.card.name.trim().toLowerCase();
  return Object.values(store).find(
    (office) =>
      office.state !== 'revoked' &&
      office.card.card.signingKey !== card.card.signingKey &&
      office.card.card.jurisdiction === card.card.jurisdiction &&
      office.card.card.name.trim().toLowerCase() === name,
  );
}

export function fingerprintOf(kit: CryptoKit, card: SignedKeyCard): string[] {
  return officeFingerprint(kit, fromHex(card.card.signingKey, 32) ?? new Uint8Array(32));
}
