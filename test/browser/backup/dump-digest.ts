import { toHex } from '@shared/bytes/bytes';
import { encodeRow, hashRow } from '@shared/backup/backup-rows';
import { kit } from '../vault/vault-test-kit';
import { dumpRaw } from '../vault/raw-idb';

/**
 * Per store: row count and a BLAKE2b-256 over every key and raw value (bytes included), in key order. Comparing
 * digests instead of dumps keeps a few MiB of attachment chunks from costing a deep equality byte by byte.
 */
export async function dumpDigest(
  dbName: string,
  options: { readonly except?: readonly string[] } = {},
): Promise<Record<string, { rows: number; hash: string }>> {
  const dump = await dumpRaw(dbName);
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const [store, rows] of Object.entries(dump)) {
    if (options.except?.includes(store)) continue;
    const hasher = kit.createHasher(32);
    for (const row of rows) hashRow(hasher, encodeRow(row));
    out[store] = { rows: rows.length, hash: toHex(hasher.digest()) };
  }
  return out;
}
