import { describe, expect, it } from 'vitest';
import { memorySource } from '@shared/bytes/byte-io';
import { verifyBundle } from '@shared/bundle/verify-bundle';
import type { RefusableBundle } from '@shared/exchange/refusal-receipt';
import { trustView, type TrustStore } from '@shared/offices/trust-store';
import { refuseWithReceipt, type ReceiptDeps } from '../../../renderer/src/exchange/export-receipt';
import { loadLedger } from '../../../renderer/src/exchange/ledger-store';
import { ensureOwnOffice } from '../../../renderer/src/offices/own-office';
import { officeWithCard, withCard } from '../../support/office-cards';
import { recordingWriter } from './recording-writer';
import { createdVault, kit } from '../vault/vault-test-kit';

/** A partner office whose card the vault's office has imported and verified, with that office's trust store. */
function verifiedPartner(now: number) {
  const { identity, card } = officeWithCard(kit, 'Commission des Ports Calmes', 'FR', now);
  return { identity, card, trust: withCard(kit, {}, card, now) };
}

/** A new vault whose own office is the Bureau of Quiet Harbours (DE). */
async function vaultWithOwnOffice(name: string, now: number) {
  const vault = await createdVault(name);
  const own = await ensureOwnOffice(
    vault.db,
    kit,
    { id: 'office', officeName: 'Bureau of Quiet Harbours', jurisdiction: 'DE', createdAt: new Date(now) },
    now,
  );
  if (!own.ok) throw new Error(own.error.message);
  return { vault, own: own.value };
}

describe('refusing a verified bundle with a receipt, in the vault', () => {
  it('writes a signed refused receipt, records it and the refused bundle in one go, stores no case, and never twice', async () => {
    const now = Date.now();
    const { vault, own } = await vaultWithOwnOffice('refuse-with-receipt', now);
    const partner = verifiedPartner(now);
    const { writer, files } = recordingWriter();
    const deps: ReceiptDeps = {
      db: vault.db,
      kit,
      own,
      officeName: 'Bureau of Quiet Harbours',
      now: () => now,
      shell: { exchange: writer },
    };
    const refusable: RefusableBundle = {
      bundleId: '7'.repeat(32),
      kind: 'response',
      headerDigest: 'd'.repeat(128),
      sequence: 3,
      senderKey: partner.card.card.signingKey,
      senderName: 'Commission des Ports Calmes',
      fileName: 'casebridge-response-7777.cbundle',
      size: 1500,
      code: 'IMPORT_NO_MATCHING_CASE',
    };

    const refused = await refuseWithReceipt(deps, partner.trust, refusable, 'folder-token');
    if (!refused.ok) throw new Error(refused.error.message);
    expect(refused.value).toMatchObject({ kind: 'receipt', recipientName: 'Commission des Ports Calmes', sequence: 1 });
    expect(files).toHaveLength(1);

    // The partner opens the receipt: signed by us, addressed to it, refused with the code, naming its bundle exactly.
    const ourTrust = withCard(kit, {}, own.card, now);
    const opened = await verifyBundle(kit, {
      source: memorySource(files[0] ?? new Uint8Array()),
      trust: trustView(ourTrust),
      recipient: {
        signingPublicKey: partner.identity.signingPublicKey,
        boxPrivateKeyPlaintext: partner.identity.boxPrivateKeyPlaintext,
      },
      clock: () => now,
      ledger: { hasSeen: () => false, lastSequence: () => undefined },
    });
    if (!opened.ok || !opened.value.opened) throw new Error('the receipt did not verify');
    expect(opened.value.payload).toMatchObject({
      kind: 'receipt',
      body: {
        receivedBundleId: refusable.bundleId,
        receivedKind: 'response',
        headerDigest: refusable.headerDigest,
        status: 'refused',
        refusalCode: 'IMPORT_NO_MATCHING_CASE',
      },
    });

    // Both entries, and nothing of the case.
    const ledger = await loadLedger(vault.db);
    expect(ledger).toHaveLength(2);
    expect(ledger.find((entry) => entry.direction === 'received')).toMatchObject({
      // A random id: one made of the sender's key and the bundle id would show both on disk.
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-/),
      status: 'refused',
      refusalCode: 'IMPORT_NO_MATCHING_CASE',
      caseId: null,
      caseRef: null,
      shared: null,
      sequence: 3,
    });
    expect(ledger.find((entry) => entry.direction === 'sent')).toMatchObject({
      kind: 'receipt',
      status: 'sent',
      peerKey: refusable.senderKey,
      sequence: 1,
    });
    expect(await vault.db.cases.count()).toBe(0);
    expect(await vault.db.events.count()).toBe(0);

    // A second refusal of the same bundle writes nothing and records nothing.
    const again = await refuseWithReceipt(deps, partner.trust, refusable, 'folder-token');
    expect(again).toMatchObject({ ok: false, error: { code: 'already-recorded' } });
    expect(files).toHaveLength(1);
    expect(await loadLedger(vault.db)).toHaveLength(2);
  });

  it('addresses no receipt to an office whose key is revoked', async () => {
    const now = Date.now();
    const { vault, own } = await vaultWithOwnOffice('refuse-revoked', now);
    const partner = verifiedPartner(now);
    const key = partner.card.card.signingKey;
    const current = partner.trust[key];
    if (!current) throw new Error('partner missing');
    const revoked: TrustStore = { [key]: { ...current, state: 'revoked', revokedAt: now } };
    const { writer, files } = recordingWriter();
    const refused = await refuseWithReceipt(
      { db: vault.db, kit, own, officeName: 'B', now: () => now, shell: { exchange: writer } },
      revoked,
      {
        bundleId: '8'.repeat(32),
        kind: 'decision',
        headerDigest: 'e'.repeat(128),
        sequence: 1,
        senderKey: key,
        senderName: 'Commission des Ports Calmes',
        fileName: 'x.cbundle',
        size: 1,
        code: 'IMPORT_WORKFLOW_REFUSED',
      },
      'folder-token',
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'sender-revoked' } });
    expect(files).toHaveLength(0);
    expect(await loadLedger(vault.db)).toHaveLength(0);
  });
});
