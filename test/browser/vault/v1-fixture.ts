import { fromBase64 } from '@shared/bytes/bytes';
import type { VaultService } from '../../../renderer/src/vault/vault-service';
import fixture from './fixtures/v1-database.json';
import { putRaw } from './raw-idb';
import { testVault, type TestVaultOptions } from './vault-test-kit';

/**
 * Schema v1 fixture: a database written by the v1 code (committed as raw IndexedDB rows, bytes in base64).
 * Every later version must still open it. Never regenerate it: that would hide a break.
 */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === 'object' && value !== null) {
    const bytes: unknown = Reflect.get(value, '$bytes');
    if (typeof bytes === 'string') return fromBase64(bytes);
    const date: unknown = Reflect.get(value, '$date');
    if (typeof date === 'string') return new Date(date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

export const rawV1Fixture = fixture as Record<string, { key: unknown; value: unknown }[]>;

/** A vault service over a fresh database holding exactly the v1 fixture's rows. */
export async function loadV1Fixture(label: string, options: TestVaultOptions = {}): Promise<VaultService> {
  const vault = testVault(label, options);
  await vault.db.open(); // creates the current schema, as an upgrade from nothing would
  for (const [table, rows] of Object.entries(rawV1Fixture)) {
    for (const row of rows) await putRaw(vault.db.name, table, revive(row.value));
  }
  return vault;
}
