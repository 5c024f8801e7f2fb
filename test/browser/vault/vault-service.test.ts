import { describe, expect, it } from 'vitest';
import { PRODUCTION_KDF_FLOOR, TEST_KDF_FLOOR } from '@shared/vault/kdf-params';
import { VaultService } from '../../../renderer/src/vault/vault-service';
import { deriveInWorker } from '../../../renderer/src/vault/kdf/derive-in-worker';
import { createdVault, deriveHere, kit, PASSPHRASE, testVault, uniqueDbName } from './vault-test-kit';
import { dumpRaw, getRaw, putRaw } from './raw-idb';
import { makeCase } from './case-fixtures';

describe('the vault lifecycle', () => {
  it('starts with no vault, creates one, and reports locked after a lock', async () => {
    const vault = testVault('lifecycle');
    expect(await vault.status()).toEqual({ kind: 'no-vault' });
    expect((await vault.create(PASSPHRASE)).ok).toBe(true);
    expect(await vault.status()).toEqual({ kind: 'unlocked' });
    expect(await vault.create(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'vault-exists' } });
    vault.lock();
    expect(await vault.status()).toEqual({
      kind: 'locked',
      persons: [{ personId: expect.any(String) as unknown, name: 'Administrator' }],
    });
  });

  it('a wrong passphrase changes nothing on disk and grows the delay after repeated failures', async () => {
    let now = Date.UTC(2026, 2, 1);
    const vault = testVault('wrong', { now: () => new Date(now) });
    await vault.create(PASSPHRASE);
    await vault.db.cases.put(makeCase(1));
    vault.lock();
    const before = await dumpRaw(vault.db.name);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await vault.unlock(`wrong ${attempt}`);
      expect(result).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    }
    // Third failure: 2 s before the next try is even attempted.
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'unlock-throttled' } });
    expect(vault.throttle.waitMs()).toBe(2000);
    expect(await dumpRaw(vault.db.name)).toEqual(before);
    now += 2000;
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(vault.throttle.failures).toBe(0);
    expect((await vault.db.cases.get(makeCase(1).id))?.title).toBe(makeCase(1).title);
  });

  it('refuses a downgraded KDF header before deriving anything, and leaves it on disk', async () => {
    const vault = await createdVault('downgrade');
    vault.lock();
    const row = (await getRaw(vault.db.name, 'vaultHeader', 'vault')) as {
      id: string;
      header: { slots: { kdf: Record<string, unknown> }[] };
    };
    const slots = row.header.slots.map((slot) => ({ ...slot, kdf: { ...slot.kdf, memoryBytes: 8 * 1024 * 1024 } }));
    const downgraded = { ...row, header: { ...row.header, slots } };
    await putRaw(vault.db.name, 'vaultHeader', downgraded);
    let derivations = 0;
    const watching = new VaultService(kit, {
      dbName: vault.db.name,
      kdf: TEST_KDF_FLOOR,
      derive: (...args) => (derivations++, deriveHere(...args)),
    });
    expect(await watching.status()).toMatchObject({ kind: 'unreadable', code: 'kdf-below-floor' });
    expect(await watching.unlock(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'kdf-below-floor' } });
    expect(derivations).toBe(0);
    expect(await getRaw(vault.db.name, 'vaultHeader', 'vault')).toEqual(downgraded);
  });

  it('the app configuration refuses a vault made at the test floor (the production floor is the default)', async () => {
    const vault = await createdVault('floor');
    vault.lock();
    const app = new VaultService(kit, { dbName: vault.db.name, derive: deriveHere });
    expect(await app.status()).toMatchObject({ kind: 'unreadable', code: 'kdf-below-floor' });
    const row = (await getRaw(vault.db.name, 'vaultHeader', 'vault')) as {
      header: { slots: { kdf: { memoryBytes: number } }[] };
    };
    expect(row.header.slots[0]?.kdf.memoryBytes).toBeLessThan(PRODUCTION_KDF_FLOOR.memoryBytes);
  });

  it('change passphrase re-wraps only: records are untouched byte for byte, the old passphrase stops working', async () => {
    const vault = await createdVault('change');
    await vault.db.cases.bulkPut([makeCase(1), makeCase(2)]);
    const casesBefore = (await dumpRaw(vault.db.name)).cases;
    expect(await vault.changePassphrase('not it', 'new harbour phrase with 5 lanterns')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect((await vault.changePassphrase(PASSPHRASE, 'new harbour phrase with 5 lanterns')).ok).toBe(true);
    expect((await dumpRaw(vault.db.name)).cases).toEqual(casesBefore);
    vault.lock();
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect((await vault.unlock('new harbour phrase with 5 lanterns')).ok).toBe(true);
    expect((await vault.db.cases.get(makeCase(2).id))?.reference).toBe(makeCase(2).reference);
  });

  it('the recovery key unlocks, lets the user set a new passphrase, and survives passphrase changes', async () => {
    const vault = await createdVault('recovery');
    await vault.db.cases.put(makeCase(7));
    expect(await vault.hasRecoveryKey()).toBe(false);
    const recovery = await vault.createRecoveryKey(PASSPHRASE);
    if (!recovery.ok) throw new Error(recovery.error.message);
    expect(await vault.hasRecoveryKey()).toBe(true);
    vault.lock();
    expect(
      await vault.unlockWithRecoveryKey(recovery.value.slice(0, -1) + (recovery.value.endsWith('0') ? '1' : '0')),
    ).toMatchObject({
      ok: false,
      error: { code: 'recovery-key-checksum' },
    });
    expect((await vault.unlockWithRecoveryKey(recovery.value.toLowerCase())).ok).toBe(true);
    expect((await vault.setNewPassphrase('forgotten no more 88 lanterns')).ok).toBe(true);
    vault.lock();
    expect((await vault.unlock('forgotten no more 88 lanterns')).ok).toBe(true);
    expect((await vault.db.cases.get(makeCase(7).id))?.title).toBe(makeCase(7).title);
    vault.lock();
    expect((await vault.unlockWithRecoveryKey(recovery.value)).ok).toBe(true);
  });

  it('stores the office profile and preferences encrypted, refusing invalid ones', async () => {
    const vault = await createdVault('profile');
    expect(await vault.readProfile()).toBeNull();
    expect((await vault.readPreferences()).idleLockMinutes).toBe(10);
    await vault.saveProfile({
      id: 'office',
      officeName: 'Bureau of Quiet Harbours',
      jurisdiction: 'DE',
      createdAt: new Date(),
    });
    await vault.savePreferences({ id: 'preferences', idleLockMinutes: 5 });
    expect(await vault.readProfile()).toMatchObject({ officeName: 'Bureau of Quiet Harbours' });
    expect((await vault.readPreferences()).idleLockMinutes).toBe(5);
    expect(() => vault.savePreferences({ id: 'preferences', idleLockMinutes: 0 } as never)).toThrow();
    expect(JSON.stringify(await dumpRaw(vault.db.name))).not.toContain('Quiet Harbours');
  });

  it('derives the key in a Web Worker (the app path) and gets the same key as on the page', async () => {
    const vault = new VaultService(kit, {
      dbName: uniqueDbName('worker'),
      kdf: TEST_KDF_FLOOR,
      derive: deriveInWorker,
    });
    expect((await vault.create(PASSPHRASE)).ok).toBe(true);
    vault.lock();
    const samePage = new VaultService(kit, { dbName: vault.db.name, kdf: TEST_KDF_FLOOR, derive: deriveHere });
    expect((await samePage.unlock(PASSPHRASE)).ok).toBe(true);
  });
});
