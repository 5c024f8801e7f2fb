import type { CryptoKit } from '@shared/crypto/crypto-kit';
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
 */
export class VaultKeyring {
  #vaultKey: Uint8Array | null = null;
  #subkeys: VaultSubkeys | null = null;
  #person: UnlockedPerson | null = null;
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

  vaultKey(): Uint8Array {
    if (this.#vaultKey === null) throw new VaultLockedError();
    return this.#vaultKey;
  }

  wipe(): void {
    const wasUnlocked = this.#subkeys !== null;
    if (this.#subkeys) wipeVaultSubkeys(this.kit, this.#subkeys);
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
