import { latestSchema } from '../../../renderer/src/vault/schema/versions';
import { describe, expect, it } from 'vitest';
import { Dexie, liveQuery } from 'dexie';
import { VaultLockedError } from '../../../renderer/src/vault/vault-keyring';
import { VaultStorageError } from '../../../renderer/src/vault/encryption-middleware';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { createdVault, kit, uniqueDbName } from './vault-test-kit';
import { dumpRaw, findPlaintext, getRaw, putRaw } from './raw-idb';
import { makeCase } from './case-fixtures';
import { sentLedgerEntry } from '@shared/exchange/ledger-entry';
import { refusedReceivedEntry } from '@shared/exchange/refusal-receipt';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf } from '@shared/offices/trust-store';
import { commitExchange } from '../../../renderer/src/exchange/exchange-commit';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { loadTrustStore, saveTrustChanges } from '../../../renderer/src/offices/partner-offices';
import { officeWithCard, withCard } from '../../support/office-cards';

const person = {
  id: 'person-1',
  caseId: 'case-a',
  name: 'Zofia Kowalczyk',
  contact: 'zofia.kowalczyk@example.pl',
  language: 'pl',
};
const caseA = {
  ...makeCase(0),
  id: 'case-a',
  reference: 'DE-BFDI-2026-0042',
  title: 'Operation Blue Heron',
  notes: 'Informant codename Wintermute',
};
const caseB = { ...makeCase(2), id: 'case-b', reference: 'FR-CNIL-2026-0007', title: 'Harbour lights inquiry' };
const caseC = { ...makeCase(3), id: 'case-c', reference: 'NL-AP-2026-0100', title: 'Quiet meadow matter' };
/** Every sensitive value written below; none may appear in raw IndexedDB. */
const sensitive = [
  'Zofia Kowalczyk',
  'zofia.kowalczyk@example.pl',
  'DE-BFDI-2026-0042',
  'FR-CNIL-2026-0007',
  'Operation Blue Heron',
  'Harbour lights inquiry',
  'Informant codename Wintermute',
  'No less intrusive means are available',
  'Imminent risk to life',
  'Production order under Article 5',
];

async function seeded(label: string) {
  const vault = await createdVault(label);
  const { db } = vault;
  await db.cases.bulkPut([caseA, caseB, caseC]);
  await db.people.put(person);
  return vault;
}

