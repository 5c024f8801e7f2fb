import { describe, expect, it } from 'vitest';
import { schemaVersions, latestSchema } from '../../../renderer/src/vault/schema/versions';
import { plainIndexFields, type EncryptedTableSpec } from '../../../renderer/src/vault/schema/table-spec';

/**
 * The shipped shape of the store. Adding a table or index: extend this snapshot. Removing or renaming one
 * fails here — data already on users' disks lives in it.
 */
const shipped: Record<string, string[]> = {
  vaultHeader: ['id'],
  profile: ['id'],
  settings: ['id'],
  cases: ['id', 'createdAt', 'updatedAt', 'stage', 'reference'],
  people: ['id', 'caseId', 'contact'],
  events: ['id', 'caseId', 'at', '[caseId+seq]'],
  attachments: ['id', 'caseId', 'createdAt'],
  attachmentChunks: ['[attachmentId+index]', 'attachmentId'],
  offices: ['id', 'fingerprint'],
  officeKeys: ['id', 'officeId', 'createdAt'],
  bundleLedger: ['id', 'recordedAt', 'bundleId'],
};

const parse = (store: string) =>
  store
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

describe('vault schema', () => {
  it('keeps every shipped table and index', () => {
    for (const [table, indexes] of Object.entries(shipped)) {
      const store = (latestSchema.stores as Record<string, string>)[table];
      expect(store, `table ${table} disappeared`).toBeDefined();
      for (const index of indexes) expect(parse(store ?? ''), `${table}.${index} disappeared`).toContain(index);
    }
  });

  it('versions are consecutive from 1 and every Dexie table has a storage spec', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(schemaVersions.map((_, i) => i + 1));
    for (const version of schemaVersions)
      expect(Object.keys(version.stores).sort()).toEqual(Object.keys(version.tables).sort());
  });

  it('plain indexes never expose a field that is also blind-indexed, and sensitive names are never plain', () => {
    const sensitive = /name|title|contact|reference|note|text|statement|fingerprint|bundleId|email|phone/i;
    for (const spec of Object.values(latestSchema.tables)) {
      if (spec.kind !== 'encrypted') continue;
      const encryptedSpec: EncryptedTableSpec = spec;
      for (const field of plainIndexFields(encryptedSpec)) {
        expect(field).not.toMatch(sensitive);
        expect(encryptedSpec.blindIndexes).not.toContain(field);
      }
    }
  });
});
