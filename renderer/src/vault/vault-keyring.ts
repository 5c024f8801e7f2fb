import type { CryptoKit } from '@shared/crypto/crypto-kit';
import {
  eventSignerFromKey,
  isOfficeActor,
  SignerUnavailableError,
  type AuditSigner,
  type EventSigner,
} from '@shared/audit/event-signature';
import { deriveVaultSubkeys, wipeVaultSubkeys, type UnlockedPerson, type VaultSubkeys } from '@shared/vault/vault-keys';

export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  constructor() {
    super('The vault is locked. Unlock it with your passphrase to continue.');
  }
}

/**
 * Holds the unlocked vault key, its sub-keys and the signed-in person's signing key — the only place they live.
 * `wipe` zeroes every buffer it owns; after that each vault read or write fails with VaultLockedError.
 *
 * It is also the audit signer: each event is signed with the key of the person who acts (the signed-in person,
 * or a second person for the one act they co-sign); nobody else's key is ever here to sign with.
 */
export class VaultKeyring implements AuditSigner {
  #vaultKey: Uint8Array | null = null;
  #subkeys: VaultSubkeys | null = null;
  #person: UnlockedPerson | null = null;
  #coSigner: UnlockedPerson | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(readonly kit: CryptoKit) {}

  /** Takes ownership of `vaultKey` and of the person's signing key (both zeroed on wipe). */
  install(vaultKey: Uint8Array, person: UnlockedPerson | null): void {
    this.wipe();
    this.#vaultKey = vaultKey;
    this.#person = person;
    this.#subkeys = deriveVaultSubkeys(this.kit, vaultKey);
    this.#listeners.forEach((listener) => listener());
  }

  get unlocked(): boolean {
    return this.#subkeys !== null;
  }

  subkeys(): VaultSubkeys {
    if (this.#subkeys === null) throw new VaultLockedError();
    return this.#subkeys;
  }

  /** Who is signed in: null only between a recovery-key unlock and setting a new passphrase. */
  get person(): UnlockedPerson | null {
    return this.#person;
  }

  /** After a recovery unlock: the person who set a new passphrase is signed in (takes ownership of the key). */
  signIn(person: UnlockedPerson): void {
    if (this.#person) this.kit.wipe(this.#person.signing.privateKey);
    this.#person = person;
    this.#listeners.forEach((listener) => listener());
  }

  signerFor(actorId: string): EventSigner {
    const person = isOfficeActor(actorId)
      ? this.#person
      : [this.#person, this.#coSigner].find((candidate) => candidate?.personId === actorId);
    if (!person) throw new SignerUnavailableError(actorId);
    return eventSignerFromKey(this.kit, person.personId, person.signing.privateKey);
  }

  /**
   * Lends a second person's key (from the co-sign dialog) for one act, then wipes it, whatever the act's outcome.
   * The signed-in person stays signed in throughout.
   */
  async withCoSigner<T>(second: UnlockedPerson, act: () => Promise<T>): Promise<T> {
    this.#dropCoSigner();
    this.#coSigner = second;
    try {
      return await act();
    } finally {
      if (this.#coSigner === second) this.#dropCoSigner();
      else this.kit.wipe(second.signing.privateKey);
    }
  }

  #dropCoSigner(): void {
    if (this.#coSigner) this.kit.wipe(this.#coSigner.signing.privateKey);
    this.#coSigner = null;
  }

  vaultKey(): Uint8Array {
    if (this.#vaultKey === null) throw new VaultLockedError();
    return this.#vaultKey;
  }

  wipe(): void {
    const wasUnlocked = this.#subkeys !== null;
    if (this.#subkeys) wipeVaultSubkeys(this.kit, this.#subkeys);
    this.#dropCoSigner();
    this.kit.wipe(this.#vaultKey, this.#person?.signing.privateKey);
    this.#subkeys = null;
    this.#vaultKey = null;
    this.#person = null;
    if (wasUnlocked) this.#listeners.forEach((listener) => listener());
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
