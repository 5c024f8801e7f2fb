import { encrypted, encryptedStore, type SchemaVersionSpec, type TableSpec } from './table-spec';

/**
 * Schema version 1 — FROZEN. This file shipped; never edit it. A change is a new file (v2.ts) added to
 * versions.ts, with its own fixture test. The schema snapshot test fails if a table or index disappears.
 */

const tables = {
  vaultHeader: { kind: 'vault-header' },
  /** The office profile (name, jurisdiction, role). */
  profile: encrypted(1),
  /** Preferences such as the idle lock. */
  settings: encrypted(1),
  cases: encrypted(1, ['createdAt', 'updatedAt', 'stage'], ['reference']),
  people: encrypted(1, ['caseId'], ['contact']),
  /** Workflow and audit events, hash-chained per case by `seq`. */
  events: encrypted(1, ['caseId', 'at', '[caseId+seq]']),
  attachments: encrypted(1, ['caseId', 'createdAt']),
  attachmentChunks: { kind: 'sealed-chunks' },
  offices: encrypted(1, [], ['fingerprint']),
  officeKeys: encrypted(1, ['officeId', 'createdAt']),
  /** Every bundle sent or received, for idempotent import and replay refusal. */
  bundleLedger: encrypted(1, ['recordedAt'], ['bundleId']),
} as const satisfies Record<string, TableSpec>;

export const schemaV1 = {
  version: 1,
  tables,
  stores: {
    vaultHeader: 'id',
    profile: encryptedStore(tables.profile),
    settings: encryptedStore(tables.settings),
    cases: encryptedStore(tables.cases),
    people: encryptedStore(tables.people),
    events: encryptedStore(tables.events),
    attachments: encryptedStore(tables.attachments),
    attachmentChunks: '[attachmentId+index], attachmentId',
    offices: encryptedStore(tables.offices),
    officeKeys: encryptedStore(tables.officeKeys),
    bundleLedger: encryptedStore(tables.bundleLedger),
  },
} as const satisfies SchemaVersionSpec;
