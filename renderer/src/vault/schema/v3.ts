import { schemaV2 } from './v2';
import { encrypted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 3 — FROZEN once shipped. Personal signing: a `personKeys` table, one record per signing key a
 * person has had (current and retired, so past signatures still verify), with the office's certificate for it.
 * Record step: `migrations/v3.ts`.
 */

const tables = {
  ...schemaV2.tables,
  personKeys: encrypted(1, ['personId']),
} as const;

export const schemaV3 = {
  version: 3,
  tables,
  stores: {
    ...schemaV2.stores,
    personKeys: encryptedStore(tables.personKeys),
  },
} as const satisfies SchemaVersionSpec;
