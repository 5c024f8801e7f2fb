import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import {
  fingerprintMatches,
  fingerprintQrText,
  formatFingerprint,
  officeFingerprint,
} from '@shared/offices/fingerprint';
import { createKeyCard, verifyKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { createRevocation, verifyRevocation } from '@shared/offices/revocation';
import {
  applyRevocation,
  fingerprintOf,
  importKeyCard,
  markVerified,
  trustView,
  type TrustStore,
} from '@shared/offices/trust-store';
import { signingOffice } from '@shared/offices/signing-office';

const T0 = Date.UTC(2026, 10, 26);
const DAY = 86_400_000;

describe('offices: identity, key cards, fingerprints, trust', async () => {
  const kit = await cryptoKit();
  const seed = (n: number) => new Uint8Array(32).fill(n);
  const alice = generateOfficeIdentity(kit, { signing: seed(1), box: seed(2) });
  const validity = { validFrom: T0 - DAY, validUntil: T0 + 100 * DAY };
  const card = createKeyCard(signingOffice(kit, alice), { name: 'Office Berlin', jurisdiction: 'DE' }, validity);

  it('derives fixed keys from seeds and fresh ones otherwise', () => {
    const again = generateOfficeIdentity(kit, { signing: seed(1), box: seed(2) });
    expect(kit.equal(again.signingPublicKey, alice.signingPublicKey)).toBe(true);
    const fresh = generateOfficeIdentity(kit);
    expect(kit.equal(fresh.signingPublicKey, alice.signingPublicKey)).toBe(false);
  });

  it('shows a fingerprint as 12 groups of 5 digits that depends on the signing key', () => {
    const groups = officeFingerprint(kit, alice.signingPublicKey);
    expect(groups).toHaveLength(12);
    expect(formatFingerprint(groups)).toMatch(/^\d{5}( \d{5}){11}$/);
    expect(fingerprintMatches(groups, formatFingerprint(groups).replace(/ /g, '-'))).toBe(true);
    expect(fingerprintMatches(groups, '1'.repeat(60))).toBe(false);
    expect(officeFingerprint(kit, generateOfficeIdentity(kit).signingPublicKey)).not.toEqual(groups);
    expect(fingerprintQrText(alice.signingPublicKey)).toMatch(/^casebridge-office:v1:[0-9a-f]{64}$/);
  });

  it('verifies a self-signed card and rejects any change to it', () => {
    expect(verifyKeyCard(kit, card).ok).toBe(true);
    const renamed = { ...card, card: { ...card.card, name: 'Office Bonn' } };
    expect(verifyKeyCard(kit, renamed)).toMatchObject({ ok: false, error: { code: 'KEYCARD_SIGNATURE_INVALID' } });
    const swappedBox = { ...card, card: { ...card.card, boxKey: '11'.repeat(32) } };
    expect(verifyKeyCard(kit, swappedBox)).toMatchObject({ ok: false, error: { code: 'KEYCARD_SIGNATURE_INVALID' } });
    expect(verifyKeyCard(kit, { card: card.card })).toMatchObject({ ok: false, error: { code: 'KEYCARD_MALFORMED' } });
    expect(verifyKeyCard(kit, 'not a card')).toMatchObject({ ok: false, error: { code: 'KEYCARD_MALFORMED' } });
    const backwards = createKeyCard(
      signingOffice(kit, alice),
      { name: 'X', jurisdiction: 'DE' },
      { validFrom: T0, validUntil: T0 - 1 },
    );
    expect(verifyKeyCard(kit, backwards)).toMatchObject({ ok: false, error: { code: 'KEYCARD_MALFORMED' } });
  });

  it('accepts rotation only when the old key signed the new card', () => {
    const next = generateOfficeIdentity(kit);
    const rotated = createKeyCard(
      signingOffice(kit, next),
      { name: 'Office Berlin', jurisdiction: 'DE' },
      validity,
      signingOffice(kit, alice).signer,
    );
    expect(verifyKeyCard(kit, rotated).ok).toBe(true);
    const impostor = generateOfficeIdentity(kit);
    const forged = createKeyCard(
      signingOffice(kit, next),
      { name: 'Office Berlin', jurisdiction: 'DE' },
      validity,
      signingOffice(kit, impostor).signer,
    );
    const relabelled = { ...forged, card: { ...forged.card, previousSigningKey: card.card.signingKey } };
    expect(verifyKeyCard(kit, relabelled).ok).toBe(false);
    const noSignature = { card: rotated.card, selfSignature: rotated.selfSignature };
    expect(verifyKeyCard(kit, noSignature)).toMatchObject({ ok: false, error: { code: 'KEYCARD_MALFORMED' } });
  });

  it('imports new cards unverified, is idempotent, refuses expired and stale cards, and keeps trust on renewal', () => {
    const first = importKeyCard(kit, {}, card, T0);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.outcome).toBe('added');
    expect(importKeyCard(kit, first.value.store, card, T0)).toMatchObject({
      ok: true,
      value: { outcome: 'unchanged' },
    });
    expect(importKeyCard(kit, {}, card, T0 + 200 * DAY)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_CARD_EXPIRED' },
    });
    const verified = markVerified(
      kit,
      first.value.store,
      card.card.signingKey,
      formatFingerprint(fingerprintOf(kit, card)),
      T0,
    );
    if (!verified.ok) throw new Error(verified.error.message);
    const renewal = createKeyCard(
      signingOffice(kit, alice),
      { name: 'Office Berlin-Mitte', jurisdiction: 'DE' },
      { validFrom: T0, validUntil: T0 + 300 * DAY },
    );
    const renewed = importKeyCard(kit, verified.value, renewal, T0);
    expect(renewed).toMatchObject({ ok: true, value: { outcome: 'renewed', office: { state: 'verified' } } });
    if (!renewed.ok) return;
    expect(importKeyCard(kit, renewed.value.store, card, T0)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_CARD_STALE' },
    });
  });

  it('refuses a known office presenting a different key that no rotation explains, until the old entry is revoked', () => {
    const imported = importKeyCard(kit, {}, card, T0);
    if (!imported.ok) throw new Error(imported.error.message);
    const impostor = generateOfficeIdentity(kit, { signing: seed(7), box: seed(8) });
    const lookalike = createKeyCard(
      signingOffice(kit, impostor),
      { name: '  office berlin ', jurisdiction: 'DE' },
      validity,
    );
    const refused = importKeyCard(kit, imported.value.store, lookalike, T0);
    expect(refused).toMatchObject({ ok: false, error: { code: 'TRUST_KEY_CHANGED' } });
    expect(!refused.ok && refused.error.message).toMatch(/^Warning: .* revoke the old entry/);
    // Another State's office of the same name is another office.
    const elsewhere = createKeyCard(
      signingOffice(kit, impostor),
      { name: 'Office Berlin', jurisdiction: 'AT' },
      validity,
    );
    expect(importKeyCard(kit, imported.value.store, elsewhere, T0)).toMatchObject({
      ok: true,
      value: { outcome: 'added' },
    });
    // A rotation signed by the old key is not a key change.
    const successor = createKeyCard(
      signingOffice(kit, impostor),
      { name: 'Office Berlin', jurisdiction: 'DE' },
      validity,
      signingOffice(kit, alice).signer,
    );
    expect(importKeyCard(kit, imported.value.store, successor, T0)).toMatchObject({
      ok: true,
      value: { outcome: 'rotated' },
    });
    // Once a person revoked the old entry (Settings → Partner offices), the new card is imported unverified.
    const old = imported.value.store[card.card.signingKey];
    if (!old) throw new Error('missing');
    const revoked: TrustStore = {
      [card.card.signingKey]: { ...old, state: 'revoked', revokedAt: T0, revocationReason: 'retired' },
    };
    expect(importKeyCard(kit, revoked, lookalike, T0)).toMatchObject({
      ok: true,
      value: { outcome: 'added', office: { state: 'unverified' } },
    });
  });

  it('applies revocations signed by the revoked key only; compromised wins; revoked keys stay revoked', () => {
    let store: TrustStore = {};
    const imported = importKeyCard(kit, store, card, T0);
    if (!imported.ok) throw new Error(imported.error.message);
    store = imported.value.store;
    const forged = { ...createRevocation(signingOffice(kit, alice).signer, 'retired', T0), signature: '00'.repeat(64) };
    expect(verifyRevocation(kit, forged)).toBe(false);
    expect(applyRevocation(kit, store, forged, T0)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_REVOCATION_INVALID' },
    });
    const unknown = createRevocation(signingOffice(kit, generateOfficeIdentity(kit)).signer, 'retired', T0);
    expect(applyRevocation(kit, store, unknown, T0)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_UNKNOWN_OFFICE' },
    });
    const retired = applyRevocation(kit, store, createRevocation(signingOffice(kit, alice).signer, 'retired', T0), T0);
    if (!retired.ok) throw new Error(retired.error.message);
    expect(trustView(retired.value.store).lookup(card.card.signingKey)?.state).toBe('revoked');
    expect(
      applyRevocation(kit, retired.value.store, createRevocation(signingOffice(kit, alice).signer, 'retired', T0), T0),
    ).toMatchObject({
      ok: true,
      value: { outcome: 'unchanged' },
    });
    const compromised = applyRevocation(
      kit,
      retired.value.store,
      createRevocation(signingOffice(kit, alice).signer, 'compromised', T0),
      T0,
    );
    if (!compromised.ok) throw new Error(compromised.error.message);
    expect(compromised.value.store[card.card.signingKey]?.revocationReason).toBe('compromised');
    expect(importKeyCard(kit, compromised.value.store, card, T0)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_KEY_REVOKED' },
    });
    expect(markVerified(kit, compromised.value.store, card.card.signingKey, '', T0)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_KEY_REVOKED' },
    });
    const next = generateOfficeIdentity(kit);
    const rotated = createKeyCard(
      signingOffice(kit, next),
      { name: 'Office Berlin', jurisdiction: 'DE' },
      validity,
      signingOffice(kit, alice).signer,
    );
    // A compromised key vouches for nothing: its successor's card arrives as a new, unverified office.
    expect(importKeyCard(kit, compromised.value.store, rotated, T0)).toMatchObject({
      ok: true,
      value: { outcome: 'added', office: { state: 'unverified' } },
    });
    expect(markVerified(kit, {}, card.card.signingKey, '', T0)).toMatchObject({
      ok: false,
      error: { code: 'TRUST_UNKNOWN_OFFICE' },
    });
    expect(trustView({}).lookup('__proto__')).toBeUndefined();
  });
});
