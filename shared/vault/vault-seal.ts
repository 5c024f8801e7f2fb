import { z } from 'zod';
import type { CryptoKit } from '../crypto/crypto-kit';
import { fromHex, toHex, utf8 } from '../bytes/bytes';
import { canonicalJsonBytes } from '../json/canonical-json';
import { err, ok, type Result } from '../result';

/**
 * The vault's seal: what Casebridge last wrote, so a disk changed behind its back is noticed at unlock
 * (docs/vault.md, "Continuity"). Every stored record carries a write counter `n` (bound into its associated data);
 * per table the seal keeps the number of rows and the XOR of a keyed hash of each row's `(table, id, n)`, plus a
 * keyed hash of the vault header. XOR lets each write update the seal by the rows it touched alone, and without the
 * key nobody can make a changed table hash to the sealed value. The seal row itself is encrypted under its own
 * sub-key, so it can be neither read nor forged.
 */

export const VAULT_SEAL_TABLE = 'vaultSeal';
export const VAULT_SEAL_ROW_ID = 'seal';
const SEAL_AD = utf8('casebridge.vault-seal.v1');
const DIGEST_BYTES = 32;
const ZERO_DIGEST = '0'.repeat(DIGEST_BYTES * 2);

const digestSchema = z.string().regex(/^[0-9a-f]{64}$/);
const tableSealSchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  digest: digestSchema,
  /** When Casebridge last wrote to the table (ms): "since when" a finding can have happened. */
  changedAt: z.number().int().nonnegative(),
});
const vaultSealSchema = z.strictObject({
  format: z.literal('casebridge.vault-seal'),
  version: z.literal(1),
  /** The last write counter given out: every row written gets the next one. */
  counter: z.number().int().nonnegative(),
  sealedAt: z.number().int().nonnegative(),
  header: digestSchema,
  headerChangedAt: z.number().int().nonnegative(),
  tables: z.record(z.string(), tableSealSchema),
});

export type TableSeal = z.infer<typeof tableSealSchema>;
export type VaultSeal = z.infer<typeof vaultSealSchema>;

/** What is on disk now, in the seal's terms. */
export type ObservedVaultState = {
  readonly header: string;
  readonly tables: Readonly<Record<string, { readonly rows: number; readonly digest: string }>>;
  /** The highest write counter found on any row. */
  readonly maxCounter: number;
};

export type IntegrityFinding =
  | {
      readonly kind: 'table-changed';
      readonly table: string;
      readonly sealedRows: number;
      readonly foundRows: number;
      readonly changedAt: number;
    }
  | { readonly kind: 'header-changed'; readonly changedAt: number }
  | { readonly kind: 'seal-missing' }
  | { readonly kind: 'seal-unreadable' };

/** A running table digest: XOR of the row hashes, so adding and removing a row are the same operation. */
export class SealDigest {
  readonly #bytes: Uint8Array;

  constructor(hex: string = ZERO_DIGEST) {
    this.#bytes = fromHex(hex, DIGEST_BYTES) ?? new Uint8Array(DIGEST_BYTES);
  }

  toggle(rowHash: Uint8Array): void {
    for (let i = 0; i < DIGEST_BYTES; i++) this.#bytes[i] = (this.#bytes[i] ?? 0) ^ (rowHash[i] ?? 0);
  }

  hex(): string {
    return toHex(this.#bytes);
  }
}

/** The keyed hash of one stored row version. A row stored before counters existed has counter 0. */
export function sealRowHash(
  kit: CryptoKit,
  sealKey: Uint8Array,
  table: string,
  id: string,
  counter: number,
): Uint8Array {
  return kit.hash(utf8(JSON.stringify(['casebridge.seal-row', table, id, counter])), DIGEST_BYTES, sealKey);
}

export function sealHeaderHash(kit: CryptoKit, sealKey: Uint8Array, header: unknown): string {
  const bytes = header === undefined ? utf8('no header') : canonicalJsonBytes(header, 'audit');
  return toHex(kit.hash(bytes, DIGEST_BYTES, sealKey));
}

export function emptyTableSeal(changedAt: number): TableSeal {
  return { rows: 0, digest: ZERO_DIGEST, changedAt };
}

/** A seal of exactly what is observed now (a new vault, a vault from before seals, or a state the user accepted). */
export function sealOf(observed: ObservedVaultState, previous: VaultSeal | null, now: number): VaultSeal {
  const tables: Record<string, TableSeal> = {};
  for (const [name, table] of Object.entries(observed.tables)) {
    const before = previous?.tables[name];
    const same = before !== undefined && before.rows === table.rows && before.digest === table.digest;
    tables[name] = { rows: table.rows, digest: table.digest, changedAt: same ? before.changedAt : now };
  }
  return {
    format: 'casebridge.vault-seal',
    version: 1,
    counter: Math.max(previous?.counter ?? 0, observed.maxCounter),
    sealedAt: now,
    header: observed.header,
    headerChangedAt: previous?.header === observed.header ? previous.headerChangedAt : now,
    tables,
  };
}

export function encryptSeal(kit: CryptoKit, sealKey: Uint8Array, seal: VaultSeal): Uint8Array {
  return kit.seal(sealKey, utf8(JSON.stringify(seal)), SEAL_AD);
}

export function decryptSeal(
  kit: CryptoKit,
  sealKey: Uint8Array,
  sealed: unknown,
): Result<VaultSeal, 'seal-unreadable'> {
  if (!(sealed instanceof Uint8Array)) return err('seal-unreadable', 'The vault seal is not ciphertext.');
  try {
    const json: unknown = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(kit.open(sealKey, sealed, SEAL_AD)),
    );
    const parsed = vaultSealSchema.safeParse(json);
    return parsed.success ? ok(parsed.data) : err('seal-unreadable', 'The vault seal has an unknown shape.');
  } catch {
    return err('seal-unreadable', 'The vault seal failed authentication.');
  }
}

/** Every way the disk differs from the seal; empty when it is exactly what Casebridge last wrote. */
export function compareSeal(seal: VaultSeal, observed: ObservedVaultState): IntegrityFinding[] {
  const findings: IntegrityFinding[] = [];
  if (seal.header !== observed.header) findings.push({ kind: 'header-changed', changedAt: seal.headerChangedAt });
  const names = [...new Set([...Object.keys(seal.tables), ...Object.keys(observed.tables)])].sort();
  for (const table of names) {
    const sealed = seal.tables[table] ?? emptyTableSeal(seal.sealedAt);
    const found = observed.tables[table] ?? { rows: 0, digest: ZERO_DIGEST };
    if (sealed.rows === found.rows && sealed.digest === found.digest) continue;
    findings.push({
      kind: 'table-changed',
      table,
      sealedRows: sealed.rows,
      foundRows: found.rows,
      changedAt: sealed.changedAt,
    });
  }
  return findings;
}
