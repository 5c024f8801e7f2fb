import { buildBundle } from '@shared/bundle/build-bundle';
import type { PayloadBody } from '@shared/bundle/bundle-payloads';
import { receiptBodyFor } from '@shared/bundle/receipt-body';
import { recordNote } from '@shared/exchange/export-record';
import {
  isEntryFor,
  nextSequence,
  sentLedgerEntry,
  type LedgerBundleRef,
  type LedgerEntry,
} from '@shared/exchange/ledger-entry';
import { refusalReceiptBody, refusedReceivedEntry, type RefusableBundle } from '@shared/exchange/refusal-receipt';
import { bundleFileName, type TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, type PartnerOffice, type TrustStore } from '@shared/offices/trust-store';
import { err, ok, type Result } from '@shared/result';
import { commitExchange, type ExchangeWrite } from './exchange-commit';
import type { ExchangeDeps } from './exchange-deps';
import { BUNDLE_VALIDITY_MS } from './export-case';
import { loadLedger } from './ledger-store';
import { writeBundleFile, type BundleWriter, type WrittenBundle } from '../bundle-io/write-bundle-file';

/** What writing and recording a receipt needs (no case store: a refusal touches no case). */
export type ReceiptDeps = Pick<ExchangeDeps, 'db' | 'kit' | 'own' | 'officeName' | 'now'> & {
  readonly shell: { readonly exchange: BundleWriter };
};

/**
 * Writes the signed receipt for a bundle we imported, to carry back to its sender. The receipt names the
 * bundle by id and header digest, so the sender can match it exactly to what it sent.
 */
export async function exportReceipt(
  deps: ExchangeDeps,
  trust: TrustStore,
  receivedId: string,
  folderToken: string,
): Promise<Result<TransmittalSlip, string>> {
  const ledger = await loadLedger(deps.db);
  const received = ledger.find((entry) => entry.id === receivedId && entry.direction === 'received');
  if (!received) return err('not-found', 'This bundle is not in the exchange log.');
  if (received.kind === 'receipt') return err('no-receipt', 'A receipt is not itself acknowledged.');
  // A refused bundle was answered with its refusal receipt; an "imported" receipt for it would be a lie.
  if (received.status === 'refused')
    return err('already-refused', 'This bundle was refused and its refusal receipt was written; it was not imported.');
  const sender = trustedSender(trust, received.peerKey, received.peerName);
  if (!sender.ok) return sender;
  const body = receiptBodyFor(
    { bundleId: received.bundleId, kind: received.kind },
    received.headerDigest,
    received.recordedAt,
    { status: 'imported' },
  );
  const written = await writeReceipt(deps, ledger, sender.value, body, folderToken);
  if (!written.ok) return written;
  const { file, sequence, createdAt } = written.value;
  const sent = receiptEntry(deps, file, received, sequence);
  const write: ExchangeWrite = { ledgerPut: [sent, { ...received, status: 'receipt-sent' }] };
  const c = received.caseId ? await deps.repository.get(received.caseId) : null;
  const noted = c
    ? recordNote(c, deps.actor, deps.context, 'receipt-exported', {
        bundleId: received.bundleId,
        receiptBundleId: file.built.bundleId,
      })
    : null;
  const committed = await commitExchange(
    deps.db,
    c && noted
      ? { ...write, caseChange: { type: 'update', case: noted.case, expectedHead: c.audit }, events: [noted.event] }
      : write,
  );
  if (!committed.ok)
    return err(
      'written-not-recorded',
      `The receipt was written to the drive, but recording it failed: ${committed.error.message}`,
    );
  return ok(slipOf(deps, sender.value, file, createdAt, sequence));
}

/**
 * Refuses a bundle that verified but cannot be applied, with a signed receipt (status refused, the import code) to
 * its sender, and records both in ONE transaction: the bundle as received and refused (so the inbox no longer calls
 * it new, the replay and sequence checks hold, and no second refusal can be recorded) and the receipt as sent.
 * Nothing of the bundle's case is stored. The caller gets `refusable` only from a complete verification.
 */
