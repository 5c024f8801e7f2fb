import type { Table } from 'dexie';
import { schemaV5 } from '../schema/v5';
import { schemaV6 } from '../schema/v6';
import type { VaultRecord } from '../vault-db';
import { defineRecordMigration } from './record-migration';

/** Moves every row of `table` to a new random id (sealed again: the id is in its associated data); old → new. */
async function rekey(table: Table<VaultRecord, string>): Promise<Map<string, string>> {
  const renamed = new Map<string, string>();
  for (const row of await table.toArray()) {
    const id = crypto.randomUUID();
    await table.add({ ...row, id });
    await table.delete(row.id);
    renamed.set(row.id, id);
  }
  return renamed;
}

/**
 * Random row ids: partner offices (keyed by signing key) and bundle-ledger entries (keyed by
 * `direction:peerKey:bundleId`) move to random ids. Nothing points at a ledger row by id; the one reference to an
 * office row is `officeKeys.officeId` in vaults from schema 1, which follows its office. A row that does not open
 * cannot be moved and keeps its id (the corruption report names it).
 */
export const migrationToV6 = defineRecordMigration(schemaV5, schemaV6, {
  description: 'partner offices and exchange-log entries are keyed by random ids, not by signing keys and bundle ids',
  tables: ['offices', 'officeKeys', 'bundleLedger'],
  migrate: async ({ db }) => {
    const offices = await rekey(db.offices);
    for (const row of await db.officeKeys.toArray()) {
      const officeId: unknown = row.officeId;
      const moved = typeof officeId === 'string' ? offices.get(officeId) : undefined;
      if (moved !== undefined) await db.officeKeys.put({ ...row, officeId: moved });
    }
    await rekey(db.bundleLedger);
  },
});
