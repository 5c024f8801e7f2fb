import type { Dexie, Table } from 'dexie';
import { err, ok, type Result } from '@shared/result';
import { VaultLockedError } from './vault-keyring';
import { VaultStorageError } from './encryption-middleware';
import { RecordEncodingError } from './record-codec';
import { VaultReadOnlyError } from './seal/seal-gate';
import { VaultSealError } from './seal/seal-keeper';

export type VaultWriteErrorCode =
  'storage-full' | 'vault-locked' | 'vault-read-only' | 'write-refused' | 'write-failed';

/** True if the error, or anything it wraps (Dexie nests the DOMException), is a quota error. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (Reflect.get(error, 'name') === 'QuotaExceededError') return true;
  const failures: unknown = Reflect.get(error, 'failures');
  const nested = [
    Reflect.get(error, 'inner'),
    Reflect.get(error, 'cause'),
    ...(Array.isArray(failures) ? failures : []),
  ];
  return nested.some((inner) => isQuotaError(inner, depth + 1));
}

const STORAGE_FULL_MESSAGE =
  'The disk is full, so nothing was saved. Free some space (large downloads, old exports, the recycle bin), then try again.';

/** True for a failure that came from a full disk (every vault writer keeps the `storage-full` code). */
export function isStorageFull(error: { readonly code: string }): boolean {
  return error.code === 'storage-full';
}

export function describeWriteError(error: unknown): Result<never, VaultWriteErrorCode> {
  if (isQuotaError(error)) return err('storage-full', STORAGE_FULL_MESSAGE);
  if (error instanceof VaultLockedError) return err('vault-locked', error.message);
  if (error instanceof VaultReadOnlyError) return err('vault-read-only', error.message);
  if (error instanceof VaultStorageError || error instanceof RecordEncodingError || error instanceof VaultSealError)
    return err('write-refused', error.message);
  return err(
    'write-failed',
    `The change could not be saved and nothing was written. ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * Runs `work` in one read-write transaction and resolves only once IndexedDB committed it. Either every
 * write lands or none does; a full disk becomes a 'storage-full' result with what to do next.
 * `work` must only touch IndexedDB: awaiting anything else would let the transaction auto-commit early.
 */
export async function vaultWrite<T>(
  db: Dexie,
  tables: Table[],
  work: () => Promise<T>,
): Promise<Result<T, VaultWriteErrorCode>> {
  try {
    return ok(await db.transaction('rw', tables, work));
  } catch (error) {
    return describeWriteError(error);
  }
}
