import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { err, ok, type Err, type Result } from '@shared/result';
import type { KdfParams } from '@shared/vault/kdf-params';
import {
  addPersonSlot,
  removePersonSlot,
  rewrapPersonSlot,
  type DeriveKey,
  type unlockWithPassphrase,
} from '@shared/vault/vault-keys';
import type { VaultHeader } from '@shared/vault/vault-header';
import { removalRefusal, type PersonRole, type RoleChange } from '@shared/people/person-roles';
import {
  changeRole,
  personHistory,
  putNewPerson,
  readPersonRecords,
  refusal,
  roleHolders,
  setUpOwnWorkingRoles,
  signedHistoryEntry,
  type PersonHistory,
} from './persons-store';
import { personRecordSchema, type PersonRecord } from './records/person-record';
import type { VaultDb } from './vault-db';
import type { VaultKeyring } from './vault-keyring';
import { personEntry, type PersonEntry, type VaultErrorCode } from './vault-types';

/** What people administration needs from the vault service: its store, keys, and header and slot operations. */
export type VaultPeoplePort = {
  readonly db: VaultDb;
  readonly kit: CryptoKit;
  readonly keyring: VaultKeyring;
  readonly derive: DeriveKey;
  readonly kdf: KdfParams;
  readonly now: () => Date;
  currentHeader(): Promise<Result<VaultHeader, VaultErrorCode>>;
  /** Swaps the header only if it is still `expected`, writing `alsoWrite` in the same transaction. */
  swapHeader(
    expected: unknown,
    next: VaultHeader,
    alsoWrite?: () => Promise<void>,
  ): Promise<Result<void, VaultErrorCode>>;
  /** Opens a slot with its passphrase; wrong passphrases count toward the one unlock throttle. */
  openSlot(header: unknown, personId: string, passphrase: string): ReturnType<typeof unlockWithPassphrase>;
  throttled(): Err<'unlock-throttled'> | null;
};

/**
 * The people of an installation: adding and removing them, resetting their access, granting roles, the co-sign of a
 * second person, and the verified history of it all. Only an administrator changes people, never their own access.
 */
export class VaultPeople {
  readonly #port: VaultPeoplePort;

  constructor(port: VaultPeoplePort) {
    this.#port = port;
  }

