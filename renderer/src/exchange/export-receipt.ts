import { buildBundle } from '@shared/bundle/build-bundle';
import { receiptBodyFor } from '@shared/bundle/receipt-body';
import { recordNote } from '@shared/exchange/export-record';
import { nextSequence, sentLedgerEntry } from '@shared/exchange/ledger-entry';
import { bundleFileName, type TransmittalSlip } from '@shared/exchange/transmittal-slip';
import { formatFingerprint } from '@shared/offices/fingerprint';
import { fingerprintOf, type TrustStore } from '@shared/offices/trust-store';
import { err, ok, type Result } from '@shared/result';
import { commitExchange, type ExchangeWrite } from './exchange-commit';
import type { ExchangeDeps } from './exchange-deps';
import { BUNDLE_VALIDITY_MS } from './export-case';
import { loadLedger } from './ledger-store';
import { writeBundleFile } from '../bundle-io/write-bundle-file';

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
  const sender = Object.hasOwn(trust, received.peerKey) ? trust[received.peerKey] : undefined;
  if (!sender || sender.state === 'revoked')
    return err(
      'sender-revoked',
      `The key of ${received.peerName} is no longer trusted, so no receipt can be addressed to it.`,
    );
  const sequence = nextSequence(ledger, received.peerKey);
  const createdAt = deps.now();
  const body = receiptBodyFor(
    { bundleId: received.bundleId, kind: received.kind },
    received.headerDigest,
    received.recordedAt,
    { status: 'imported' },
  );
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
          sender: deps.own.identity,
          recipients: [{ card: sender.card, sequence }],
          createdAt,
          notAfter: createdAt + BUNDLE_VALIDITY_MS,
        },
        sink,
      ),
  });
  if (!written.ok) return written;
  const { built, fileHash, fileName } = written.value;
  const sent = sentLedgerEntry(written.value, {
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
  const write: ExchangeWrite = { ledgerPut: [sent, { ...received, status: 'receipt-sent' }] };
  const c = received.caseId ? await deps.repository.get(received.caseId) : null;
  const noted = c
    ? recordNote(c, deps.actor, deps.context, 'receipt-exported', {
        bundleId: received.bundleId,
        receiptBundleId: built.bundleId,
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
      committed.error.code,
      `The receipt was written to the drive, but recording it failed: ${committed.error.message}`,
    );
  return ok({
    bundleId: built.bundleId,
    kind: 'receipt',
    senderName: deps.officeName,
    senderFingerprint: formatFingerprint(deps.own.fingerprint),
    recipientName: sender.card.card.name,
    recipientFingerprint: formatFingerprint(fingerprintOf(deps.kit, sender.card)),
    fileHash,
    fileName,
    size: built.size,
    createdAt,
    sequence,
  });
}
