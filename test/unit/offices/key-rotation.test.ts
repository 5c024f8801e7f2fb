import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { buildBundle } from '@shared/bundle/build-bundle';
import { buildPublicBundle } from '@shared/bundle/public-bundle';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { verifyKeyCard } from '@shared/offices/key-card';
import { checkRevocationDate, rotateOfficeKeys, type DrillReason } from '@shared/offices/key-rotation';
import type { OfficeIdentity } from '@shared/offices/office-identity';
import { verifyRevocation } from '@shared/offices/revocation';
import { applyRevocation, importKeyCard, trustView, type TrustStore } from '@shared/offices/trust-store';
import { DAY, emptyLedger, makeOffice, requestBody, seed, storeWith, T0 } from '../bundle/bundle-fixtures';
import { signingOffice } from '@shared/offices/signing-office';

describe('lost-laptop drill: key rotation and revocation of the old key', async () => {
  const kit = await cryptoKit();
  const berlin = makeOffice(kit, 1, 'Office Berlin', 'DE');
  const paris = makeOffice(kit, 2, 'Office Paris', 'FR');
  const oldKey = berlin.card.card.signingKey;
  /** The laptop went missing two days before the drill, which runs at T0. */
  const lostOn = T0 - 2 * DAY;
  const validity = { validFrom: T0, validUntil: T0 + 700 * DAY };
  const profile = { name: 'Office Berlin', jurisdiction: 'DE' };
  /** The same new key every time (fixed seeds), as one drill seen from both offices. */
  const drill = (reason: DrillReason) =>
    rotateOfficeKeys(
      kit,
      signingOffice(kit, berlin.identity).signer,
      profile,
      validity,
      { reason, revokedAt: lostOn, note: 'Laptop lost' },
      { signing: seed(9), box: seed(109) },
    );

  async function request(from: OfficeIdentity, createdAt: number): Promise<Uint8Array> {
    const sink = memorySink();
    const built = await buildBundle(
      kit,
      {
        kind: 'request',
        body: requestBody,
        sender: signingOffice(kit, from),
        recipients: [{ card: paris.card, sequence: 1 }],
        createdAt,
        notAfter: createdAt + 30 * DAY,
      },
      sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    return sink.bytes();
  }

  async function codeAtParis(bytes: Uint8Array, store: TrustStore): Promise<string> {
    const result = await verifyBundle(kit, {
      source: memorySource(bytes),
      trust: trustView(store),
      recipient: paris.identity,
      clock: () => T0 + DAY,
      ledger: emptyLedger,
    });
    return result.ok ? 'ok' : result.error.code;
  }

  /** Paris imports the new card and the revocation, in either order. */
  function importAtParis(reason: DrillReason, order: 'card-first' | 'revocation-first'): TrustStore {
    const rotation = drill(reason);
    let store = storeWith(kit, [berlin, paris]);
    const steps = [
      () => {
        const imported = importKeyCard(kit, store, rotation.card, T0 + DAY);
        if (!imported.ok) throw new Error(imported.error.message);
        store = imported.value.store;
      },
      () => {
        const applied = applyRevocation(kit, store, rotation.revocation, T0 + DAY);
        if (!applied.ok) throw new Error(applied.error.message);
        store = applied.value.store;
      },
    ];
    for (const step of order === 'card-first' ? steps : steps.reverse()) step();
    return store;
  }

  it('builds a new card signed by the old key and the old key’s own revocation, both verifying', () => {
    const rotation = drill('superseded');
    const card = verifyKeyCard(kit, rotation.card);
    expect(card.ok).toBe(true);
    expect(rotation.card.card.previousSigningKey).toBe(oldKey);
    expect(rotation.card.card.signingKey).toBe(toHex(rotation.identity.signingPublicKey));
    expect(rotation.card.card.signingKey).not.toBe(oldKey);
    expect(verifyRevocation(kit, rotation.revocation)).toBe(true);
    expect(rotation.revocation.statement).toMatchObject({
      signingKey: oldKey,
      reason: 'superseded',
      revokedAt: lostOn,
    });
    // Either statement altered no longer verifies.
    const moved = { ...rotation.revocation, statement: { ...rotation.revocation.statement, revokedAt: T0 } };
    expect(verifyRevocation(kit, moved)).toBe(false);
    const other = rotateOfficeKeys(kit, signingOffice(kit, paris.identity).signer, profile, validity, {
      reason: 'superseded',
      revokedAt: T0,
    });
    const forged = { ...rotation.card, rotationSignature: other.card.rotationSignature };
    expect(verifyKeyCard(kit, forged)).toMatchObject({ ok: false, error: { code: 'KEYCARD_ROTATION_INVALID' } });
  });

  it('takes the revocation date from the office: not in the future, not before the key existed', () => {
    expect(checkRevocationDate(lostOn, T0, T0 - 300 * DAY)).toEqual({ ok: true, value: lostOn });
    expect(checkRevocationDate(T0, T0, T0 - 300 * DAY)).toEqual({ ok: true, value: T0 });
    // The start of the day the key was made counts.
    expect(checkRevocationDate(T0 - 300 * DAY - 9 * 3_600_000, T0, T0 - 300 * DAY).ok).toBe(true);
    expect(checkRevocationDate(T0 + 1, T0, T0 - 300 * DAY)).toMatchObject({
      ok: false,
      error: { code: 'DRILL_DATE_FUTURE' },
    });
    expect(checkRevocationDate(T0 - 301 * DAY, T0, T0 - 300 * DAY + 1)).toMatchObject({
      ok: false,
      error: { code: 'DRILL_DATE_BEFORE_KEY' },
    });
  });

  // `compromised`: a key that may be in a thief's hands vouches for nothing, so a person must verify the new key.
  it.each([
    ['superseded', 'card-first', 'verified'],
    ['superseded', 'revocation-first', 'verified'],
    ['compromised', 'card-first', 'unverified'],
    ['compromised', 'revocation-first', 'unverified'],
  ] as const)(
    'at a partner (%s, %s): the new key is %s and the old one revoked from the stated date',
    (reason, order, newState) => {
      const store = importAtParis(reason, order);
      expect(store[drill(reason).card.card.signingKey]).toMatchObject({ state: newState });
      expect(store[oldKey]).toMatchObject({ state: 'revoked', revokedAt: lostOn, revocationReason: reason });
    },
  );

  it('honours the revocation date: the old key’s bundles from that day on are refused, earlier ones stay valid', async () => {
    const store = importAtParis('superseded', 'card-first');
    const rotation = drill('superseded');
    expect(await codeAtParis(await request(berlin.identity, lostOn - 1), store)).toBe('ok');
    expect(await codeAtParis(await request(berlin.identity, lostOn), store)).toBe('BUNDLE_SIGNER_REVOKED');
    expect(await codeAtParis(await request(berlin.identity, T0), store)).toBe('BUNDLE_SIGNER_REVOKED');
    expect(await codeAtParis(await request(rotation.identity, T0), store)).toBe('ok');
    // Before the revocation arrived, the same later-dated bundle was accepted: the date is what refuses it.
    expect(await codeAtParis(await request(berlin.identity, T0), storeWith(kit, [berlin, paris]))).toBe('ok');
  });

  it('a key revoked as compromised refuses even bundles dated before the revocation (its holder can backdate)', async () => {
    const store = importAtParis('compromised', 'card-first');
    expect(await codeAtParis(await request(berlin.identity, lostOn - DAY), store)).toBe('BUNDLE_SIGNER_REVOKED');
  });

  it('still reads the revocation bundle itself once the old key is revoked (it can only retire the key further)', async () => {
    const rotation = drill('compromised');
    const store = importAtParis('superseded', 'card-first');
    const sink = memorySink();
    const built = await buildPublicBundle(
      kit,
      'revocation',
      { revocation: rotation.revocation },
      signingOffice(kit, berlin.identity),
      T0,
      sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    expect(await codeAtParis(sink.bytes(), store)).toBe('ok');
  });

  it('a key we revoked ourselves, with no date from its office, is refused for every bundle', async () => {
    const store = storeWith(kit, [berlin, paris]);
    const office = store[oldKey];
    if (!office) throw new Error('missing');
    const revoked: TrustStore = {
      ...store,
      [oldKey]: { ...office, state: 'revoked', revokedAt: T0, revocationReason: 'retired', verifiedAt: undefined },
    };
    expect(await codeAtParis(await request(berlin.identity, T0 - 10 * DAY), revoked)).toBe('BUNDLE_SIGNER_REVOKED');
  });
});
