/**
 * How each table is stored. The encryption middleware reads these specs, and the Dexie store strings are
 * derived from them, so an index can never exist in Dexie without the middleware knowing what it holds.
 */

/** Records sealed whole; only the listed fields are copied out in plaintext (they must reveal nothing). */
export type EncryptedTableSpec = {
  readonly kind: 'encrypted';
  /** Bound into each record's associated data; bump when the record shape changes. */
  readonly recordVersion: number;
  /** Ids, timestamps, workflow stage — never names, text or anything about people. `[a+b]` for compound. */
  readonly plainIndexes: readonly string[];
  /** Sensitive string fields searchable by exact match only, stored as keyed BLAKE2b. */
  readonly blindIndexes: readonly string[];
  /**
   * Schema 5 on: each row carries its write counter `n` (plain, indexed, bound into the associated data) and the
   * table is covered by the vault seal (`shared/vault/vault-seal.ts`).
   */
  readonly counted?: true;
};

/** The KDF header: the only plaintext the vault keeps, schema-checked on write. */
export type VaultHeaderTableSpec = { readonly kind: 'vault-header' };

/** Attachment chunks: already secretstream ciphertext; the middleware refuses anything else. */
export type SealedChunksTableSpec = { readonly kind: 'sealed-chunks' };

/** The vault seal: one encrypted row the encryption layer keeps current at every write. */
export type VaultSealTableSpec = { readonly kind: 'vault-seal' };

export type TableSpec = EncryptedTableSpec | VaultHeaderTableSpec | SealedChunksTableSpec | VaultSealTableSpec;

export type SchemaVersionSpec = {
  readonly version: number;
  /** Dexie store strings: primary key first, then indexes. */
  readonly stores: Readonly<Record<string, string>>;
  readonly tables: Readonly<Record<string, TableSpec>>;
};

export function encrypted(
  recordVersion: number,
  plainIndexes: readonly string[] = [],
  blindIndexes: readonly string[] = [],
): EncryptedTableSpec {
  return { kind: 'encrypted', recordVersion, plainIndexes, blindIndexes };
}

/** `id, a, b` for an encrypted table: the primary key is always a random string id. */
export function encryptedStore(spec: EncryptedTableSpec): string {
  return ['id', ...spec.plainIndexes, ...spec.blindIndexes, ...(spec.counted ? [WRITE_COUNTER_FIELD] : [])].join(', ');
}

/** The plain field holding a row's write counter (schema 5 on). */
export const WRITE_COUNTER_FIELD = 'n';

/** The same table, its rows counted and sealed. */
export function counted(spec: EncryptedTableSpec): EncryptedTableSpec {
  return { ...spec, counted: true };
}

/** Field names a plain index copies out of the record (`[caseId+seq]` → caseId, seq). */
export function plainIndexFields(spec: EncryptedTableSpec): string[] {
  return [...new Set(spec.plainIndexes.flatMap((index) => index.replace(/^\[|\]$/g, '').split('+')))];
}
