import { describe, expect, it } from 'vitest';
import { fromBase64 } from '@shared/vault/bytes';
import { attachmentStream, readAttachmentRecord } from '../../../renderer/src/vault/attachments/attachment-store';
import fixture from './fixtures/v1-database.json';
import { PASSPHRASE, testVault } from './vault-test-kit';
import { dumpRaw, putRaw } from './raw-idb';

/**
 * Schema v1 fixture: a database written by the v1 code (committed as raw IndexedDB rows, bytes in base64).
 * Every later version must still open it and read every table. Never regenerate it: that would hide a break.
 */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (typeof value === 'object' && value !== null) {
    const bytes: unknown = Reflect.get(value, '$bytes');
    if (typeof bytes === 'string') return fromBase64(bytes);
    const date: unknown = Reflect.get(value, '$date');
    if (typeof date === 'string') return new Date(date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

const rawFixture = fixture as Record<string, { key: unknown; value: unknown }[]>;

async function loadFixture() {
  const vault = testVault('v1-fixture');
  await vault.db.open(); // creates the current schema, as an upgrade from nothing would
  for (const [table, rows] of Object.entries(rawFixture)) {
    for (const row of rows) await putRaw(vault.db.name, table, revive(row.value));
  }
  return vault;
}

describe('schema v1 fixture', () => {
  it('opens a v1 database and reads every table through the current code', async () => {
    const vault = await loadFixture();
    expect(await vault.status()).toEqual({ kind: 'locked' });
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    const { db } = vault;
    expect(await vault.readProfile()).toEqual({
      id: 'office',
      officeName: 'Fixture Office, Bonn',
      jurisdiction: 'DE',
      role: 'caseworker',
      createdAt: new Date('2026-01-02T03:04:05Z'),
    });
    expect((await vault.readPreferences()).idleLockMinutes).toBe(15);
    expect(await db.cases.where('reference').equals('DE-BFDI-2026-0001').first()).toMatchObject({
      title: 'Fixture case',
      updatedAt: new Date('2026-01-06T00:00:00Z'),
    });
    expect(await db.cases.where('stage').equals('notice').count()).toBe(1);
    expect(await db.people.where('contact').equals('fixture@example.org').first()).toMatchObject({
      name: 'Fixture Person',
    });
    expect(await db.events.where('[caseId+seq]').equals(['case-1', 1]).first()).toMatchObject({ type: 'created' });
    expect(await db.offices.where('fingerprint').equals('ab12 cd34').first()).toMatchObject({
      signingKey: new Uint8Array([1, 2, 3, 4]),
    });
    expect(await db.officeKeys.where('officeId').equals('office-2').first()).toMatchObject({
      publicKey: new Uint8Array(32).fill(9),
    });
    expect(await db.bundleLedger.where('bundleId').equals('bundle-0001').first()).toMatchObject({ direction: 'in' });
    const record = await readAttachmentRecord(db, 'att-1');
    if (!record.ok) throw new Error(record.error.message);
    const text = await new Response(attachmentStream(db, record.value)).text();
    expect(text).toBe('Fixture attachment body. '.repeat(4000));
    expect(vault.corruption.records).toEqual([]);
  });

  it('the current code still writes rows of the v1 shape', async () => {
    const vault = await loadFixture();
    await vault.unlock(PASSPHRASE);
    await vault.db.cases.put({
      id: 'case-2',
      reference: 'X',
      title: 'T',
      stage: 'draft',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const written = (await dumpRaw(vault.db.name)).cases?.find((row) => row.key === 'case-2')?.value;
    const shipped = rawFixture.cases?.[0]?.value;
    expect(Object.keys(written ?? {}).sort()).toEqual(Object.keys(shipped ?? {}).sort());
  });
});
