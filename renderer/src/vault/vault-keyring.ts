import type { CryptoKit } from '@shared/crypto/crypto-kit';
import { deriveVaultSubkeys, wipeVaultSubkeys, type VaultSubkeys } from '@shared/vault/vault-keys';

export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  constructor() {
    super('The vault is locked. Unlock it with your passphrase to continue.');
  }
}

/**
 * Holds the unlocked vault key and its sub-keys — the only place they live. `wipe` zeroes every buffer it
 * owns; after that each vault read or write fails with VaultLockedError.
 */
export class VaultKeyring {
  #vaultKey: Uint8Array | null = null;
  #subkeys: VaultSubkeys | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(readonly kit: CryptoKit) {}

  /** Takes ownership of `vaultKey` (it is zeroed on wipe). */
  install(vaultKey: Uint8Array): void {
    this.wipe();
    this.#vaultKey = vaultKey;
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

  vaultKey(): Uint8Array {
    if (this.#vaultKey === null) throw new VaultLockedError();
    return this.#vaultKey;
  }

  wipe(): void {
    const wasUnlocked = this.#subkeys !== null;
    if (this.#subkeys) wipeVaultSubkeys(this.kit, this.#subkeys);
    this.kit.wipe(this.#vaultKey);
    this.#subkeys = null;
    this.#vaultKey = null;
    if (wasUnlocked) this.#listeners.forEach((listener) => listener());
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
