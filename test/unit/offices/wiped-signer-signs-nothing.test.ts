import { describe, expect, it } from 'vitest';
import { cryptoKit } from '@shared/crypto/crypto-kit';
import { buildBundle } from '@shared/bundle/build-bundle';
import { buildPublicBundle } from '@shared/bundle/public-bundle';
import { exportKeyCardBundle } from '@shared/bundle/key-card-bundle';
import { memorySink } from '@shared/bytes/byte-io';
import { createKeyCard } from '@shared/offices/key-card';
import { rotateOfficeKeys } from '@shared/offices/key-rotation';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { OfficeKeyWipedError } from '@shared/offices/office-signer';
import { createRevocation } from '@shared/offices/revocation';
import { signingOffice } from '@shared/offices/signing-office';
import { DAY, makeOffice, requestBody, T0 } from '../bundle/bundle-fixtures';

const kit = await cryptoKit();
const profile = { name: 'Office Berlin', jurisdiction: 'DE' };
const validity = { validFrom: T0, validUntil: T0 + 365 * DAY };
const closed = /signing key was closed/;

/**
 * R8: after the vault locks, our office's signer is wiped. Nothing may then be signed with the (zeroed) key: every
 * signature of a bundle, key card, rotation or revocation goes through the signer and is refused, with a reason.
 */
describe('a wiped office signer', () => {
  const paris = makeOffice(kit, 2, 'Office Paris', 'FR');

  function wipedOffice() {
    const office = signingOffice(kit, generateOfficeIdentity(kit));
    const card = createKeyCard(office, profile, validity);
    office.signer.wipe();
    return { office, card };
  }

  it('signs no key card, successor card, rotation or revocation', () => {
    const { office } = wipedOffice();
    expect(() => createKeyCard(office, profile, validity)).toThrow(OfficeKeyWipedError);
    const successor = signingOffice(kit, generateOfficeIdentity(kit));
    expect(() => createKeyCard(successor, profile, validity, office.signer)).toThrow(OfficeKeyWipedError);
    expect(() => createRevocation(office.signer, 'compromised', T0)).toThrow(OfficeKeyWipedError);
    expect(() =>
      rotateOfficeKeys(kit, office.signer, profile, validity, { reason: 'superseded', revokedAt: T0 }),
    ).toThrow(closed);
  });

  it('builds no bundle: a request, its key-card bundle and a revocation bundle are refused and say why', async () => {
    const { office, card } = wipedOffice();
    const revocation = createRevocation(signingOffice(kit, generateOfficeIdentity(kit)).signer, 'retired', T0);
    const attempts = [
      buildBundle(
        kit,
        {
          kind: 'request',
          body: requestBody,
          sender: office,
          recipients: [{ card: paris.card, sequence: 1 }],
          createdAt: T0,
          notAfter: T0 + 7 * DAY,
        },
        memorySink(),
      ),
      exportKeyCardBundle(kit, office, card, T0, memorySink()),
      buildPublicBundle(kit, 'revocation', { revocation }, office, T0, memorySink()),
    ];
    for (const built of await Promise.all(attempts)) {
      expect(built.ok).toBe(false);
      if (built.ok) continue;
      expect(built.error.code).toBe('BUNDLE_BUILD_INVALID');
      expect(built.error.message).toMatch(closed);
      expect(built.error.message).toMatch(/Unlock the vault/);
    }
  });

  it('still signs through a live signer of the same office (the refusal is the wipe, not the route)', async () => {
    const office = signingOffice(kit, generateOfficeIdentity(kit));
    const card = createKeyCard(office, profile, validity);
    expect((await exportKeyCardBundle(kit, office, card, T0, memorySink())).ok).toBe(true);
    expect(() => createRevocation(office.signer, 'retired', T0)).not.toThrow();
  });
});