export async function refuseWithReceipt(
  deps: ReceiptDeps,
  trust: TrustStore,
  refusable: RefusableBundle,
  folderToken: string,
): Promise<Result<TransmittalSlip, string>> {
  const ledger = await loadLedger(deps.db);
  const bundle: LedgerBundleRef = { direction: 'received', peerKey: refusable.senderKey, bundleId: refusable.bundleId };
  if (ledger.some((entry) => isEntryFor(entry, bundle)))
    return err('already-recorded', 'This bundle is already in the exchange log; no second receipt is written.');
  const sender = trustedSender(trust, refusable.senderKey, refusable.senderName);
  if (!sender.ok) return sender;
  const receivedAt = deps.now();
  const written = await writeReceipt(
    deps,
    ledger,
    sender.value,
    refusalReceiptBody(refusable, receivedAt),
    folderToken,
  );
  if (!written.ok) return written;
  const { file, sequence, createdAt } = written.value;
  const received = refusedReceivedEntry(refusable, receivedAt, crypto.randomUUID());
  const committed = await commitExchange(deps.db, {
    ledgerPut: [receiptEntry(deps, file, received, sequence), received],
    once: bundle,
  });
  if (!committed.ok)
    return err(
      'written-not-recorded',
      `The refusal receipt was written to the drive, but recording it failed: ${committed.error.message}`,
    );
  return ok(slipOf(deps, sender.value, file, createdAt, sequence));
}

/** The office a receipt goes to, by its signing key. */
type Addressee = { readonly key: string; readonly office: PartnerOffice };

/** A receipt is addressed only to a partner whose key we still trust. */
function trustedSender(trust: TrustStore, peerKey: string, peerName: string): Result<Addressee, string> {
  const office = Object.hasOwn(trust, peerKey) ? trust[peerKey] : undefined;
  if (!office || office.state === 'revoked')
    return err('sender-revoked', `The key of ${peerName} is no longer trusted, so no receipt can be addressed to it.`);
  return ok({ key: peerKey, office });
}

type WrittenReceipt = { readonly file: WrittenBundle; readonly sequence: number; readonly createdAt: number };

/** Builds and writes one receipt (atomic write, read back) with the next sequence number for its recipient. */
async function writeReceipt(
  deps: ReceiptDeps,
  ledger: readonly LedgerEntry[],
  to: Addressee,
  body: PayloadBody<'receipt'>,
  folderToken: string,
): Promise<Result<WrittenReceipt, string>> {
  const sequence = nextSequence(ledger, to.key);
  const createdAt = deps.now();
  const written = await writeBundleFile({
    kit: deps.kit,
    writer: deps.shell.exchange,
    folderToken,
    expectedBytes: 4096,
    fileName: (built) => bundleFileName(built.kind, built.bundleId),
    build: (sink) =>
      buildBundle(
        deps.kit,
        {
          kind: 'receipt',
          body,
          sender: deps.own,
          recipients: [{ card: to.office.card, sequence }],
          createdAt,
          notAfter: createdAt + BUNDLE_VALIDITY_MS,
        },
        sink,
      ),
  });
  return written.ok ? ok({ file: written.value, sequence, createdAt }) : written;
}

function receiptEntry(deps: ReceiptDeps, file: WrittenBundle, received: LedgerEntry, sequence: number): LedgerEntry {
  return sentLedgerEntry(file, {
    id: crypto.randomUUID(),
    kind: 'receipt',
    peerKey: received.peerKey,
    peerName: received.peerName,
    caseId: received.caseId,
    caseRef: null,
    sequence,
    recordedAt: deps.now(),
    status: 'sent',
    shared: null,
  });
}

function slipOf(
  deps: ReceiptDeps,
  to: Addressee,
  file: WrittenBundle,
  createdAt: number,
  sequence: number,
): TransmittalSlip {
  return {
    bundleId: file.built.bundleId,
    kind: 'receipt',
    senderName: deps.officeName,
    senderFingerprint: formatFingerprint(deps.own.fingerprint),
    recipientName: to.office.card.card.name,
    recipientFingerprint: formatFingerprint(fingerprintOf(deps.kit, to.office.card)),
    fileHash: file.fileHash,
    fileName: file.fileName,
    size: file.built.size,
    createdAt,
    sequence,
  };
}
