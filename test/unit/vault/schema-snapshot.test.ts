import { describe, expect, it } from 'vitest';
import { schemaVersions, latestSchema } from '../../../renderer/src/vault/schema/versions';
import { plainIndexFields, type EncryptedTableSpec } from '../../../renderer/src/vault/schema/table-spec';

/**
 * Declared schema rules. The stored shape itself is a snapshot read from IndexedDB after running the real chain:
 * test/browser/vault/schema-structure.test.ts.
 */
describe('vault schema', () => {
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
