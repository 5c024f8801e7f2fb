import type { Dexie } from 'dexie';
import { VAULT_HEADER_ROW_ID } from '../vault-header-row';
import { backedUpTables, HEADER_TABLE, openRawVaultDb } from './raw-vault-db';

/**
 * The restore's marker: a row in the header table that exists from the first restored row until the vault header is
 * written (the commit point, in the same transaction that removes it). The vault opens only through its header, so a
 * restore that died midway can never be opened half-restored; the next start sees the marker and clears the rows.
 */
export const RESTORE_MARKER_ID = 'restore-in-progress';

export type RestoreState =
  /** Nothing stored: a restore may start. */
  | 'empty'
  /** A vault exists: restoring over it is refused. */
  | 'live'
  /** A restore died midway: its rows are useless without the header and are cleared before anything else. */
  | 'interrupted'
  /** Rows without a header or a marker: refused, nothing is cleared that Casebridge did not write itself. */
  | 'not-empty';

export async function readRestoreState(raw: Dexie): Promise<RestoreState> {
  const headers = raw.table(HEADER_TABLE);
  if ((await headers.get(VAULT_HEADER_ROW_ID)) !== undefined) return 'live';
  if ((await headers.get(RESTORE_MARKER_ID)) !== undefined) return 'interrupted';
  for (const name of backedUpTables()) if ((await raw.table(name).count()) > 0) return 'not-empty';
  return 'empty';
}

/** Removes what an interrupted restore wrote, marker last (one transaction). Never touches a live vault. */
export async function clearInterruptedRestore(raw: Dexie): Promise<void> {
  const tables = [HEADER_TABLE, ...backedUpTables()].map((name) => raw.table(name));
  await raw.transaction('rw', tables, async () => {
    const headers = raw.table(HEADER_TABLE);
    if ((await headers.get(VAULT_HEADER_ROW_ID)) !== undefined) throw new Error('A vault exists; nothing cleared.');
    for (const name of backedUpTables()) await raw.table(name).clear();
    await headers.delete(RESTORE_MARKER_ID);
  });
}

/** For the first-run screen: what this profile holds (and an interrupted restore cleared on the way). */
export async function restoreStateOf(dbName: string): Promise<RestoreState> {
  const raw = openRawVaultDb(dbName);
  try {
    return await readRestoreState(raw);
  } finally {
    raw.close();
  }
}

/** The live vault's id (plaintext in its header), or null when there is no vault. */
export async function liveVaultId(dbName: string): Promise<string | null> {
  const raw = openRawVaultDb(dbName);
  try {
    const row: unknown = await raw.table(HEADER_TABLE).get(VAULT_HEADER_ROW_ID);
    const header: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'header') : undefined;
    const id: unknown = typeof header === 'object' && header !== null ? Reflect.get(header, 'vaultId') : undefined;
    return typeof id === 'string' ? id : null;
  } finally {
    raw.close();
  }
}

/** For the first-run screen: clears what an interrupted restore wrote (never a live vault). */
export async function clearInterruptedRestoreOf(dbName: string): Promise<void> {
  const raw = openRawVaultDb(dbName);
  try {
    if ((await readRestoreState(raw)) === 'interrupted') await clearInterruptedRestore(raw);
  } finally {
    raw.close();
  }
}
