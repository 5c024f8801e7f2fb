import { KEY_BYTES, type CryptoKit } from '../crypto/crypto-kit';
import { concatBytes, utf8 } from '../bytes/bytes';
import { ok, type Result } from '../result';
import type { KdfParams } from '../vault/kdf-params';
import { parseVaultHeader, unlockWithPassphrase, unlockWithRecoveryKey, type DeriveKey } from '../vault/vault-keys';
import { backupError, type BackupErrorCode } from './backup-error';
import { PROLOGUE_DIGEST_DOMAIN } from './backup-layout';

/** Sub-key id 5 of the vault key in the vault's own KDF context (ids 1–3 are in use, 4 is retired for good). */
export const BACKUP_SUBKEY_ID = 5;
const VAULT_SUBKEY_CONTEXT = 'CBvault1';

export function deriveBackupKey(kit: CryptoKit, vaultKey: Uint8Array): Uint8Array {
  return kit.deriveSubkey(vaultKey, BACKUP_SUBKEY_ID, VAULT_SUBKEY_CONTEXT, KEY_BYTES);
}

/** Associated data of every frame: the whole plaintext prologue, so no byte of it can change unnoticed. */
export function prologueDigest(kit: CryptoKit, prologueBytes: Uint8Array): Uint8Array {
  return kit.hash(concatBytes(utf8(PROLOGUE_DIGEST_DOMAIN), new Uint8Array([0]), prologueBytes), 32);
}

export type BackupSecret =
  | { readonly kind: 'passphrase'; readonly passphrase: string; readonly personId?: string }
  | { readonly kind: 'recovery-key'; readonly recoveryKey: string };

export type UnlockBackupOptions = {
  readonly kit: CryptoKit;
  readonly derive: DeriveKey;
  readonly untrustedHeader: unknown;
  readonly secret: BackupSecret;
  /** Tests only: TEST_KDF_FLOOR. */
  readonly floor?: KdfParams;
};

/**
 * The backup key from a person's passphrase (their slot, or each slot in turn when no person is named: the restore
 * screen does not ask who you are) or the recovery key. The vault key is wiped at once.
 */
export async function unlockBackupKey(options: UnlockBackupOptions): Promise<Result<Uint8Array, BackupErrorCode>> {
  const { kit, derive, untrustedHeader, secret, floor } = options;
  const header = parseVaultHeader(untrustedHeader, floor);
  if (!header.ok) return backupError('BACKUP_HEADER_INVALID', header.error.code);
  if (secret.kind === 'recovery-key') {
    const opened = unlockWithRecoveryKey({ kit, untrustedHeader, recoveryKey: secret.recoveryKey, floor });
    if (opened.ok) return ok(keep(kit, opened.value.vaultKey));
    switch (opened.error.code) {
      case 'no-recovery-key':
        return backupError('BACKUP_NO_RECOVERY_KEY');
      case 'recovery-key-format':
      case 'recovery-key-checksum':
        return backupError('BACKUP_RECOVERY_KEY_FORMAT');
      case 'wrong-recovery-key':
        return backupError('BACKUP_WRONG_RECOVERY_KEY');
      default:
        return backupError('BACKUP_HEADER_INVALID', opened.error.code);
    }
  }
  const candidates = header.value.slots.filter((slot) => !secret.personId || slot.personId === secret.personId);
  for (const slot of candidates) {
    const opened = await unlockWithPassphrase({
      kit,
      derive,
      untrustedHeader,
      personId: slot.personId,
      passphrase: secret.passphrase,
      floor,
    });
    if (opened.ok) {
      kit.wipe(opened.value.person.signing.privateKey);
      return ok(keep(kit, opened.value.vaultKey));
    }
    if (opened.error.code !== 'wrong-passphrase') return backupError('BACKUP_HEADER_INVALID', opened.error.code);
  }
  return backupError('BACKUP_WRONG_PASSPHRASE');
}

function keep(kit: CryptoKit, vaultKey: Uint8Array): Uint8Array {
  const backupKey = deriveBackupKey(kit, vaultKey);
  kit.wipe(vaultKey);
  return backupKey;
}