describe('the encrypted store', () => {
  it('every read path returns plaintext while raw IndexedDB holds none of the sensitive values', async () => {
    const vault = await seeded('reads');
    const { db } = vault;

    expect(await db.cases.get('case-a')).toEqual(caseA); // get (dates and nesting survive)
    expect((await db.cases.bulkGet(['case-b', 'missing', 'case-a'])).map((c) => c?.title)).toEqual([
      'Harbour lights inquiry',
      undefined,
      'Operation Blue Heron',
    ]);
    expect((await db.cases.where('stage').equals(caseA.stage).toArray()).map((c) => c.id)).toEqual(['case-a']); // where/toArray
    expect((await db.cases.where('reference').equals('  de-bfdi-2026-0042 ').first())?.title).toBe(
      'Operation Blue Heron',
    ); // blind index
    expect(await db.cases.get({ reference: 'FR-CNIL-2026-0007' })).toMatchObject({ id: 'case-b' });
    expect(
      (await db.people.where('contact').equals('zofia.kowalczyk@example.pl').toArray()).map((p) => p.name),
    ).toEqual(['Zofia Kowalczyk']);

    const eachTitles: unknown[] = [];
    await db.cases.each((c) => eachTitles.push(c.title)); // each
    expect(eachTitles.sort()).toEqual(['Harbour lights inquiry', 'Operation Blue Heron', 'Quiet meadow matter']);

    // Cursor paths: filter(), reverse(), offset/limit and an ordered index all iterate an IDB cursor.
    expect((await db.cases.filter((c) => String(c.title).includes('Heron')).toArray()).map((c) => c.id)).toEqual([
      'case-a',
    ]);
    expect((await db.cases.orderBy('updatedAt').reverse().offset(1).limit(1).toArray()).map((c) => c.id)).toEqual([
      'case-b',
    ]);
    const viaCursor: string[] = [];
    await db.cases
      .orderBy('createdAt')
      .until((c) => c.id === 'case-b', true)
      .each((c) => viaCursor.push(String(c.title)));
    expect(viaCursor).toEqual(['Operation Blue Heron', 'Harbour lights inquiry']);

    // modify() reads through a cursor and writes back through the same layer.
    await db.cases.where('id').equals('case-c').modify({ title: 'Quiet meadow matter (renamed)' });
    expect((await db.cases.get('case-c'))?.title).toBe('Quiet meadow matter (renamed)');

    // liveQuery: sees the record, then the change.
    const seen: string[] = [];
    const subscription = liveQuery(() => db.cases.where('reference').equals('DE-BFDI-2026-0042').first()).subscribe(
      (c) => {
        if (c) seen.push(String(c.title));
      },
    );
    await expect.poll(() => seen).toEqual(['Operation Blue Heron']);
    await db.cases.update('case-a', { title: 'Operation Blue Heron II' });
    await expect.poll(() => seen).toEqual(['Operation Blue Heron', 'Operation Blue Heron II']);
    subscription.unsubscribe();

    const dump = await dumpRaw(db.name);
    expect(findPlaintext(dump, [...sensitive, 'Operation Blue Heron II', 'Quiet meadow matter'])).toEqual([]);
    // What is stored: the id, the declared plain indexes, a blind token, the record version, the write counter and
    // the ciphertext.
    const row = dump.cases?.find((entry) => entry.key === 'case-b')?.value;
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'c',
      'createdAt',
      'id',
      'n',
      'reference',
      'stage',
      'updatedAt',
      'v',
    ]);
    expect(row).toMatchObject({
      reference: expect.stringMatching(/^[0-9a-f]{32}$/),
      v: latestSchema.tables.cases.recordVersion,
      c: expect.any(Uint8Array),
    });
    expect(vault.corruption.records).toEqual([]);
  });

  it('partner offices and the bundle ledger show no partner key, fingerprint or bundle id on disk', async () => {
    const vault = await createdVault('exchange-leak');
    const { db } = vault;
    const now = Date.now();
    const partner = officeWithCard(kit, 'Commission des Ports Calmes', 'FR', now);
    const partnerKey = partner.card.card.signingKey;
    const trust = withCard(kit, {}, partner.card, now);
    expect((await saveTrustChanges(db, kit, {}, trust)).ok).toBe(true);
    const sentBundleId = '3c'.repeat(16);
    const receivedBundleId = '9e'.repeat(16);
    const sent = sentLedgerEntry(
      {
        built: { bundleId: sentBundleId, headerDigest: 'd'.repeat(128), size: 900 },
        fileHash: 'f'.repeat(128),
        fileName: 'x.cbundle',
      },
      {
        id: crypto.randomUUID(),
        kind: 'request',
        peerKey: partnerKey,
        peerName: 'Commission des Ports Calmes',
        caseId: 'case-a',
        caseRef: 'DE-BFDI-2026-0042',
        sequence: 1,
        recordedAt: now,
        status: 'awaiting-receipt',
        shared: null,
      },
    );
    const received = refusedReceivedEntry(
      {
        bundleId: receivedBundleId,
        kind: 'response',
        headerDigest: 'e'.repeat(128),
        sequence: 2,
        senderKey: partnerKey,
        senderName: 'Commission des Ports Calmes',
        fileName: 'y.cbundle',
        size: 800,
        code: 'IMPORT_NO_MATCHING_CASE',
      },
      now,
      crypto.randomUUID(),
    );
    expect((await commitExchange(db, { ledgerPut: [sent, received] })).ok).toBe(true);

    // Found again through the blind indexes and read back whole.
    expect((await loadTrustStore(db))[partnerKey]?.state).toBe('verified');
    expect((await loadLedger(db)).map((entry) => entry.bundleId).sort()).toEqual([sentBundleId, receivedBundleId]);
    expect(await db.bundleLedger.where('bundleId').equals(receivedBundleId).toArray()).toEqual([received]);

    const dump = await dumpRaw(db.name);
    expect(
      findPlaintext(dump, [
        partnerKey,
        formatFingerprint(fingerprintOf(kit, partner.card)),
        'Commission des Ports Calmes',
        sentBundleId,
        receivedBundleId,
        'DE-BFDI-2026-0042',
      ]),
    ).toEqual([]);
    expect(vault.corruption.records).toEqual([]);
  });

  it('the plaintext scan does find the same values when they are stored without the vault (control)', async () => {
    const name = uniqueDbName('control');
    const plain = new Dexie(name);
    plain.version(1).stores({ cases: 'id', people: 'id' });
    await plain.table('cases').bulkPut([caseA, caseB]);
    await plain.table('people').put(person);
    plain.close();
    expect(findPlaintext(await dumpRaw(name), sensitive)).toEqual(sensitive);
  });

  it('a ciphertext copied to another row, another table or another record version fails to open and is reported', async () => {
    const vault = await seeded('moved');
    const { db } = vault;
    const rowA = (await getRaw(db.name, 'cases', 'case-a')) as Record<string, unknown>;
    await putRaw(db.name, 'cases', { ...rowA, id: 'case-b' }); // another row
    await putRaw(db.name, 'people', { id: 'case-a', caseId: 'case-a', v: rowA.v, c: rowA.c }); // another table
    const rowC = (await getRaw(db.name, 'cases', 'case-c')) as Record<string, unknown>;
    await putRaw(db.name, 'cases', { ...rowC, v: Number(rowC.v) + 1 }); // another record version

    expect(await db.cases.get('case-b')).toBeUndefined();
    expect(await db.people.get('case-a')).toBeUndefined();
    expect(await db.cases.get('case-c')).toBeUndefined();
    // The rest keeps working: listings skip the damaged rows and still return the good one.
    expect((await db.cases.toArray()).map((c) => c.id)).toEqual(['case-a']);
    expect((await db.cases.orderBy('createdAt').toArray()).map((c) => c.id)).toEqual(['case-a']);
    expect((await db.people.toArray()).map((p) => p.id)).toEqual(['person-1']);
    expect(vault.corruption.records.map((r) => `${r.table}/${r.id}`).sort()).toEqual([
      'cases/case-b',
      'cases/case-c',
      'people/case-a',
    ]);
    expect(vault.corruption.records[0]?.reason).toMatch(/altered, damaged or moved/);
    expect(vault.corruption.records[0]?.cause).toEqual({ code: 'failed-authentication', params: {} });
    // Nothing was deleted or rewritten: the damaged rows are still on disk, byte for byte.
    expect(await getRaw(db.name, 'cases', 'case-b')).toEqual({ ...rowA, id: 'case-b' });
    expect(await db.cases.count()).toBe(3);
  });

  it('refuses range queries on a blind index and non-string values for it', async () => {
    const vault = await seeded('blind');
    await expect(vault.db.cases.where('reference').startsWith('DE').toArray()).rejects.toThrow(/exact value/);
    await expect(vault.db.cases.put({ ...caseA, id: 'case-x', reference: 42 })).rejects.toThrow(VaultStorageError);
  });

  it('a locked vault refuses every read and write, and unlocking restores access', async () => {
    const vault = await seeded('locked');
    const { db } = vault;
    const subkeys = vault.keyring.subkeys();
    vault.lock();
    expect(Array.from(subkeys.records).every((b) => b === 0)).toBe(true); // zeroed, not just dropped
    await expect(db.cases.get('case-a')).rejects.toThrow(VaultLockedError);
    await expect(db.cases.toArray()).rejects.toThrow(VaultLockedError);
    await expect(db.cases.put({ ...caseA, id: 'case-z' })).rejects.toThrow(VaultLockedError);
    const written = await vaultWrite(db, [db.cases], () => db.cases.put({ ...caseA, id: 'case-z' }));
    expect(written).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    expect((await vault.unlock('tidal lanterns hum over 47 quiet harbours')).ok).toBe(true);
    expect((await db.cases.get('case-a'))?.title).toBe('Operation Blue Heron');
  });

  it('refuses anything but a vault header in the plaintext table, and anything but ciphertext in the chunk table', async () => {
    const vault = await seeded('plaintext-guard');
    await expect(
      vault.db.vaultHeader.put({ id: 'vault', header: { note: 'Zofia Kowalczyk' } } as never),
    ).rejects.toThrow(VaultStorageError);
    await expect(
      vault.db.attachmentChunks.put({ attachmentId: 'a', index: 0, c: new Uint8Array(4), name: 'x' } as never),
    ).rejects.toThrow(VaultStorageError);
  });
});
