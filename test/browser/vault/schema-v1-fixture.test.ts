import { describe, expect, it } from 'vitest';
import { attachmentStream, readAttachmentRecord } from '../../../renderer/src/vault/attachments/attachment-store';
import { PASSPHRASE } from './vault-test-kit';
import { dumpRaw } from './raw-idb';
import { loadV1Fixture, rawV1Fixture } from './v1-fixture';

const loadFixture = () => loadV1Fixture('v1-fixture');

describe('schema v1 fixture', () => {
  it('opens a v1 database and reads every table through the current code', async () => {
    const vault = await loadFixture();
    expect(await vault.status()).toEqual({ kind: 'locked', persons: [] });
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    const { db } = vault;
    expect(await vault.readProfile()).toEqual({
      id: 'office',
      officeName: 'Fixture Office, Bonn',
      jurisdiction: 'DE',
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
    // Schema 6 moved offices and ledger entries to random ids; the office's keys follow it.
    const office = await db.offices.where('fingerprint').equals('ab12 cd34').first();
    expect(office).toMatchObject({ signingKey: new Uint8Array([1, 2, 3, 4]) });
    expect(office?.id).not.toBe('office-2');
    expect(
      await db.officeKeys
        .where('officeId')
        .equals(office?.id ?? '')
        .first(),
    ).toMatchObject({
      publicKey: new Uint8Array(32).fill(9),
    });
    const entry = await db.bundleLedger.where('bundleId').equals('bundle-0001').first();
    expect(entry).toMatchObject({ direction: 'in' });
    expect(entry?.id).not.toBe('ledger-1');
    const record = await readAttachmentRecord(db, 'att-1');
    if (!record.ok) throw new Error(record.error.message);
    const text = await new Response(attachmentStream(db, record.value)).text();
    expect(text).toBe('Fixture attachment body. '.repeat(4000));
    expect(vault.corruption.records).toEqual([]);
  });

  it('the current code still writes rows of the v1 shape, with a write counter', async () => {
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
    const shipped = rawV1Fixture.cases?.[0]?.value;
    // The v1 shape plus the write counter of schema 5 (the rows of the fixture itself have none and still open).
    expect(Object.keys(written ?? {}).sort()).toEqual([...Object.keys(shipped ?? {}), 'n'].sort());
  });
});
