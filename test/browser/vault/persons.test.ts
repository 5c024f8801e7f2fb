import { describe, expect, it } from 'vitest';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { fromBase64, toHex } from '@shared/bytes/bytes';
import { readPersonKeyRecords } from '../../../renderer/src/vault/person-keys-store';
import { DecryptionError } from '@shared/crypto/crypto-kit';
import { vaultHeaderSchema } from '@shared/vault/vault-header';
import { verifyDomain } from '@shared/bundle/signing-domains';
import { createdVault, kit, PASSPHRASE, testVault } from './vault-test-kit';
import { dumpRaw, getRaw } from './raw-idb';
import { loadV1Fixture, rawV1Fixture } from './v1-fixture';

const BEN_PASSPHRASE = 'ben keeps a different long phrase';

async function publicKeyOf(dbName: string, personId: string): Promise<Uint8Array | null> {
  const slot = (await storedHeader(dbName)).slots.find((candidate) => candidate.personId === personId);
  return slot ? fromBase64(slot.signingPublicKey) : null;
}

async function storedHeader(dbName: string) {
  const row = (await getRaw(dbName, 'vaultHeader', 'vault')) as { header: unknown };
  return vaultHeaderSchema.parse(row.header);
}

describe('persons in the vault', () => {
  it('each person opens the vault with their own passphrase, and is the one signed in', async () => {
    const vault = testVault('persons');
    expect((await vault.create(PASSPHRASE, 'Ana Silva')).ok).toBe(true);
    expect(vault.person?.name).toBe('Ana Silva');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    vault.lock();
    const status = await vault.status();
    expect(status.kind === 'locked' && status.persons.map((p) => p.name)).toEqual(['Ana Silva', 'Ben Okafor']);
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'unknown-person' } });
    expect(await vault.unlock(PASSPHRASE, { personId: ben.value.personId })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect((await vault.unlock(BEN_PASSPHRASE, { personId: ben.value.personId })).ok).toBe(true);
    expect(vault.person).toEqual(ben.value);
  });

  it("a removed person's passphrase opens nothing; the last person cannot be removed", async () => {
    const vault = await createdVault('persons-remove');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    expect((await vault.people.removePerson(ben.value.personId)).ok).toBe(true);
    const last = vault.person?.personId ?? '';
    const before = await dumpRaw(vault.db.name);
    // Nobody removes themselves, so the last person (always the one signed in) stays.
    expect(await vault.people.removePerson(last)).toMatchObject({ ok: false, error: { code: 'own-roles' } });
    expect(await dumpRaw(vault.db.name)).toEqual(before);
    vault.lock();
    expect(await vault.unlock(BEN_PASSPHRASE, { personId: ben.value.personId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-person' },
    });
  });

  it("a person's signing key cannot be read with the vault key alone (an administrator cannot sign as them)", async () => {
    const vault = await createdVault('persons-signing');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    const slot = (await storedHeader(vault.db.name)).slots.find((s) => s.personId === ben.value.personId);
    const wrap = fromBase64(slot?.signingKeyWrap ?? '');
    if (!wrap) throw new Error('no wrap');
    const vaultKey = vault.keyring.vaultKey();
    const subkeys = vault.keyring.subkeys();
    for (const key of [vaultKey, subkeys.records, subkeys.attachments, subkeys.blindIndex]) {
      expect(() => kit.open(key, wrap, new Uint8Array())).toThrow(DecryptionError);
    }
  });

  it('a recovery unlock leads to a new passphrase for the chosen person only, with a new signing key', async () => {
    const vault = await createdVault('persons-recovery');
    const ana = vault.person;
    const recoveryKey = await vault.createRecoveryKey(PASSPHRASE);
    if (!recoveryKey.ok || !ana) throw new Error('setup failed');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    const anaKeyBefore = (await storedHeader(vault.db.name)).slots[0]?.signingPublicKey;
    vault.lock();

    expect((await vault.unlockWithRecoveryKey(recoveryKey.value, { personId: ana.personId })).ok).toBe(true);
    expect(vault.person).toBeNull();
    expect((await vault.setNewPassphrase('ana chose a brand new phrase')).ok).toBe(true);
    expect(vault.person).toEqual(ana);
    const after = await storedHeader(vault.db.name);
    expect(after.slots[0]?.signingPublicKey).not.toBe(anaKeyBefore);
    vault.lock();
    expect(await vault.unlock(PASSPHRASE, { personId: ana.personId })).toMatchObject({ ok: false });
    expect((await vault.unlock('ana chose a brand new phrase', { personId: ana.personId })).ok).toBe(true);
    vault.lock();
    expect((await vault.unlock(BEN_PASSPHRASE, { personId: ben.value.personId })).ok).toBe(true);
  });

  it('a vault from before persons upgrades on unlock: whoever opens it becomes its first person', async () => {
    const vault = await loadV1Fixture('persons-upgrade');
    expect(await vault.status()).toEqual({ kind: 'locked', persons: [] });
    expect((await vault.unlock(PASSPHRASE, { name: 'Ana Silva' })).ok).toBe(true);
    expect(vault.person?.name).toBe('Ana Silva');
    const header = await storedHeader(vault.db.name);
    expect(header.slots.map((slot) => slot.name)).toEqual(['Ana Silva']);
    const legacy = rawV1Fixture.vaultHeader?.[0]?.value as { header: { vaultId: string; recovery: unknown } };
    expect(header).toMatchObject({ vaultId: legacy.header.vaultId, recovery: legacy.header.recovery });
    // The record step to version 2: the old profile's self-chosen role becomes this person's granted roles.
    const [record] = await vault.people.personRecords();
    expect(record).toMatchObject({ name: 'Ana Silva', roles: ['caseworker', 'administrator'], removedAt: null });
    expect(await vault.readProfile()).toEqual({
      id: 'office',
      officeName: 'Fixture Office, Bonn',
      jurisdiction: 'DE',
      createdAt: new Date('2026-01-02T03:04:05Z'),
    });
    const rawProfile = (await dumpRaw(vault.db.name)).profile?.[0]?.value as { v: number };
    expect(rawProfile.v).toBe(2);
    // The grants the upgrade made are from before personal signing, and back the roles held.
    const history = await vault.people.personHistory();
    expect(history.lines.map((line) => line.verdict)).toEqual([
      'before-personal-signing',
      'before-personal-signing',
      'before-personal-signing',
    ]);
    expect(history.unbacked).toEqual([]);
    vault.lock();
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await vault.readProfile()).toMatchObject({ officeName: 'Fixture Office, Bonn' });
  });

  it('roles are granted by an administrator, never by oneself, and the last administrator stays', async () => {
    const vault = testVault('persons-roles');
    await vault.create(PASSPHRASE, 'Ana Silva');
    expect((await vault.people.setUpOwnWorkingRoles(['caseworker'])).ok).toBe(true);
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    const ana = vault.person?.personId ?? '';
    // With a second person on record, nobody sets up their own roles any more.
    expect(await vault.people.setUpOwnWorkingRoles(['redress-officer'])).toMatchObject({
      ok: false,
      error: { code: 'own-roles' },
    });
    expect(await vault.people.changeRole(ana, 'redress-officer', 'granted')).toMatchObject({
      ok: false,
      error: { code: 'own-roles' },
    });
    expect(await vault.people.changeRole(ana, 'administrator', 'revoked')).toMatchObject({
      ok: false,
      error: { code: 'own-roles' },
    });
    expect((await vault.people.changeRole(ben.value.personId, 'redress-officer', 'granted')).ok).toBe(true);
    const records = await vault.people.personRecords();
    expect(records.map((r) => [r.name, r.roles])).toEqual([
      ['Ana Silva', ['administrator', 'caseworker']],
      ['Ben Okafor', ['redress-officer']],
    ]);
    expect(records[1]?.history.map((h) => [h.change, h.role, h.by])).toEqual([
      ['added', null, ana],
      ['granted', 'redress-officer', ana],
    ]);
    // Ben holds no administrator role: he can neither grant nor add people.
    vault.lock();
    await vault.unlock(BEN_PASSPHRASE, { personId: ben.value.personId });
    expect(await vault.people.changeRole(ben.value.personId, 'caseworker', 'granted')).toMatchObject({
      ok: false,
      error: { code: 'not-administrator' },
    });
    expect(await vault.people.addPerson('Clara Weiss', 'clara has her own long phrase')).toMatchObject({
      ok: false,
      error: { code: 'not-administrator' },
    });
    expect(await vault.people.removePerson(ana)).toMatchObject({ ok: false, error: { code: 'not-administrator' } });
  });

  it('a second person confirms with their own passphrase; the signed-in person cannot confirm for themselves', async () => {
    const vault = testVault('persons-cosign');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    const ana = vault.person?.personId ?? '';
    const act = async () => {
      throw new Error('must not run');
    };
    expect(await vault.people.coSign(ana, PASSPHRASE, act)).toMatchObject({
      ok: false,
      error: { code: 'same-person', message: expect.stringMatching(/different person must authorise/) as unknown },
    });
    expect(await vault.people.coSign(ben.value.personId, PASSPHRASE, act)).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    // During the act, and only then, Ben's own key signs for Ben.
    const digest = kit.hash(new TextEncoder().encode('an event hash'), 32);
    const signed = await vault.people.coSign(ben.value.personId, BEN_PASSPHRASE, async (second) => {
      expect(second).toEqual(ben.value);
      return vault.keyring.signerFor(ben.value.personId).sign(digest);
    });
    if (!signed.ok) throw new Error(signed.error.message);
    const benKey = await publicKeyOf(vault.db.name, ben.value.personId);
    expect(benKey && verifyDomain(kit, 'auditEvent', signed.value, benKey, digest)).toBe(true);
    expect(() => vault.keyring.signerFor(ben.value.personId)).toThrow(/Nobody who may sign for/);
    // Wrong co-sign passphrases are slowed down like wrong unlocks: the third one makes the next attempt wait.
    for (let attempt = 0; attempt < 3; attempt++) await vault.people.coSign(ben.value.personId, 'guess', act);
    expect(await vault.people.coSign(ben.value.personId, BEN_PASSPHRASE, act)).toMatchObject({
      ok: false,
      error: { code: 'unlock-throttled' },
    });
    // Ana's session stays open, and she is still the one signed in.
    expect(vault.person?.personId).toBe(ana);
    expect(vault.keyring.unlocked).toBe(true);
  });

  it("a recovery key is made only with the signed-in person's passphrase; a wrong one writes nothing", async () => {
    const vault = await createdVault('persons-recovery-proof');
    const before = await dumpRaw(vault.db.name);
    expect(await vault.createRecoveryKey('not my passphrase')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await dumpRaw(vault.db.name)).toEqual(before);
    expect(await vault.hasRecoveryKey()).toBe(false);
    expect((await vault.createRecoveryKey(PASSPHRASE)).ok).toBe(true);
    expect(await vault.hasRecoveryKey()).toBe(true);
  });

  it("an administrator resets another person's access: new passphrase, new signing key, recorded", async () => {
    const vault = testVault('persons-reset');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    const ana = vault.person?.personId ?? '';
    expect(await vault.people.resetPersonAccess(ana, 'ana resets herself here')).toMatchObject({
      ok: false,
      error: { code: 'own-roles' },
    });
    expect((await vault.people.resetPersonAccess(ben.value.personId, 'ben was given a fresh long phrase')).ok).toBe(
      true,
    );
    const record = (await vault.people.personRecords()).find((r) => r.id === ben.value.personId);
    expect(record?.history.at(-1)).toMatchObject({ change: 'access-reset', by: ana });
    vault.lock();
    expect(await vault.unlock(BEN_PASSPHRASE, { personId: ben.value.personId })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect((await vault.unlock('ben was given a fresh long phrase', { personId: ben.value.personId })).ok).toBe(true);
    // Ben is no administrator: he cannot reset Ana.
    expect(await vault.people.resetPersonAccess(ana, 'taking over the vault now')).toMatchObject({
      ok: false,
      error: { code: 'not-administrator' },
    });
  });

  it('refuses an empty or duplicate name, storing nothing', async () => {
    const vault = testVault('persons-names');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const before = await dumpRaw(vault.db.name);
    expect(await vault.people.addPerson(' ana silva ', BEN_PASSPHRASE)).toMatchObject({
      ok: false,
      error: { code: 'duplicate-name', message: expect.stringMatching(/already has that name/) as unknown },
    });
    expect(await vault.people.addPerson('   ', BEN_PASSPHRASE)).toMatchObject({
      ok: false,
      error: { code: 'name-invalid' },
    });
    expect(await dumpRaw(vault.db.name)).toEqual(before);
  });

  it('records every signing key a person has had: new ones from their slot, replaced and removed ones retired', async () => {
    const vault = testVault('persons-keys');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    const keysOf = async (personId: string) =>
      (await readPersonKeyRecords(vault.db)).filter((key) => key.personId === personId);
    const [first] = await keysOf(ben.value.personId);
    expect(first?.id).toBe(toHex((await publicKeyOf(vault.db.name, ben.value.personId)) ?? new Uint8Array()));
    expect(first?.retiredAt).toBeNull();

    // A reset gives Ben a new signing key; the old one is kept, retired, so what it signed still verifies.
    expect((await vault.people.resetPersonAccess(ben.value.personId, 'ben chose a new long phrase')).ok).toBe(true);
    const afterReset = await keysOf(ben.value.personId);
    expect(afterReset).toHaveLength(2);
    expect(afterReset.filter((key) => key.retiredAt === null).map((key) => key.id)).toEqual([
      toHex((await publicKeyOf(vault.db.name, ben.value.personId)) ?? new Uint8Array()),
    ]);

    expect((await vault.people.removePerson(ben.value.personId)).ok).toBe(true);
    expect((await keysOf(ben.value.personId)).every((key) => key.retiredAt !== null)).toBe(true);
    expect(await keysOf(vault.person?.personId ?? '')).toMatchObject([{ retiredAt: null }]);
  });

  it('each change to access is signed by the administrator who made it; one written in by hand is named as forged', async () => {
    const vault = testVault('persons-history');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ana = vault.person?.personId ?? '';
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    expect((await vault.people.changeRole(ben.value.personId, 'authoriser', 'granted')).ok).toBe(true);
    const history = await vault.people.personHistory();
    expect(history.unbacked).toEqual([]);
    expect(history.lines.map((line) => [line.change, line.byName, line.personName, line.verdict])).toEqual([
      ['added', 'Ana Silva', 'Ana Silva', 'signed'],
      ['granted', 'Ana Silva', 'Ana Silva', 'signed'],
      ['added', 'Ana Silva', 'Ben Okafor', 'signed'],
      ['granted', 'Ana Silva', 'Ben Okafor', 'signed'],
    ]);

    // Someone with the vault key makes Ben an administrator "by Ana", copying one of her real signatures.
    const record = (await vault.people.personRecords()).find((p) => p.id === ben.value.personId);
    if (!record) throw new Error('no record');
    const copied = record.history.at(-1)?.signature;
    await vaultWrite(vault.db, [vault.db.persons], () =>
      vault.db.persons.put({
        ...record,
        roles: [...record.roles, 'administrator'],
        history: [
          ...record.history,
          { at: new Date(), by: ana, change: 'granted', role: 'administrator', signature: copied },
        ],
      }),
    );
    const after = await vault.people.personHistory();
    expect(after.lines.at(-1)).toMatchObject({
      change: 'granted',
      role: 'administrator',
      byName: 'Ana Silva',
      verdict: 'forged',
    });
    expect(after.lines.filter((line) => line.verdict === 'forged')).toHaveLength(1);
    // The forged grant gives nothing: the role it claims is reported as held without a signed grant.
    expect(after.unbacked).toEqual([{ personName: 'Ben Okafor', role: 'administrator' }]);

    // A role written in with no history entry at all is caught the same way.
    const bare = (await vault.people.personRecords()).find((p) => p.id === ana);
    if (!bare) throw new Error('no record');
    await vaultWrite(vault.db, [vault.db.persons], () =>
      vault.db.persons.put({ ...bare, roles: [...bare.roles, 'redress-officer'] }),
    );
    expect((await vault.people.personHistory()).unbacked).toContainEqual({
      personName: 'Ana Silva',
      role: 'redress-officer',
    });
  });
});
