import { schemaV7 } from './v7';
import { counted, encrypted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 8 — FROZEN once shipped. One new table, `oversight`: what passes between an office and its
 * oversight body (issue #19, docs/oversight.md). At a desk: the period reports received with their audit exports,
 * the recommendations issued and their answers; at an office: the recommendations received and the reports and
 * answers sent. Each record says which it is (`type`); only the time it was recorded is plain. No record step: the
 * table is new and every other table is unchanged.
 */

const tables = {
  ...schemaV7.tables,
  oversight: counted(encrypted(1, ['recordedAt'], [])),
} as const;

export const schemaV8 = {
  version: 8,
  tables,
  stores: {
    ...schemaV7.stores,
    oversight: encryptedStore(tables.oversight),
  },
} as const satisfies SchemaVersionSpec;
