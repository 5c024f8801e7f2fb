import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@shared/exchange/ledger-entry';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf } from '@shared/offices/trust-store';
import { commitExchange } from '../../../renderer/src/exchange/exchange-commit';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { loadTrustStore } from '../../../renderer/src/offices/partner-offices';
import { readDataVersion, writeDataVersion } from '../../../renderer/src/vault/migrations/data-version';
import { latestSchema } from '../../../renderer/src/vault/schema/versions';
import { vaultWrite } from '../../../renderer/src/vault/vault-write';
import { officeWithCard, withCard } from '../../support/office-cards';
import { dumpRaw, findPlaintext } from './raw-idb';
import { kit, PASSPHRASE, testVault } from './vault-test-kit';

const NOW = Date.parse('2026-03-01T10:00:00Z');

function entry(direction: LedgerEntry['direction'], peerKey: string, bundleId: string): LedgerEntry {
  return {
    // The id as the build before schema 6 made it: readable on disk.
    id: `${direction}:${peerKey}:${bundleId}`,
    direction,
    bundleId,
    kind: 'request',
    peerKey,
    peerName: 'Commission des Ports Calmes',
    caseId: 'case-1',
    caseRef: 'FR-CNIL-2026-0007',
    sequence: 1,
    headerDigest: 'd'.repeat(128),
    fileHash: null,
    fileName: 'x.cbundle',
    size: 10,
    recordedAt: NOW,
    status: direction === 'sent' ? 'awaiting-receipt' : 'received',
    deliveredAt: null,
    shared: null,
  };
}

describe('upgrade to random row ids (schema 6)', () => {
  it('moves partner offices and ledger entries to random ids, keeping trust, the ledger and references working', async () => {
    // A vault as the build before schema 6 left it: data version 5, rows keyed by signing key and bundle id.
    const old = testVault('random-ids-upgrade');
    expect((await old.create(PASSPHRASE, 'Ana Silva')).ok).toBe(true);
    const partner = officeWithCard(kit, 'Commission des Ports Calmes', 'FR', NOW);
    const partnerKey = partner.card.card.signingKey;
    const trust = withCard(kit, {}, partner.card, NOW);
    const office = trust[partnerKey];
    if (!office) throw new Error('no office');
    const fingerprint = formatFingerprint(fingerprintOf(kit, partner.card));
    const received = entry('received', partnerKey, '9e'.repeat(16));
    const sent = entry('sent', partnerKey, '3c'.repeat(16));
    const written = await vaultWrite(
      old.db,
      [old.db.offices, old.db.officeKeys, old.db.bundleLedger, old.db.settings],
      async () => {
        await old.db.offices.put({ id: partnerKey, fingerprint, office: { ...office } });
        // Schema 1's link from a key to its office row by id (no current code writes one; old vaults may hold it).
        await old.db.officeKeys.put({ id: 'key-1', officeId: partnerKey, createdAt: new Date(NOW) });
        await old.db.bundleLedger.bulkPut([received, sent]);
        await writeDataVersion(old.db, 5, new Date(NOW));
      },
    );
    expect(written.ok).toBe(true);
    const before = await dumpRaw(old.db.name);
    // The control: the old ids do show the partner and the bundles on disk.
    expect(findPlaintext(before, [partnerKey, received.bundleId, sent.bundleId])).toHaveLength(3);
    old.lock();
    old.db.close();

    const vault = testVault('random-ids-upgrade', { dbName: old.db.name });
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    const { db } = vault;
    expect(await readDataVersion(db)).toBe(latestSchema.version);
    expect(findPlaintext(await dumpRaw(db.name), [partnerKey, received.bundleId, sent.bundleId])).toEqual([]);

    // Trust, found through the rows' contents, is what it was; the next save replaces the same row.
    const loaded = await loadTrustStore(db);
    expect(loaded[partnerKey]).toEqual(office);
    const [officeRow] = await db.offices.toArray();
    expect(officeRow?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(await db.officeKeys.get('key-1')).toMatchObject({ officeId: officeRow?.id });

    // The ledger holds the same entries under new ids; the replay guard still finds the received bundle.
    const ledger = await loadLedger(db);
    // Same recordedAt, so compared in a fixed order (the ledger's tie order follows the random ids).
    const withoutIds = (entries: readonly LedgerEntry[]) =>
      entries.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.bundleId.localeCompare(b.bundleId));
    expect(withoutIds(ledger)).toEqual(withoutIds([received, sent]));
    expect(ledger.map((e) => e.id)).not.toContain(received.id);
    const again = await commitExchange(db, {
      ledgerPut: [{ ...received, id: crypto.randomUUID() }],
      once: { direction: 'received', peerKey: partnerKey, bundleId: received.bundleId },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'already-recorded' } });
    expect(vault.corruption.records).toEqual([]);

    // A second unlock changes nothing: the ids stay.
    const ids = (await db.bundleLedger.toArray()).map((row) => row.id).sort();
    vault.lock();
    expect((await vault.unlock(PASSPHRASE)).ok).toBe(true);
    expect((await db.bundleLedger.toArray()).map((row) => row.id).sort()).toEqual(ids);
  });
});
