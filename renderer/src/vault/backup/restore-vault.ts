import type { Dexie } from 'dexie';
import type { ByteSource } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { backupError, BackupFormatError, type BackupErrorCode } from '@shared/backup/backup-error';
import type { BackupSecret } from '@shared/backup/backup-keys';
import type { BackupManifest } from '@shared/backup/backup-layout';
import { encodeRow, hashRow } from '@shared/backup/backup-rows';
import { readBackupBody, readBackupPrologue, type OpenedPrologue } from '@shared/backup/read-backup';
import { openBackup, type VerifiedBackup } from '@shared/backup/verify-backup';
import { err, ok, type Result } from '@shared/result';
import type { KdfParams } from '@shared/vault/kdf-params';
import type { DeriveKey } from '@shared/vault/vault-keys';
import { VAULT_HEADER_ROW_ID, vaultHeaderRowSchema } from '../vault-header-row';
import { latestSchema } from '../schema/versions';
import { VAULT_SEAL_ROW_ID } from '@shared/vault/vault-seal';
import { HEADER_TABLE, openRawVaultDb, pageRowsFor, rawPages, tableSpec } from './raw-vault-db';
import { clearInterruptedRestore, readRestoreState, RESTORE_MARKER_ID } from './restore-state';

export type RestoreErrorCode =
  | BackupErrorCode
  | 'RESTORE_VAULT_EXISTS'
  | 'RESTORE_PROFILE_NOT_EMPTY'
  | 'RESTORE_TOO_NEW'
  | 'RESTORE_WRITE_FAILED'
  | 'RESTORE_READBACK_MISMATCH';

const messages: Record<Exclude<RestoreErrorCode, BackupErrorCode>, string> = {
  RESTORE_VAULT_EXISTS:
    'This installation already has a vault, so nothing was restored over it. Restore on a new or emptied installation.',
  RESTORE_PROFILE_NOT_EMPTY:
    'This installation holds data that is not a vault, so nothing was restored over it. Use a new profile.',
  RESTORE_TOO_NEW: 'This backup was made by a newer version of Casebridge. Update Casebridge, then restore again.',
  RESTORE_WRITE_FAILED:
    'The restore could not be written, and what it had written was removed. Free some space, then restore again.',
  RESTORE_READBACK_MISMATCH:
    'What was written does not read back as the backup said, so it was removed. Restore again; if it happens again, use another copy.',
};

const refuse = (code: Exclude<RestoreErrorCode, BackupErrorCode>, detail?: string) =>
  err(code, detail ? `${messages[code]} (${detail})` : messages[code]);

/** Opens the backup file anew for each pass (the shell streams files forward only). */
export type OpenBackupSource = () => Promise<Result<{ readonly source: ByteSource; close(): Promise<void> }, string>>;

export type RestorePhase = 'verifying' | 'restoring' | 'checking';
export type RestoreProgress = { readonly phase: RestorePhase; readonly done: number; readonly total: number };

export type RestoreVaultInput = {
  readonly kit: CryptoKit;
  readonly dbName: string;
  readonly open: OpenBackupSource;
  readonly derive: DeriveKey;
  readonly secret: BackupSecret;
  /** Tests only: TEST_KDF_FLOOR. */
  readonly floor?: KdfParams;
  /**
   * Progress. A throw from here stops the restore where it is, without clean-up, like the app dying: the tests use it
   * to prove the marker keeps a half-restored vault from opening.
   */
  readonly onProgress?: (progress: RestoreProgress) => void;
  readonly signal?: AbortSignal;
};

class CrashError extends Error {
  constructor(readonly inner: unknown) {
    super('The restore stopped.');
  }
}

/**
 * Restores a backup into an empty installation: (1) the whole file is verified — every frame decrypted, every row
 * checked, the manifest compared — before anything is written; (2) a marker row is written, then the rows, table
 * by table; (3) every table is read back and hashed against the manifest; (4) the vault header is written and the
 * marker removed in one transaction — the commit point. A failure at (2)–(3) removes what was written.
 */
