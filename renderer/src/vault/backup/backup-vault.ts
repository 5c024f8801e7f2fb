import type { ByteSink } from '@shared/bytes/byte-io';
import { deriveBackupKey } from '@shared/backup/backup-keys';
import type { BackupManifest } from '@shared/backup/backup-layout';
import { BackupFormatError, backupError, type BackupErrorCode } from '@shared/backup/backup-error';
import { createBackupWriter, type BackupWriter } from '@shared/backup/write-backup';
import { ok, type Result } from '@shared/result';
import type { VaultService } from '../vault-service';
import { VAULT_HEADER_ROW_ID, vaultHeaderRowSchema } from '../vault-header-row';
import { latestSchema } from '../schema/versions';
import { VAULT_SEAL_ROW_ID, VAULT_SEAL_TABLE } from '@shared/vault/vault-seal';
import { backedUpTables, HEADER_TABLE, openRawVaultDb, pageRowsFor, rawPages } from './raw-vault-db';
import { BackupSealer } from './backup-sealer';

export type BackupProgress = { readonly doneRows: number; readonly totalRows: number };

export type BackupVaultInput = {
  readonly vault: VaultService;
  readonly sink: ByteSink;
  readonly appVersion: string;
  readonly now: Date;
  readonly onProgress?: (progress: BackupProgress) => void;
  readonly signal?: AbortSignal;
  /** Tests only: a fixed secretstream header. */
  readonly streamHeader?: Uint8Array;
};

/**
 * Writes the whole installation — every table's stored rows, attachments included — into `sink` in the backup format
 * (docs/backup-format.md), table by table and page by page. The vault must be unlocked: the backup key is derived
 * from the vault key. Edits made while it runs land in the backup or not, table by table (see docs/vault.md).
 */
export async function backupVault(input: BackupVaultInput): Promise<Result<BackupManifest, BackupErrorCode>> {
  const { vault, sink, onProgress, signal } = input;
  const kit = vault.kit;
  const raw = openRawVaultDb(vault.db.name);
  const backupKey = deriveBackupKey(kit, vault.keyring.vaultKey());
  let writer: BackupWriter | undefined;
  try {
    const headerRow = vaultHeaderRowSchema.parse(await raw.table(HEADER_TABLE).get(VAULT_HEADER_ROW_ID));
    const tables = backedUpTables();
    const counts = await Promise.all(tables.map((name) => raw.table(name).count()));
    const totalRows = counts.reduce((sum, n) => sum + n, 0);
    writer = await createBackupWriter({
      kit,
      backupKey,
      vaultHeader: headerRow.header,
      createdAt: input.now.getTime(),
      sink,
      streamHeader: input.streamHeader,
    });
    let doneRows = 0;
    onProgress?.({ doneRows, totalRows });
    const sealer = new BackupSealer(kit, vault.keyring.subkeys().seal, headerRow.header);
    for (const name of tables.filter((table) => table !== VAULT_SEAL_TABLE)) {
      for await (const page of rawPages(raw.table(name), pageRowsFor(name))) {
        if (signal?.aborted) return backupError('BACKUP_CANCELLED');
        sealer.add(name, page);
        await writer.addRows(name, page);
        doneRows += page.length;
        onProgress?.({ doneRows, totalRows: Math.max(totalRows, doneRows) });
      }
    }
    if (tables.includes(VAULT_SEAL_TABLE)) {
      // The seal is made anew, last, from exactly the rows this backup carries: they were read table by table, so
      // the live seal may describe a later state.
      const live: unknown = await raw.table(VAULT_SEAL_TABLE).get(VAULT_SEAL_ROW_ID);
      await writer.addRows(VAULT_SEAL_TABLE, [sealer.row(live, input.now.getTime())]);
    }
    const profile = await vault.readProfile();
    return ok(
      await writer.finish({
        appVersion: input.appVersion.slice(0, 64),
        schemaVersion: latestSchema.version,
        officeName: profile?.officeName ?? null,
      }),
    );
  } catch (error) {
    if (error instanceof BackupFormatError) return backupError(error.code);
    if (signal?.aborted) return backupError('BACKUP_CANCELLED');
    return backupError('BACKUP_IO_FAILED', error instanceof Error ? error.message : String(error));
  } finally {
    writer?.dispose();
    kit.wipe(backupKey);
    raw.close();
  }
}
