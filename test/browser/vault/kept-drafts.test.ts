import { describe, expect, it } from 'vitest';
import { readKeptDraft, dropKeptDraft } from '../../../renderer/src/vault/kept-drafts';
import { dumpRaw } from './raw-idb';
import { PASSPHRASE, testVault } from './vault-test-kit';

const BEN_PASSPHRASE = 'ben keeps a different long phrase';

describe('work kept across a lock', () => {
  it('keeps only unsaved forms, encrypted, for the person who was signed in', async () => {
    const vault = testVault('kept-drafts');
    await vault.create(PASSPHRASE, 'Ana Silva');
    const ana = vault.person?.personId ?? '';
    const ben = await vault.people.addPerson('Ben Okafor', BEN_PASSPHRASE);
    if (!ben.ok) throw new Error(ben.error.message);
    let unsaved: unknown = { title: 'Kestrel account, half typed' };
    const unregister = vault.drafts.register('new-case', () => unsaved);
    vault.drafts.register('case-draft:c1', () => null); // on screen, nothing unsaved
    await vault.lockKeepingWork();
    expect(vault.keyring.unlocked).toBe(false);

    // On disk: ciphertext only.
    const raw = JSON.stringify(await dumpRaw(vault.db.name), (_k, v: unknown) => (v instanceof Uint8Array ? '' : v));
    expect(raw).not.toContain('Kestrel');

    expect((await vault.unlock(BEN_PASSPHRASE, { personId: ben.value.personId })).ok).toBe(true);
    expect(await readKeptDraft(vault.db, ben.value.personId, 'new-case')).toBeNull();
    vault.lock();

    expect((await vault.unlock(PASSPHRASE, { personId: ana })).ok).toBe(true);
    expect(await readKeptDraft(vault.db, ana, 'new-case')).toMatchObject({
      value: { title: 'Kestrel account, half typed' },
    });
    expect(await readKeptDraft(vault.db, ana, 'case-draft:c1')).toBeNull();
    await dropKeptDraft(vault.db, ana, 'new-case');
    expect(await readKeptDraft(vault.db, ana, 'new-case')).toBeNull();

    // A form that left the screen is not kept.
    unregister();
    unsaved = { title: 'gone' };
    await vault.lockKeepingWork();
    expect((await vault.unlock(PASSPHRASE, { personId: ana })).ok).toBe(true);
    expect(await readKeptDraft(vault.db, ana, 'new-case')).toBeNull();
  });
});
