import { describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { concatBytes, toHex } from '@shared/bytes/bytes';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import { memorySource } from '@shared/bytes/byte-io';
import { createKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity } from '@shared/offices/office-identity';
import { importKeyCard, markVerified, fingerprintOf, trustView } from '@shared/offices/trust-store';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { ensureOwnOffice, OWN_KEYS_ID, ownKeysRecordSchema } from '../../../renderer/src/offices/own-office';
import { loadTrustStore, saveTrustChanges } from '../../../renderer/src/offices/partner-offices';
import { withCard } from '../../support/office-cards';
import { createStagingFile } from '../../../renderer/src/bundle-io/staging-file';
import { stageAttachment, discardStaged } from '../../../renderer/src/exchange/attachment-staging';
import { commitExchange } from '../../../renderer/src/exchange/exchange-commit';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { attachmentStream, readAttachmentRecord } from '../../../renderer/src/vault/attachments/attachment-store';
import type { OfficeProfile } from '../../../renderer/src/vault/records/office-profile';
import { createdVault, kit } from '../vault/vault-test-kit';
import { dumpRaw } from '../vault/raw-idb';
import { recordExport } from '@shared/exchange/export-record';
import { parseStoredCase } from '../../../renderer/src/cases/stored-case';
import { importedPersonId } from '@shared/domain/primitives';
import { alice, makeContext, requestTo } from '../../unit/workflow/workflow-fixtures';
import { receivedRequestEntry } from '../../support/ledger-entries';
import { signingOffice } from '@shared/offices/signing-office';

const profile: OfficeProfile = {
  id: 'office',
  officeName: 'Bureau of Quiet Harbours',
  jurisdiction: 'DE',
  createdAt: new Date(),
};
const DAY = 86_400_000;

function bytesOf(total: number): Uint8Array {
  return new Uint8Array(total).map((_, i) => (i * 7 + 3) & 255);
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return concatBytes(...parts);
}

describe('office identity and partners in the vault', () => {
  it('creates the keys once, keeps private halves sealed, and re-signs the card with the same keys when the profile changes', async () => {
    const vault = await createdVault('exchange-identity');
    const now = Date.now();
    const first = await ensureOwnOffice(vault.db, kit, profile, now);
    if (!first.ok) throw new Error(first.error.message);
    const again = await ensureOwnOffice(vault.db, kit, profile, now + 1000);
    if (!again.ok) throw new Error(again.error.message);
    expect(toHex(again.value.signer.publicKey)).toBe(toHex(first.value.signer.publicKey));
    expect(again.value.card).toEqual(first.value.card);
    const renamed = await ensureOwnOffice(
      vault.db,
      kit,
      { ...profile, officeName: 'Bureau of Calm Harbours' },
      now + 2000,
    );
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect(renamed.value.card.card.name).toBe('Bureau of Calm Harbours');
    expect(renamed.value.fingerprint).toEqual(first.value.fingerprint);
    // Raw IndexedDB holds no key material in the clear.
    const raw = JSON.stringify(await dumpRaw(vault.db.name), (_key, value: unknown) =>
      value instanceof Uint8Array ? toHex(value) : value,
    );
    // The private halves as the vault unseals them (our office in memory never shows its signing key).
    const sealed = ownKeysRecordSchema.parse(await vault.db.officeKeys.get(OWN_KEYS_ID));
    expect(toHex(sealed.signingPublicKey)).toBe(toHex(first.value.signer.publicKey));
    expect(raw).not.toContain(toHex(sealed.signingPrivateKeyPlaintext));
    expect(raw).not.toContain(toHex(sealed.boxPrivateKeyPlaintext));
    expect(raw).not.toContain('Bureau of Quiet Harbours');
    expect(await vault.db.officeKeys.get(OWN_KEYS_ID)).toBeDefined();
    expect(await ensureOwnOffice(vault.db, kit, null, now)).toMatchObject({
      ok: false,
      error: { code: 'profile-missing' },
    });
  });

  it('stores partner offices and their trust state, and reads them back after a lock', async () => {
    const vault = await createdVault('exchange-trust');
    const partner = generateOfficeIdentity(kit);
    const card = createKeyCard(
      signingOffice(kit, partner),
      { name: 'Commission des Ports Calmes', jurisdiction: 'FR' },
      { validFrom: Date.now() - DAY, validUntil: Date.now() + 300 * DAY },
    );
    const imported = importKeyCard(kit, {}, card, Date.now());
    if (!imported.ok) throw new Error(imported.error.message);
    expect((await saveTrustChanges(vault.db, kit, {}, imported.value.store)).ok).toBe(true);
    const key = card.card.signingKey;
    const verified = markVerified(
      kit,
      imported.value.store,
      key,
      formatFingerprint(fingerprintOf(kit, card)),
      Date.now(),
    );
    if (!verified.ok) throw new Error(verified.error.message);
    expect((await saveTrustChanges(vault.db, kit, imported.value.store, verified.value)).ok).toBe(true);
    // The second save found the office's row through the fingerprint's blind index and replaced it.
    expect(await vault.db.offices.count()).toBe(1);
    vault.lock();
    expect((await vault.unlock('tidal lanterns hum over 47 quiet harbours')).ok).toBe(true);
    const loaded = await loadTrustStore(vault.db);
    expect(trustView(loaded).lookup(key)?.state).toBe('verified');
    expect(loaded[key]?.card).toEqual(card);
  });
});

describe('export staging and import staging', () => {
  it('builds a bundle out of order into the staging file and reads back exactly what verifies', async () => {
    const sender = generateOfficeIdentity(kit);
    const recipient = generateOfficeIdentity(kit);
    const now = Date.now();
    const senderCard = createKeyCard(
      signingOffice(kit, sender),
      { name: 'A', jurisdiction: 'DE' },
      { validFrom: now - DAY, validUntil: now + 300 * DAY },
    );
    const recipientCard = createKeyCard(
      signingOffice(kit, recipient),
      { name: 'B', jurisdiction: 'FR' },
      { validFrom: now - DAY, validUntil: now + 300 * DAY },
    );
    const staging = await createStagingFile();
    const evidence = bytesOf(3 * 1024 * 1024 + 11);
    const built = await buildBundle(
      kit,
      {
        kind: 'request',
        body: { caseRef: 'DE-1', case: { originatingJurisdiction: 'DE' } },
        sender: signingOffice(kit, sender),
        recipients: [{ card: recipientCard, sequence: 1 }],
        attachments: [
          { name: 'e.bin', mediaType: 'application/octet-stream', size: evidence.length, bytes: [evidence] },
        ],
        createdAt: now,
        notAfter: now + DAY,
      },
      staging.sink,
    );
    if (!built.ok) throw new Error(built.error.message);
    const file = await staging.finish();
    expect(file.size).toBe(built.value.size);
    const bytes = new Uint8Array(await file.arrayBuffer());
    await staging.remove();
    const trust = withCard(kit, {}, senderCard, now);
    const verified = await verifyBundle(kit, {
      source: memorySource(bytes),
      trust: trustView(trust),
      recipient: {
        signingPublicKey: recipient.signingPublicKey,
        boxPrivateKeyPlaintext: recipient.boxPrivateKeyPlaintext,
      },
      clock: () => now,
      ledger: null,
    });
    expect(verified.ok).toBe(true);
  });

  it('stages verified attachment bytes invisibly; the record lands only with the commit, and a discard leaves nothing', async () => {
    const vault = await createdVault('exchange-staging');
    const evidence = bytesOf(700 * 1024);
    const staged = stageAttachment(vault.db, {
      id: 'att-1',
      caseId: 'case-1',
      fileName: 'e.bin',
      mediaType: 'application/octet-stream',
      now: new Date(),
    });
    for (let offset = 0; offset < evidence.length; offset += 100_000)
      await staged.sink.write(evidence.subarray(offset, offset + 100_000));
    staged.finish();
    const stored = await staged.stored;
    if (!stored.ok) throw new Error(stored.error.message);
    expect(await vault.db.attachments.get('att-1')).toBeUndefined();
    expect(await vault.db.attachmentChunks.where('attachmentId').equals('att-1').count()).toBeGreaterThan(0);

    const committed = await commitExchange(vault.db, {
      attachments: [stored.value],
      ledgerPut: [receivedRequestEntry('1'.repeat(32))],
      once: { direction: 'received', peerKey: 'a'.repeat(64), bundleId: '1'.repeat(32) },
    });
    expect(committed.ok).toBe(true);
    const record = await readAttachmentRecord(vault.db, 'att-1');
    if (!record.ok) throw new Error(record.error.message);
    // Compared by hash: a deep equality over 700 KiB of bytes is slow in the browser runner.
    expect(toHex(kit.hash(await drain(attachmentStream(vault.db, record.value)), 32))).toBe(
      toHex(kit.hash(evidence, 32)),
    );

    // The same bundle again (two imports at once): refused as a no-op, and nothing of the second write is kept.
    const second = stageAttachment(vault.db, {
      id: 'att-2',
      caseId: 'case-1',
      fileName: 'f.bin',
      mediaType: 'application/octet-stream',
      now: new Date(),
    });
    await second.sink.write(evidence.subarray(0, 1000));
    second.finish();
    const secondStored = await second.stored;
    if (!secondStored.ok) throw new Error(secondStored.error.message);
    const twice = await commitExchange(vault.db, {
      attachments: [secondStored.value],
      ledgerPut: [receivedRequestEntry('1'.repeat(32))],
      once: { direction: 'received', peerKey: 'a'.repeat(64), bundleId: '1'.repeat(32) },
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'already-recorded' } });
    expect(await vault.db.attachments.get('att-2')).toBeUndefined();
    await discardStaged(vault.db, ['att-2']);
    expect(await vault.db.attachmentChunks.where('attachmentId').equals('att-2').count()).toBe(0);
    expect((await loadLedger(vault.db)).map((e) => e.bundleId)).toEqual(['1'.repeat(32)]);
  });

  it('a failed verification errors the staging stream and removes what was written', async () => {
    const vault = await createdVault('exchange-staging-fail');
    const staged = stageAttachment(vault.db, {
      id: 'att-x',
      caseId: 'case-1',
      fileName: 'x.bin',
      mediaType: 'application/octet-stream',
      now: new Date(),
    });
    await staged.sink.write(bytesOf(600 * 1024));
    staged.fail(new Error('verification failed'));
    const stored = await staged.stored;
    expect(stored.ok).toBe(false);
    expect(await vault.db.attachmentChunks.where('attachmentId').equals('att-x').count()).toBe(0);
  });
});

