import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaV8 } from '../../../renderer/src/vault/schema/v8';
import {
  counted,
  encrypted,
  encryptedStore,
  type SchemaVersionSpec,
} from '../../../renderer/src/vault/schema/table-spec';
import { defineRecordMigration } from '../../../renderer/src/vault/migrations/record-migration';
import { appMigrationPlan, type MigrationPlan } from '../../../renderer/src/vault/migrations/migration-plan';
import { readDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { createdVault, PASSPHRASE, testVault } from './vault-test-kit';
import { dumpRaw } from './raw-idb';
import { loadV1Fixture } from './v1-fixture';

/**
 * The migration machinery, proved with a test step after the shipped chain, on the frozen v1 fixture: test version
 * 9 gives every case a `testLabel` (its first caseworker, or "unassigned"). The fixture runs the real steps to
 * version 2 (persons), 3 (personal signing), 4 (case owners), 6 (random office and ledger ids) and 7 (local person
 * ids) first; version 8 only adds a table.
 */
const casesTest = counted(encrypted(4, ['createdAt', 'updatedAt', 'stage'], ['reference']));
const testSchemaV9 = {
  version: 9,
  tables: { ...schemaV8.tables, cases: casesTest },
  stores: { ...schemaV8.stores, cases: encryptedStore(casesTest) },
} as const satisfies SchemaVersionSpec;

const caseV1 = z.looseObject({ id: z.string(), caseworkerIds: z.array(z.string()).optional() });

const ownerStep = defineRecordMigration(schemaV8, testSchemaV9, {
  description: 'cases get a test label',
  tables: ['cases'],
  migrate: async ({ db }) => {
    for (const row of await db.cases.toArray()) {
      const old = caseV1.parse(row);
      await db.cases.put({ ...old, testLabel: old.caseworkerIds?.[0] ?? 'unassigned' });
    }
  },
});

const planV9: MigrationPlan = {
  versions: [...appMigrationPlan.versions, testSchemaV9],
  migrations: [...appMigrationPlan.migrations, ownerStep],
};

/** The same step, but the process "dies" after its first write: the transaction aborts as it would. */
const crashingPlan: MigrationPlan = {
  versions: planV9.versions,
  migrations: [
    ...appMigrationPlan.migrations,
    defineRecordMigration(schemaV8, testSchemaV9, {
      description: 'cases get a test label (crashes half-way)',
      tables: ['cases'],
      migrate: async ({ db }) => {
        const [first] = await db.cases.toArray();
        if (first) await db.cases.put({ ...first, testLabel: 'half-done' });
        throw new Error('power cut');
      },
    }),
  ],
};

describe('record migrations', () => {
  it('run after unlock on a v1 vault: records take the new shape and version, the rest is untouched', async () => {
    const vault = await loadV1Fixture('migrate', { migrationPlan: planV9 });
    const before = await dumpRaw(vault.db.name);
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await readDataVersion(vault.db)).toBe(9);
    expect(await vault.db.cases.get('case-1')).toMatchObject({ title: 'Fixture case', testLabel: 'unassigned' });
    const after = await dumpRaw(vault.db.name);
    expect(after.cases?.map((row) => Reflect.get(row.value as object, 'v'))).toEqual([4]);
    // offices, officeKeys and bundleLedger were rewritten by the shipped step to 6 (random-row-ids-upgrade.test.ts).
    for (const table of ['people', 'events', 'attachmentChunks']) {
      expect(after[table], `${table} changed`).toEqual(before[table]);
    }
    expect(vault.corruption.records).toEqual([]);

    // Unlocking again finds nothing to do: not one byte changes.
    vault.lock();
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await dumpRaw(vault.db.name)).toEqual(after);
  });

  it('a step that dies half-way leaves the vault as it was, and the next unlock completes it', async () => {
    const crashed = await loadV1Fixture('migrate-crash', { migrationPlan: crashingPlan });
    const before = await dumpRaw(crashed.db.name);
    const refused = await crashed.unlock(PASSPHRASE);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('write-failed');
    expect(crashed.keyring.unlocked).toBe(false);
    // Steps before it committed (the key slots, the shipped steps to versions 2, 3, 4, 6 and 7); nothing of the dying step did.
    const after = await dumpRaw(crashed.db.name);
    expect(after.cases).toEqual(before.cases);
    expect(after.settings?.map((row) => row.key)).toContain('data-version');
    crashed.db.close();

    const resumed = testVault('migrate-crash', { dbName: crashed.db.name, migrationPlan: planV9 });
    expect((await resumed.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await resumed.db.cases.get('case-1')).toMatchObject({ testLabel: 'unassigned' });
  });

  it('refuses a vault written by a newer build, changing nothing', async () => {
    const newer = await loadV1Fixture('migrate-newer', { migrationPlan: planV9 });
    expect((await newer.unlock(PASSPHRASE)).ok).toBe(true);
    newer.lock();
    newer.db.close();
    const written = await dumpRaw(newer.db.name);

    // This build only knows the shipped versions.
    const older = testVault('migrate-newer', { dbName: newer.db.name, migrationPlan: appMigrationPlan });
    const refused = await older.unlock(PASSPHRASE);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('vault-too-new');
    expect(!refused.ok && refused.error.message).toMatch(/newer Casebridge.*Nothing was changed/);
    expect(older.keyring.unlocked).toBe(false);
    older.db.close();
    expect(await dumpRaw(newer.db.name)).toEqual(written);
  });

  it('a new vault starts at the newest version, with nothing to migrate', async () => {
    const vault = await createdVault('migrate-new');
    expect(await readDataVersion(vault.db)).toBe(appMigrationPlan.versions.at(-1)?.version);
    const fresh = testVault('migrate-new-v9', { migrationPlan: planV9 });
    expect((await fresh.create(PASSPHRASE)).ok).toBe(true);
    expect(await readDataVersion(fresh.db)).toBe(9);
  });
});
