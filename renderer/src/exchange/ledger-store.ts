import { ledgerEntrySchema, type LedgerEntry } from '@shared/exchange/ledger-entry';
import type { VaultDb } from '../vault/vault-db';

/** Every ledger entry that opens and parses, newest first. */
export async function loadLedger(db: VaultDb): Promise<LedgerEntry[]> {
  const rows: unknown[] = await db.bundleLedger.toArray();
  return rows
    .map((row) => ledgerEntrySchema.safeParse(row))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .sort((a, b) => b.recordedAt - a.recordedAt);
}
