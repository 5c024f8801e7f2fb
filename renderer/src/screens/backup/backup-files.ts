import type { ByteSink, RandomAccessSink } from '@shared/bytes/byte-io';
import type { BackupManifest } from '@shared/backup/backup-layout';
import { readBackupPrologue, type OpenedPrologue } from '@shared/backup/read-backup';
import type { CryptoKit } from '@shared/crypto/crypto-kit';
import type { CasebridgeApi } from '@shared/ipc/contract';
import { err, ok, type Result } from '@shared/result';
import { openBundleFile } from '../../bundle-io/ipc-byte-source';
import { writeBundleFile, type ExportProgress, type WrittenBundle } from '../../bundle-io/write-bundle-file';
import { backupVault, type BackupProgress } from '../../vault/backup/backup-vault';
import type { OpenBackupSource } from '../../vault/backup/restore-vault';
import type { VaultService } from '../../vault/vault-service';

/** `casebridge-backup-2026-12-01-0635-7d3c2b1a.cbbackup`: date and time (UTC) and the start of the vault id. */
export function backupFileName(vaultId: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `casebridge-backup-${stamp}-${vaultId.slice(0, 8)}.cbbackup`;
}

export type BackupFileProgress =
  | { readonly phase: 'reading'; readonly done: number; readonly total: number }
  | { readonly phase: Exclude<ExportProgress['phase'], 'building'>; readonly done: number; readonly total: number };

/** The writer appends; the staging file takes positions. */
function appendingSink(sink: RandomAccessSink): ByteSink {
  let offset = 0;
  return {
    write(bytes) {
      const at = offset;
      offset += bytes.length;
      return sink.writeAt(at, bytes);
    },
  };
}

/**
 * The backup goes through the bundles' writer: staged on disk (never whole in memory), hashed, sent in chunks to
 * the main process, which writes a temporary file, fsyncs, renames and reads it back against the hash.
 */
export function writeBackupFile(input: {
  readonly vault: VaultService;
  readonly shell: CasebridgeApi;
  readonly folderToken: string;
  readonly appVersion: string;
  readonly now: Date;
  readonly onProgress: (progress: BackupFileProgress) => void;
  readonly signal: AbortSignal;
}): Promise<Result<WrittenBundle<BackupManifest>, string>> {
  const { vault, signal, onProgress } = input;
  return writeBundleFile<BackupManifest>({
    kit: vault.kit,
    writer: input.shell.exchange,
    folderToken: input.folderToken,
    fileName: (manifest) => backupFileName(manifest.vaultId, input.now),
    expectedBytes: 1,
    signal,
    onProgress: (progress) => {
      if (progress.phase !== 'building') onProgress({ ...progress, phase: progress.phase });
    },
    build: (sink) =>
      backupVault({
        vault,
        sink: appendingSink(sink),
        appVersion: input.appVersion,
        now: input.now,
        signal,
        onProgress: (rows: BackupProgress) =>
          onProgress({ phase: 'reading', done: rows.doneRows, total: rows.totalRows }),
      }),
  });
}

/** A picked backup file, opened anew for each pass (the shell streams files forward only). */
export function backupSource(shell: CasebridgeApi, fileToken: string): OpenBackupSource {
  return () => openBundleFile(shell.exchange, fileToken);
}

/** The prologue alone (no secret needed): which vault a backup is of, and when it was made. */
export async function peekBackup(kit: CryptoKit, open: OpenBackupSource): Promise<Result<OpenedPrologue, string>> {
  const opened = await open();
  if (!opened.ok) return err(opened.error.code, opened.error.message);
  try {
    const prologue = await readBackupPrologue(kit, opened.value.source);
    return prologue.ok ? ok(prologue.value) : prologue;
  } finally {
    await opened.value.close();
  }
}
