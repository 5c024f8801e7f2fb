import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { SealDigest, sealHeaderHash, sealRowHash, type ObservedVaultState } from '@shared/vault/vault-seal';
import type { VaultDb } from '../vault-db';
import { VAULT_HEADER_ROW_ID } from '../vault-header-row';
import { WRITE_COUNTER_FIELD, type TableSpec } from '../schema/table-spec';

/** The tables the seal covers: every encrypted table whose rows carry write counters. */
export function countedTables(tables: Readonly<Record<string, TableSpec>>): string[] {
  return Object.entries(tables)
    .filter(([, spec]) => spec.kind === 'encrypted' && spec.counted === true)
    .map(([name]) => name);
}

/**
 * What the disk holds now, in the seal's terms, read in one transaction. Only keys are read: the write-counter index
 * gives each row's `(id, n)` without loading or decrypting it. Rows from before seals (no counter) count as counter 0;
 * finding them needs the table's primary keys too, which is only done while such rows remain.
 */
export async function observeVaultState(
  db: VaultDb,
  kit: CryptoKit,
  sealKey: Uint8Array,
  tableNames: readonly string[],
): Promise<ObservedVaultState> {
  const tables = tableNames.map((name) => db.table(name));
  return db.transaction('r', [db.vaultHeader, ...tables], async () => {
    const headerRow: unknown = await db.vaultHeader.get(VAULT_HEADER_ROW_ID);
    const header: unknown =
      typeof headerRow === 'object' && headerRow !== null ? Reflect.get(headerRow, 'header') : undefined;
    const observed: Record<string, { rows: number; digest: string }> = {};
    let maxCounter = 0;
    for (const table of tables) {
      const digest = new SealDigest();
      const total = await table.count();
      const counted = await table.orderBy(WRITE_COUNTER_FIELD).count();
      const seen = counted < total ? new Set<string>() : null;
      await table.orderBy(WRITE_COUNTER_FIELD).eachKey((key, cursor) => {
        const id = String(cursor.primaryKey);
        const counter = Number(key);
        maxCounter = Math.max(maxCounter, counter);
        digest.toggle(sealRowHash(kit, sealKey, table.name, id, counter));
        seen?.add(id);
      });
      if (seen) {
        for (const key of await table.toCollection().primaryKeys()) {
          const id = String(key);
          if (!seen.has(id)) digest.toggle(sealRowHash(kit, sealKey, table.name, id, 0));
        }
      }
      observed[table.name] = { rows: total, digest: digest.hex() };
    }
    return { header: sealHeaderHash(kit, sealKey, header), tables: observed, maxCounter };
  });
}
