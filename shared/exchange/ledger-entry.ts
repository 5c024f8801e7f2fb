import { z } from 'zod';
import { BUNDLE_KINDS } from '../bundle/bundle-kinds';
import type { ReplayLedgerView } from '../bundle/verify-bundle';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/**
 * One bundle this office sent or received: the replay ledger (what was imported from whom, with which
 * sequence number), the sequence counter per recipient, and the delivery state shown on the Exchange screen.
 */
export const ledgerEntrySchema = z.strictObject({
  id: z.string().min(1),
  direction: z.enum(['sent', 'received']),
  bundleId: hex(16),
  kind: z.enum(BUNDLE_KINDS),
  /** The other office's signing key (recipient of a sent bundle, sender of a received one). */
  peerKey: hex(32),
  peerName: z.string(),
  caseId: z.string().nullable(),
  /** The reference the bundle carried (ours when sent, the partner's when received). */
  caseRef: z.string().nullable(),
  sequence: z.number().int().nonnegative(),
  headerDigest: hex(64),
  /** BLAKE2b-512 of the whole file (sent bundles: what the transmittal slip prints). */
  fileHash: hex(64).nullable(),
  fileName: z.string().nullable(),
  size: z.number().int().nonnegative(),
  /** Epoch ms; the table's plain index. */
  recordedAt: z.number().int(),
  /**
   * Sent: awaiting-receipt → delivered, or → refused when the partner's receipt refused it (receipts themselves are
   * just 'sent'). Received: received → receipt-sent, or refused (verified but not applied; a refusal receipt went back).
   */
  status: z.enum(['awaiting-receipt', 'delivered', 'refused', 'sent', 'received', 'receipt-sent']),
  /** Null unless delivered: a refused bundle was never delivered. */
  deliveredAt: z.number().int().nullable(),
  /** The stable import code of a refusal, either way (absent on records older than refused receipts). */
  refusalCode: z.string().max(64).optional(),
  /** What left the office (minimisation record): field names and evidence titles. */
  shared: z.strictObject({ fields: z.array(z.string()), files: z.array(z.string()) }).nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/**
 * Which bundle an entry is about, one way. Entries are stored under a random id, never one made of these fields: the
 * ids are plaintext on disk and would list every partner and bundle. Look an entry up by this instead.
 */
export type LedgerBundleRef = Pick<LedgerEntry, 'direction' | 'peerKey' | 'bundleId'>;

export const isEntryFor = (entry: LedgerBundleRef, ref: LedgerBundleRef): boolean =>
  entry.direction === ref.direction && entry.peerKey === ref.peerKey && entry.bundleId === ref.bundleId;

/** The written file, as the atomic writer reported it. */
export type WrittenBundleFacts = {
  readonly built: { readonly bundleId: string; readonly headerDigest: string; readonly size: number };
  readonly fileHash: string;
  readonly fileName: string;
};

/** The ledger entry for a bundle this office just wrote to a drive (a case bundle or a receipt); `id` is random. */
export function sentLedgerEntry(
  written: WrittenBundleFacts,
  sent: Pick<
    LedgerEntry,
    'id' | 'kind' | 'peerKey' | 'peerName' | 'caseId' | 'caseRef' | 'sequence' | 'recordedAt' | 'status' | 'shared'
  >,
): LedgerEntry {
  return {
    ...sent,
    direction: 'sent',
    bundleId: written.built.bundleId,
    headerDigest: written.built.headerDigest,
    fileHash: written.fileHash,
    fileName: written.fileName,
    size: written.built.size,
    deliveredAt: null,
  };
}

/** What the verifier asks about earlier imports, answered from received entries. */
export function replayView(entries: readonly LedgerEntry[]): ReplayLedgerView {
  const received = entries.filter((entry) => entry.direction === 'received');
  return {
    hasSeen: (sender, bundleId) => received.some((entry) => entry.peerKey === sender && entry.bundleId === bundleId),
    lastSequence: (sender) => {
      const sequences = received
        .filter((entry) => entry.peerKey === sender && entry.sequence > 0)
        .map((entry) => entry.sequence);
      return sequences.length > 0 ? Math.max(...sequences) : undefined;
    },
  };
}

/** The next sequence number for bundles to `recipient` (one counter per sender→recipient pair, from 1). */
export function nextSequence(entries: readonly LedgerEntry[], recipient: string): number {
  return (
    entries
      .filter((entry) => entry.direction === 'sent' && entry.peerKey === recipient)
      .reduce((max, entry) => Math.max(max, entry.sequence), 0) + 1
  );
}

/** The sent entry a receipt acknowledges: same bundle id and header digest, sent to the receipt's signer. */
export function sentEntryFor(
  entries: readonly LedgerEntry[],
  signer: string,
  bundleId: string,
  headerDigest: string,
): LedgerEntry | undefined {
  return entries.find(
    (entry) =>
      entry.direction === 'sent' &&
      entry.peerKey === signer &&
      entry.bundleId === bundleId &&
      entry.headerDigest === headerDigest,
  );
}
