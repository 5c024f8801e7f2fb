import { schemaV1 } from './v1';
import { encrypted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 2 — FROZEN once shipped. Persons: a `persons` table (one record per key slot: name, granted
 * roles, the history of grants), and the office profile without the self-chosen role it carried in version 1.
 * Record step: `migrations/v2.ts`.
 */

const tables = {
  ...schemaV1.tables,
  /** The office profile (name, jurisdiction); record version 2 has no role. */
  profile: encrypted(2),
  persons: encrypted(1),
} as const;

export const schemaV2 = {
  version: 2,
  tables,
  stores: {
    ...schemaV1.stores,
    profile: encryptedStore(tables.profile),
    persons: encryptedStore(tables.persons),
  },
} as const satisfies SchemaVersionSpec;
