import { cryptoKit, type CryptoKit } from '@shared/crypto/crypto-kit';
import { err, ok, type Err, type Result } from '@shared/result';
import { PRODUCTION_KDF_FLOOR, type KdfParams } from '@shared/vault/kdf-params';
import {
  addRecoveryKey,
  createVaultKey,
  parseLegacyVaultHeader,
  parseVaultHeader,
  rewrapPersonSlot,
  unlockLegacyWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  upgradeLegacyHeader,
  type DeriveKey,
  type VaultKeyErrorCode,
} from '@shared/vault/vault-keys';
import type { VaultHeader } from '@shared/vault/vault-header';
import { ensureFirstPerson, refusal } from './persons-store';
import { APP_KDF } from './kdf/app-kdf';
import { deriveInWorker } from './kdf/derive-in-worker';
import { CorruptionReport } from './corruption-report';
import { DEFAULT_VAULT_DB_NAME, openVaultDb, type VaultDb } from './vault-db';
import { VaultKeyring } from './vault-keyring';
import { VaultPeople } from './vault-people';
import { personEntry, type PersonEntry, type VaultErrorCode } from './vault-types';
import { syncPersonKeys } from './person-keys-store';
import { DraftKeeper, keepDrafts } from './kept-drafts';
import { VAULT_HEADER_ROW_ID } from './vault-header-row';
import { UnlockThrottle } from './unlock-throttle';
import { vaultWrite, type VaultWriteErrorCode } from './vault-write';
import { sweepOrphanChunks } from './attachments/attachment-store';
import { checkVaultSeal, resealRow, type SealContext } from './seal/vault-integrity';
import { countedTables } from './seal/observe-vault-state';
import { MAX_DECISION_REASON, recordIntegrityDecision } from './seal/integrity-decisions';
import type { IntegrityFinding } from '@shared/vault/vault-seal';
import { appMigrationPlan, latestVersion, type MigrationPlan } from './migrations/migration-plan';
import { writeDataVersion } from './migrations/data-version';
import { runRecordMigrations } from './migrations/run-record-migrations';
import { officeProfileSchema, OFFICE_PROFILE_ID, type OfficeProfile } from './records/office-profile';
import {
  defaultPreferences,
  PREFERENCES_ID,
  vaultPreferencesSchema,
  type VaultPreferences,
} from './records/vault-preferences';

export type { PersonEntry, VaultErrorCode } from './vault-types';

/** The name the first person gets when a test or an upgrade gives none; the screens always ask for one. */
export const DEFAULT_FIRST_PERSON_NAME = 'Administrator';

export type VaultStatus =
  | { readonly kind: 'no-vault' }
  /** `persons` is empty for a vault from before persons: its one passphrase upgrades it on unlock. */
  | { readonly kind: 'locked'; readonly persons: readonly PersonEntry[] }
  | { readonly kind: 'unlocked' }
  | { readonly kind: 'unreadable'; readonly code: VaultKeyErrorCode; readonly message: string };

