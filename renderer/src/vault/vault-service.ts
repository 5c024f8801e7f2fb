import { cryptoKit, type CryptoKit } from '@shared/crypto/crypto-kit';
import { err, ok, type Result } from '@shared/result';
import { PRODUCTION_KDF_FLOOR, type KdfParams } from '@shared/vault/kdf-params';
import {
  parseVaultHeader,
  addRecoveryKey,
  createVaultKey,
  rewrapWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type DeriveKey,
  type VaultKeyErrorCode,
} from '@shared/vault/vault-keys';
import type { VaultHeader } from '@shared/vault/vault-header';
import { deriveInWorker } from './kdf/derive-in-worker';
import { CorruptionReport } from './corruption-report';
import { DEFAULT_VAULT_DB_NAME, openVaultDb, type VaultDb } from './vault-db';
import { VaultKeyring } from './vault-keyring';
import { VAULT_HEADER_ROW_ID } from './vault-header-row';
import { UnlockThrottle } from './unlock-throttle';
import { vaultWrite, type VaultWriteErrorCode } from './vault-write';
import { sweepOrphanChunks } from './attachments/attachment-store';
import { appMigrationPlan, latestVersion, type MigrationPlan } from './migrations/migration-plan';
import { writeDataVersion } from './migrations/data-version';
import { runRecordMigrations, type MigrationErrorCode } from './migrations/run-record-migrations';
import { officeProfileSchema, OFFICE_PROFILE_ID, type OfficeProfile } from './records/office-profile';
import {
  defaultPreferences,
  PREFERENCES_ID,
  vaultPreferencesSchema,
  type VaultPreferences,
} from './records/vault-preferences';

export type VaultStatus =
  | { readonly kind: 'no-vault' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'unlocked' }
  | { readonly kind: 'unreadable'; readonly code: VaultKeyErrorCode; readonly message: string };

export type VaultErrorCode =
  | VaultKeyErrorCode
  | VaultWriteErrorCode
  | MigrationErrorCode
  | 'vault-exists'
  | 'no-vault'
  | 'unlock-throttled'
  | 'header-changed';

export type VaultServiceOptions = {
  readonly dbName?: string;
  readonly derive?: DeriveKey;
  /**
   * Tests only: TEST_KDF_FLOOR, used both to create and as the floor when reading. The app never passes
   * this, so it creates and accepts nothing below PRODUCTION_KDF_FLOOR.
   */
  readonly kdf?: KdfParams;
  readonly now?: () => Date;
  readonly kit?: CryptoKit;
  /** Tests only: another schema and record-migration chain (the app always uses `appMigrationPlan`). */
  readonly migrationPlan?: MigrationPlan;
};

/**
 * The vault's lifecycle: create, unlock, lock, change passphrase, recovery key. Owns the keyring and the
 * encrypted store; screens call this and never touch keys.
 */
export class VaultService {
  readonly db: VaultDb;
  readonly keyring: VaultKeyring;
  readonly corruption = new CorruptionReport();
  readonly throttle: UnlockThrottle;
  readonly #derive: DeriveKey;
  readonly #kdf: KdfParams;
  readonly #now: () => Date;
  readonly #listeners = new Set<() => void>();
  readonly #plan: MigrationPlan;

