import { describe, expect, it } from 'vitest';
import { toHex } from '@shared/bytes/bytes';
import { personKeysFromCertificates } from '@shared/people/person-certificate';
import { ensureOwnOffice } from '../../../renderer/src/offices/own-office';
import { certifyPersonKeys } from '../../../renderer/src/offices/person-certificates';
import { readPersonKeyRecords } from '../../../renderer/src/vault/person-keys-store';
import { kit, PASSPHRASE, testVault } from '../vault/vault-test-kit';

const profile = {
  id: 'office' as const,
  officeName: 'Bureau of Quiet Harbours',
  jurisdiction: 'DE',
  createdAt: new Date(),
};

describe('person certificates', () => {
  it('the office certifies each signing key, keeps the certificate, and certifies the revocation when access goes', async () => {
    const vault = testVault('person-certificates');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ben = await vault.people.addPerson('Ben Okafor', 'ben keeps a different long phrase');
    if (!ben.ok) throw new Error(ben.error.message);
    const own = await ensureOwnOffice(vault.db, kit, profile, Date.now());
    if (!own.ok) throw new Error(own.error.message);
    const officeKey = toHex(own.value.signer.publicKey);

    const first = await certifyPersonKeys(vault.db, own.value.signer, new Date('2026-11-30T10:00:00Z'));
    if (!first.ok) throw new Error(first.error.message);
    const certified = personKeysFromCertificates(kit, first.value, officeKey);
    expect(certified.problems).toEqual([]);
    expect(certified.keys.map((key) => [key.name, key.revokedAt]).sort()).toEqual([
      ['Ana Silva', null],
      ['Ben Okafor', null],
    ]);
    // Kept in the vault: nothing changed, so the same certificates come back, not new ones.
    expect((await readPersonKeyRecords(vault.db)).every((record) => record.certificate !== null)).toBe(true);
    const again = await certifyPersonKeys(vault.db, own.value.signer, new Date('2026-11-30T11:00:00Z'));
    expect(again.ok && again.value).toEqual(first.value);

    expect((await vault.people.removePerson(ben.value.personId)).ok).toBe(true);
    const after = await certifyPersonKeys(vault.db, own.value.signer, new Date('2026-11-30T12:00:00Z'));
    if (!after.ok) throw new Error(after.error.message);
    const benKey = personKeysFromCertificates(kit, after.value, officeKey).keys.find((k) => k.name === 'Ben Okafor');
    expect(benKey?.revokedAt).not.toBeNull();
    // Another office's key vouches for none of them.
    const stranger = toHex(kit.signKeyPair().publicKey);
    expect(personKeysFromCertificates(kit, after.value, stranger).keys).toEqual([]);
  });
});
