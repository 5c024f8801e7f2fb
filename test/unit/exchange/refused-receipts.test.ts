import { describe, expect, it } from 'vitest';
import { buildBundle } from '@shared/bundle/build-bundle';
import { payloadBodySchemas } from '@shared/bundle/bundle-payloads';
import { receiptBodyFor } from '@shared/bundle/receipt-body';
import { verifyBundle, type OpenedBundle } from '@shared/bundle/verify-bundle';
import { memorySink, memorySource } from '@shared/bytes/byte-io';
import { toHex } from '@shared/bytes/bytes';
import { classifyInboxEntry } from '@shared/exchange/inbox-entry';
import { planImport, type ImportLocalState, type VerifiedImport } from '@shared/exchange/import-plan';
import { ledgerEntryId, ledgerEntrySchema, replayView, type LedgerEntry } from '@shared/exchange/ledger-entry';
import {
  isReceiptRefusalCode,
  refusalReceiptBody,
  refusedReceivedEntry,
  type RefusableBundle,
} from '@shared/exchange/refusal-receipt';
import type { Case } from '@shared/domain/case';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { createKeyCard, type SignedKeyCard } from '@shared/offices/key-card';
import { generateOfficeIdentity, type OfficeIdentity } from '@shared/offices/office-identity';
import { fingerprintOf, importKeyCard, markVerified, trustView, type TrustStore } from '@shared/offices/trust-store';
import { alice, DAY, kit, makeContext, requestTo } from '../workflow/workflow-fixtures';

/**
 * Refused receipts, through real bundles: office B receives A's response to a request B never sent, refuses it
 * with a signed receipt; A imports that receipt and its sent entry becomes refused (never delivered).
 */

type Office = {
  identity: OfficeIdentity;
  card: SignedKeyCard;
  key: string;
  name: string;
  trust: TrustStore;
  ledger: LedgerEntry[];
};

const { context, clock } = makeContext();
const NOW = clock.ms;
const aCase: Case = requestTo('authorised', context, clock).case;

function makeOffice(name: string, jurisdiction: string): Office {
  const identity = generateOfficeIdentity(kit);
  const card = createKeyCard(
    kit,
    identity,
    { name, jurisdiction },
    { validFrom: NOW - DAY, validUntil: NOW + 400 * DAY },
  );
  return { identity, card, key: toHex(identity.signingPublicKey), name, trust: {}, ledger: [] };
}

function trustEachOther(a: Office, b: Office): void {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const imported = importKeyCard(kit, self.trust, other.card, NOW);
    if (!imported.ok) throw new Error(imported.error.message);
    const verified = markVerified(
      kit,
      imported.value.store,
      other.key,
      formatFingerprint(fingerprintOf(kit, other.card)),
      NOW,
    );
    if (!verified.ok) throw new Error(verified.error.message);
    self.trust = verified.value;
  }
}

function sentEntry(to: Office, bundleId: string, headerDigest: string, kind: LedgerEntry['kind']): LedgerEntry {
  return {
    id: ledgerEntryId('sent', to.key, bundleId),
    direction: 'sent',
    bundleId,
    kind,
    peerKey: to.key,
    peerName: to.name,
    caseId: kind === 'receipt' ? null : aCase.id,
    caseRef: kind === 'receipt' ? null : aCase.references.local,
    sequence: to.ledger.length + 1,
    headerDigest,
    fileHash: null,
    fileName: null,
    size: 0,
    recordedAt: NOW,
    status: kind === 'receipt' ? 'sent' : 'awaiting-receipt',
    deliveredAt: null,
    shared: null,
  };
}

async function send(from: Office, to: Office, kind: 'response' | 'receipt', body: unknown): Promise<Uint8Array> {
  const sink = memorySink();
  const sequence = from.ledger.filter((entry) => entry.direction === 'sent' && entry.peerKey === to.key).length + 1;
  const built = await buildBundle(
    kit,
    {
      kind,
      body: body as never,
      sender: from.identity,
      recipients: [{ card: to.card, sequence }],
      createdAt: NOW,
      notAfter: NOW + 30 * DAY,
    },
    sink,
  );
  if (!built.ok) throw new Error(built.error.message);
  from.ledger.push(sentEntry(to, built.value.bundleId, built.value.headerDigest, kind));
  return sink.bytes();
}

async function receive(self: Office, bytes: Uint8Array): Promise<OpenedBundle> {
  const verified = await verifyBundle(kit, {
    source: memorySource(bytes),
    trust: trustView(self.trust),
    recipient: {
      signingPublicKey: self.identity.signingPublicKey,
      boxPrivateKeyPlaintext: self.identity.boxPrivateKeyPlaintext,
    },
    clock: () => NOW,
    ledger: replayView(self.ledger),
  });
  if (!verified.ok) throw new Error(`${verified.error.code}: ${verified.error.message}`);
  if (!verified.value.opened) throw new Error('not opened');
  return verified.value;
}

