import { Dexie, type IndexableType, type IndexableTypePart, type Table } from 'dexie';
import { latestSchema, schemaVersions } from '../schema/versions';
import type { TableSpec } from '../schema/table-spec';

/**
 * The vault's database WITHOUT the encryption layer: rows exactly as IndexedDB holds them (record ciphertexts, plain
 * indexes, blind-index tokens, sealed attachment chunks). Only backup and restore use it, because they move those
 * ciphertexts as they are: restoring puts back the same bytes, which the same passphrases and recovery key open.
 */
export function openRawVaultDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
  for (const schema of schemaVersions) db.version(schema.version).stores(schema.stores);
  return db;
}

export const HEADER_TABLE = 'vaultHeader';

/** Every table a backup carries, in the order it carries them: attachment records before their chunks. */
export function backedUpTables(): readonly string[] {
  return Object.keys(latestSchema.tables).filter((name) => name !== HEADER_TABLE);
}

export function tableSpec(name: string): TableSpec | undefined {
  const tables: Readonly<Record<string, TableSpec>> = latestSchema.tables;
  return tables[name];
}

function primaryKeyOf(table: Table, row: unknown): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  // Rows came out of IndexedDB under this key path, so the fields are valid keys.
  const get = (field: string): IndexableTypePart => Reflect.get(row as object, field) as IndexableTypePart;
  if (Array.isArray(keyPath)) return keyPath.map(get);
  return get(keyPath ?? 'id');
}

/** A table's raw rows in primary-key order, a page at a time (never the whole table in memory). */
export async function* rawPages(table: Table, pageRows: number): AsyncGenerator<unknown[]> {
  let after: IndexableType | undefined;
  for (;;) {
    const collection = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
    const rows: unknown[] = await collection.limit(pageRows).toArray();
    if (rows.length === 0) return;
    yield rows;
    after = primaryKeyOf(table, rows[rows.length - 1]);
  }
}

/** Rows per page: attachment chunks are up to 1 MiB each, records a few KiB. */
export function pageRowsFor(name: string): number {
  return tableSpec(name)?.kind === 'sealed-chunks' ? 4 : 256;
}
