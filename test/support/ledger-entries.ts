import type { LedgerEntry } from '@shared/exchange/ledger-entry';

/** A request received from a partner (key `a…a`) and recorded in the ledger, not tied to a case. */
export function receivedRequestEntry(bundleId: string): LedgerEntry {
  return {
    id: crypto.randomUUID(),
    direction: 'received',
    bundleId,
    kind: 'request',
    peerKey: 'a'.repeat(64),
    peerName: 'Partner',
    caseId: null,
    caseRef: 'X-1',
    sequence: 1,
    headerDigest: 'd'.repeat(128),
    fileHash: null,
    fileName: 'x.cbundle',
    size: 10,
    recordedAt: Date.now(),
    status: 'received',
    deliveredAt: null,
    shared: null,
  };
}