describe('the one-transaction exchange write', () => {
  it('stores case, events and ledger together, and nothing when the case moved meanwhile', async () => {
    const vault = await createdVault('exchange-commit');
    const { context, clock } = makeContext();
    const authorised = requestTo('authorised', context, clock).case;
    // The vault stores only local person ids (the workflow fixture's `p1`, `p2` are not).
    const c = {
      ...authorised,
      affectedPeople: authorised.affectedPeople.map((person, index) => ({ ...person, id: importedPersonId(index) })),
    };
    await vault.db.cases.add(c);
    const recorded = recordExport(c, alice, context, {
      bundleId: '5'.repeat(32),
      kind: 'request',
      message: '',
      recipientKey: 'b'.repeat(64),
      sequence: 1,
      fields: ['purpose'],
      files: 0,
    });
    if (!recorded.ok) throw new Error(recorded.reasons.join());
    const sent = {
      ...receivedRequestEntry('5'.repeat(32)),
      id: crypto.randomUUID(),
      direction: 'sent' as const,
      status: 'awaiting-receipt' as const,
    };
    const stale = await commitExchange(vault.db, {
      caseChange: { type: 'update', case: recorded.case, expectedHead: { count: 0, headHash: '0'.repeat(64) } },
      events: recorded.events,
      ledgerPut: [sent],
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'case-conflict' } });
    expect(await loadLedger(vault.db)).toEqual([]);
    expect(await vault.db.events.count()).toBe(0);
    expect(parseStoredCase(await vault.db.cases.get(c.id))?.stage).toBe('authorised');

    const fresh = await commitExchange(vault.db, {
      caseChange: { type: 'update', case: recorded.case, expectedHead: c.audit },
      events: recorded.events,
      ledgerPut: [sent],
    });
    expect(fresh.ok).toBe(true);
    expect(parseStoredCase(await vault.db.cases.get(c.id))?.stage).toBe('request-sent');
    expect(await vault.db.events.count()).toBe(2);
    expect((await loadLedger(vault.db)).map((e) => e.status)).toEqual(['awaiting-receipt']);
  });
});