function asImport(bundle: OpenedBundle, sender: Office): VerifiedImport {
  const payload = bundle.payload;
  if (payload.kind === 'key-card' || payload.kind === 'revocation') throw new Error('not a case bundle');
  return {
    bundleId: bundle.header.bundleId,
    headerDigest: bundle.headerDigest,
    sequence: bundle.sequence ?? 0,
    senderKey: bundle.header.sender,
    senderName: sender.name,
    senderJurisdiction: sender.card.card.jurisdiction,
    attachments: bundle.attachments,
    payload,
  };
}

function local(self: Office, cases: readonly Case[]): ImportLocalState {
  return {
    actor: alice,
    context,
    ownJurisdiction: self.card.card.jurisdiction,
    ledger: self.ledger,
    findCase: (id) => cases.find((c) => c.id === id),
    newCaseId: 'new-case',
    newReference: 'FR-CPC-2026-0001',
  };
}

/** A answers a request B never sent; B refuses it (as the importer offers) and writes the refusal receipt. */
async function refusedAtB() {
  const a = makeOffice('Bureau of Quiet Harbours', 'DE');
  const b = makeOffice('Commission des Ports Calmes', 'FR');
  trustEachOther(a, b);
  const responseBytes = await send(a, b, 'response', {
    caseRef: aCase.references.local,
    inReplyTo: '5'.repeat(32),
    case: { summary: 'Subscriber record attached.' },
  });
  const atB = asImport(await receive(b, responseBytes), a);
  const plan = planImport(atB, local(b, []));
  if (plan.ok) throw new Error('the response should have been refused');
  if (!isReceiptRefusalCode(plan.code) || atB.payload.kind === 'receipt')
    throw new Error(`not refusable: ${plan.code}`);
  const refusable: RefusableBundle = {
    bundleId: atB.bundleId,
    kind: atB.payload.kind,
    headerDigest: atB.headerDigest,
    sequence: atB.sequence,
    senderKey: atB.senderKey,
    senderName: atB.senderName,
    fileName: 'response.cbundle',
    size: responseBytes.length,
    code: plan.code,
  };
  const receiptBytes = await send(b, a, 'receipt', refusalReceiptBody(refusable, NOW));
  b.ledger.push(refusedReceivedEntry(refusable, NOW));
  return { a, b, responseBytes, receiptBytes, refusable, plan };
}

describe('refusing a verified bundle with a receipt (receiving office)', () => {
  it('only a verified bundle that cannot be applied is answered; verification failures and "already delivered" are not', () => {
    expect(
      ['IMPORT_NO_MATCHING_CASE', 'IMPORT_CONTENT_INVALID', 'IMPORT_WORKFLOW_REFUSED'].every(isReceiptRefusalCode),
    ).toBe(true);
    for (const code of [
      'IMPORT_ALREADY_DELIVERED',
      'BUNDLE_SIGNER_UNKNOWN',
      'BUNDLE_NOT_FOR_US',
      'BUNDLE_REPLAYED',
      '',
    ])
      expect(isReceiptRefusalCode(code), code).toBe(false);
  });

  it('a response for a case B does not have: the receipt says refused with the code; the ledger keeps none of the case', async () => {
    const { b, refusable, plan } = await refusedAtB();
    expect(plan).toMatchObject({ ok: false, code: 'IMPORT_NO_MATCHING_CASE' });
    const body = payloadBodySchemas.receipt.parse(refusalReceiptBody(refusable, NOW));
    expect(body).toMatchObject({
      receivedBundleId: refusable.bundleId,
      receivedKind: 'response',
      headerDigest: refusable.headerDigest,
      status: 'refused',
      refusalCode: 'IMPORT_NO_MATCHING_CASE',
    });
    const received = ledgerEntrySchema.parse(b.ledger.find((entry) => entry.direction === 'received'));
    expect(received).toMatchObject({
      id: ledgerEntryId('received', refusable.senderKey, refusable.bundleId),
      status: 'refused',
      refusalCode: 'IMPORT_NO_MATCHING_CASE',
      caseId: null,
      caseRef: null,
      shared: null,
      deliveredAt: null,
    });
    // Recorded like any received bundle for replay and order: a second copy is a replay, an older sequence refused.
    expect(replayView(b.ledger).hasSeen(refusable.senderKey, refusable.bundleId)).toBe(true);
    expect(replayView(b.ledger).lastSequence(refusable.senderKey)).toBe(refusable.sequence);
  });

  it('ledger records written before refused receipts existed (no refusalCode) still parse', () => {
    const old: Record<string, unknown> = {
      ...sentEntry(makeOffice('X', 'DE'), 'ab'.repeat(16), 'cd'.repeat(64), 'request'),
    };
    delete old.refusalCode;
    expect(ledgerEntrySchema.safeParse(old).success).toBe(true);
    expect(
      ledgerEntrySchema.safeParse({ ...old, status: 'refused', refusalCode: 'IMPORT_NO_MATCHING_CASE' }).success,
    ).toBe(true);
  });

  it('the inbox shows the refused bundle as refused: not new, not already imported; an altered copy stays altered', async () => {
    const { b, responseBytes } = await refusedAtB();
    const classify = (bytes: Uint8Array, ledger: readonly LedgerEntry[]) =>
      classifyInboxEntry(kit, memorySource(bytes), 'response.cbundle', {
        ownSigningKey: b.key,
        trust: trustView(b.trust),
        ledger,
        now: NOW,
      });
    expect((await classify(responseBytes, [])).state).toBe('new');
    expect((await classify(responseBytes, b.ledger)).state).toBe('refused');
    const imported = b.ledger.map((entry) =>
      entry.direction === 'received' ? { ...entry, status: 'received' as const } : entry,
    );
    expect((await classify(responseBytes, imported)).state).toBe('already-imported');
    const altered = responseBytes.slice();
    altered[altered.length - 10] = (altered[altered.length - 10] ?? 0) ^ 0x01;
    expect((await classify(altered, b.ledger)).state).toBe('altered-copy');
  });
});

