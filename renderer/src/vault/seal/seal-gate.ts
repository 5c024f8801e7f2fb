/**
 * Whether writes may run, as far as the vault seal is concerned (docs/vault.md, "Continuity"):
 * - `unchecked`: unlocked, but the disk has not been compared with the seal yet. Nothing may be written: a write now
 *   would seal over a change nobody has seen.
 * - `on`: the disk matched (or the user accepted what is there); every write keeps the seal current.
 * - `read-only`: the disk differs from the seal and the user has not decided yet.
 * Locking returns it to `unchecked`.
 */
export type SealMode = 'unchecked' | 'on' | 'read-only';

export class VaultReadOnlyError extends Error {
  override readonly name = 'VaultReadOnlyError';
  constructor() {
    super(
      'This vault is open read-only because it changed outside Casebridge. Nothing was saved. Decide what to do on the “Vault changed” screen first.',
    );
  }
}

export class SealGate {
  #mode: SealMode = 'unchecked';
  readonly #listeners = new Set<() => void>();

  get mode(): SealMode {
    return this.#mode;
  }

  set(mode: SealMode): void {
    if (mode === this.#mode) return;
    this.#mode = mode;
    this.#listeners.forEach((listener) => listener());
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
