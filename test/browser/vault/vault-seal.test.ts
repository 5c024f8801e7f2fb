import { describe, expect, it } from 'vitest';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { VAULT_HEADER_ROW_ID } from '../../../renderer/src/vault/vault-header-row';
import {
  integrityDecisionLines,
  INTEGRITY_DECISIONS_ID,
  readIntegrityDecisions,
} from '../../../renderer/src/vault/seal/integrity-decisions';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import { createdVault, kit, PASSPHRASE, testVault } from './vault-test-kit';
import { deleteRaw, getRaw, putRaw } from './raw-idb';
import { loadV1Fixture } from './v1-fixture';

/**
 * Rollback and deletion detection (docs/vault.md, "Continuity"): someone with the disk changes rows behind
 * Casebridge's back — puts an older copy of a row back, deletes one, restores an old header — and the next unlock
 * reports it, table by table, and opens read-only until a person accepts with a reason.
 */

const NEW_PASSPHRASE = 'seven copper kettles sing beneath 12 winter bridges';

function caseRecord(id: string, title: string) {
  return { id, reference: `REF-${id}`, title, stage: 'draft', createdAt: new Date(), updatedAt: new Date() };
}

async function put(vault: VaultService, id: string, title: string) {
  const written = await vaultWrite(vault.db, [vault.db.cases], () => vault.db.cases.put(caseRecord(id, title)));
  return written;
}

/** Locks, lets `tamper` change the disk directly, and unlocks again (another service over the same database). */
async function tamperAndReopen(
  vault: VaultService,
  tamper: (dbName: string) => Promise<void>,
  passphrase = PASSPHRASE,
) {
  const dbName = vault.db.name;
  vault.lock();
  vault.db.close();
  await tamper(dbName);
  const reopened = testVault('seal-reopened', { dbName });
  const unlocked = await reopened.unlock(passphrase);
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  return reopened;
}