describe('planReceipt (sending office)', () => {
  it('a refused receipt marks the sent bundle refused with the code, not delivered, and notes it in the case', async () => {
    const { a, b, receiptBytes, refusable } = await refusedAtB();
    const plan = planImport(asImport(await receive(a, receiptBytes), b), local(a, [aCase]));
    if (!plan.ok || plan.type !== 'receipt') throw new Error(`expected a receipt plan, got ${JSON.stringify(plan)}`);
    expect(plan.sent).toMatchObject({
      id: ledgerEntryId('sent', b.key, refusable.bundleId),
      status: 'refused',
      refusalCode: 'IMPORT_NO_MATCHING_CASE',
      deliveredAt: null,
    });
    expect(ledgerEntrySchema.parse(plan.sent).status).toBe('refused');
    expect(plan.preview[0]).toMatchObject({
      key: 'receiptRefusedBecause',
      values: { office: b.name, code: 'IMPORT_NO_MATCHING_CASE', kind: 'response' },
    });
    expect(plan.case?.id).toBe(aCase.id);
    expect(plan.events).toHaveLength(1);
    expect(plan.events[0]).toMatchObject({
      action: 'receipt-imported',
      details: { status: 'refused', refusalCode: 'IMPORT_NO_MATCHING_CASE', bundleId: refusable.bundleId },
    });
  });

  it('a later receipt for a bundle already refused, or already delivered, changes nothing', async () => {
    const { a, b, receiptBytes, refusable } = await refusedAtB();
    const first = planImport(asImport(await receive(a, receiptBytes), b), local(a, [aCase]));
    if (!first.ok || first.type !== 'receipt') throw new Error('expected a receipt plan');
    // Stored as the importer stores it: the sent entry replaced by the plan's.
    a.ledger = a.ledger.map((entry) => (entry.id === first.sent.id ? first.sent : entry));
    // B (mistakenly) sends a second, "imported" receipt for the same bundle: the refusal stands.
    const contradicting = await send(
      b,
      a,
      'receipt',
      receiptBodyFor({ bundleId: refusable.bundleId, kind: 'response' }, refusable.headerDigest, NOW, {
        status: 'imported',
      }),
    );
    const again = planImport(asImport(await receive(a, contradicting), b), local(a, [aCase]));
    expect(again).toMatchObject({ ok: false, code: 'IMPORT_ALREADY_DELIVERED' });
    if (again.ok) throw new Error('unreachable');
    expect(again.reasons.join()).toContain('already marked refused');

    // And the other way round: a refusal arriving after delivery does not turn a delivered bundle into refused.
    a.ledger = a.ledger.map((entry) =>
      entry.id === first.sent.id
        ? { ...entry, status: 'delivered' as const, deliveredAt: NOW, refusalCode: undefined }
        : entry,
    );
    const late = await send(b, a, 'receipt', refusalReceiptBody(refusable, NOW));
    expect(planImport(asImport(await receive(a, late), b), local(a, [aCase]))).toMatchObject({
      ok: false,
      code: 'IMPORT_ALREADY_DELIVERED',
    });
  });

  it('an imported receipt still marks the bundle delivered, at the clock’s time, with no refusal code', async () => {
    const { a, b, refusable } = await refusedAtB();
    const receipt = await send(
      b,
      a,
      'receipt',
      receiptBodyFor({ bundleId: refusable.bundleId, kind: 'response' }, refusable.headerDigest, NOW, {
        status: 'imported',
      }),
    );
    const plan = planImport(asImport(await receive(a, receipt), b), local(a, [aCase]));
    if (!plan.ok || plan.type !== 'receipt') throw new Error('expected a receipt plan');
    expect(plan.sent.status).toBe('delivered');
    expect(plan.sent.deliveredAt).toBe(clock.now().getTime());
    expect(plan.sent.refusalCode).toBeUndefined();
    expect(plan.preview[0]?.key).toBe('receiptDelivered');
  });
});
