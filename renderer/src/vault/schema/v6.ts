import { schemaV5 } from './v5';
import { counted, encrypted, encryptedStore, type SchemaVersionSpec } from './table-spec';

/**
 * Schema version 6 — FROZEN once shipped. Random row ids for partners and exchanges: an `offices` row was keyed by
 * the partner's signing key and a `bundleLedger` row by `direction:peerKey:bundleId`, so the disk listed every
 * partner and every bundle sent and received, whatever the blind indexes hid. Record version 2 of both tables is
 * keyed by a random UUID and found through its blind index (`fingerprint`, `bundleId`). Same indexes as version 5.
 * Record step: `migrations/v6.ts`.
 */

const tables = {
  ...schemaV5.tables,
  offices: counted(encrypted(2, [], ['fingerprint'])),
  bundleLedger: counted(encrypted(2, ['recordedAt'], ['bundleId'])),
} as const;

export const schemaV6 = {
  version: 6,
  tables,
  stores: {
    ...schemaV5.stores,
    offices: encryptedStore(tables.offices),
    bundleLedger: encryptedStore(tables.bundleLedger),
  },
} as const satisfies SchemaVersionSpec;
