import type { ByteSource } from '../bytes/byte-io';
import type { CryptoKit } from '../crypto/crypto-kit';
import { ok, type Result } from '../result';
import type { KdfParams } from '../vault/kdf-params';
import type { DeriveKey } from '../vault/vault-keys';
import type { BackupErrorCode } from './backup-error';
import { unlockBackupKey, type BackupSecret } from './backup-keys';
import type { BackupManifest, BackupPrologue } from './backup-layout';
import { checkBackupVault, readBackupBody, readBackupPrologue, type OpenedPrologue } from './read-backup';

export type VerifyBackupOptions = {
  readonly kit: CryptoKit;
  readonly source: ByteSource;
  readonly derive: DeriveKey;
  readonly secret: BackupSecret;
  /** The live installation's vault id, when the backup must be of this vault (verify from Settings). */
  readonly expectVaultId?: string;
  readonly floor?: KdfParams;
  readonly onRows?: (table: string, rows: readonly unknown[]) => Promise<void>;
  readonly onProgress?: (doneBytes: number, totalBytes: number) => void;
  readonly signal?: AbortSignal;
};

export type VerifiedBackup = { readonly prologue: BackupPrologue; readonly manifest: BackupManifest };

export type OpenBackupOptions = Pick<
  VerifyBackupOptions,
  'kit' | 'source' | 'derive' | 'secret' | 'expectVaultId' | 'floor'
>;

/** Steps 1–4 of docs/backup-format.md §7: prologue, vault, secret. The caller wipes the backup key. */
export async function openBackup(
  options: OpenBackupOptions,
): Promise<Result<{ opened: OpenedPrologue; backupKey: Uint8Array }, BackupErrorCode>> {
  const { kit, source } = options;
  const opened = await readBackupPrologue(kit, source);
  if (!opened.ok) return opened;
  if (options.expectVaultId !== undefined) {
    const same = checkBackupVault(opened.value.prologue, options.expectVaultId);
    if (!same.ok) return same;
  }
  const backupKey = await unlockBackupKey({
    kit,
    derive: options.derive,
    untrustedHeader: opened.value.prologue.vaultHeader,
    secret: options.secret,
    floor: options.floor,
  });
  return backupKey.ok ? ok({ opened: opened.value, backupKey: backupKey.value }) : backupKey;
}

/** The whole verification order of docs/backup-format.md §7: prologue, vault, secret, every frame, manifest. */
export async function verifyBackup(options: VerifyBackupOptions): Promise<Result<VerifiedBackup, BackupErrorCode>> {
  const opened = await openBackup(options);
  if (!opened.ok) return opened;
  const { backupKey } = opened.value;
  try {
    const manifest = await readBackupBody({ ...options, opened: opened.value.opened, backupKey });
    return manifest.ok ? ok({ prologue: opened.value.opened.prologue, manifest: manifest.value }) : manifest;
  } finally {
    options.kit.wipe(backupKey);
  }
}
