import { schemaV3 } from './v3';
import { encrypted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 4 — FROZEN once shipped. Case owners: a case record (version 2) names its owner, the caseworker who
 * carries it now. Record step: `migrations/v4.ts`.
 */

const tables = {
  ...schemaV3.tables,
  cases: encrypted(2, ['createdAt', 'updatedAt', 'stage'], ['reference']),
} as const;

export const schemaV4 = {
  version: 4,
  tables,
  stores: {
    ...schemaV3.stores,
    cases: encryptedStore(tables.cases),
  },
} as const satisfies SchemaVersionSpec;