  constructor(kit: CryptoKit, options: VaultServiceOptions = {}) {
    this.keyring = new VaultKeyring(kit);
    this.#plan = options.migrationPlan ?? appMigrationPlan;
    this.db = openVaultDb(options.dbName ?? DEFAULT_VAULT_DB_NAME, this.keyring, this.corruption, this.#plan.versions);
    this.#derive = options.derive ?? deriveInWorker;
    this.#kdf = options.kdf ?? PRODUCTION_KDF_FLOOR;
    this.#now = options.now ?? (() => new Date());
    this.throttle = new UnlockThrottle(() => this.#now().getTime());
    this.keyring.onChange(() => this.#listeners.forEach((listener) => listener()));
  }

  get kit(): CryptoKit {
    return this.keyring.kit;
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #readHeader(): Promise<unknown> {
    const row: unknown = await this.db.vaultHeader.get(VAULT_HEADER_ROW_ID);
    return typeof row === 'object' && row !== null ? Reflect.get(row, 'header') : undefined;
  }

  async status(): Promise<VaultStatus> {
    if (this.keyring.unlocked) return { kind: 'unlocked' };
    const untrusted = await this.#readHeader();
    if (untrusted === undefined) return { kind: 'no-vault' };
    const header = parseVaultHeader(untrusted, this.#kdf);
    return header.ok
      ? { kind: 'locked' }
      : { kind: 'unreadable', code: header.error.code, message: header.error.message };
  }

  async create(passphrase: string): Promise<Result<void, VaultErrorCode>> {
    if ((await this.#readHeader()) !== undefined)
      return err('vault-exists', 'A vault already exists in this profile. Unlock it instead.');
    const vaultId = crypto.randomUUID();
    const { header, vaultKey } = await createVaultKey({
      kit: this.kit,
      derive: this.#derive,
      passphrase,
      vaultId,
      now: this.#now(),
      kdf: this.#kdf,
    });
    const written = await vaultWrite(this.db, [this.db.vaultHeader], async () => {
      // Checked again inside the transaction: two windows racing must not both create a vault.
      if ((await this.db.vaultHeader.get(VAULT_HEADER_ROW_ID)) !== undefined)
        throw new Error('A vault already exists in this profile.');
      await this.db.vaultHeader.add({ id: VAULT_HEADER_ROW_ID, header });
    });
    if (!written.ok) {
      this.kit.wipe(vaultKey);
      return written;
    }
    this.keyring.install(vaultKey);
    // A new vault starts at the newest record version: there is nothing to migrate.
    const marked = await vaultWrite(this.db, [this.db.settings], () =>
      writeDataVersion(this.db, latestVersion(this.#plan), this.#now()),
    );
    if (!marked.ok) {
      this.lock();
      return marked;
    }
    return this.#opened();
  }

  async unlock(passphrase: string): Promise<Result<void, VaultErrorCode>> {
    const wait = this.throttle.waitMs();
    if (wait > 0)
      return err(
        'unlock-throttled',
        `Too many wrong attempts. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`,
      );
    const untrustedHeader = await this.#readHeader();
    if (untrustedHeader === undefined) return err('no-vault', 'There is no vault in this profile yet.');
    const result = await unlockWithPassphrase({
      kit: this.kit,
      derive: this.#derive,
      untrustedHeader,
      passphrase,
      floor: this.#kdf,
    });
    if (!result.ok) {
      if (result.error.code === 'wrong-passphrase') this.throttle.recordFailure();
      return result;
    }
    this.throttle.reset();
    this.keyring.install(result.value.vaultKey);
    return this.#opened();
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Result<void, VaultErrorCode>> {
    const wait = this.throttle.waitMs();
    if (wait > 0)
      return err(
        'unlock-throttled',
        `Too many wrong attempts. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`,
      );
    const untrustedHeader = await this.#readHeader();
    if (untrustedHeader === undefined) return err('no-vault', 'There is no vault in this profile yet.');
    const result = unlockWithRecoveryKey({ kit: this.kit, untrustedHeader, recoveryKey, floor: this.#kdf });
    if (!result.ok) {
      if (result.error.code === 'wrong-recovery-key') this.throttle.recordFailure();
      return result;
    }
    this.throttle.reset();
    this.keyring.install(result.value.vaultKey);
    return this.#opened();
  }

  /** After the key is installed: bring the records up to date (or refuse a newer vault), then tidy up. */
  async #opened(): Promise<Result<void, VaultErrorCode>> {
    this.corruption.clear();
    const migrated = await runRecordMigrations(this.db, this.#plan, this.#now());
    if (!migrated.ok) {
      // Nothing may run on records this build cannot read or could not bring up to date.
      this.lock();
      return migrated;
    }
    // Ask the browser not to evict the store under storage pressure (best effort; the shell may decide).
    void navigator.storage?.persist?.().catch(() => false);
    await sweepOrphanChunks(this.db).catch(() => 0);
    return ok(undefined);
  }

  /** Zeroes every key; the store refuses all reads and writes until the next unlock. */
  lock(): void {
    this.keyring.wipe();
  }

  async #currentHeader(): Promise<Result<VaultHeader, VaultErrorCode>> {
    const untrusted = await this.#readHeader();
    if (untrusted === undefined) return err('no-vault', 'There is no vault in this profile yet.');
    return parseVaultHeader(untrusted, this.#kdf);
  }

  /** Writes a new header only if the stored one is still the one we started from. */
  async #replaceHeader(expected: VaultHeader, next: VaultHeader): Promise<Result<void, VaultErrorCode>> {
    const written = await vaultWrite(this.db, [this.db.vaultHeader], async () => {
      const row = await this.db.vaultHeader.get(VAULT_HEADER_ROW_ID);
      if (JSON.stringify(row?.header) !== JSON.stringify(expected)) return false;
      await this.db.vaultHeader.put({ id: VAULT_HEADER_ROW_ID, header: next });
      return true;
    });
    if (!written.ok) return written;
    return written.value
      ? ok(undefined)
      : err('header-changed', 'The vault changed in another window. Lock, unlock and try again.');
  }

  /** Checks the current passphrase, then re-wraps the vault key under the new one. Nothing else is re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<Result<void, VaultErrorCode>> {
    const header = await this.#currentHeader();
    if (!header.ok) return header;
    const check = await unlockWithPassphrase({
      kit: this.kit,
      derive: this.#derive,
      untrustedHeader: header.value,
      passphrase: current,
      floor: this.#kdf,
    });
    if (!check.ok) return check;
    try {
      const rewrapped = await rewrapWithPassphrase({
        kit: this.kit,
        derive: this.#derive,
        header: header.value,
        vaultKey: check.value.vaultKey,
        newPassphrase: next,
        kdf: this.#kdf,
      });
      return await this.#replaceHeader(header.value, rewrapped);
    } finally {
      this.kit.wipe(check.value.vaultKey);
    }
  }

  /** After a recovery-key unlock: set a new passphrase without knowing the old one (the vault is open). */
  async setNewPassphrase(next: string): Promise<Result<void, VaultErrorCode>> {
    const header = await this.#currentHeader();
    if (!header.ok) return header;
    const rewrapped = await rewrapWithPassphrase({
      kit: this.kit,
      derive: this.#derive,
      header: header.value,
      vaultKey: this.keyring.vaultKey(),
      newPassphrase: next,
      kdf: this.#kdf,
    });
    return this.#replaceHeader(header.value, rewrapped);
  }

  /** Creates (or replaces) the recovery key; returns it for printing. It is never stored. */
  async createRecoveryKey(): Promise<Result<string, VaultErrorCode>> {
    const header = await this.#currentHeader();
    if (!header.ok) return header;
    const { header: next, recoveryKey } = addRecoveryKey({
      kit: this.kit,
      header: header.value,
      vaultKey: this.keyring.vaultKey(),
      now: this.#now(),
    });
    const written = await this.#replaceHeader(header.value, next);
    return written.ok ? ok(recoveryKey) : written;
  }

  async hasRecoveryKey(): Promise<boolean> {
    const header = await this.#currentHeader();
    return header.ok && header.value.recovery !== null;
  }

  async readProfile(): Promise<OfficeProfile | null> {
    const parsed = officeProfileSchema.safeParse(await this.db.profile.get(OFFICE_PROFILE_ID));
    return parsed.success ? parsed.data : null;
  }

  saveProfile(profile: OfficeProfile): Promise<Result<void, VaultWriteErrorCode>> {
    const valid = officeProfileSchema.parse(profile);
    return vaultWrite(this.db, [this.db.profile], async () => {
      await this.db.profile.put(valid);
    });
  }

  async readPreferences(): Promise<VaultPreferences> {
    const parsed = vaultPreferencesSchema.safeParse(await this.db.settings.get(PREFERENCES_ID));
    return parsed.success ? parsed.data : defaultPreferences;
  }

  savePreferences(preferences: VaultPreferences): Promise<Result<void, VaultWriteErrorCode>> {
    const valid = vaultPreferencesSchema.parse(preferences);
    return vaultWrite(this.db, [this.db.settings], async () => {
      await this.db.settings.put(valid);
    });
  }
}

/** The app's vault: production KDF floor, Argon2id in a worker, the default database. */
export async function createAppVaultService(): Promise<VaultService> {
  return new VaultService(await cryptoKit());
}