export async function restoreVault(input: RestoreVaultInput): Promise<Result<VerifiedBackup, RestoreErrorCode>> {
  const { kit, signal } = input;
  const report = (progress: RestoreProgress) => {
    try {
      input.onProgress?.(progress);
    } catch (error) {
      throw new CrashError(error);
    }
  };
  const raw = openRawVaultDb(input.dbName);
  let backupKey: Uint8Array | null = null;
  let wrote = false;
  try {
    const state = await readRestoreState(raw);
    if (state === 'live') return refuse('RESTORE_VAULT_EXISTS');
    if (state === 'not-empty') return refuse('RESTORE_PROFILE_NOT_EMPTY');
    if (state === 'interrupted') await clearInterruptedRestore(raw);

    // Pass 1: verify everything, write nothing.
    const first = await withSource(input.open, async (source) => {
      const unlocked = await openBackup({
        kit,
        source,
        derive: input.derive,
        secret: input.secret,
        floor: input.floor,
      });
      if (!unlocked.ok) return unlocked;
      backupKey = unlocked.value.backupKey;
      const { opened } = unlocked.value;
      const body = await readBackupBody({
        kit,
        source,
        opened,
        backupKey: unlocked.value.backupKey,
        signal,
        onRows: async (table, rows) => checkRows(table, rows),
        onProgress: (done, total) => report({ phase: 'verifying', done, total }),
      });
      return body.ok ? ok({ opened, manifest: body.value }) : body;
    });
    if (!first.ok) return first;
    const { opened, manifest } = first.value;
    if (manifest.schemaVersion > latestSchema.version) return refuse('RESTORE_TOO_NEW');
    const headerRow = vaultHeaderRowSchema.safeParse({ id: VAULT_HEADER_ROW_ID, header: opened.prologue.vaultHeader });
    if (!headerRow.success) return backupError('BACKUP_HEADER_INVALID');
    const key = backupKey as Uint8Array | null;
    if (key === null) return backupError('BACKUP_HEADER_INVALID');

    // Pass 2: stage the rows under the marker (the file is verified again as it is read).
    await raw.table(HEADER_TABLE).add({ id: RESTORE_MARKER_ID, vaultId: opened.prologue.vaultId });
    wrote = true;
    const totalRows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    let doneRows = 0;
    const second = await withSource(input.open, async (source) => {
      const again = await readBackupPrologue(kit, source);
      if (!again.ok) return again;
      if (!kit.equal(again.value.digest, opened.digest)) return backupError('BACKUP_MANIFEST_MISMATCH', 'file changed');
      return readBackupBody({
        kit,
        source,
        opened: again.value satisfies OpenedPrologue,
        backupKey: key,
        signal,
        onRows: async (table, rows) => {
          await raw.transaction('rw', raw.table(table), () => raw.table(table).bulkAdd(rows));
          doneRows += rows.length;
          report({ phase: 'restoring', done: doneRows, total: totalRows });
        },
      });
    });
    if (!second.ok) {
      await clearInterruptedRestore(raw);
      return second;
    }

    // Pass 3: what IndexedDB holds now must hash to the manifest, table by table.
    const mismatch = await readBack(kit, raw, manifest, (done) =>
      report({ phase: 'checking', done, total: totalRows }),
    );
    if (mismatch !== null) {
      await clearInterruptedRestore(raw);
      return refuse('RESTORE_READBACK_MISMATCH', mismatch);
    }

    // The commit point: the header appears and the marker goes, together.
    const headers = raw.table(HEADER_TABLE);
    await raw.transaction('rw', headers, async () => {
      if ((await headers.get(VAULT_HEADER_ROW_ID)) !== undefined) throw new Error('A vault appeared meanwhile.');
      await headers.add(headerRow.data);
      await headers.delete(RESTORE_MARKER_ID);
    });
    return ok({ prologue: opened.prologue, manifest });
  } catch (error) {
    if (error instanceof CrashError) throw error.inner;
    if (wrote) await clearInterruptedRestore(raw).catch(() => undefined);
    if (error instanceof BackupFormatError) return err(error.code, error.message);
    return refuse('RESTORE_WRITE_FAILED', error instanceof Error ? error.message : String(error));
  } finally {
    if (backupKey) kit.wipe(backupKey);
    raw.close();
  }
}

async function withSource<T>(
  open: OpenBackupSource,
  work: (source: ByteSource) => Promise<Result<T, RestoreErrorCode>>,
): Promise<Result<T, RestoreErrorCode>> {
  const opened = await open();
  if (!opened.ok) return backupError('BACKUP_IO_FAILED', opened.error.message);
  try {
    return await work(opened.value.source);
  } finally {
    await opened.value.close();
  }
}

function isBytes(value: unknown): boolean {
  return value instanceof Uint8Array;
}

/** Each row must have the shape its table stores (the encryption layer opens it later; here only the shape). */
function checkRows(table: string, rows: readonly unknown[]): Promise<void> {
  const spec = tableSpec(table);
  if (spec === undefined || spec.kind === 'vault-header')
    throw new BackupFormatError('BACKUP_MALFORMED', `table ${table} is not one this version stores`);
  for (const row of rows) {
    const get = (field: string): unknown =>
      typeof row === 'object' && row !== null ? Reflect.get(row, field) : undefined;
    const fits =
      spec.kind === 'sealed-chunks'
        ? typeof get('attachmentId') === 'string' && Number.isInteger(get('index')) && isBytes(get('c'))
        : spec.kind === 'vault-seal'
          ? get('id') === VAULT_SEAL_ROW_ID && isBytes(get('c'))
          : typeof get('id') === 'string' && Number.isInteger(get('v')) && isBytes(get('c'));
    if (!fits) throw new BackupFormatError('BACKUP_MALFORMED', `a row of ${table} has the wrong shape`);
  }
  return Promise.resolve();
}

/** Hashes every restored table as the backup did; returns what differs, or null. */
async function readBack(
  kit: CryptoKit,
  raw: Dexie,
  manifest: BackupManifest,
  onRows: (done: number) => void,
): Promise<string | null> {
  let done = 0;
  for (const table of manifest.tables) {
    const hasher = kit.createHasher(32);
    let rows = 0;
    for await (const page of rawPages(raw.table(table.name), pageRowsFor(table.name))) {
      for (const row of page) hashRow(hasher, encodeRow(row));
      rows += page.length;
      done += page.length;
      onRows(done);
    }
    if (rows !== table.rows || toHex(hasher.digest()) !== table.hash) return table.name;
  }
  return null;
}
