import { describe, expect, it } from 'vitest';
import { payloadBodySchemas } from '@shared/bundle/bundle-payloads';
import { receiptBodyFor } from '@shared/bundle/receipt-body';
import { memorySource } from '@shared/bytes/byte-io';
import { classifyInboxEntry } from '@shared/exchange/inbox-entry';
import { planImport } from '@shared/exchange/import-plan';
import { ledgerEntrySchema, replayView, type LedgerEntry } from '@shared/exchange/ledger-entry';
import {
  isReceiptRefusalCode,
  refusalReceiptBody,
  refusedReceivedEntry,
  type RefusableBundle,
} from '@shared/exchange/refusal-receipt';
import type { Case } from '@shared/domain/case';
import { trustView } from '@shared/offices/trust-store';
import {
  asImport,
  ledgerEntry,
  local,
  makeOffice,
  receive,
  send as sendBundle,
  trustEachOther,
  type Office,
} from '../exchange-flow/office-fixtures';
import { kit, makeContext, requestTo } from '../workflow/workflow-fixtures';

/**
 * Refused receipts, through real bundles: office B receives A's response to a request B never sent, refuses it
 * with a signed receipt; A imports that receipt and its sent entry becomes refused (never delivered).
 */

const { context, clock } = makeContext();
const NOW = clock.ms;
const aCase: Case = requestTo('authorised', context, clock).case;

/** A bundle at NOW; a response names A's case in A's ledger, a receipt names none. */
const send = (from: Office, to: Office, kind: 'response' | 'receipt', body: unknown) =>
  sendBundle(
    from,
    to,
    kind,
    body,
    NOW,
    kind === 'receipt' ? {} : { caseId: aCase.id, caseRef: aCase.references.local },
  );

/** A answers a request B never sent; B refuses it (as the importer offers) and writes the refusal receipt. */
async function refusedAtB() {
  const a = makeOffice('Bureau of Quiet Harbours', 'DE', NOW);
  const b = makeOffice('Commission des Ports Calmes', 'FR', NOW);
  trustEachOther(a, b, NOW);
  const responseBytes = await send(a, b, 'response', {
    caseRef: aCase.references.local,
    inReplyTo: '5'.repeat(32),
    case: { summary: 'Subscriber record attached.' },
  });
  const atB = asImport(await receive(b, responseBytes, NOW), a);
  const plan = planImport(atB, local(b, context, [], 'FR-CPC-2026-0001'));
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
  b.ledger.push(refusedReceivedEntry(refusable, NOW, crypto.randomUUID()));
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
      id: expect.not.stringContaining(refusable.bundleId),
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
      ...ledgerEntry('sent', makeOffice('X', 'DE', NOW), {
        bundleId: 'ab'.repeat(16),
        kind: 'request',
        sequence: 1,
        headerDigest: 'cd'.repeat(64),
        recordedAt: NOW,
        caseId: aCase.id,
        caseRef: aCase.references.local,
      }),
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
    const plan = planImport(asImport(await receive(a, receiptBytes, NOW), b), local(a, context, [aCase]));
    if (!plan.ok || plan.type !== 'receipt') throw new Error(`expected a receipt plan, got ${JSON.stringify(plan)}`);
    expect(plan.sent).toMatchObject({
      id: a.ledger.find((entry) => entry.direction === 'sent' && entry.bundleId === refusable.bundleId)?.id,
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
    const first = planImport(asImport(await receive(a, receiptBytes, NOW), b), local(a, context, [aCase]));
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
    const again = planImport(asImport(await receive(a, contradicting, NOW), b), local(a, context, [aCase]));
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
    expect(planImport(asImport(await receive(a, late, NOW), b), local(a, context, [aCase]))).toMatchObject({
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
    const plan = planImport(asImport(await receive(a, receipt, NOW), b), local(a, context, [aCase]));
    if (!plan.ok || plan.type !== 'receipt') throw new Error('expected a receipt plan');
    expect(plan.sent.status).toBe('delivered');
    expect(plan.sent.deliveredAt).toBe(clock.now().getTime());
    expect(plan.sent.refusalCode).toBeUndefined();
    expect(plan.preview[0]?.key).toBe('receiptDelivered');
  });
});
