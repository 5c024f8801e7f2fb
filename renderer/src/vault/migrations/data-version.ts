import { z } from 'zod';
import type { VaultDb } from '../vault-db';

/** The settings row that says which schema version the encrypted records are in. */
export const DATA_VERSION_ID = 'data-version';

/** Vaults from before the record migration chain have no data-version row: their records are version 1. */
export const FIRST_DATA_VERSION = 1;

const dataVersionSchema = z.strictObject({
  id: z.literal(DATA_VERSION_ID),
  version: z.number().int().positive(),
  migratedAt: z.date(),
});
export type DataVersionRecord = z.infer<typeof dataVersionSchema>;

/** The records' schema version (inside a transaction, or on its own). A damaged row is refused, never guessed. */
export async function readDataVersion(db: VaultDb): Promise<number> {
  const row: unknown = await db.settings.get(DATA_VERSION_ID);
  if (row === undefined) return FIRST_DATA_VERSION;
  return dataVersionSchema.parse(row).version;
}

export async function writeDataVersion(db: VaultDb, version: number, now: Date): Promise<void> {
  const record: DataVersionRecord = { id: DATA_VERSION_ID, version, migratedAt: now };
  await db.settings.put(record);
}
