import { VAULT_SEAL_TABLE } from '@shared/vault/vault-seal';
import { schemaV4 } from './v4';
import { counted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 5 — FROZEN once shipped. Rollback and deletion detection (docs/vault.md, "Continuity"): every
 * encrypted table gets the write-counter index `n`, and the `vaultSeal` table holds the seal. Structure only: rows
 * written before it have no counter and keep opening as they are; each gets one the next time it is written.
 */

const v4 = schemaV4.tables;
const tables = {
  ...v4,
  profile: counted(v4.profile),
  settings: counted(v4.settings),
  cases: counted(v4.cases),
  people: counted(v4.people),
  events: counted(v4.events),
  attachments: counted(v4.attachments),
  offices: counted(v4.offices),
  officeKeys: counted(v4.officeKeys),
  bundleLedger: counted(v4.bundleLedger),
  persons: counted(v4.persons),
  personKeys: counted(v4.personKeys),
  [VAULT_SEAL_TABLE]: { kind: 'vault-seal' },
} as const;

export const schemaV5 = {
  version: 5,
  tables,
  stores: {
    ...schemaV4.stores,
    profile: encryptedStore(tables.profile),
    settings: encryptedStore(tables.settings),
    cases: encryptedStore(tables.cases),
    people: encryptedStore(tables.people),
    events: encryptedStore(tables.events),
    attachments: encryptedStore(tables.attachments),
    offices: encryptedStore(tables.offices),
    officeKeys: encryptedStore(tables.officeKeys),
    bundleLedger: encryptedStore(tables.bundleLedger),
    persons: encryptedStore(tables.persons),
    personKeys: encryptedStore(tables.personKeys),
    [VAULT_SEAL_TABLE]: 'id',
  },
} as const satisfies SchemaVersionSpec;
