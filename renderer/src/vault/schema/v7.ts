import { schemaV6 } from './v6';
import { counted, encrypted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 7 — FROZEN once shipped. Local person ids: a case record (version 3) names the people it is about
 * only by ids this office makes (`person-` and 8 hex digits, or `identified-<seq>`), never by the ids a partner
 * office used for them. Same indexes as version 6. Record step: `migrations/v7.ts`.
 */

const tables = {
  ...schemaV6.tables,
  cases: counted(encrypted(3, ['createdAt', 'updatedAt', 'stage'], ['reference'])),
} as const;

export const schemaV7 = {
  version: 7,
  tables,
  stores: {
    ...schemaV6.stores,
    cases: encryptedStore(tables.cases),
  },
} as const satisfies SchemaVersionSpec;
