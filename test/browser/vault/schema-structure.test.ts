import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { appMigrationPlan } from '../../../renderer/src/vault/migrations/migration-plan';
import { readDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { createdVault, testVault, uniqueDbName } from './vault-test-kit';
import { describeStructure } from './raw-idb';

/**
 * The shipped shape of the store, read from IndexedDB after running the real chain of schema versions, not listed
 * by hand. Adding a table or index changes the snapshot (review it, then `npx vitest run --project browser -u`);
 * removing or renaming one is a break for data already on users' disks, and shows up here in review.
 */
describe('vault structure', () => {
  it('a new vault holds exactly the snapshot structure, at the newest record versions', async () => {
    const vault = await createdVault('structure');
    const latest = appMigrationPlan.versions.at(-1);
    const recordVersions = Object.fromEntries(
      Object.entries(latest?.tables ?? {}).map(([table, spec]) => [
        table,
        spec.kind === 'encrypted' ? spec.recordVersion : spec.kind,
      ]),
    );
    expect({
      structure: await describeStructure(vault.db.name),
      recordVersions,
      dataVersion: await readDataVersion(vault.db),
    }).toMatchSnapshot();
  });

  it('upgrading from every shipped version ends at the same structure as a new vault', async () => {
    const fresh = testVault('structure-fresh');
    await fresh.db.open();
    const expected = await describeStructure(fresh.db.name);
    fresh.db.close();
    for (const [index, spec] of appMigrationPlan.versions.entries()) {
      // A database left by the build that shipped `spec`: its structure only, written by plain Dexie.
      const name = uniqueDbName(`structure-v${spec.version}`);
      const old = new Dexie(name);
      for (const earlier of appMigrationPlan.versions.slice(0, index + 1))
        old.version(earlier.version).stores(earlier.stores);
      await old.open();
      old.close();
      const upgraded = testVault('structure-upgrade', { dbName: name });
      await upgraded.db.open();
      upgraded.db.close();
      expect(await describeStructure(name), `upgrade from version ${spec.version}`).toEqual(expected);
    }
  });
});
