import { latestSchema } from '../../../renderer/src/vault/schema/versions';
import { describe, expect, it } from 'vitest';
import { openCase } from '@shared/workflow/open-case';
import { workflowContext } from '../../../renderer/src/cases/workflow-context';
import { readDataVersion, writeDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { testSigner } from '../../support/test-signer';
import { kit, PASSPHRASE, testVault } from './vault-test-kit';

/** A case record as the build before case owners wrote it: no `ownerId`. */
function caseBeforeOwners(id: string, caseworkerId: string) {
  const context = workflowContext(kit, testSigner(kit), undefined, { now: () => new Date('2026-01-05T09:00:00Z') });
  const opened = openCase(
    { id, reference: `DE-OLD-2026-${id}`, kind: 'data-access-request', title: id, originatingJurisdiction: 'DE' },
    { id: caseworkerId, role: 'caseworker' },
    context,
  );
  if (!opened.ok) throw new Error('open failed');
  const { ownerId: _ownerId, ...old } = opened.case;
  return old;
}

describe('upgrade to case owners', () => {
  it('gives each case its first caseworker who is a person, or else the first caseworker on record', async () => {
    const old = testVault('owners-upgrade');
    expect((await old.create(PASSPHRASE, 'Ana Silva')).ok).toBe(true);
    expect((await old.people.setUpOwnWorkingRoles(['caseworker'])).ok).toBe(true);
    const ana = old.person?.personId ?? '';
    const ben = await old.people.addPerson('Ben Okafor', 'ben keeps a different long phrase');
    if (!ben.ok) throw new Error(ben.error.message);
    expect((await old.people.changeRole(ben.value.personId, 'caseworker', 'granted')).ok).toBe(true);
    const written = await vaultWrite(old.db, [old.db.cases, old.db.settings], async () => {
      await old.db.cases.put(caseBeforeOwners('0001', ben.value.personId));
      // Worked on before persons existed: its caseworker is a role label, not a person.
      await old.db.cases.put(caseBeforeOwners('0002', 'local-caseworker'));
      await writeDataVersion(old.db, 3, new Date('2026-01-06T00:00:00Z'));
    });
    expect(written.ok).toBe(true);
    old.lock();
    old.db.close();

    const vault = testVault('owners-upgrade', { dbName: old.db.name });
    expect((await vault.unlock(PASSPHRASE, { personId: ana })).ok).toBe(true);
    expect(await readDataVersion(vault.db)).toBe(latestSchema.version);
    expect(await vault.db.cases.get('0001')).toMatchObject({ ownerId: ben.value.personId });
    expect(await vault.db.cases.get('0002')).toMatchObject({ ownerId: ana });
    expect(vault.corruption.records).toEqual([]);
  });
});