  /** What every slot operation needs besides the header: the kit, the KDF and its floor, the vault key, the time. */
  #slotInputs() {
    const { kit, derive, kdf, keyring, now } = this.#port;
    return { kit, derive, kdf, vaultKey: keyring.vaultKey(), now: now() };
  }

  /**
   * Adds a person with their own key slot and no roles yet; they type their own passphrase at this laptop. Only an
   * administrator adds people.
   */
  async addPerson(name: string, passphrase: string): Promise<Result<PersonEntry, VaultErrorCode>> {
    const me = await this.#myRecord();
    if (!me?.roles.includes('administrator')) return refusal('not-administrator');
    if (name.trim() === '' || name.trim().length > 80) {
      return err(
        'name-invalid',
        'Type a name of 1 to 80 characters: each person signs in, and signs their work, under it.',
      );
    }
    const wanted = name.trim().normalize('NFC').toLocaleLowerCase();
    const taken = (await readPersonRecords(this.#port.db)).some(
      (r) => r.removedAt === null && r.name.normalize('NFC').toLocaleLowerCase() === wanted,
    );
    // The lock screen and the audit trail tell people apart by name.
    if (taken) return err('duplicate-name', 'Someone here already has that name. Add a surname or an initial.');
    const header = await this.#port.currentHeader();
    if (!header.ok) return header;
    const added = await addPersonSlot({
      ...this.#slotInputs(),
      header: header.value,
      person: { personId: crypto.randomUUID(), name, passphrase },
    });
    this.#port.kit.wipe(added.signing.privateKey);
    const slot = added.header.slots.at(-1);
    if (!slot) return err('header-invalid', 'The new key slot was not made.');
    const by = this.#port.keyring.person?.personId ?? 'unknown';
    const written = await this.#port.swapHeader(header.value, added.header, async () => {
      await putNewPerson(this.#port.db, slot, [], by, this.#port.now());
    });
    return written.ok ? ok(personEntry(slot)) : written;
  }

  /**
   * Deletes a person's key slot (their passphrase opens nothing afterwards) and marks their record removed, in one
   * transaction; the record stays, so their past work still names them. Only an administrator, never oneself, never
   * the last administrator.
   */
  async removePerson(personId: string): Promise<Result<void, VaultErrorCode>> {
    const by = this.#port.keyring.person?.personId ?? '';
    const records = await readPersonRecords(this.#port.db);
    const refused = removalRefusal(roleHolders(records), by, personId);
    if (refused) return refusal(refused);
    const header = await this.#port.currentHeader();
    if (!header.ok) return header;
    const next = removePersonSlot(header.value, personId);
    if (!next.ok) return next;
    const target = records.find((r) => r.id === personId);
    return this.#port.swapHeader(header.value, next.value, async () => {
      if (!target) return;
      const now = this.#port.now();
      const removed: PersonRecord = {
        ...target,
        roles: [],
        removedAt: now,
        history: [
          ...target.history,
          signedHistoryEntry(this.#port.db, personId, { at: now, by, change: 'removed', role: null }),
        ],
      };
      await this.#port.db.persons.put(personRecordSchema.parse(removed));
    });
  }

  /**
   * A second person confirms an act with their own passphrase while the first person's session stays open (the
   * co-sign for the second-person rule). Throttled like unlock. Their signing key is lent to the keyring for `act`
   * alone — so the act's audit event is signed by them — and wiped when it ends. Refused for the person already
   * signed in: a different person must confirm.
   */
  async coSign<T>(
    personId: string,
    passphrase: string,
    act: (second: PersonEntry) => Promise<T>,
  ): Promise<Result<T, VaultErrorCode>> {
    if (personId === this.#port.keyring.person?.personId) {
      return err(
        'same-person',
        'A different person must authorise: the second person signs with their own passphrase.',
      );
    }
    const throttled = this.#port.throttled();
    if (throttled) return throttled;
    const header = await this.#port.currentHeader();
    if (!header.ok) return header;
    const opened = await this.#port.openSlot(header.value, personId, passphrase);
    if (!opened.ok) return opened;
    this.#port.kit.wipe(opened.value.vaultKey);
    const second = opened.value.person;
    return ok(await this.#port.keyring.withCoSigner(second, () => act({ personId, name: second.name })));
  }

  /**
   * An administrator resets another person's access: that person types a new passphrase at this laptop, and gets a
   * new key slot and a new signing key (the old one was sealed under the passphrase they lost). Audited in their
   * record. Nobody resets their own access this way: they change their passphrase.
   */
  async resetPersonAccess(personId: string, newPassphrase: string): Promise<Result<void, VaultErrorCode>> {
    const by = this.#port.keyring.person?.personId ?? '';
    const records = await readPersonRecords(this.#port.db);
    const refused = removalRefusal(roleHolders(records), by, personId);
    if (refused && refused !== 'last-administrator') return refusal(refused);
    const header = await this.#port.currentHeader();
    if (!header.ok) return header;
    const rewrapped = await rewrapPersonSlot({
      ...this.#slotInputs(),
      header: header.value,
      personId,
      newPassphrase,
    });
    if (!rewrapped.ok) return rewrapped;
    this.#port.kit.wipe(rewrapped.value.signing.privateKey);
    const target = records.find((r) => r.id === personId);
    return this.#port.swapHeader(header.value, rewrapped.value.header, async () => {
      if (!target) return;
      const entry = { at: this.#port.now(), by, change: 'access-reset' as const, role: null };
      const history = [...target.history, signedHistoryEntry(this.#port.db, personId, entry)];
      await this.#port.db.persons.put(personRecordSchema.parse({ ...target, history }));
    });
  }

  /** Every change to people's access, oldest first, each with whether its administrator's signature holds. */
  personHistory(): Promise<PersonHistory> {
    return personHistory(this.#port.db);
  }

  /** Everyone on record (removed people too), for the People panel and for naming who did what. */
  personRecords(): Promise<PersonRecord[]> {
    return readPersonRecords(this.#port.db);
  }

  async #myRecord(): Promise<PersonRecord | null> {
    const me = this.#port.keyring.person;
    if (!me) return null;
    return (await readPersonRecords(this.#port.db)).find((r) => r.id === me.personId && r.removedAt === null) ?? null;
  }

  /** Grants or revokes a role: only an administrator, never on themselves, never the last administrator. */
  changeRole(personId: string, role: PersonRole, change: RoleChange): Promise<Result<void, VaultErrorCode>> {
    return changeRole(
      this.#port.db,
      this.#port.keyring.person?.personId ?? '',
      personId,
      role,
      change,
      this.#port.now(),
    );
  }

  /** First run only: the one person of a new installation says which case work they do (`persons-store.ts`). */
  setUpOwnWorkingRoles(roles: readonly PersonRole[]): Promise<Result<void, VaultErrorCode>> {
    const me = this.#port.keyring.person;
    if (!me) return Promise.resolve(refusal('unknown-person'));
    return setUpOwnWorkingRoles(this.#port.db, me.personId, roles, this.#port.now());
  }
}