describe('the vault seal', () => {
  it('a vault changed only by Casebridge opens writable, however often it is locked and unlocked', async () => {
    const vault = await createdVault('seal-clean');
    expect((await put(vault, 'c1', 'First')).ok).toBe(true);
    expect((await put(vault, 'c1', 'First, edited')).ok).toBe(true);
    expect((await vaultWrite(vault.db, [vault.db.cases], () => vault.db.cases.delete('c1'))).ok).toBe(true);
    expect((await put(vault, 'c2', 'Second')).ok).toBe(true);
    expect(
      (
        await vaultWrite(vault.db, [vault.db.cases], () =>
          vault.db.cases.bulkPut([caseRecord('c3', 'Third'), caseRecord('c4', 'Fourth')]),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await vaultWrite(vault.db, [vault.db.cases], () =>
          vault.db.cases.where('stage').equals('draft').modify({ title: 'All' }),
        )
      ).ok,
    ).toBe(true);
    vault.lock();
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(vault.integrityFindings).toEqual([]);
    expect(vault.db.sealGate.mode).toBe('on');
    const reopened = await tamperAndReopen(vault, async () => undefined);
    expect(reopened.integrityFindings).toEqual([]);
    expect((await reopened.db.cases.get('c3'))?.title).toBe('All');
  });

  it('an older copy of a row put back is reported (which table, since when) and the vault opens read-only', async () => {
    const vault = await createdVault('seal-rollback');
    expect((await put(vault, 'case-1', 'Before the decision')).ok).toBe(true);
    const older = await getRaw(vault.db.name, 'cases', 'case-1');
    expect((await put(vault, 'case-1', 'After the decision')).ok).toBe(true);

    const reopened = await tamperAndReopen(vault, (dbName) => putRaw(dbName, 'cases', older));
    // The old row still opens on its own (its counter is in its AD): only the seal can tell it is not the latest.
    expect((await reopened.db.cases.get('case-1'))?.title).toBe('Before the decision');
    expect(reopened.integrityFindings).toEqual([
      { kind: 'table-changed', table: 'cases', sealedRows: 1, foundRows: 1, changedAt: expect.any(Number) },
    ]);
    expect(reopened.db.sealGate.mode).toBe('read-only');
    const refused = await put(reopened, 'case-2', 'New work');
    expect(!refused.ok && refused.error.code).toBe('vault-read-only');
    expect(await reopened.db.cases.get('case-2')).toBeUndefined();
  });

  it('an older ciphertext given a newer counter does not open: the counter is bound into its associated data', async () => {
    const vault = await createdVault('seal-counter-ad');
    expect((await put(vault, 'case-1', 'Old')).ok).toBe(true);
    const older = (await getRaw(vault.db.name, 'cases', 'case-1')) as Record<string, unknown>;
    expect((await put(vault, 'case-1', 'New')).ok).toBe(true);
    const newer = (await getRaw(vault.db.name, 'cases', 'case-1')) as Record<string, unknown>;
    const reopened = await tamperAndReopen(vault, (dbName) => putRaw(dbName, 'cases', { ...older, n: newer.n }));
    expect(await reopened.db.cases.get('case-1')).toBeUndefined();
    expect(reopened.corruption.records.map((r) => r.id)).toEqual(['case-1']);
    expect(reopened.integrityFindings).toEqual([]); // the counters match the seal: the change shows as a damaged row
  });

  it('a row deleted outside the app is reported: a bundle-ledger entry removed to replay a bundle', async () => {
    const vault = await createdVault('seal-delete');
    const entry = { id: 'received:abc:1', bundleId: 'b'.repeat(32), recordedAt: new Date() };
    expect((await vaultWrite(vault.db, [vault.db.bundleLedger], () => vault.db.bundleLedger.put(entry))).ok).toBe(true);
    const reopened = await tamperAndReopen(vault, (dbName) => deleteRaw(dbName, 'bundleLedger', entry.id));
    expect(reopened.integrityFindings).toEqual([
      { kind: 'table-changed', table: 'bundleLedger', sealedRows: 1, foundRows: 0, changedAt: expect.any(Number) },
    ]);
  });

  it('an old header put back after a passphrase change still opens with the old passphrase, and is reported', async () => {
    const vault = await createdVault('seal-header');
    const oldHeader = await getRaw(vault.db.name, 'vaultHeader', VAULT_HEADER_ROW_ID);
    expect((await vault.changePassphrase(PASSPHRASE, NEW_PASSPHRASE)).ok).toBe(true);
    const reopened = await tamperAndReopen(vault, (dbName) => putRaw(dbName, 'vaultHeader', oldHeader), PASSPHRASE);
    expect(reopened.integrityFindings).toEqual([{ kind: 'header-changed', changedAt: expect.any(Number) }]);
    expect(reopened.db.sealGate.mode).toBe('read-only');
  });

  it('a seal deleted or replaced by garbage is reported, never silently made again', async () => {
    const vault = await createdVault('seal-gone');
    expect((await put(vault, 'case-1', 'Work')).ok).toBe(true);
    const name = vault.db.name;
    const gone = await tamperAndReopen(vault, (dbName) => deleteRaw(dbName, 'vaultSeal', 'seal'));
    expect(gone.integrityFindings).toEqual([{ kind: 'seal-missing' }]);
    gone.lock();
    gone.db.close();
    await putRaw(name, 'vaultSeal', { id: 'seal', c: kit.randomBytes(80) });
    const garbage = testVault('seal-garbage', { dbName: name });
    expect((await garbage.unlock(PASSPHRASE)).ok).toBe(true);
    expect(garbage.integrityFindings).toEqual([{ kind: 'seal-unreadable' }]);
  });

  it('accepting with a reason re-seals what is there, signed by the person, and the vault is writable again', async () => {
    const vault = await createdVault('seal-accept');
    expect((await put(vault, 'case-1', 'Kept')).ok).toBe(true);
    const reopened = await tamperAndReopen(vault, (dbName) => deleteRaw(dbName, 'cases', 'case-1'));
    expect(reopened.integrityFindings).toHaveLength(1);
    const empty = await reopened.acceptVaultChanges('   ');
    expect(!empty.ok && empty.error.code).toBe('write-refused');

    expect((await reopened.acceptVaultChanges('Restored the laptop from the IT image of Monday.')).ok).toBe(true);
    expect(reopened.integrityFindings).toEqual([]);
    expect(reopened.db.sealGate.mode).toBe('on');
    expect((await put(reopened, 'case-2', 'New work')).ok).toBe(true);
    const [decision] = await readIntegrityDecisions(reopened.db);
    expect(decision).toMatchObject({
      by: reopened.person?.personId,
      reason: 'Restored the laptop from the IT image of Monday.',
      findings: [{ kind: 'table-changed', table: 'cases', sealedRows: 1, foundRows: 0 }],
      signature: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
    expect((await integrityDecisionLines(reopened.db)).map((line) => line.signed)).toEqual([true]);
    // A reason edited afterwards no longer carries the person's signature.
    const edited = { id: INTEGRITY_DECISIONS_ID, decisions: [{ ...decision, reason: 'Nothing to see here.' }] };
    expect((await vaultWrite(reopened.db, [reopened.db.settings], () => reopened.db.settings.put(edited))).ok).toBe(
      true,
    );
    expect((await integrityDecisionLines(reopened.db)).map((line) => line.signed)).toEqual([false]);
    reopened.lock();
    expect((await reopened.unlock(PASSPHRASE)).ok).toBe(true);
    expect(reopened.integrityFindings).toEqual([]);
  });

  it('a vault from before seals is sealed at its first unlock, and from then on a change is reported', async () => {
    const vault = await loadV1Fixture('seal-legacy');
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(vault.integrityFindings).toEqual([]);
    expect(await getRaw(vault.db.name, 'vaultSeal', 'seal')).toBeDefined();
    // A fixture row never rewritten (no counter) is covered too.
    const reopened = await tamperAndReopen(vault, (dbName) => deleteRaw(dbName, 'events', 'event-1'));
    expect(reopened.integrityFindings).toMatchObject([{ kind: 'table-changed', table: 'events' }]);
  });
});
