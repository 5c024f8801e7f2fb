import { Dexie, type Table } from 'dexie';
import { schemaVersions } from './schema/versions';
import type { SchemaVersionSpec } from './schema/table-spec';
import { createEncryptionMiddleware } from './encryption-middleware';
import type { VaultHeaderRow } from './vault-header-row';
import type { CorruptionReport } from './corruption-report';
import type { VaultKeyring } from './vault-keyring';
import { SealGate } from './seal/seal-gate';

/** What repositories store: any object with a string id. They parse what they read with their own schema. */
export type VaultRecord = { readonly id: string } & Readonly<Record<string, unknown>>;

/** The one row of the seal table: the seal, encrypted (`shared/vault/vault-seal.ts`). */
export type VaultSealRow = { readonly id: string; readonly c: Uint8Array };

export type AttachmentChunkRow = { readonly attachmentId: string; readonly index: number; readonly c: Uint8Array };

export const DEFAULT_VAULT_DB_NAME = 'casebridge';

/** The encrypted store. Open it only through `openVaultDb`, which installs the encryption layer first. */
export class VaultDb extends Dexie {
  declare readonly vaultHeader: Table<VaultHeaderRow, string>;
  declare readonly profile: Table<VaultRecord, string>;
  declare readonly settings: Table<VaultRecord, string>;
  declare readonly cases: Table<VaultRecord, string>;
  declare readonly people: Table<VaultRecord, string>;
  declare readonly events: Table<VaultRecord, string>;
  declare readonly attachments: Table<VaultRecord, string>;
  declare readonly attachmentChunks: Table<AttachmentChunkRow, [string, number]>;
  declare readonly offices: Table<VaultRecord, string>;
  declare readonly officeKeys: Table<VaultRecord, string>;
  declare readonly bundleLedger: Table<VaultRecord, string>;
  declare readonly persons: Table<VaultRecord, string>;
  declare readonly personKeys: Table<VaultRecord, string>;
  declare readonly oversight: Table<VaultRecord, string>;
  declare readonly vaultSeal: Table<VaultSealRow, string>;
  /** Whether writes may run: the disk checked against the vault seal since unlock (`seal/seal-gate.ts`). */
  readonly sealGate = new SealGate();

  constructor(
    name: string,
    readonly keyring: VaultKeyring,
    readonly corruption: CorruptionReport,
    versions: readonly SchemaVersionSpec[] = schemaVersions,
  ) {
    super(name, {
      // A committed write is on disk before Dexie reports success: a crash never loses an acknowledged save.
      chromeTransactionDurability: 'strict',
      // No in-memory query cache: decrypted records must not outlive a lock in Dexie's memory.
      cache: 'disabled',
    });
    for (const schema of versions) this.version(schema.version).stores(schema.stores);
    const latest = versions.at(-1);
    if (!latest) throw new Error('A vault needs at least one schema version.');
    this.use(createEncryptionMiddleware(latest.tables, keyring, corruption, this.sealGate));
  }
}

export function openVaultDb(
  name: string,
  keyring: VaultKeyring,
  corruption: CorruptionReport,
  versions: readonly SchemaVersionSpec[] = schemaVersions,
): VaultDb {
  return new VaultDb(name, keyring, corruption, versions);
}
