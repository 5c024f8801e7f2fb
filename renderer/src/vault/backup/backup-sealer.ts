import type { CryptoKit } from '@shared/crypto/crypto-kit';
import {
  decryptSeal,
  encryptSeal,
  SealDigest,
  sealHeaderHash,
  sealOf,
  sealRowHash,
  VAULT_SEAL_ROW_ID,
} from '@shared/vault/vault-seal';
import { WRITE_COUNTER_FIELD } from '../schema/table-spec';
import { tableSpec } from './raw-vault-db';

/**
 * Makes the seal a backup carries from the rows it carries, so a restored vault opens with a seal that matches it
 * exactly, even if someone kept working while the backup ran.
 */
export class BackupSealer {
  readonly #tables = new Map<string, { rows: number; digest: SealDigest }>();
  #maxCounter = 0;

  constructor(
    private readonly kit: CryptoKit,
    private readonly sealKey: Uint8Array,
    private readonly header: unknown,
  ) {}

  add(table: string, rows: readonly unknown[]): void {
    const spec = tableSpec(table);
    if (spec?.kind !== 'encrypted' || !spec.counted) return;
    const entry = this.#tables.get(table) ?? { rows: 0, digest: new SealDigest() };
    for (const row of rows) {
      const id: unknown = Reflect.get(row as object, 'id');
      const n: unknown = Reflect.get(row as object, WRITE_COUNTER_FIELD);
      const counter = typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 0;
      this.#maxCounter = Math.max(this.#maxCounter, counter);
      entry.digest.toggle(sealRowHash(this.kit, this.sealKey, table, String(id), counter));
      entry.rows += 1;
    }
    this.#tables.set(table, entry);
  }

  /** The seal row for the rows added so far; `previous` (the live seal row) keeps "last changed" times. */
  row(previous: unknown, now: number): { readonly id: string; readonly c: Uint8Array } {
    const sealed: unknown = typeof previous === 'object' && previous !== null ? Reflect.get(previous, 'c') : undefined;
    const live = decryptSeal(this.kit, this.sealKey, sealed);
    const tables = Object.fromEntries(
      [...this.#tables].map(([name, entry]) => [name, { rows: entry.rows, digest: entry.digest.hex() }]),
    );
    const observed = {
      header: sealHeaderHash(this.kit, this.sealKey, this.header),
      tables,
      maxCounter: this.#maxCounter,
    };
    const seal = sealOf(observed, live.ok ? live.value : null, now);
    return { id: VAULT_SEAL_ROW_ID, c: encryptSeal(this.kit, this.sealKey, seal) };
  }
}
