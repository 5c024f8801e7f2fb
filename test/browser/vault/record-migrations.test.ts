import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaV1 } from '../../../renderer/src/vault/schema/v1';
import { encrypted, encryptedStore, type SchemaVersionSpec } from '../../../renderer/src/vault/schema/table-spec';
import { defineRecordMigration } from '../../../renderer/src/vault/migrations/record-migration';
import { appMigrationPlan, type MigrationPlan } from '../../../renderer/src/vault/migrations/migration-plan';
import { readDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { createdVault, PASSPHRASE, testVault } from './vault-test-kit';
import { dumpRaw } from './raw-idb';
import { loadV1Fixture } from './v1-fixture';

/**
 * The migration machinery, proved with a test step on the frozen v1 fixture: version 2 gives every case an
 * `ownerId` (the first caseworker, or "unassigned"). The first real step (persons) will follow the same shape.
 */
const casesV2 = encrypted(2, ['createdAt', 'updatedAt', 'stage'], ['reference']);
const testSchemaV2 = {
  version: 2,
  tables: { ...schemaV1.tables, cases: casesV2 },
  stores: { ...schemaV1.stores, cases: encryptedStore(casesV2) },
} as const satisfies SchemaVersionSpec;

const caseV1 = z.looseObject({ id: z.string(), caseworkerIds: z.array(z.string()).optional() });

const ownerStep = defineRecordMigration(schemaV1, testSchemaV2, {
  description: 'cases get an owner',
  tables: ['cases'],
  migrate: async ({ db }) => {
    for (const row of await db.cases.toArray()) {
      const old = caseV1.parse(row);
      await db.cases.put({ ...old, ownerId: old.caseworkerIds?.[0] ?? 'unassigned' });
    }
  },
});

const planV2: MigrationPlan = { versions: [schemaV1, testSchemaV2], migrations: [ownerStep] };

/** The same step, but the process "dies" after its first write: the transaction aborts as it would. */
const crashingPlan: MigrationPlan = {
  versions: planV2.versions,
  migrations: [
    defineRecordMigration(schemaV1, testSchemaV2, {
      description: 'cases get an owner (crashes half-way)',
      tables: ['cases'],
      migrate: async ({ db }) => {
        const [first] = await db.cases.toArray();
        if (first) await db.cases.put({ ...first, ownerId: 'half-done' });
        throw new Error('power cut');
      },
    }),
  ],
};

describe('record migrations', () => {
  it('run after unlock on a v1 vault: records take the new shape and version, the rest is untouched', async () => {
    const vault = await loadV1Fixture('migrate', { migrationPlan: planV2 });
    const before = await dumpRaw(vault.db.name);
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await readDataVersion(vault.db)).toBe(2);
    expect(await vault.db.cases.get('case-1')).toMatchObject({ title: 'Fixture case', ownerId: 'unassigned' });
    const after = await dumpRaw(vault.db.name);
    expect(after.cases?.map((row) => Reflect.get(row.value as object, 'v'))).toEqual([2]);
    for (const table of ['people', 'events', 'offices', 'officeKeys', 'bundleLedger', 'attachmentChunks', 'profile']) {
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
    const { vaultHeader: _headerBefore, ...before } = await dumpRaw(crashed.db.name);
    const refused = await crashed.unlock(PASSPHRASE);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('write-failed');
    expect(crashed.keyring.unlocked).toBe(false);
    // The key slots were upgraded before the records (same passphrase); no record changed.
    const { vaultHeader: _headerAfter, ...after } = await dumpRaw(crashed.db.name);
    expect(after).toEqual(before);
    crashed.db.close();

    const resumed = testVault('migrate-crash', { dbName: crashed.db.name, migrationPlan: planV2 });
    expect((await resumed.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await resumed.db.cases.get('case-1')).toMatchObject({ ownerId: 'unassigned' });
  });

  it('refuses a vault written by a newer build, changing nothing', async () => {
    const newer = await loadV1Fixture('migrate-newer', { migrationPlan: planV2 });
    expect((await newer.unlock(PASSPHRASE)).ok).toBe(true);
    newer.lock();
    newer.db.close();
    const written = await dumpRaw(newer.db.name);

    // This build only knows schema version 1.
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
    const fresh = testVault('migrate-new-v2', { migrationPlan: planV2 });
    expect((await fresh.create(PASSPHRASE)).ok).toBe(true);
    expect(await readDataVersion(fresh.db)).toBe(2);
  });
});
