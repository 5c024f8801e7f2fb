import { describeCorruptionReason, type CorruptionReason } from '@shared/vault/corruption-reason';

/**
 * A record that failed to open: which one, and why — `cause` as a code the notice words in the reader's language,
 * `reason` as the English sentence for logs. Reported, never deleted or rewritten.
 */
export type CorruptRecord = {
  readonly table: string;
  readonly id: string;
  readonly cause: CorruptionReason;
  readonly reason: string;
};

/** Collects records that failed to decrypt so the UI can name them while the rest of the app keeps working. */
export class CorruptionReport {
  readonly #records = new Map<string, CorruptRecord>();
  readonly #listeners = new Set<() => void>();
  #snapshot: readonly CorruptRecord[] = [];

  add(found: Omit<CorruptRecord, 'reason'>): void {
    const record: CorruptRecord = { ...found, reason: describeCorruptionReason(found.cause) };
    const key = `${record.table}\u0000${record.id}`;
    if (this.#records.has(key)) return;
    this.#records.set(key, record);
    this.#snapshot = [...this.#records.values()];
    // Listeners may render; never run them inside the IndexedDB callback that found the damage.
    queueMicrotask(() => this.#listeners.forEach((listener) => listener()));
  }

  get records(): readonly CorruptRecord[] {
    return this.#snapshot;
  }

  clear(): void {
    this.#records.clear();
    this.#snapshot = [];
    this.#listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