export type VaultServiceOptions = {
  readonly dbName?: string;
  readonly derive?: DeriveKey;
  /**
   * Used both to create and as the floor when reading. Tests pass TEST_KDF_FLOOR; the app passes APP_KDF,
   * which is PRODUCTION_KDF_FLOOR in every build but the e2e suite's (`kdf/app-kdf.ts`).
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
  /** The forms on screen with unsaved changes, kept as drafts when the vault locks. */
  readonly drafts = new DraftKeeper();
  /** Adding and removing people, roles, access resets, the co-sign and the history (`vault-people.ts`). */
  readonly people: VaultPeople;
  readonly corruption = new CorruptionReport();
  readonly throttle: UnlockThrottle;
  readonly #derive: DeriveKey;
  readonly #kdf: KdfParams;
  readonly #now: () => Date;
  readonly #listeners = new Set<() => void>();
  readonly #plan: MigrationPlan;
  /** After a recovery-key unlock: whose passphrase is being reset (null for a vault from before persons). */
  #recoveringPerson: string | null = null;
  /** After a recovery-key unlock of a vault from before persons: the name its first person gives. */
  #recoveringName: string | null = null;
  /** How the disk differed from the vault seal at this unlock; empty when it matched or was accepted. */
  #integrity: readonly IntegrityFinding[] = [];

  /** The least Argon2id cost this vault accepts; a backup of it is read against the same floor. */
  get kdfFloor(): KdfParams {
    return this.#kdf;
  }

  constructor(kit: CryptoKit, options: VaultServiceOptions = {}) {
    this.keyring = new VaultKeyring(kit);
    this.#plan = options.migrationPlan ?? appMigrationPlan;
    this.db = openVaultDb(options.dbName ?? DEFAULT_VAULT_DB_NAME, this.keyring, this.corruption, this.#plan.versions);
    this.#derive = options.derive ?? deriveInWorker;
    this.#kdf = options.kdf ?? PRODUCTION_KDF_FLOOR;
    this.#now = options.now ?? (() => new Date());
    this.throttle = new UnlockThrottle(() => this.#now().getTime());
    this.keyring.onChange(() => {
      // However the keys go (lock, idle, OS), the next unlock checks the disk again before any write.
      if (!this.keyring.unlocked) this.db.sealGate.set('unchecked');
      this.#listeners.forEach((listener) => listener());
    });
    this.people = new VaultPeople({
      db: this.db,
      kit,
      keyring: this.keyring,
      derive: this.#derive,
      kdf: this.#kdf,
      now: this.#now,
      currentHeader: () => this.#currentHeader(),
      swapHeader: (expected, next, alsoWrite) => this.#swapHeader(expected, next, alsoWrite),
      openSlot: (header, personId, passphrase) => this.#openSlot(header, personId, passphrase),
      throttled: () => this.#throttled(),
    });
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
    if (header.ok) return { kind: 'locked', persons: header.value.slots.map(personEntry) };
    const legacy = parseLegacyVaultHeader(untrusted, this.#kdf);
    if (legacy?.ok) return { kind: 'locked', persons: [] };
    const failure = legacy ?? header;
    return { kind: 'unreadable', code: failure.error.code, message: failure.error.message };
  }

  /** A new vault whose first person (the administrator) is `name`, with their own passphrase. */
  async create(passphrase: string, name = DEFAULT_FIRST_PERSON_NAME): Promise<Result<void, VaultErrorCode>> {
    if ((await this.#readHeader()) !== undefined)
      return err('vault-exists', 'A vault already exists in this profile. Unlock it instead.');
    const vaultId = crypto.randomUUID();
    const personId = crypto.randomUUID();
    const { header, vaultKey, signing } = await createVaultKey({
      kit: this.kit,
      derive: this.#derive,
      person: { personId, name, passphrase },
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
      this.kit.wipe(vaultKey, signing.privateKey);
      return written;
    }
    this.keyring.install(vaultKey, { personId, name: name.trim(), signing });
    // The first seal covers the header alone; every write from here on keeps it current.
    await this.#checkSeal();
    // A new vault starts at the newest record version: there is nothing to migrate.
    const marked = await vaultWrite(this.db, [this.db.settings, this.db.persons, this.db.personKeys], async () => {
      await writeDataVersion(this.db, latestVersion(this.#plan), this.#now());
      await ensureFirstPerson(this.db, { personId, name }, this.#now());
      await syncPersonKeys(this.db, header, this.#now());
    });
    if (!marked.ok) {
      this.lock();
      return marked;
    }
    return this.#opened();
  }

  /**
   * Signs `person` in with their own passphrase (the only person when there is one). A vault from before persons
   * is opened with its one passphrase and upgraded: whoever opens it becomes its first person, named `name`.
   */
  async unlock(
    passphrase: string,
    person: { readonly personId?: string; readonly name?: string } = {},
  ): Promise<Result<void, VaultErrorCode>> {
    const throttled = this.#throttled();
    if (throttled) return throttled;
    const untrustedHeader = await this.#readHeader();
    if (untrustedHeader === undefined) return err('no-vault', 'There is no vault in this profile yet.');
    const legacy = parseLegacyVaultHeader(untrustedHeader, this.#kdf);
    if (legacy?.ok) return this.#unlockLegacy(legacy.value, passphrase, person.name ?? DEFAULT_FIRST_PERSON_NAME);
    const header = parseVaultHeader(untrustedHeader, this.#kdf);
    if (!header.ok) return header;
    const personId = person.personId ?? (header.value.slots.length === 1 ? header.value.slots[0]?.personId : undefined);
    if (personId === undefined)
      return err('unknown-person', 'Choose your name from the list, then type your passphrase.');
    const result = await this.#openSlot(untrustedHeader, personId, passphrase);
    if (!result.ok) return result;
    this.keyring.install(result.value.vaultKey, result.value.person);
    return this.#opened();
  }

  async #unlockLegacy(
    legacy: Parameters<typeof upgradeLegacyHeader>[0]['legacy'],
    passphrase: string,
    name: string,
  ): Promise<Result<void, VaultErrorCode>> {
    const vaultKey = await unlockLegacyWithPassphrase({
      kit: this.kit,
      derive: this.#derive,
      header: legacy,
      passphrase,
    });
    if (!vaultKey.ok) {
      if (vaultKey.error.code === 'wrong-passphrase') this.throttle.recordFailure();
      return vaultKey;
    }
    this.throttle.reset();
    const personId = crypto.randomUUID();
    const upgraded = await upgradeLegacyHeader({
      kit: this.kit,
      derive: this.#derive,
      legacy,
      vaultKey: vaultKey.value,
      person: { personId, name, passphrase },
      now: this.#now(),
      kdf: this.#kdf,
    });
    const written = await this.#swapHeader(legacy, upgraded.header);
    if (!written.ok) {
      this.kit.wipe(vaultKey.value, upgraded.signing.privateKey);
      return written;
    }
    this.keyring.install(vaultKey.value, { personId, name: name.trim(), signing: upgraded.signing });
    return this.#opened();
  }

  /**
   * Opens the vault with the recovery key for `personId` (the only person when there is one). Nobody is signed in
   * until that person sets a new passphrase (`setNewPassphrase`); the screens allow nothing else meanwhile.
   */
  async unlockWithRecoveryKey(
    recoveryKey: string,
    person: { readonly personId?: string; readonly name?: string } = {},
  ): Promise<Result<void, VaultErrorCode>> {
    const { personId } = person;
    const throttled = this.#throttled();
    if (throttled) return throttled;
    const untrustedHeader = await this.#readHeader();
    if (untrustedHeader === undefined) return err('no-vault', 'There is no vault in this profile yet.');
    const header = parseVaultHeader(untrustedHeader, this.#kdf);
    const chosen = personId ?? (header.ok && header.value.slots.length === 1 ? header.value.slots[0]?.personId : null);
    if (header.ok && !header.value.slots.some((slot) => slot.personId === chosen)) {
      return err('unknown-person', 'Choose your name from the list, then type the recovery key.');
    }
    const result = unlockWithRecoveryKey({ kit: this.kit, untrustedHeader, recoveryKey, floor: this.#kdf });
    if (!result.ok) {
      if (result.error.code === 'wrong-recovery-key') this.throttle.recordFailure();
      return result;
    }
    this.throttle.reset();
    this.#recoveringPerson = chosen ?? null;
    this.#recoveringName = person.name ?? null;
    this.keyring.install(result.value.vaultKey, null);
    return this.#opened();
  }

  /** The refusal while wrong passphrases have to wait (unlock, recovery key, co-sign share one throttle). */
  #throttled(): Err<'unlock-throttled'> | null {
    const wait = this.throttle.waitMs();
    if (wait <= 0) return null;
    return err('unlock-throttled', `Too many wrong attempts. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`);
  }

  /**
   * After the key is installed: compare the disk with the vault seal first (nothing is written before), then bring the
   * records up to date (or refuse a newer vault) and tidy up. A disk that changed outside Casebridge leaves the vault
   * read-only until someone decides (`acceptVaultChanges`).
   */
  async #opened(): Promise<Result<void, VaultErrorCode>> {
    this.corruption.clear();
    if (!(await this.#checkSeal())) return ok(undefined);
    return this.#afterSealChecked();
  }

  #sealContext(): SealContext | null {
    const tables = this.#plan.versions.at(-1)?.tables ?? {};
    const counted = countedTables(tables);
    if (counted.length === 0) return null; // a test plan from before seals
    return { db: this.db, kit: this.kit, sealKey: this.keyring.subkeys().seal, tables: counted };
  }

  /** True when writes may go on; false when the vault opened read-only. */
  async #checkSeal(): Promise<boolean> {
    const context = this.#sealContext();
    const findings = context ? await checkVaultSeal(context, this.#now()) : [];
    this.#integrity = findings;
    this.db.sealGate.set(findings.length === 0 ? 'on' : 'read-only');
    this.#listeners.forEach((listener) => listener());
    return findings.length === 0;
  }

  /** How the disk differed from what Casebridge last wrote, found at this unlock and not yet accepted. */
  get integrityFindings(): readonly IntegrityFinding[] {
    return this.#integrity;
  }

  /**
   * The signed-in person accepts the vault as it is now: a new seal of exactly what is on disk, written together
   * with their signed decision and reason (Settings lists them). Then the unlock finishes as usual.
   */
  async acceptVaultChanges(reason: string): Promise<Result<void, VaultErrorCode>> {
    const signedIn = this.person;
    const context = this.#sealContext();
    const trimmed = reason.trim();
    if (!signedIn || !context || this.#integrity.length === 0)
      return err('write-refused', 'There is nothing to accept: the vault matched what Casebridge last wrote.');
    if (trimmed.length === 0 || trimmed.length > MAX_DECISION_REASON)
      return err('write-refused', `Say why in 1 to ${MAX_DECISION_REASON} characters.`);
    const findings = this.#integrity;
    const { row } = await resealRow(context, this.#now());
    this.db.sealGate.set('on');
    const written = await vaultWrite(this.db, [this.db.vaultSeal, this.db.settings], async () => {
      await this.db.vaultSeal.put(row);
      await recordIntegrityDecision(this.db, this.keyring.signerFor(signedIn.personId), {
        at: this.#now(),
        reason: trimmed,
        findings: [...findings],
      });
    });
    if (!written.ok) {
      this.db.sealGate.set('read-only');
      return written;
    }
    this.#integrity = [];
    this.#listeners.forEach((listener) => listener());
    return this.#afterSealChecked();
  }

  async #afterSealChecked(): Promise<Result<void, VaultErrorCode>> {
    const migrated = await runRecordMigrations(this.db, this.#plan, this.#now(), this.person);
    if (!migrated.ok) {
      // Nothing may run on records this build cannot read or could not bring up to date.
      this.lock();
      return migrated;
    }
    const signedIn = this.person;
    if (signedIn) {
      const ensured = await vaultWrite(this.db, [this.db.settings, this.db.persons], () =>
        ensureFirstPerson(this.db, signedIn, this.#now()),
      );
      if (!ensured.ok) {
        this.lock();
        return ensured;
      }
    }
    // Ask the browser not to evict the store under storage pressure (best effort; the shell may decide).
    void navigator.storage?.persist?.().catch(() => false);
    await sweepOrphanChunks(this.db).catch(() => 0);
    return ok(undefined);
  }

  /**
   * Locks without losing work: every form on screen with unsaved changes is first kept as an encrypted draft of the
   * signed-in person (`kept-drafts.ts`), then the keys are wiped. The lock happens even if keeping fails.
   */
  async lockKeepingWork(): Promise<void> {
    const person = this.keyring.person;
    const pending = this.drafts.pending();
    if (person && this.keyring.unlocked && pending.length > 0) {
      await keepDrafts(this.db, person.personId, pending, this.#now()).catch(() => false);
    }
    this.lock();
  }

  /** Zeroes every key; the store refuses all reads and writes until the next unlock. */
  lock(): void {
    this.db.sealGate.set('unchecked');
    this.#integrity = [];
    this.keyring.wipe();
  }

  async #currentHeader(): Promise<Result<VaultHeader, VaultErrorCode>> {
    const untrusted = await this.#readHeader();
    if (untrusted === undefined) return err('no-vault', 'There is no vault in this profile yet.');
    return parseVaultHeader(untrusted, this.#kdf);
  }

  /** Writes a new header only if the stored one is still the one we started from. */
  #replaceHeader(expected: VaultHeader, next: VaultHeader): Promise<Result<void, VaultErrorCode>> {
    return this.#swapHeader(expected, next);
  }

  /** Swaps the header, and with it (same transaction) writes the person records `alsoWrite` changes. */
  async #swapHeader(
    expected: unknown,
    next: VaultHeader,
    alsoWrite?: () => Promise<void>,
  ): Promise<Result<void, VaultErrorCode>> {
    const tables = [this.db.vaultHeader, this.db.persons, this.db.settings, this.db.personKeys];
    const written = await vaultWrite(this.db, tables, async () => {
      const row = await this.db.vaultHeader.get(VAULT_HEADER_ROW_ID);
      if (JSON.stringify(row?.header) !== JSON.stringify(expected)) return false;
      await this.db.vaultHeader.put({ id: VAULT_HEADER_ROW_ID, header: next });
      // Keys appear and retire with their slots. Upgrading a vault from before persons swaps the header before
      // any key is installed; record migration v3 records that first key right after.
      if (this.keyring.unlocked) await syncPersonKeys(this.db, next, this.#now());
      await alsoWrite?.();
      return true;
    });
    if (!written.ok) return written;
    return written.value
      ? ok(undefined)
      : err('header-changed', 'The vault changed in another window. Lock, unlock and try again.');
  }

  /** Who is signed in, or null (locked, or between a recovery unlock and a new passphrase). */
  get person(): PersonEntry | null {
    const person = this.keyring.person;
    return person ? { personId: person.personId, name: person.name } : null;
  }

  /** Everyone with a key slot, in the order they were added. */
  async persons(): Promise<PersonEntry[]> {
    const header = await this.#currentHeader();
    return header.ok ? header.value.slots.map(personEntry) : [];
  }

  /** Checks the signed-in person's passphrase, then re-wraps their slot under the new one (same signing key). */
  async changePassphrase(current: string, next: string): Promise<Result<void, VaultErrorCode>> {
    const header = await this.#currentHeader();
    if (!header.ok) return header;
    const person = this.keyring.person;
    if (!person) return err('unknown-person', 'Nobody is signed in. Lock, then sign in with your own passphrase.');
    const throttled = this.#throttled();
    if (throttled) return throttled;
    const check = await this.#openSlot(header.value, person.personId, current);
    if (!check.ok) return check;
    try {
      const rewrapped = await rewrapPersonSlot({
        kit: this.kit,
        derive: this.#derive,
        header: header.value,
        vaultKey: check.value.vaultKey,
        personId: person.personId,
        newPassphrase: next,
        signing: person.signing,
        now: this.#now(),
        kdf: this.#kdf,
      });
      if (!rewrapped.ok) return rewrapped;
      return await this.#replaceHeader(header.value, rewrapped.value.header);
    } finally {
      this.kit.wipe(check.value.vaultKey, check.value.person.signing.privateKey);
    }
  }

  /**
   * After a recovery-key unlock: the person chosen at unlock sets a new passphrase (their old one stops working) and
   * gets a new signing key, because the old one was sealed under the passphrase nobody remembers. A vault from before
   * persons becomes a version 2 vault whose first person is `name`.
   */
  async setNewPassphrase(
    next: string,
    name = this.#recoveringName ?? DEFAULT_FIRST_PERSON_NAME,
  ): Promise<Result<void, VaultErrorCode>> {
    const untrusted = await this.#readHeader();
    const legacy = parseLegacyVaultHeader(untrusted, this.#kdf);
    if (legacy?.ok) {
      const personId = crypto.randomUUID();
      const upgraded = await upgradeLegacyHeader({
        kit: this.kit,
        derive: this.#derive,
        legacy: legacy.value,
        vaultKey: this.keyring.vaultKey(),
        person: { personId, name, passphrase: next },
        now: this.#now(),
        kdf: this.#kdf,
      });
      // Signed in first, so the first person's record is signed by them; if the write fails, the vault locks.
      this.keyring.signIn({ personId, name: name.trim(), signing: upgraded.signing });
      const written = await this.#swapHeader(legacy.value, upgraded.header, () =>
        ensureFirstPerson(this.db, { personId, name }, this.#now()),
      );
      if (!written.ok) this.lock();
      return written;
    }
    const header = await this.#currentHeader();
    if (!header.ok) return header;
    const personId = this.keyring.person?.personId ?? this.#recoveringPerson;
    if (personId === null)
      return err('unknown-person', 'Lock, then unlock with the recovery key and choose your name.');
    const rewrapped = await rewrapPersonSlot({
      kit: this.kit,
      derive: this.#derive,
      header: header.value,
      vaultKey: this.keyring.vaultKey(),
      personId,
      newPassphrase: next,
      now: this.#now(),
      kdf: this.#kdf,
    });
    if (!rewrapped.ok) return rewrapped;
    const written = await this.#replaceHeader(header.value, rewrapped.value.header);
    if (!written.ok) {
      this.kit.wipe(rewrapped.value.signing.privateKey);
      return written;
    }
    const slot = rewrapped.value.header.slots.find((candidate) => candidate.personId === personId);
    this.#recoveringPerson = null;
    this.keyring.signIn({ personId, name: slot?.name ?? '', signing: rewrapped.value.signing });
    return ok(undefined);
  }

  /** Checks a person's passphrase against their slot, throttled like unlock; wipes what it unwrapped at once. */
  async #checkPassphrase(personId: string, passphrase: string): Promise<Result<PersonEntry, VaultErrorCode>> {
    const throttled = this.#throttled();
    if (throttled) return throttled;
    const header = await this.#currentHeader();
    if (!header.ok) return header;
    const checked = await this.#openSlot(header.value, personId, passphrase);
    if (!checked.ok) return checked;
    this.kit.wipe(checked.value.vaultKey, checked.value.person.signing.privateKey);
    return ok({ personId, name: checked.value.person.name });
  }

  /**
   * Opens one person's slot with their passphrase; every wrong passphrase counts toward the one throttle (unlock,
   * co-sign, recovery-key creation and passphrase change all prove a passphrase the same way). The caller owns the keys.
   */
  async #openSlot(untrustedHeader: unknown, personId: string, passphrase: string) {
    const opened = await unlockWithPassphrase({
      kit: this.kit,
      derive: this.#derive,
      untrustedHeader,
      personId,
      passphrase,
      floor: this.#kdf,
    });
    if (!opened.ok && opened.error.code === 'wrong-passphrase') this.throttle.recordFailure();
    if (opened.ok) this.throttle.reset();
    return opened;
  }

  /** Creates (or replaces) the recovery key; returns it for printing. It is never stored. */
  async createRecoveryKey(passphrase: string): Promise<Result<string, VaultErrorCode>> {
    // Whoever holds a recovery key can reset anyone's passphrase: only the signed-in person, proving it again, makes one.
    const me = this.keyring.person;
    if (!me) return refusal('unknown-person');
    const proof = await this.#checkPassphrase(me.personId, passphrase);
    if (!proof.ok) return proof;
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

/** The app's vault: the app's KDF floor (production in every shipped build), Argon2id in a worker, the default database. */
export async function createAppVaultService(): Promise<VaultService> {
  return new VaultService(await cryptoKit(), { kdf: APP_KDF });
}
